/**
 * The ranking explorer's view in the URL's query string, so a view can be shared, bookmarked
 * and restored by Back and Forward (issue 14 §1). Pure: RankingExplorer.tsx reads and writes
 * `location` and `history`; this module only turns a view into a query string and back.
 *
 * Parameters (each omitted at its default, so the plain URL stays clean):
 *   year      evaluation year (default: the latest)
 *   park      park code
 *   stage     stage id
 *   industry  industry name as written in the data
 *   tag       designation
 *   q         search text
 *   sort      column key (rank, name, park, stage, score, change for the rank change,
 *             scoreChange for the score change); default rank
 *   dir       asc or desc; written whenever `sort` is, so a link keeps its meaning
 *   page      page number from 1; default 1
 * Unknown parameters and invalid values are ignored (their defaults apply); nothing throws.
 */
import { NO_FILTER_KEYS, SORT_KEYS, defaultDirection, type FilterKeys, type SortDirection, type SortKey } from '../../wire/ranking-data.ts';

/** What the explorer shows: year, filters with the query, sort and page. */
export interface ExplorerView {
  year: number;
  keys: FilterKeys;
  sort: { key: SortKey; dir: SortDirection };
  page: number;
}

/** The values a URL may name: anything else is ignored. */
export interface ViewChoices {
  /** Evaluation years; the default year is `defaultYear`. */
  years: readonly number[];
  defaultYear: number;
  parks: readonly string[];
  stages: readonly string[];
  industries: readonly string[];
  tags: readonly string[];
}

/** The longest search text kept from a URL (names and credit codes are far shorter). */
export const MAX_QUERY_LENGTH = 100;
/** The highest page number read from a URL (a national list of 520,000 firms has ~10,400 pages of 50). */
export const MAX_PAGE = 1_000_000;

export const DEFAULT_SORT: ExplorerView['sort'] = { key: 'rank', dir: 'asc' };

/** The view of the plain URL. */
export function defaultView(choices: Pick<ViewChoices, 'defaultYear'>): ExplorerView {
  return { year: choices.defaultYear, keys: NO_FILTER_KEYS, sort: DEFAULT_SORT, page: 1 };
}

const FILTERS = [
  ['park', 'parks'],
  ['stage', 'stages'],
  ['industry', 'industries'],
  ['tag', 'tags'],
] as const;

/** The query string of a view, without "?"; "" for the default view. Values are percent-encoded (Chinese too). */
export function encodeView(view: ExplorerView, choices: Pick<ViewChoices, 'defaultYear'>): string {
  const p = new URLSearchParams();
  if (view.year !== choices.defaultYear) p.set('year', String(view.year));
  for (const [field] of FILTERS) {
    const value = view.keys[field];
    if (value !== null) p.set(field, value);
  }
  if (view.keys.query !== '') p.set('q', view.keys.query);
  if (view.sort.key !== DEFAULT_SORT.key || view.sort.dir !== DEFAULT_SORT.dir) {
    p.set('sort', view.sort.key);
    p.set('dir', view.sort.dir);
  }
  if (view.page > 1) p.set('page', String(view.page));
  // URLSearchParams writes a space as "+"; %20 reads the same everywhere and survives more chat apps.
  return p.toString().replace(/\+/g, '%20');
}

/** The view a query string names (with or without "?"); invalid or unknown values fall back to the defaults. */
export function decodeView(search: string, choices: ViewChoices): ExplorerView {
  let p: URLSearchParams;
  try {
    p = new URLSearchParams(search);
  } catch {
    return defaultView(choices);
  }
  // Only the first value of a parameter counts; a value must be one the list offers.
  const one = (name: string) => p.get(name);
  const yearText = one('year');
  const year = yearText !== null && /^\d{4}$/.test(yearText) && choices.years.includes(Number(yearText)) ? Number(yearText) : choices.defaultYear;
  const keys: FilterKeys = { ...NO_FILTER_KEYS };
  for (const [field, list] of FILTERS) {
    const value = one(field);
    keys[field] = value !== null && choices[list].includes(value) ? value : null;
  }
  const q = one('q');
  // U+FFFD is what malformed percent-encoding decodes to: such a query is dropped.
  keys.query = q !== null && q.length <= MAX_QUERY_LENGTH && !q.includes('\uFFFD') ? q : '';
  const sortText = one('sort');
  const key = (SORT_KEYS as readonly string[]).includes(sortText ?? '') ? (sortText as SortKey) : null;
  const dirText = one('dir');
  const sort = key === null ? DEFAULT_SORT : { key, dir: dirText === 'asc' || dirText === 'desc' ? dirText : defaultDirection(key) };
  const pageText = one('page');
  const page = pageText !== null && /^[1-9]\d{0,6}$/.test(pageText) && Number(pageText) <= MAX_PAGE ? Number(pageText) : 1;
  return { year, keys, sort, page };
}

/** Whether two views show the same thing. */
export function sameView(a: ExplorerView, b: ExplorerView): boolean {
  return (
    a.year === b.year &&
    a.page === b.page &&
    a.sort.key === b.sort.key &&
    a.sort.dir === b.sort.dir &&
    a.keys.query === b.keys.query &&
    FILTERS.every(([field]) => a.keys[field] === b.keys[field])
  );
}
