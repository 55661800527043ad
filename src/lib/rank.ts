import type { ScoredRow } from './score.ts';
import { roundHalfAway } from './round.ts';

/**
 * The one ordering of every list: score, highest first; equal scores in `id` order
 * (ids are unique within a year, so the order is total).
 */
export function compareByScore(a: ScoredRow, b: ScoredRow): number {
  return b.score - a.score || (a.row.id < b.row.id ? -1 : a.row.id > b.row.id ? 1 : 0);
}

/**
 * Hands out standard competition ranks (1, 2, 2, 4) within groups, one row at a time, to rows
 * arriving in compareByScore order: a group's rank is its count so far, unless the score ties
 * the group's previous one. Counting as rows stream past avoids building a list per group.
 */
class CompetitionRanks {
  private groups = new Map<string, { count: number; rank: number; lastScore: number }>();
  next(group: string, score: number): number {
    const g = this.groups.get(group);
    if (!g) {
      this.groups.set(group, { count: 1, rank: 1, lastScore: score });
      return 1;
    }
    g.count++;
    if (score !== g.lastScore) g.rank = g.count;
    g.lastScore = score;
    return g.rank;
  }
}

/**
 * Ranks within each year (national, park, stage) and fills the year-over-year change against
 * the same id's row of year − 1 (scoring-model.md §6). Sorts `rows` in place into the published
 * order: year, then national rank, then id.
 */
export function rankRows(rows: ScoredRow[]): void {
  sortByYearAndScore(rows);
  // Sorted by year, each year's rows form one run; the previous run's rows, by id, give the changes.
  let prevYear = NaN;
  let prevById = new Map<string, ScoredRow>();
  for (let start = 0; start < rows.length; ) {
    const year = rows[start]!.row.year;
    let end = start;
    while (end < rows.length && rows[end]!.row.year === year) end++;
    const national = new CompetitionRanks();
    const park = new CompetitionRanks();
    const stage = new CompetitionRanks();
    const byId = new Map<string, ScoredRow>();
    for (let i = start; i < end; i++) {
      const r = rows[i]!;
      r.rankNational = national.next('', r.score);
      r.rankPark = park.next(r.row.park, r.score);
      r.rankStage = stage.next(r.stage, r.score);
      byId.set(r.row.id, r);
      const prev = prevYear === year - 1 ? prevById.get(r.row.id) : undefined;
      if (prev) {
        r.scoreChange = roundHalfAway(r.score - prev.score);
        r.rankChange = r.rankNational - prev.rankNational;
      }
    }
    prevYear = year;
    prevById = byId;
    start = end;
  }
}

/**
 * Sorts rows by year, then compareByScore. Millions of comparisons that chase row objects
 * scattered over the heap are slow, so positions are sorted on years and scores copied into
 * two compact arrays, and ids are compared only between equal scores. The order is the same.
 */
function sortByYearAndScore(rows: ScoredRow[]): void {
  const years = Int32Array.from(rows, (r) => r.row.year);
  const scores = Float64Array.from(rows, (r) => r.score);
  const ids = rows.map((r) => r.row.id);
  const order = Array.from(rows, (_, i) => i).sort(
    (i, j) => years[i]! - years[j]! || scores[j]! - scores[i]! || (ids[i]! < ids[j]! ? -1 : ids[i]! > ids[j]! ? 1 : 0),
  );
  const sorted = order.map((i) => rows[i]!);
  for (let i = 0; i < rows.length; i++) rows[i] = sorted[i]!;
}
