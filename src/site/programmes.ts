/**
 * Programme membership (programmes.json, src/ingest/programmes.ts), computed only from what the
 * privacy boundary publishes (PublishedRow, cohort sizes): a rule is a conjunction of
 * conditions on published quantities, so whoever holds the site's open data can recompute
 * every list. Pure functions; src/site/programme-pages.ts binds them to the portal's data.
 *
 * The stage-percentile rule, precisely: an enterprise's position in its year × stage cohort is
 * the share of the cohort with a strictly higher score, higher ÷ size, where higher =
 * rank_stage − 1 (stage ranks are competition ranks: 1, 2, 2, 4) and size = the cohort's firm
 * count. A band [from, to) holds the enterprises with from ≤ 100 · higher ÷ size < to. Firms
 * tied on score have the same position, so ties share the better band, as publish.ts's bands
 * do (top10 there = [0, 10) here).
 */
import { competitionRanks } from '../core/ranks.ts';
import type { PublishedRow } from '../publish/publish.ts';
import type { IndicatorCondition, NoticePeriod, Programme, ProgrammeRule } from '../ingest/programmes.ts';

export type { Programme, ProgrammeRule, NoticePeriod };

/** Route paths of the programme pages, without language prefix (as routes.ts). */
export const programmeRoutes = {
  index: () => '/programmes/',
  /** One programme in one year; page 1 has no /page/ segment. */
  programme: (id: string, year: number, page = 1) => `/programmes/${id}/${year}/${page > 1 ? `page/${page}/` : ''}`,
  /** The members as CSV (language-neutral: use withBase). */
  csv: (id: string, year: number) => `/programmes/${id}/${year}.csv`,
  /** The SHA-256 checksums of every programme CSV (language-neutral: use withBase). */
  checksums: () => '/programmes/SHA256SUMS',
  /** The feed of programme changes (href(lang, …) gives each language's). */
  feed: () => '/programmes/rss.xml',
  finance: () => '/finance/',
} as const;

/** What membership reads besides the row itself. */
export interface MembershipContext {
  /** How many enterprises the year × stage cohort has. */
  stageSize(year: number, stage: string): number;
  /** In how many evaluation years up to `year` (inclusive) the enterprise was scored. */
  yearsScored(id: string, year: number): number;
  /** An indicator's index in model order (−1 when unknown). */
  indicatorIndex(id: string): number;
}

/** An enterprise-year's position in its stage cohort: `higher` of `size` firms score strictly higher. */
export function stagePosition(row: Pick<PublishedRow, 'rankStage'>, size: number): { higher: number; size: number } {
  return { higher: row.rankStage - 1, size };
}

/** Whether a position lies in the percentile band [from, to): from ≤ 100·higher/size < to, compared without division. */
export function inPercentBand(higher: number, size: number, [from, to]: readonly [number, number]): boolean {
  if (size <= 0) return false;
  return higher * 100 >= from * size && higher * 100 < to * size;
}

function meetsIndicator(row: PublishedRow, c: IndicatorCondition, k: number): boolean {
  if (k < 0) return false;
  if (c.min_value !== undefined) {
    // Unbounded values (state 'u') exceed any threshold; blanks (未填报) meet none.
    const value = row.states[k] === 'u' ? Infinity : row.publicValues[k];
    if (value === null || value === undefined || value < c.min_value) return false;
  }
  if (c.min_s !== undefined && !((row.s[k] ?? -Infinity) >= c.min_s)) return false;
  if (c.min_points !== undefined && !((row.points[k] ?? -Infinity) >= c.min_points)) return false;
  return true;
}

/** Whether an enterprise-year meets every condition of a rule. */
export function meetsRule(rule: ProgrammeRule, row: PublishedRow, year: number, ctx: MembershipContext): boolean {
  if (rule.stages && !rule.stages.includes(row.stage)) return false;
  if (rule.parks && !rule.parks.includes(row.park)) return false;
  if (rule.industries && !rule.industries.includes(row.industry)) return false;
  if (rule.min_score !== undefined && row.score < rule.min_score) return false;
  if (rule.max_score !== undefined && row.score > rule.max_score) return false;
  if (rule.max_rank_national !== undefined && row.rankNational > rule.max_rank_national) return false;
  if (rule.max_rank_park !== undefined && row.rankPark > rule.max_rank_park) return false;
  if (rule.max_rank_stage !== undefined && row.rankStage > rule.max_rank_stage) return false;
  if (rule.tags_any && !rule.tags_any.some((tag) => row.tags.includes(tag))) return false;
  if (rule.tags_all && !rule.tags_all.every((tag) => row.tags.includes(tag))) return false;
  if (rule.min_score_change !== undefined && (row.scoreChange === null || row.scoreChange < rule.min_score_change)) return false;
  if (rule.stage_top_percent) {
    const { higher, size } = stagePosition(row, ctx.stageSize(year, row.stage));
    if (!inPercentBand(higher, size, rule.stage_top_percent)) return false;
  }
  if (rule.indicators && !rule.indicators.every((c) => meetsIndicator(row, c, ctx.indicatorIndex(c.id)))) return false;
  if (rule.min_years !== undefined && ctx.yearsScored(row.id, year) < rule.min_years) return false;
  return true;
}

