/**
 * The RSS 2.0 feed of programme changes, one per language: an item per programme and year
 * (newest year first) with its member count and the firms that entered and left. Dates come
 * from the data (the 公示期's start, else data_as_of), never the clock.
 */
import { href, htmlLang, localName, t, type Lang } from '../../i18n/index.ts';
import { site } from '../../site/portal.ts';
import { programmeChanges, programmeRoutes } from '../../site/programme-pages.ts';
import { escapeXml } from '../../core/xml.ts';
import { rfc822Date } from '../showcase/entry-text.ts';

/** Firms named per list in an item; the rest are counted. */
const NAMED = 20;

export function programmesFeed(lang: Lang, siteUrl: URL | undefined): string {
  const absolute = (path: string) => (siteUrl ? new URL(href(lang, path), siteUrl).href : href(lang, path));
  const el = (name: string, text: string) => `<${name}>${escapeXml(text)}</${name}>`;
  const sep = lang === 'zh' ? '、' : ', ';
  const stop = lang === 'zh' ? '' : ' ';
  const names = (rows: { name: string; nameEn: string }[]) => {
    const shown = rows.slice(0, NAMED).map((r) => localName(lang, r));
    if (rows.length > NAMED) shown.push(t(lang, 'programmes.feedMore', { n: rows.length - NAMED }));
    return shown.join(sep);
  };
  const changes = programmeChanges();
  const items = changes.map((c) => {
    const link = absolute(programmeRoutes.programme(c.programme.id, c.year));
    const parts =
      c.previous === null
        ? [t(lang, 'programmes.feedFirst')]
        : [
            t(lang, 'programmes.changesSummary', { entered: c.entered.length, exited: c.exited.length }),
            ...(c.entered.length ? [t(lang, 'programmes.feedEntered', { list: names(c.entered) })] : []),
            ...(c.exited.length ? [t(lang, 'programmes.feedExited', { list: names(c.exited) })] : []),
          ];
    return [
      '<item>',
      el('title', t(lang, 'programmes.feedItem', { name: c.programme.name[lang], year: String(c.year), n: c.total })),
      el('link', link),
      `<guid isPermaLink="true">${escapeXml(link)}</guid>`,
      el('pubDate', rfc822Date(c.date)),
      el('category', t(lang, `programmes.kind.${c.programme.kind}`)),
      el('description', parts.join(stop)),
      '</item>',
    ].join('');
  });
  const newest = changes.map((c) => c.date).sort().at(-1);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">',
    '<channel>',
    el('title', `${t(lang, 'programmes.feedTitle')}${t(lang, 'site.titleSeparator')}${site.title[lang]}`),
    el('link', absolute(programmeRoutes.index())),
    el('description', t(lang, 'programmes.feedDescription')),
    el('language', htmlLang(lang)),
    el('copyright', site.licence[lang]),
    newest ? el('lastBuildDate', rfc822Date(newest)) : '',
    `<atom:link href="${escapeXml(absolute(programmeRoutes.feed()))}" rel="self" type="application/rss+xml"/>`,
    ...items,
    '</channel>',
    '</rss>',
    '',
  ]
    .filter((line) => line !== '')
    .join('\n');
}
