/**
 * The one module that loads the scored result once per build and answers every query the
 * pages make. Pages never parse CSV or compute scores; they import from here.
 * The data comes from scripts/build.ts (PORTAL_WORK), which validated and scored it.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Achievement, Park } from '../ingest/dataset.ts';
import { indicatorCategoryIndexes, type Model } from '../ingest/model.ts';
import { MANIFEST_FILE, type BuildManifest, type FileDigest } from '../publish/prepare.ts';
import { OUTPUT_FILES } from '../publish/output.ts';
import type { PublishedCohort, PublishedMeta, PublishedRow } from '../publish/publish.ts';
import type { ShowcaseEntry } from '../ingest/showcase.ts';
import type { SiteConfig } from '../ingest/site-config.ts';
import { LANGS, type Lang } from '../i18n/index.ts';
import { rankRowsByIndicator, type IndicatorRankingRow } from './indicator-ranking.ts';
import { routes } from './routes.ts';
import { buildsSharedPages, ownsProfile, sharedPaths } from './shard.ts';

export type { Achievement, Park, Model, PublishedRow as EnterpriseYear, PublishedCohort as Cohort, ShowcaseEntry, FileDigest };

const scoredDir = resolve(process.env.PORTAL_WORK ?? '.portal-build', 'scored');
const readJson = <T>(rel: string): T => JSON.parse(readFileSync(join(scoredDir, rel), 'utf8')) as T;

const meta = readJson<PublishedMeta>(OUTPUT_FILES.meta);
const manifest = readJson<BuildManifest>(MANIFEST_FILE);

/** The portal's identity from the data folder's site.json. */
export const site: SiteConfig = manifest.site;
/** The scoring model the data was scored with. */
export const model: Model = meta.model;
/** Every park, in parks.csv order. */
export const parks: Park[] = meta.parks;
/** Evaluation years, ascending. */
export const years: number[] = meta.years;
/** The default year of every ranking. */
export const latestYear: number = years[years.length - 1]!;
/** Editorial showcase entries, newest first. */
export const showcaseEntries: ShowcaseEntry[] = manifest.showcase;
/** Downloads with their SHA-256, and the checksums of the input files. */
export const downloads: FileDigest[] = manifest.downloads;
export const inputDigests: FileDigest[] = manifest.inputs;
export const counts = meta.counts;
/** programmes.json's programmes (rules only; membership: src/site/programme-pages.ts). */
export const programmes = meta.programmes ?? [];

const parkIndex = new Map(parks.map((p) => [p.code, p]));
/** The park with this code (throws on an unknown code: the data was validated). */
export function parkByCode(code: string): Park {
  const p = parkIndex.get(code);
  if (!p) throw new Error(`unknown park ${code}`);
  return p;
}

const rowsCache = new Map<number, PublishedRow[]>();
const sizesCache = new Map<number, { national: number; parks: Map<string, number> }>();
const ROW_START = Buffer.from('{"id":"');
const PARK_KEY = Buffer.from('"park":"');
/** One copy of each repeated string and tag list of the rows. */
const sharedStrings = new Map<string, string>();
const sharedTags = new Map<string, string[]>();
const oneString = (value: string): string => {
  const known = sharedStrings.get(value);
  if (known !== undefined) return known;
  sharedStrings.set(value, value);
  return value;
};
/**
 * Makes a parsed row's repeated values (park, industry, stage, founding date, indicator states,
 * tags) the same strings and arrays as every other row's: JSON.parse makes a copy per row, a
 * tenth of a row's memory (measured at 100,000 firms: 1,250 → 1,111 bytes a row). Rows are never
 * changed after loading.
 */
function shareValues(row: PublishedRow): PublishedRow {
  row.park = oneString(row.park);
  row.industry = oneString(row.industry);
  row.stage = oneString(row.stage);
  row.founded = oneString(row.founded);
  row.states = oneString(row.states);
  const tagKey = row.tags.join('\u0000');
  const tags = sharedTags.get(tagKey);
  if (tags) row.tags = tags;
  else sharedTags.set(tagKey, row.tags);
  return row;
}

/**
 * Reads a year's rows file: a JSON array with one row per line (output.ts), parsed line by line
 * so the file never becomes one string (at 520,000 firms a year is 360 MB of UTF-8, twice that
 * as a string). A process that builds only profiles (shard.ts) parses only its own enterprises'
 * rows, found by the id that starts each line, and counts the others' parks from their text.
 */
