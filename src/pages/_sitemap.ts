/**
 * The sitemap's entries: every page route from sitePaths() (portal.ts) in both languages,
 * each with its hreflang alternates, split into files of at most SITEMAP_MAX_URLS <url>
 * entries (the sitemaps.org limit). Used by sitemap.xml.ts (the index) and
 * sitemap-[n].xml.ts (the files). Not a route: the leading underscore keeps Astro away.
 */
import { sitePaths } from '../site/portal.ts';
import { programmeSitePaths } from '../site/programme-pages.ts';
import { LANGS, href, htmlLang, withBase } from '../i18n/index.ts';
import { escapeXml } from '../core/xml.ts';

/** The most <url> entries one sitemap file may hold (sitemaps.org). */
export const SITEMAP_MAX_URLS = 50_000;

let cachedPaths: string[] | null = null;
function paths(): string[] {
  cachedPaths ??= [...sitePaths(), ...programmeSitePaths()];
  return cachedPaths;
}

/** How many sitemap files the site needs (at least one). */
export function sitemapFileCount(perFile = SITEMAP_MAX_URLS): number {
  return Math.max(1, Math.ceil((paths().length * LANGS.length) / perFile));
}

/** The route of sitemap file n (1-based), without base path. */
export function sitemapFilePath(n: number): string {
  return `/sitemap-${n}.xml`;
}

/** An absolute URL for a site path (already carrying the base path). */
function absolute(url: string, site: URL | undefined): string {
  return site ? new URL(url, site).href : url;
}

/** The sitemap index listing every sitemap file. */
export function sitemapIndexXml(site: URL | undefined, perFile = SITEMAP_MAX_URLS): string {
  const files = Array.from({ length: sitemapFileCount(perFile) }, (_, i) => absolute(withBase(sitemapFilePath(i + 1)), site));
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ...files.map((loc) => `<sitemap><loc>${escapeXml(loc)}</loc></sitemap>`),
    '</sitemapindex>',
    '',
  ].join('\n');
}

/** Sitemap file n (1-based): pages in sitePaths() order, each language in turn, with alternates. */
export function sitemapFileXml(n: number, site: URL | undefined, perFile = SITEMAP_MAX_URLS): string {
  const all = paths();
  const urls: string[] = [];
  const first = (n - 1) * perFile;
  for (let k = first; k < Math.min(first + perFile, all.length * LANGS.length); k++) {
    const path = all[Math.floor(k / LANGS.length)]!;
    const lang = LANGS[k % LANGS.length]!;
    const alternates = LANGS.map((l) => `<xhtml:link rel="alternate" hreflang="${htmlLang(l)}" href="${escapeXml(absolute(href(l, path), site))}"/>`);
    alternates.push(`<xhtml:link rel="alternate" hreflang="x-default" href="${escapeXml(absolute(href('zh', path), site))}"/>`);
    urls.push(`<url><loc>${escapeXml(absolute(href(lang, path), site))}</loc>${alternates.join('')}</url>`);
  }
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">',
    ...urls,
    '</urlset>',
    '',
  ].join('\n');
}

/** An XML response. */
export function xmlResponse(xml: string): Response {
  return new Response(xml, { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
}
