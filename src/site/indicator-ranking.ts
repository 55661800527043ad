import { competitionRanksBy } from '../core/ranks.ts';

/** What a single-indicator ranking reads of a published row. */
export interface IndicatorRankable {
  id: string;
  score: number;
  s: (number | null)[];
  points: (number | null)[];
  publicValues: (number | null)[];
}

/** A row of a single-indicator ranking with its rank, points and s on that indicator. */
export interface IndicatorRankingRow<R> {
  row: R;
  rank: number;
  points: number;
  s: number;
}

/**
 * Orders rows by public indicator `k` for its 单项指标排名: by s first (normalised within each
 * stage, so comparable across stages whose maximum points differ), then by the reported value
 * (higher first, or lower first for a reverse indicator; a blank value last), with standard competition ranks on that pair; rows equal on both share a
 * rank and are listed by score, then id.
 */
export function rankRowsByIndicator<R extends IndicatorRankable>(rows: readonly R[], k: number, direction: 'higher' | 'lower' = 'higher'): IndicatorRankingRow<R>[] {
  const sOf = (r: R) => r.s[k] ?? 0;
  // A reverse indicator (lower is better): the lower value first among equal s; blank still last.
  const sign = direction === 'lower' ? -1 : 1;
  const valueOf = (r: R) => sign * (r.publicValues[k] ?? -Infinity * sign);
  const sorted = [...rows].sort((a, b) => sOf(b) - sOf(a) || valueOf(b) - valueOf(a) || b.score - a.score || (a.id < b.id ? -1 : 1));
  const ranks = competitionRanksBy(sorted, (prev, row) => sOf(row) === sOf(prev) && valueOf(row) === valueOf(prev));
  return sorted.map((row, i) => ({ row, rank: ranks[i]!, points: row.points[k] ?? 0, s: sOf(row) }));
}
