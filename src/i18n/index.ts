/// <reference types="astro/client" />
/**
 * The translation system: languages, the t() helper, localized links and label lookups.
 *
 * Chinese is the default language and lives at the site root; English lives under /en/.
 * Every user-facing string comes from zh.ts / en.ts through t(); keys are type-checked.
 */
import { zh, type TranslationKey } from './zh.ts';
import { en } from './en.ts';
import { formatNumber } from './format.ts';
import { DEFAULT_LANG, type Lang } from './lang.ts';
import { CATEGORIES, INDICATORS, INDUSTRIES, STAGES, TAG_KEYS, UNCLASSIFIED_INDUSTRY, industryEntry, type Tag } from '../core/vocabulary.ts';

export type { TranslationKey };

export { DEFAULT_LANG, LANGS, localName, type Lang } from './lang.ts';

/** The dictionaries, for code that must list or check keys (tests, methodology page). */
export const DICTIONARIES: Readonly<Record<Lang, Readonly<Record<TranslationKey, string>>>> = { zh, en };

/** Values for `{name}` placeholders; numbers are formatted for the language (1,234). */
export type TranslationVars = Readonly<Record<string, string | number>>;

/** Whether a string is one of the site's languages (e.g. a route param). */
export function isLang(value: unknown): value is Lang {
  return value === 'zh' || value === 'en';
}

/** Whether a string is a dictionary key, for lookups built from data (stage ids, tags). */
export function isTranslationKey(key: string): key is TranslationKey {
  return Object.hasOwn(zh, key);
}

/**
 * The string for `key` in `lang`, with `{name}` placeholders filled from `vars`.
 * A placeholder without a value throws: a half-filled sentence must not reach the site.
 */
export function t(lang: Lang, key: TranslationKey, vars?: TranslationVars): string {
  const template: string = DICTIONARIES[lang][key];
  if (!template.includes('{')) return template;
  // Pages call t() millions of times in a national build: split each template once.
  const cacheKey = `${lang}\u0000${key}`;
  let parts = templateParts.get(cacheKey);
  if (!parts) templateParts.set(cacheKey, (parts = template.split(/\{(\w+)\}/)));
  let out = parts[0]!;
  for (let i = 1; i < parts.length; i += 2) {
    const name = parts[i]!;
    const value = vars?.[name];
    if (value === undefined) {
      throw new Error(`i18n: key "${key}" (${lang}) needs a value for {${name}}`);
    }
    out += (typeof value === 'number' ? formatNumber(lang, value) : value) + parts[i + 1]!;
  }
  return out;
}

/** Templates split at their placeholders: literal, name, literal, name, …, literal. */
const templateParts = new Map<string, string[]>();

/** A t() bound to one language: `const tr = useTranslations(lang); tr('nav.home')`. */
export function useTranslations(lang: Lang): (key: TranslationKey, vars?: TranslationVars) => string {
  return (key, vars) => t(lang, key, vars);
}

/** The other language (for the language switcher and hreflang). */
export function otherLang(lang: Lang): Lang {
  return lang === 'zh' ? 'en' : 'zh';
}

/** The BCP 47 tag for `<html lang>` and `hreflang`. */
export function htmlLang(lang: Lang): 'zh-CN' | 'en' {
  return lang === 'zh' ? 'zh-CN' : 'en';
}

/** The Open Graph locale. */
export function ogLocale(lang: Lang): 'zh_CN' | 'en_GB' {
  return lang === 'zh' ? 'zh_CN' : 'en_GB';
}

/** The language of an optional `[lang]` route param: undefined means the default, zh. */
export function langFromParam(param: string | undefined): Lang {
  if (param === undefined || param === '') return DEFAULT_LANG;
  if (isLang(param)) return param;
  throw new Error(`i18n: unknown language "${param}"`);
}

/** The configured base path (Astro's `base`), always ending with "/". */
function currentBase(): string {
  // import.meta.env is Vite's; plain Node (scripts) has none, so fall back to the root.
  const base = import.meta.env?.BASE_URL ?? '/';
  return base.endsWith('/') ? base : `${base}/`;
}

/** `path` with the site's base path prefixed; for language-neutral files (CSV downloads). */
export function withBase(path: string, base: string = currentBase()): string {
  const root = base.endsWith('/') ? base : `${base}/`;
  return root + path.replace(/^\/+/, '');
}

/**
 * The link to a route in a language: base path, then "en/" for English, then the route.
 * `path` is the route without the language prefix ("/rankings/2023/"). Page routes get a
 * trailing slash (the site uses trailingSlash: 'always'); paths to files (".csv") do not.
 */