/** Whether a programme runs in a year and the enterprise-year meets its rule. */
export function isMember(programme: Programme, row: PublishedRow, year: number, ctx: MembershipContext): boolean {
  return programme.years.includes(year) && meetsRule(programme.rule, row, year, ctx);
}

/** The members of a programme in a year among `rows` (a year's rows), in the rows' order. */
export function membersOf(programme: Programme, year: number, rows: readonly PublishedRow[], ctx: MembershipContext): PublishedRow[] {
  if (!programme.years.includes(year)) return [];
  return rows.filter((r) => meetsRule(programme.rule, r, year, ctx));
}

/**
 * Members in list order, score highest first (then id), with competition ranks within the
 * programme (1, 2, 2, 4): the order every list of the site uses.
 */
export function rankMembers(members: readonly PublishedRow[]): { row: PublishedRow; rank: number }[] {
  const sorted = [...members].sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const ranks = competitionRanks(sorted.map((row) => row.score));
  return sorted.map((row, i) => ({ row, rank: ranks[i]! }));
}

/** Entries (members now, not in the previous year) and exits (members then, not now), each in the given order. */
export function membershipChanges<R extends { id: string }>(previous: readonly R[], current: readonly R[]): { entered: R[]; exited: R[] } {
  const before = new Set(previous.map((r) => r.id));
  const now = new Set(current.map((r) => r.id));
  return { entered: current.filter((r) => !before.has(r.id)), exited: previous.filter((r) => !now.has(r.id)) };
}

/** How many rows each key has, most first, then by key. */
export function countBy<R>(rows: readonly R[], key: (r: R) => string): { key: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const r of rows) counts.set(key(r), (counts.get(key(r)) ?? 0) + 1);
  return [...counts].map(([k, count]) => ({ key: k, count })).sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** One score band of a finance programme's members: [from, to), the last one open-ended (to null). */
export interface ScoreBandCount {
  from: number;
  to: number | null;
  count: number;
}

/** The default band edges: ten equal bands of the scale (0, 100, …, 900 on a 1,000-point scale). */
export function defaultScoreBands(scale: number): number[] {
  return Array.from({ length: 10 }, (_, i) => (i * scale) / 10);
}

/**
 * Members counted by score band: `edges` are the bands' lower bounds, ascending; a score s is
 * in [edges[i], edges[i+1]), the last band is [edges[last], ∞). Scores below the first edge
 * are counted in a band [0, edges[0]) listed first (when edges[0] > 0).
 */
export function scoreBandCounts(scores: readonly number[], edges: readonly number[]): ScoreBandCount[] {
  const bands: ScoreBandCount[] = [];
  if (edges[0]! > 0) bands.push({ from: 0, to: edges[0]!, count: 0 });
  edges.forEach((from, i) => bands.push({ from, to: edges[i + 1] ?? null, count: 0 }));
  for (const s of scores) {
    const band = bands.find((b) => s >= b.from && (b.to === null || s < b.to)) ?? bands[0]!;
    band.count++;
  }
  return bands;
}

/** Where a 公示期 stands on a date: before it starts, during it (both ends included), after it ends. */
export type NoticeState = 'before' | 'during' | 'after';

/**
 * The 公示期's state as of `asOf` (YYYY-MM-DD). The site is static, so it is judged against the
 * data's date (site.json's data_as_of, else the latest date in the data), never the build
 * machine's clock: the same data always gives the same pages. The page shows the dates too.
 */
export function noticeState(period: NoticePeriod, asOf: string): NoticeState {
  if (asOf < period.start) return 'before';
  if (asOf > period.end) return 'after';
  return 'during';
}