function loadYear(year: number): PublishedRow[] {
  const bytes = readFileSync(join(scoredDir, OUTPUT_FILES.rowsForYear(year)));
  const rows: PublishedRow[] = [];
  const parkSizes = new Map<string, number>();
  let national = 0;
  for (let start = 0; start < bytes.length; ) {
    let end = bytes.indexOf(0x0a, start);
    if (end === -1) end = bytes.length;
    const stop = bytes[end - 1] === 0x2c ? end - 1 : end; // without the comma between rows
    if (bytes[start] === 0x7b) {
      national++;
      const idEnd = bytes.indexOf(0x22, start + ROW_START.length);
      const keyed = bytes.compare(ROW_START, 0, ROW_START.length, start, start + ROW_START.length) === 0 && idEnd !== -1 && idEnd < stop;
      // Whether the row is this process's; undefined until parsed when the line does not start with its id.
      const owned = buildsSharedPages || (keyed ? ownsProfile(bytes.toString('latin1', start + ROW_START.length, idEnd)) : undefined);
      if (owned !== false) {
        const row = shareValues(JSON.parse(bytes.toString('utf8', start, stop)) as PublishedRow);
        if (owned ?? ownsProfile(row.id)) rows.push(row);
        parkSizes.set(row.park, (parkSizes.get(row.park) ?? 0) + 1);
      } else {
        // Another process's enterprise: only its park is counted. Inside a JSON string every
        // quote is escaped, so the first "park":" of the line is the key.
        const at = bytes.indexOf(PARK_KEY, start) + PARK_KEY.length;
        const park = bytes.toString('utf8', at, bytes.indexOf(0x22, at));
        parkSizes.set(park, (parkSizes.get(park) ?? 0) + 1);
      }
    }
    start = end + 1;
  }
  sizesCache.set(year, { national, parks: parkSizes });
  rowsCache.set(year, rows);
  return rows;
}

/**
 * All enterprise rows of a year in published order (rank, then id). In a process that builds
 * only profiles (shard.ts), only the rows of the enterprises it profiles: such a process builds
 * no list pages, and yearSizes() keeps the full counts.
 */
export function rowsForYear(year: number): PublishedRow[] {
  return rowsCache.get(year) ?? loadYear(year);
}

/** How many enterprises a year has, nationally and per park (in every process, all of them). */
function yearSizes(year: number): { national: number; parks: Map<string, number> } {
  if (!sizesCache.has(year)) loadYear(year);
  return sizesCache.get(year)!;
}

/** Every enterprise id with its latest row (name and park are the latest year's). */
export function enterprises(): PublishedRow[] {
  return [...timelines().values()].map((list) => list[list.length - 1]!.row).sort((a, b) => (a.id < b.id ? -1 : 1));
}

/** The statistics of one year and stage's cohort. */
export function cohortOf(year: number, stage: string): PublishedCohort | undefined {
  return meta.cohorts.find((c) => c.year === year && c.stage === stage);
}
export const cohorts: PublishedCohort[] = meta.cohorts;

/** The index of an indicator in model order. */
export function indicatorIndex(id: string): number {
  return model.indicators.findIndex((i) => i.id === id);
}

/** Reported achievements of a park, in file order. */
export function achievementsOf(code: string): Achievement[] {
  return meta.achievements.filter((a) => a.park === code);
}
export const achievements: Achievement[] = meta.achievements;

/** A URL-safe key for an industry name (free Chinese text in the data). */
export function industrySlug(industry: string): string {
  const known: Record<string, string> = {
    新一代信息技术: 'it',
    生物医药: 'biomedicine',
    新材料: 'new-materials',
    高端装备: 'equipment',
    新能源: 'new-energy',
    节能环保: 'environment',
    现代农业: 'agriculture',
    数字创意: 'digital-creative',
    '': 'unclassified',
  };
  if (known[industry]) return known[industry];
  // Other names: a stable hex key of their UTF-8 bytes, so every industry gets a page.
  return `i-${Buffer.from(industry, 'utf8').toString('hex').slice(0, 32)}`;
}

