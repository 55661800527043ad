/** The site's languages: the innermost module of i18n, imported by the dictionary helpers and the formatters. */

/** A language of the site. */
export type Lang = 'zh' | 'en';

/** All languages, default first. */
export const LANGS = ['zh', 'en'] as const satisfies readonly Lang[];

/** The language served at the site root. */
export const DEFAULT_LANG: Lang = 'zh';
