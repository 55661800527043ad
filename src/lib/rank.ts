import type { ScoredRow } from './score.ts';
import { roundHalfAway } from './round.ts';

/**
 * The one ordering of every list: score, highest first; equal scores in `id` order
 * (ids are unique within a year, so the order is total).
 */
export function compareByScore(a: ScoredRow, b: ScoredRow): number {
  return b.score - a.score || (a.row.id < b.row.id ? -1 : a.row.id > b.row.id ? 1 : 0);
}

/** Standard competition ranks (1, 2, 2, 4) of rows already sorted by compareByScore. */
function competitionRanks(sorted: ScoredRow[], set: (row: ScoredRow, rank: number) => void): void {
  let rank = 0;
  sorted.forEach((row, i) => {
    if (i === 0 || row.score !== sorted[i - 1]!.score) rank = i + 1;
    set(row, rank);
  });
}

function groupBy(rows: ScoredRow[], key: (r: ScoredRow) => string): Map<string, ScoredRow[]> {
  const groups = new Map<string, ScoredRow[]>();
  for (const r of rows) {
    const k = key(r);
    const g = groups.get(k);
    if (g) g.push(r);
    else groups.set(k, [r]);
  }
  return groups;
}

/**
 * Ranks within each year (national, park, stage) and fills the year-over-year change against
 * the same id's row of year − 1 (scoring-model.md §6). Sorts `rows` in place into the published
 * order: year, then national rank, then id.
 */
export function rankRows(rows: ScoredRow[]): void {
  rows.sort((a, b) => a.row.year - b.row.year || compareByScore(a, b));
  for (const yearRows of groupBy(rows, (r) => String(r.row.year)).values()) {
    competitionRanks(yearRows, (r, k) => (r.rankNational = k));
    for (const g of groupBy(yearRows, (r) => r.row.park).values()) competitionRanks(g, (r, k) => (r.rankPark = k));
    for (const g of groupBy(yearRows, (r) => r.stage).values()) competitionRanks(g, (r, k) => (r.rankStage = k));
  }
  const byIdYear = new Map<string, ScoredRow>();
  for (const r of rows) byIdYear.set(`${r.row.id}|${r.row.year}`, r);
  for (const r of rows) {
    const prev = byIdYear.get(`${r.row.id}|${r.row.year - 1}`);
    if (prev) {
      r.scoreChange = roundHalfAway(r.score - prev.score);
      r.rankChange = r.rankNational - prev.rankNational;
    }
  }
}