/** Industries present in a year, largest first, with their slugs. */
export function industriesOf(year: number): { name: string; slug: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const r of rowsForYear(year)) counts.set(r.industry, (counts.get(r.industry) ?? 0) + 1);
  return [...counts]
    .map(([name, count]) => ({ name, slug: industrySlug(name), count }))
    .sort((a, b) => b.count - a.count || (a.name < b.name ? -1 : 1));
}

/** The rows of a group re-ranked for display: park and stage lists use the stored ranks. */
export function rowsOfPark(year: number, code: string): PublishedRow[] {
  return rowsForYear(year).filter((r) => r.park === code);
}
export function rowsOfStage(year: number, stage: string): PublishedRow[] {
  return rowsForYear(year).filter((r) => r.stage === stage);
}
export function rowsOfIndustry(year: number, industry: string): PublishedRow[] {
  return rowsForYear(year).filter((r) => r.industry === industry);
}

/** The indicators with a ranking of their own: public ones only (scoring-model.md §7). */
export const rankedIndicators = model.indicators.filter((ind) => ind.public);

/**
 * The 单项指标排名 of one public indicator: rows ordered by its s (normalised within each stage,
 * so comparable across stages whose maximum points differ), then by its reported value, with
 * competition ranks on the pair; rows equal on both share a rank and are listed by score, then
 * id. A private indicator has none: a list ordered by one would publish it (§7), so asking for
 * one throws.
 */
export function rankByIndicator(year: number, indicatorId: string): IndicatorRankingRow<PublishedRow>[] {
  const k = indicatorIndex(indicatorId);
  if (!model.indicators[k]?.public) throw new Error(`indicator ${indicatorId} is not public and has no ranking`);
  return rankRowsByIndicator(rowsForYear(year), k);
}

/** Splits a list into pages of the site's page size; page 1 first. */
export function paginate<T>(items: T[], size = site.page_size): T[][] {
  const pages: T[][] = [];
  for (let i = 0; i < items.length; i += size) pages.push(items.slice(i, i + size));
  return pages.length ? pages : [[]];
}

/** Type-7 quantile of ascending numbers (median = 0.5). */
function quantile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  return sorted[lo]! + (h - lo) * ((sorted[lo + 1] ?? sorted[lo]!) - sorted[lo]!);
}

/** Summary statistics of a set of rows' scores: count, stage split, median, quartiles and mean. */
export function summarise(rows: PublishedRow[]) {
  const scores = rows.map((r) => r.score).sort((a, b) => a - b);
  const stageCounts = Object.fromEntries(model.stages.map((s) => [s.id, 0])) as Record<string, number>;
  for (const r of rows) stageCounts[r.stage] = (stageCounts[r.stage] ?? 0) + 1;
  return {
    count: rows.length,
    stageCounts,
    median: quantile(scores, 0.5),
    q1: quantile(scores, 0.25),
    q3: quantile(scores, 0.75),
    mean: scores.length ? scores.reduce((a, b) => a + b, 0) / scores.length : 0,
    max: scores[scores.length - 1] ?? 0,
    scores,
  };
}

/** A park's computed statistics for a year: summary, share of the national top 10 % and top 500. */
export function parkStats(year: number, code: string) {
  const all = rowsForYear(year);
  const rows = rowsOfPark(year, code);
  const top10Cut = Math.ceil(all.length * 0.1);
  const inTop10 = rows.filter((r) => r.rankNational <= top10Cut).length;
  const inTop500 = rows.filter((r) => r.rankNational <= 500).length;
  const prev = years.includes(year - 1) ? rowsOfPark(year - 1, code) : null;
  return {
    ...summarise(rows),
    inTop10,
    inTop500,
    top10Share: rows.length ? inTop10 / rows.length : 0,
    previous: prev ? summarise(prev) : null,
  };
}

/**
 * The static paths of every language for a page: `[...lang]` is undefined for zh, "en" for
 * English. None in a process that builds only profiles (shard.ts), unless `profiles` is set.
 */
export function langPaths<P extends Record<string, string | undefined>, T extends Record<string, unknown>>(
  make: () => { params: P; props: T; cacheKey?: string | undefined }[],
  profiles = false,
): { params: P & { lang: string | undefined }; props: T & { lang: Lang } }[] {
  const base = profiles ? make() : sharedPaths(make);
  return LANGS.flatMap((lang) =>
    base.map((item) => ({
      ...item,
      params: { ...item.params, lang: lang === 'zh' ? undefined : lang },
      props: { ...item.props, lang },
    })),
  );
}

