/** The site's languages: the innermost module of i18n, imported by the dictionary helpers and the formatters. */

/** A language of the site. */
export type Lang = 'zh' | 'en';

/** All languages, default first. */
export const LANGS = ['zh', 'en'] as const satisfies readonly Lang[];

/** The language served at the site root. */
export const DEFAULT_LANG: Lang = 'zh';

/**
 * A firm's or park's name in the language: its English name on /en/ when the data has one, else
 * the Chinese. Here, with no dictionary, so that islands share it without bundling one.
 */
export function localName(lang: Lang, named: { readonly name: string; readonly nameEn: string }): string {
  return lang === 'en' && named.nameEn ? named.nameEn : named.name;
}
