// robots.txt: everything may be crawled; points to the sitemap index. (Crawlers read it only
// at the host root, so a site under a sub-folder base path should copy it there.)
import type { APIRoute } from 'astro';
import { withBase } from '../i18n/index.ts';

export const GET: APIRoute = ({ site }) => {
  const sitemap = site ? new URL(withBase('sitemap.xml'), site).href : withBase('sitemap.xml');
  return new Response(`User-agent: *\nAllow: /\n\nSitemap: ${sitemap}\n`, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
