// One concrete page of every page type of a built portal, found in its file tree (never
// hard-coded ids): the first enterprise, park, stage, industry, indicator and showcase entry
// that the build wrote, so the tests follow whatever data the site was built from.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** The site's languages: the URL prefix of each and the `<html lang>` its pages declare. */
export const LANGUAGES = [
  { lang: 'zh', prefix: '', htmlLang: 'zh-CN' },
  { lang: 'en', prefix: '/en', htmlLang: 'en' },
] as const;
export type Language = (typeof LANGUAGES)[number];

/** A page type and one page of it: `path` is the route without language prefix or base path. */
export interface PageType {
  type: string;
  path: string;
  /** Exists in both languages (false for the 404 page, which is one bilingual file). */
  translated: boolean;
}

/** A concrete page to open: a page type in one language. */
export interface SamplePage extends PageType {
  language: Language;
  /** URL path under the base path, e.g. `/en/rankings/2023/`. */
  url: string;
}

/** Sorted names of the sub-folders of `dir` that hold an index.html (or [] when `dir` is missing). */
export function pageDirs(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((d) => statSync(join(dir, d)).isDirectory() && existsSync(join(dir, d, 'index.html')))
    .sort();
}

/** The evaluation years the build has rankings for, ascending. */
export function builtYears(dist: string): number[] {
  return pageDirs(join(dist, 'rankings'))
    .filter((d) => /^\d{4}$/.test(d))
    .map(Number)
    .sort((a, b) => a - b);
}

/**
 * One page of every page type in the route map (src/site/routes.ts). A type whose folder is
 * empty still appears, with a path containing `<missing …>`, so a test fails naming it.
 */
export function discoverPageTypes(dist: string): PageType[] {
  const first = (dir: string, what: string) => pageDirs(join(dist, dir))[0] ?? `<missing ${what}>`;
  const years = builtYears(dist);
  const year = years.at(-1) ?? '<missing year>';
  const park = first('parks', 'park');
  const stage = first('stages', 'stage');
  const industry = first(`rankings/${year}/industries`, 'industry');
  const indicator = first(`rankings/${year}/indicators`, 'indicator');
  const enterprise = first('enterprise', 'enterprise');
  const entry = first('showcase', 'showcase entry');
  const stageYear = pageDirs(join(dist, 'stages', stage)).find((d) => /^\d{4}$/.test(d));
  const types: PageType[] = [
    { type: 'home', path: '/', translated: true },
    { type: 'rankings hub (island)', path: '/rankings/', translated: true },
    { type: 'national ranking', path: `/rankings/${year}/`, translated: true },
    { type: 'national ranking, page 2', path: `/rankings/${year}/page/2/`, translated: true },
    { type: 'park ranking', path: `/rankings/${year}/parks/${park}/`, translated: true },
    { type: 'stage ranking', path: `/rankings/${year}/stages/${stage}/`, translated: true },
    { type: 'industry ranking', path: `/rankings/${year}/industries/${industry}/`, translated: true },
    { type: 'indicator ranking', path: `/rankings/${year}/indicators/${indicator}/`, translated: true },
    { type: 'enterprise profile', path: `/enterprise/${enterprise}/`, translated: true },
    { type: 'showcase', path: '/showcase/', translated: true },
    { type: 'showcase entry', path: `/showcase/${entry}/`, translated: true },
    { type: 'stages', path: '/stages/', translated: true },
    { type: 'stage', path: `/stages/${stage}/`, translated: true },
    { type: 'parks', path: '/parks/', translated: true },
    { type: 'park', path: `/parks/${park}/`, translated: true },
    { type: 'methodology', path: '/methodology/', translated: true },
    { type: 'open data', path: '/data/', translated: true },
    { type: '404', path: '/404.html', translated: false },
  ];
  // Earlier years' stage pages exist only when the data has more than one year.
  if (stageYear) types.splice(13, 0, { type: 'stage, earlier year', path: `/stages/${stage}/${stageYear}/`, translated: true });
  return types;
}

/** Every page type in each language it exists in. */
export function samplePagesByType(dist: string): SamplePage[] {
  const out: SamplePage[] = [];
  for (const t of discoverPageTypes(dist)) {
    for (const language of LANGUAGES) {
      if (!t.translated && language.lang !== 'zh') continue;
      out.push({ ...t, language, url: language.prefix + t.path });
    }
  }
  return out;
}

/** The built file a URL path (under base `/`) is served from. */
export function fileOfPath(path: string): string {
  const p = path.replace(/^\//, '');
  return p === '' || p.endsWith('/') ? `${p}index.html` : p;
}
