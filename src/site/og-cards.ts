/**
 * The share images the build makes (src/pages/og/[image].png.ts): each page type's card
 * (og-image.ts) in each language, with the build's public totals. None when the build has no
 * font with Chinese glyphs (src/build/og-font.ts).
 */
import { LANGS, type Lang } from '../i18n/index.ts';
import { ogFont } from '../build/og-font.ts';
import { latestYear, parks, site } from './load.ts';
import { OG_TYPES, type OgFacts, type OgType } from './og-image.ts';
import { rowsForYear } from './rows.ts';

/** The public totals a card shows, in a language. */
export function ogFacts(lang: Lang): OgFacts {
  return {
    siteTitle: site.title[lang],
    year: latestYear,
    enterprises: rowsForYear(latestYear).length,
    parks: parks.length,
    asOf: site.data_as_of,
  };
}

/** Every card the build makes: each type in each language (none without a font). */
export function ogCards(): { type: OgType; lang: Lang }[] {
  if (!ogFont()) return [];
  return OG_TYPES.flatMap((type) => LANGS.map((lang) => ({ type, lang })));
}