/** The latest showcase entries, newest first. */
export function latestShowcase(n: number): ShowcaseEntry[] {
  return showcaseEntries.slice(0, n);
}

/** Biggest score risers of a year against the previous year. */
export function risers(year: number, n: number): PublishedRow[] {
  return rowsForYear(year)
    .filter((r) => r.scoreChange !== null && r.scoreChange > 0)
    .sort((a, b) => b.scoreChange! - a.scoreChange! || (a.id < b.id ? -1 : 1))
    .slice(0, n);
}

// --- enterprise profile + methodology ---

/** The category index (model order) of each indicator, in indicator order. */
export const indicatorCategoryIndex: number[] = indicatorCategoryIndexes(model);

/** Points available per stage: per indicator (its weight), per category, in total, and split into public and private indicators. */
export interface StagePoints {
  indicators: number[];
  categories: number[];
  total: number;
  /** The public indicators' points together; the rest (total − public) are the private ones'. */
  publicTotal: number;
  privateTotal: number;
}
const stagePointsIndex = new Map<string, StagePoints>(
  model.stages.map((stage) => {
    const indicators = model.indicators.map((ind) => ind.weights[stage.id] ?? 0);
    const categories = model.categories.map(() => 0);
    indicators.forEach((w, k) => (categories[indicatorCategoryIndex[k]!]! += w));
    const total = indicators.reduce((a, b) => a + b, 0);
    const publicTotal = indicators.reduce((a, w, k) => a + (model.indicators[k]!.public ? w : 0), 0);
    return [stage.id, { indicators, categories, total, publicTotal, privateTotal: total - publicTotal }];
  }),
);
/** The points a stage's enterprises can earn, computed once from the model's weights. */
export function stagePoints(stage: string): StagePoints {
  const p = stagePointsIndex.get(stage);
  if (!p) throw new Error(`unknown stage ${stage}`);
  return p;
}

const cohortIndex = new Map(meta.cohorts.map((c) => [`${c.year}|${c.stage}`, c]));
/** cohortOf by map lookup, for pages built thousands of times (profiles). */
export function cohortFor(year: number, stage: string): PublishedCohort | undefined {
  return cohortIndex.get(`${year}|${stage}`);
}

/** How many enterprises a year's ranking has: nationally, in a park, and in a stage. */
export function rankingSizes(year: number, park: string, stage: string): { national: number; park: number; stage: number } {
  const sizes = yearSizes(year);
  return {
    national: sizes.national,
    park: sizes.parks.get(park) ?? 0,
    stage: cohortFor(year, stage)?.size ?? 0,
  };
}

let timelineIndex: Map<string, { year: number; row: PublishedRow }[]> | null = null;
/** Every enterprise's rows with their years, oldest first: one index for profiles and the id list. */
function timelines(): Map<string, { year: number; row: PublishedRow }[]> {
  if (!timelineIndex) {
    timelineIndex = new Map();
    for (const year of years) {
      for (const row of rowsForYear(year)) {
        const list = timelineIndex.get(row.id);
        if (list) list.push({ year, row });
        else timelineIndex.set(row.id, [{ year, row }]);
      }
    }
  }
  return timelineIndex;
}

/** An enterprise's rows with their years, oldest first (a firm may skip a year). */
export function enterpriseTimeline(id: string): { year: number; row: PublishedRow }[] {
  return timelines().get(id) ?? [];
}

/** Whether this build reuses unchanged profiles from the last one (PORTAL_INCREMENTAL=1, scripts/build.ts). */
export const incremental = process.env.PORTAL_INCREMENTAL === '1';
// What every profile shows besides its own enterprise's rows: the model, parks, years and cohort
// statistics (meta.json) and the site's identity. A name correction changes none of it.
const profileInputs = incremental ? createHash('sha256').update(readFileSync(join(scoredDir, OUTPUT_FILES.meta))).update(JSON.stringify(manifest.site)).digest() : null;

/**
 * For incremental builds, a digest of everything an enterprise's profile shows: the inputs all
 * profiles share, its rows of every year and the sizes of the rankings it is placed in. Astro
 * renders the profile again only when this (or the page's code) changed since the last build;
 * undefined when builds are not incremental.
 */
