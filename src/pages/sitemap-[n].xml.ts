// The sitemap files: /sitemap-1.xml, /sitemap-2.xml … each at most 50,000 URLs (see _sitemap.ts).
import type { APIRoute, GetStaticPaths } from 'astro';
import { sitemapFileCount, sitemapFileXml, xmlResponse } from './_sitemap.ts';
import { sharedPaths } from '../site/shard.ts';

export const getStaticPaths = (() =>
  sharedPaths(() => Array.from({ length: sitemapFileCount() }, (_, i) => ({ params: { n: String(i + 1) } })))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params, site }) => xmlResponse(sitemapFileXml(Number(params.n), site));
