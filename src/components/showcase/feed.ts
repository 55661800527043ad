/**
 * The showcase column's RSS 2.0 feed, built by hand: one feed per language, absolute links
 * from the configured site URL and base path, dates from the entries (never the clock), so
 * the same data always gives the same bytes.
 */
import { parkByCode, showcaseEntries, site } from '../../site/portal.ts';
import { routes } from '../../site/routes.ts';
import { href, htmlLang, localName, t, type Lang } from '../../i18n/index.ts';
import { escapeXml } from '../../core/xml.ts';
import { entrySummary, entryTitle, rfc822Date } from './entry-text.ts';

/** The feed document of a language. `siteUrl` is Astro's `site` (the canonical origin). */
export function showcaseFeed(lang: Lang, siteUrl: URL | undefined): string {
  const absolute = (path: string) => (siteUrl ? new URL(href(lang, path), siteUrl).href : href(lang, path));
  const el = (name: string, text: string) => `<${name}>${escapeXml(text)}</${name}>`;
  const newest = showcaseEntries[0];
  const stop = lang === 'zh' ? '。' : '. ';
  const description = [t(lang, 'showcase.feedDescription'), site.sample_data ? t(lang, 'footer.sampleNotice') : '']
    .filter(Boolean)
    .map((sentence) => sentence + stop)
    .join('')
    .trim();

  const items = showcaseEntries.map((entry) => {
    const link = absolute(routes.showcaseEntry(entry.slug));
    const title = entryTitle(lang, entry);
    const park = parkByCode(entry.park);
    const inChinese = lang === 'en' ? `${t(lang, 'showcase.feedInChinese')} ` : '';
    const own = entrySummary(lang, entry);
    const summary = own ? (own.lang === lang ? own.text : inChinese + own.text) : '';
    return [
      '<item>',
      el('title', title.text),
      el('link', link),
      `<guid isPermaLink="true">${escapeXml(link)}</guid>`,
      el('pubDate', rfc822Date(entry.date)),
      el('dc:creator', entry.author),
      el('category', localName(lang, park)),
      summary ? el('description', summary) : el('description', inChinese + entry.html),
      el('content:encoded', entry.html),
      '</item>',
    ].join('');
  });

  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/">',
    '<channel>',
    el('title', `${t(lang, 'showcase.title')}${t(lang, 'site.titleSeparator')}${site.title[lang]}`),
    el('link', absolute(routes.showcase())),
    el('description', description),
    el('language', htmlLang(lang)),
    el('copyright', site.licence[lang]),
    newest ? el('lastBuildDate', rfc822Date(newest.date)) : '',
    `<atom:link href="${escapeXml(absolute(routes.showcaseFeed()))}" rel="self" type="application/rss+xml"/>`,
    ...items,
    '</channel>',
    '</rss>',
    '',
  ]
    .filter((line) => line !== '')
    .join('\n');
}

/** The HTTP response of a feed endpoint. */
export function feedResponse(xml: string): Response {
  return new Response(xml, { headers: { 'Content-Type': 'application/rss+xml; charset=utf-8' } });
}
