/**
 * The questions pages ask of the published data: parks and cohorts by key, the row groups of
 * the ranking lists (park, stage, industry, single indicator), pagination and the showcase's
 * selections. Statistics over rows are in statistics.ts.
 */
import { industrySlug } from '../core/vocabulary.ts';
import type { Achievement, Park } from '../ingest/dataset.ts';
import type { ShowcaseEntry } from '../ingest/showcase.ts';
import type { PublishedCohort, PublishedRow } from '../publish/publish.ts';
import { rankRowsByIndicator, type IndicatorRankingRow } from './indicator-ranking.ts';
import { listChanges, type ListScope } from './list-change.ts';
import { achievements, cohorts, model, parks, showcaseEntries, site, years } from './load.ts';
import { rowsForYear, yearSizes } from './rows.ts';

const parkIndex = new Map(parks.map((p) => [p.code, p]));
/** The park with this code (throws on an unknown code: the data was validated). */
export function parkByCode(code: string): Park {
  const p = parkIndex.get(code);
  if (!p) throw new Error(`unknown park ${code}`);
  return p;
}

/** The statistics of one year and stage's cohort. */
export function cohortOf(year: number, stage: string): PublishedCohort | undefined {
  return cohorts.find((c) => c.year === year && c.stage === stage);
}

const cohortIndex = new Map(cohorts.map((c) => [`${c.year}|${c.stage}`, c]));
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

/** The index of an indicator in model order. */
export function indicatorIndex(id: string): number {
  return model.indicators.findIndex((i) => i.id === id);
}

/** Reported achievements of a park, in file order. */
export function achievementsOf(code: string): Achievement[] {
  return achievements.filter((a) => a.park === code);
}

/** A URL-safe key for an industry name: the vocabulary's. */
export { industrySlug };

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
  return rankRowsByIndicator(rowsForYear(year), k, model.indicators[k]!.direction ?? 'higher');
}

/** Splits a list into pages of the site's page size; page 1 first. */
export function paginate<T>(items: T[], size = site.page_size): T[][] {
  const pages: T[][] = [];
  for (let i = 0; i < items.length; i += size) pages.push(items.slice(i, i + size));
  return pages.length ? pages : [[]];
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

/** The years with a page of their own under /stages/{stage}/{year}/: all but the latest (served at /stages/{stage}/). */
export const stageArchiveYears: number[] = years.slice(0, -1);

/**
 * The change within the `scope` list of `year` (list-change.ts) for each of `rows`, against the
 * previous year's same list; null for a firm new to the list (or when that year is not published).
 */
export function changesWithinList(scope: ListScope, year: number, rows: readonly PublishedRow[]): (number | null)[] {
  const byId = listChanges(scope, rowsForYear(year), years.includes(year - 1) ? rowsForYear(year - 1) : null);
  return rows.map((r) => byId.get(r.id) ?? null);
}
