/**
 * Statistics the pages compute from the published rows and the model: score summaries
 * (quartiles, stage split), a park's share of the national top, and the points each stage can
 * earn, for this build's data. The computations are pure functions in score-summary.ts and
 * stage-points.ts.
 */
import { indicatorCategoryIndexes } from '../ingest/model.ts';
import type { PublishedRow } from '../publish/publish.ts';
import { summariseRows, type ScoreSummary } from './score-summary.ts';
import { stagePointsOf, type StagePoints } from './stage-points.ts';
import { model, years } from './load.ts';
import { rowsOfPark } from './queries.ts';
import { rowsForYear } from './rows.ts';

export type { ScoreSummary, StagePoints };

/** summariseRows() over this build's model stages. */
export function summarise(rows: readonly PublishedRow[]): ScoreSummary {
  return summariseRows(rows, model.stages);
}

/** A park's statistics for a year: summary, share of the national top 10 % and top 500, and last year's summary. */
export interface ParkStats extends ScoreSummary {
  inTop10: number;
  inTop500: number;
  top10Share: number;
  previous: ScoreSummary | null;
}

/** A park's computed statistics for a year: summary, share of the national top 10 % and top 500. */
export function parkStats(year: number, code: string): ParkStats {
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

/** A park's parkStats() in every evaluation year, oldest first. */
export function parkHistory(code: string): ({ year: number } & ParkStats)[] {
  return years.map((year) => ({ year, ...parkStats(year, code) }));
}

const nationalSummaryCache = new Map<number, ScoreSummary>();
/** summarise() of every row of a year, computed once per year. */
export function nationalSummary(year: number): ScoreSummary {
  let s = nationalSummaryCache.get(year);
  if (!s) {
    s = summarise(rowsForYear(year));
    nationalSummaryCache.set(year, s);
  }
  return s;
}

/** The category index (model order) of each indicator, in indicator order. */
export const indicatorCategoryIndex: number[] = indicatorCategoryIndexes(model);

const stagePointsIndex = new Map<string, StagePoints>(model.stages.map((stage) => [stage.id, stagePointsOf(model, stage.id)]));
/** The points a stage's enterprises can earn, computed once from the model's weights. */
export function stagePoints(stage: string): StagePoints {
  const p = stagePointsIndex.get(stage);
  if (!p) throw new Error(`unknown stage ${stage}`);
  return p;
}
