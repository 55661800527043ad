/** Summary statistics of a set of published rows' scores. Pure: no data loading. */
import { quartilesSorted } from '../core/quantile.ts';
import type { Model } from '../ingest/model.ts';
import type { PublishedRow } from '../publish/publish.ts';

/** Summary statistics of rows' scores (the stages counted are the model's `stages`). */
export interface ScoreSummary {
  count: number;
  /** Rows per stage id, every model stage present (0 when none). */
  stageCounts: Record<string, number>;
  median: number;
  q1: number;
  q3: number;
  mean: number;
  max: number;
  /** The scores, ascending. */
  scores: number[];
}

/** Summary statistics of a set of rows' scores: count, stage split, median, quartiles (type 7) and mean; zeros for no rows. */
export function summariseRows(rows: readonly PublishedRow[], stages: Model['stages']): ScoreSummary {
  const scores = rows.map((r) => r.score).sort((a, b) => a - b);
  const stageCounts = Object.fromEntries(stages.map((s) => [s.id, 0])) as Record<string, number>;
  for (const r of rows) stageCounts[r.stage] = (stageCounts[r.stage] ?? 0) + 1;
  const { q1, median, q3 } = quartilesSorted(scores) ?? { q1: 0, median: 0, q3: 0 };
  return {
    count: rows.length,
    stageCounts,
    median,
    q1,
    q3,
    mean: scores.length ? scores.reduce((a, b) => a + b, 0) / scores.length : 0,
    max: scores[scores.length - 1] ?? 0,
    scores,
  };
}