export function profileCacheKey(id: string): string | undefined {
  if (!profileInputs) return undefined;
  const timeline = enterpriseTimeline(id);
  const sizes = timeline.map(({ year, row }) => rankingSizes(year, row.park, row.stage));
  return createHash('sha256').update(profileInputs).update(JSON.stringify(timeline)).update(JSON.stringify(sizes)).digest('base64url');
}

// --- showcase, stages, parks, open data, sitemap ---

/** The stage of the showcase's 初创型高积分企业 list: the model's `startup` stage, else its first. */
export const startupStage = model.stages.find((s) => s.id === 'startup') ?? model.stages[0]!;

/** The n best rows of each park in a year (park rank order), parks in parks.csv order. */
export function topOfEachPark(year: number, n: number): { park: Park; rows: PublishedRow[] }[] {
  const tops = new Map(parks.map((p) => [p.code, [] as PublishedRow[]]));
  // Rows come in published order (rank, then id), so the first n of a park are its top n.
  for (const r of rowsForYear(year)) {
    const list = tops.get(r.park);
    if (list && list.length < n) list.push(r);
  }
  return parks.map((park) => ({ park, rows: tops.get(park.code)! }));
}

const nationalSummaryCache = new Map<number, ReturnType<typeof summarise>>();
/** summarise() of every row of a year, computed once per year. */
export function nationalSummary(year: number): ReturnType<typeof summarise> {
  let s = nationalSummaryCache.get(year);
  if (!s) {
    s = summarise(rowsForYear(year));
    nationalSummaryCache.set(year, s);
  }
  return s;
}

/** A park's parkStats() in every evaluation year, oldest first. */
export function parkHistory(code: string): ({ year: number } & ReturnType<typeof parkStats>)[] {
  return years.map((year) => ({ year, ...parkStats(year, code) }));
}

/** The years with a page of their own under /stages/{stage}/{year}/: all but the latest (served at /stages/{stage}/). */
export const stageArchiveYears: number[] = years.slice(0, -1);

/**
 * Every page route the site builds, without language prefix, in a stable order: the source
 * of the sitemap. Keep it in step with src/pages when a page type is added or removed.
 */
export function sitePaths(): string[] {
  const paths: string[] = [routes.home(), routes.rankings()];
  // Park and stage lists exist only for groups with enterprises that year (as the ranking pages).
  const pages = (rows: PublishedRow[], make: (page: number) => string) => {
    if (rows.length === 0) return;
    const count = Math.ceil(rows.length / site.page_size);
    for (let page = 1; page <= count; page++) paths.push(make(page));
  };
  for (const year of [...years].reverse()) {
    pages(rowsForYear(year), (p) => routes.national(year, p));
    for (const park of parks) pages(rowsOfPark(year, park.code), (p) => routes.parkRanking(year, park.code, p));
    for (const stage of model.stages) pages(rowsOfStage(year, stage.id), (p) => routes.stageRanking(year, stage.id, p));
    for (const ind of industriesOf(year)) pages(rowsOfIndustry(year, ind.name), (p) => routes.industryRanking(year, ind.slug, p));
    for (const ind of rankedIndicators) paths.push(routes.indicatorRanking(year, ind.id));
  }
  paths.push(routes.showcase(), ...showcaseEntries.map((e) => routes.showcaseEntry(e.slug)));
  paths.push(routes.stages());
  for (const stage of model.stages) paths.push(routes.stage(stage.id), ...stageArchiveYears.map((y) => routes.stageYear(stage.id, y)));
  paths.push(routes.parks(), ...parks.map((p) => routes.park(p.code)));
  paths.push(routes.methodology(), routes.openData());
  for (const e of enterprises()) paths.push(routes.enterprise(e.id));
  return paths;
}

const rowIndexCache = new Map<number, Map<string, PublishedRow>>();
/** An enterprise's row in a year, by map lookup (undefined when it was not scored that year). */
export function rowOfYear(year: number, id: string): PublishedRow | undefined {
  let index = rowIndexCache.get(year);
  if (!index) {
    index = new Map(rowsForYear(year).map((r) => [r.id, r]));
    rowIndexCache.set(year, index);
  }
  return index.get(id);
}

/** An enterprise's most recent scored year and row. */
export function latestRowOf(id: string): { year: number; row: PublishedRow } | undefined {
  for (let i = years.length - 1; i >= 0; i--) {
    const row = rowOfYear(years[i]!, id);
    if (row) return { year: years[i]!, row };
  }
  return undefined;
}
