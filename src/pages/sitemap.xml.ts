// The sitemap index: /sitemap.xml lists the sitemap-N.xml files (see _sitemap.ts).
import type { APIRoute } from 'astro';
import { sitemapIndexXml, xmlResponse } from './_sitemap.ts';

export const GET: APIRoute = ({ site }) => xmlResponse(sitemapIndexXml(site));
