import { competitionRank } from '../core/ranks.ts';
import { roundHalfAway } from '../core/round.ts';

/** What ranking reads and fills of a scored row (score.ts's ScoredRow is one). */
export interface RankedRow {
  row: { readonly id: string; readonly park: string; readonly year: number };
  stage: string;
  score: number;
  rankNational: number;
  rankPark: number;
  rankStage: number;
  scoreChange: number | null;
  rankChange: number | null;
}

/**
 * The one ordering of every list: score, highest first; equal scores in `id` order
 * (ids are unique within a year, so the order is total).
 */
export function compareByScore(a: RankedRow, b: RankedRow): number {
  return b.score - a.score || (a.row.id < b.row.id ? -1 : a.row.id > b.row.id ? 1 : 0);
}

/**
 * Ranks within each year (national, park, stage) and fills the year-over-year change against
 * the same id's row of year − 1 (scoring-model.md §6). Sorts `rows` in place into the published
 * order: year, then national rank, then id.
 *
 * Built for 1.4 million rows: ids, parks and stages are numbered once, and ranks are counted
 * in typed arrays as rows pass in published order, with no lookup by string per rank.
 */
export function rankRows<R extends RankedRow>(rows: R[]): void {
  const n = rows.length;
  const ids = numbering(rows, (r) => r.row.id, true);
  const parks = numbering(rows, (r) => r.row.park);
  const stages = numbering(rows, (r) => r.stage);
  const order = publishedOrder(rows, ids);

  // Standard competition ranks (1, 2, 2, 4, src/core/ranks.ts): a group's rank is its count of
  // rows so far, unless the score ties the group's previous one.
  const groupRanks = (count: number) => ({ seen: new Int32Array(count), rank: new Int32Array(count), last: new Float64Array(count) });
  const byPark = groupRanks(parks.count);
  const byStage = groupRanks(stages.count);
  const nextRank = (g: ReturnType<typeof groupRanks>, k: number, score: number) => {
    const seen = ++g.seen[k]!;
    g.rank[k] = competitionRank(seen, score === g.last[k], g.rank[k]!);
    g.last[k] = score;
    return g.rank[k]!;
  };
  // Position of each id's row in this year and in the year before (−1: none).
  let thisYear = new Int32Array(ids.count).fill(-1);
  let lastYear = new Int32Array(ids.count).fill(-1);
  let year = NaN;
  let seen = 0;
  let rank = 0;
  for (let j = 0; j < n; j++) {
    const p = order[j]!;
    const r = rows[p]!;
    if (r.row.year !== year) {
      if (r.row.year === year + 1) [lastYear, thisYear] = [thisYear, lastYear];
      else lastYear.fill(-1);
      thisYear.fill(-1);
      for (const g of [byPark, byStage]) g.seen.fill(0);
      year = r.row.year;
      seen = 0;
    }
    seen++;
    rank = competitionRank(seen, seen > 1 && r.score === rows[order[j - 1]!]!.score, rank);
    r.rankNational = rank;
    r.rankPark = nextRank(byPark, parks.no[p]!, r.score);
    r.rankStage = nextRank(byStage, stages.no[p]!, r.score);
    const id = ids.no[p]!;
    thisYear[id] = p;
    const prev = lastYear[id]! >= 0 ? rows[lastYear[id]!]! : undefined;
    if (prev) {
      r.scoreChange = roundHalfAway(r.score - prev.score);
      r.rankChange = r.rankNational - prev.rankNational;
    }
  }
  const sorted = Array.from(order, (p) => rows[p]!);
  for (let j = 0; j < n; j++) rows[j] = sorted[j]!;
}

/** Numbers the distinct values of `key` over the rows: in sorted order when `sorted`, else as first seen. */
function numbering<R extends RankedRow>(rows: readonly R[], key: (r: R) => string, sorted = false): { no: Int32Array; count: number } {
  const distinct = [...new Set(rows.map(key))];
  if (sorted) distinct.sort();
  const index = new Map(distinct.map((v, i) => [v, i]));
  return { no: Int32Array.from(rows, (r) => index.get(key(r))!), count: distinct.length };
}

/**
 * Positions of `rows` in published order: year, then compareByScore. A comparison sort of 1.4
 * million rows calls back into JavaScript some 30 million times, so instead one number per row,
 * (year, score descending, id number) with ids numbered in id order, is sorted natively, and
 * each row is found again from its key since a year has one row per id. The key needs scores
 * in whole cents (they are rounded to cents) and must fit a double exactly; should it not, the
 * comparison sort is used.
 */
function publishedOrder(rows: readonly RankedRow[], ids: { no: Int32Array; count: number }): Int32Array {
  const n = rows.length;
  const years = [...new Set(rows.map((r) => r.row.year))].sort((a, b) => a - b);
  const yearNo = new Map(years.map((y, i) => [y, i]));
  const cents = Float64Array.from(rows, (r) => Math.round(r.score * 100));
  let maxCents = 0;
  let wholeCents = true;
  for (let i = 0; i < n; i++) {
    maxCents = Math.max(maxCents, cents[i]!);
    if (cents[i]! < 0 || cents[i]! / 100 !== rows[i]!.score) wholeCents = false;
  }
  const span = maxCents + 1;
  if (!wholeCents || years.length * span * ids.count > Number.MAX_SAFE_INTEGER) {
    return Int32Array.from(rows.keys()).sort((a, b) => rows[a]!.row.year - rows[b]!.row.year || compareByScore(rows[a]!, rows[b]!));
  }
  const rowAt = new Int32Array(years.length * ids.count);
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const y = yearNo.get(rows[i]!.row.year)!;
    rowAt[y * ids.count + ids.no[i]!] = i;
    keys[i] = (y * span + (maxCents - cents[i]!)) * ids.count + ids.no[i]!;
  }
  keys.sort();
  return Int32Array.from(keys, (key) => {
    const id = key % ids.count;
    const yearAndScore = (key - id) / ids.count;
    const y = (yearAndScore - (yearAndScore % span)) / span;
    return rowAt[y * ids.count + id]!;
  });
}
