/**
 * Share images: one card per page type and language (1200 × 630, the size link previews use),
 * drawn as SVG here and turned into PNG at build time (src/build/og-render.ts, by the endpoint
 * src/pages/og/[image].ts). A card shows the site's title, the page type and the portal's
 * public totals (year, firms scored, parks, data date): nothing about any one firm, so no
 * confidential figure can reach a preview.
 */
import { t, type Lang, type TranslationKey } from '../i18n/index.ts';
import { formatDate, formatNumber } from '../i18n/format.ts';
import { ogFont } from '../build/og-font.ts';
import { escapeXml } from '../core/xml.ts';

/** The page types that have their own card. */
export const OG_TYPES = [
  'home',
  'rankings',
  'enterprise',
  'showcase',
  'stages',
  'parks',
  'programmes',
  'finance',
  'methodology',
  'data',
  'compare',
] as const;
export type OgType = (typeof OG_TYPES)[number];

/** Card size in pixels. */
export const OG_WIDTH = 1200;
export const OG_HEIGHT = 630;

/** The card of a page, by the first segment of its route path (routes.ts); anything else uses the home card. */
export function ogTypeOf(path: string): OgType {
  const first = path.split('/').filter(Boolean)[0] ?? 'home';
  return (OG_TYPES as readonly string[]).includes(first) ? (first as OgType) : 'home';
}

/** The file of a card, language-neutral like the downloads (use withBase, not href). */
export function ogImagePath(type: OgType, lang: Lang): string {
  return `/og/${type}-${lang}.png`;
}

/**
 * A page's share image: its path (without base), size and alternative text; undefined when the
 * build makes no cards (no CJK font). Needs no data, so the layout can call it for any page.
 */
export function ogImageOf(lang: Lang, path: string, siteTitle: string): { path: string; width: number; height: number; alt: string } | undefined {
  if (!ogFont()) return undefined;
  const type = ogTypeOf(path);
  return { path: ogImagePath(type, lang), width: OG_WIDTH, height: OG_HEIGHT, alt: t(lang, 'og.alt', { site: siteTitle, heading: t(lang, HEADING[type]) }) };
}

const HEADING: Record<OgType, TranslationKey> = {
  home: 'og.home',
  rankings: 'og.rankings',
  enterprise: 'og.enterprise',
  showcase: 'og.showcase',
  stages: 'og.stages',
  parks: 'og.parks',
  programmes: 'og.programmes',
  finance: 'og.finance',
  methodology: 'og.methodology',
  data: 'og.data',
  compare: 'og.compare',
};

/** What a card says besides its type: public totals of the latest year. */
export interface OgFacts {
  siteTitle: string;
  year: number;
  enterprises: number;
  parks: number;
  /** The data's date (YYYY-MM-DD), if known. */
  asOf?: string | undefined;
}

/** The card's texts in a language: title (the page type), site and the facts line. */
export function ogTexts(type: OgType, lang: Lang, facts: OgFacts): { heading: string; site: string; facts: string; asOf: string } {
  return {
    heading: t(lang, HEADING[type]),
    site: facts.siteTitle,
    facts: t(lang, 'og.facts', { year: String(facts.year), n: formatNumber(lang, facts.enterprises, 0), parks: formatNumber(lang, facts.parks, 0) }),
    asOf: facts.asOf ? t(lang, 'footer.asOf', { date: formatDate(lang, facts.asOf) }) : '',
  };
}

/** Estimated advance of a character in em: full-width (CJK, full-width forms) 1, else about 0.56. */
function advance(ch: string): number {
  const c = ch.codePointAt(0)!;
  const wide = (c >= 0x2e80 && c <= 0x9fff) || (c >= 0xac00 && c <= 0xd7af) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xff00 && c <= 0xff60) || (c >= 0x3000 && c <= 0x303f);
  return wide ? 1 : ch === ' ' ? 0.3 : 0.56;
}

/** The estimated width of a text in em. */
export function textWidthEm(text: string): number {
  let w = 0;
  for (const ch of text) w += advance(ch);
  return w;
}

/**
 * Splits a text into at most `maxLines` lines of at most `maxEm` em each (estimated): at
 * spaces where there are any, else between any two characters (Chinese has no spaces); a text
 * longer than the lines ends in "…".
 */
export function wrapText(text: string, maxEm: number, maxLines: number): string[] {
  // Words stay whole; text with full-width characters, or a word longer than a line, may break anywhere.
  const breaksAnywhere = (part: string) => [...part].some((ch) => advance(ch) === 1) || textWidthEm(part) > maxEm;
  const tokens = text.split(/(\s+)/).flatMap((part) => (/\s/.test(part) || !breaksAnywhere(part) ? [part] : [...part]));
  const lines: string[] = [];
  let line = '';
  for (const token of tokens) {
    if (line && textWidthEm(line + token) > maxEm) {
      lines.push(line.trimEnd());
      line = /\s/.test(token) ? '' : token;
    } else {
      line += token;
    }
  }
  if (line.trim()) lines.push(line.trimEnd());
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  let last = kept[maxLines - 1]!;
  while (last && textWidthEm(last + '…') > maxEm) last = [...last].slice(0, -1).join('');
  kept[maxLines - 1] = last.trimEnd() + '…';
  return kept;
}

const MARGIN = 80;
const BRAND = '#0b3d75';

/** The card as an SVG document (text set in the renderer's one font; no external reference). */
export function ogCardSvg(type: OgType, lang: Lang, facts: OgFacts): string {
  const text = ogTexts(type, lang, facts);
  const width = OG_WIDTH - 2 * MARGIN;
  const siteLines = wrapText(text.site, (width - 64) / 40, 2);
  // The heading on one line at the largest size that fits (76 down to 60 px), else on two at 60.
  const headingSize = Math.max(60, Math.min(76, Math.floor(width / textWidthEm(text.heading))));
  const headingLines = wrapText(text.heading, width / headingSize, 2);
  const lines: string[] = [];
  const textLine = (y: number, size: number, value: string, attrs = '') =>
    lines.push(`<text x="${MARGIN}" y="${y}" font-size="${size}" ${attrs}>${escapeXml(value)}</text>`);
  siteLines.forEach((l, i) => lines.push(`<text x="${MARGIN + 64}" y="${MARGIN + 42 + i * 48}" font-size="40">${escapeXml(l)}</text>`));
  const headingTop = 300 - (headingLines.length - 1) * headingSize * 0.6;
  headingLines.forEach((l, i) => textLine(Math.round(headingTop + i * headingSize * 1.2), headingSize, l));
  textLine(OG_HEIGHT - MARGIN - 52, 34, text.facts, 'fill-opacity="0.9"');
  if (text.asOf) textLine(OG_HEIGHT - MARGIN, 28, text.asOf, 'fill-opacity="0.75"');
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${OG_WIDTH}" height="${OG_HEIGHT}" viewBox="0 0 ${OG_WIDTH} ${OG_HEIGHT}">`,
    `<rect width="${OG_WIDTH}" height="${OG_HEIGHT}" fill="${BRAND}"/>`,
    `<rect x="0" y="${OG_HEIGHT - 12}" width="${OG_WIDTH}" height="12" fill="#f2b705"/>`,
    // The favicon's bars, as the site's mark.
    `<g transform="translate(${MARGIN - 20} ${MARGIN - 12}) scale(5)" fill="#fff"><path d="M4 11h2V7H4zm3 0h2V4H7zm3 0h2V8h-2z"/></g>`,
    `<g fill="#fff" font-family="sans-serif">`,
    ...lines,
    '</g>',
    '</svg>',
    '',
  ].join('\n');
}