export function href(lang: Lang, path: string, base: string = currentBase()): string {
  const match = /^([^?#]*)(.*)$/s.exec(path.replace(/^\/+/, ''));
  let route = match?.[1] ?? '';
  const suffix = match?.[2] ?? '';
  const last = route.split('/').pop() ?? '';
  if (route !== '' && !route.endsWith('/') && !/\.[a-z0-9]+$/i.test(last)) route += '/';
  return withBase((lang === 'en' ? 'en/' : '') + route + suffix, base);
}

/**
 * Splits a URL pathname into its language and route path (the inverse of href), e.g.
 * "/base/en/parks/" → { lang: 'en', path: '/parks/' }. Used by 404 and the switcher.
 */
export function splitLangPath(pathname: string, base: string = currentBase()): { lang: Lang; path: string } {
  const root = base.endsWith('/') ? base : `${base}/`;
  let rest = pathname.startsWith(root) ? pathname.slice(root.length) : pathname.replace(/^\/+/, '');
  let lang: Lang = DEFAULT_LANG;
  if (rest === 'en' || rest.startsWith('en/')) {
    lang = 'en';
    rest = rest.slice(2);
  }
  return { lang, path: `/${rest.replace(/^\/+/, '')}` };
}

/** A primary navigation entry: its label key and route path (without language prefix). */
export interface NavItem {
  key: TranslationKey;
  path: string;
}

/** The primary navigation, in display order. Base.astro renders it; pages may pass their own. */
export const NAV_ITEMS: readonly NavItem[] = [
  { key: 'nav.home', path: '/' },
  { key: 'nav.rankings', path: '/rankings/' },
  { key: 'nav.showcase', path: '/showcase/' },
  { key: 'nav.stages', path: '/stages/' },
  { key: 'nav.parks', path: '/parks/' },
  { key: 'nav.programmes', path: '/programmes/' },
  { key: 'nav.methodology', path: '/methodology/' },
  { key: 'nav.data', path: '/data/' },
];

/*
 * Display names, one rule: the model's own name first (a park's model may rename or add stages,
 * categories and indicators), then the dictionary's for the reference model's ids, then the id.
 * Firm and park names: localName.
 */

/** Translates `key` when the dictionary has it, else returns `fallback`. */
function lookup(lang: Lang, key: string, fallback: string): string {
  return isTranslationKey(key) ? t(lang, key) : fallback;
}

/** A stage name: the model's (`modelName`), else the dictionary's for startup/growth/stable, else its id. */
export function stageLabel(lang: Lang, stageId: string, modelName?: string): string {
  return modelName ?? lookup(lang, `stage.${stageId}`, stageId);
}

/** An indicator category name: the model's, else the dictionary's for tech/ops/aux, else its id. */
export function categoryLabel(lang: Lang, categoryId: string, modelName?: string): string {
  return modelName ?? lookup(lang, `category.${categoryId}`, categoryId);
}

/** An indicator name: the model's, else the dictionary's for the reference model's indicators, else its id. */
export function indicatorLabel(lang: Lang, indicatorId: string, modelName?: string): string {
  return modelName ?? lookup(lang, `indicator.${indicatorId}`, indicatorId);
}

/** An achievements.csv metric name. */
export function metricLabel(lang: Lang, metric: string, fallback?: string): string {
  return lookup(lang, `metric.${metric}`, fallback ?? metric);
}

// The vocabulary names each entry's dictionary key; these assignments fail to compile when a
// key is missing from the dictionaries.
const TAG_KEY: Readonly<Record<Tag, TranslationKey>> = TAG_KEYS;
const VOCABULARY_KEYS: readonly (readonly { key: TranslationKey }[])[] = [INDUSTRIES, [UNCLASSIFIED_INDUSTRY], STAGES, CATEGORIES, INDICATORS];
void VOCABULARY_KEYS;

/** A designation from the `tags` column (written in Chinese in the data). */
export function tagLabel(lang: Lang, tag: string): string {
  const name = tag.trim();
  return Object.hasOwn(TAG_KEY, name) ? t(lang, TAG_KEY[name as Tag]) : tag;
}

/**
 * An industry (free text in the data): the vocabulary's are translated, a blank one reads as
 * "unclassified", others are shown as written.
 */
export function industryLabel(lang: Lang, industry: string): string {
  const entry = industryEntry(industry);
  return entry ? t(lang, entry.key) : industry;
}
