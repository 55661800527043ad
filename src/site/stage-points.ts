/** The points a stage's enterprises can earn under a model. Pure: no data loading. */
import { indicatorCategoryIndexes, type Model } from '../ingest/model.ts';

/** Points available per stage: per indicator (its weight), per category, in total, and split into public and private indicators. */
export interface StagePoints {
  indicators: number[];
  categories: number[];
  total: number;
  /** The public indicators' points together; the rest (total − public) are the private ones'. */
  publicTotal: number;
  privateTotal: number;
}

/** The points a stage's enterprises can earn under a model, from its weights. */
export function stagePointsOf(m: Pick<Model, 'indicators' | 'categories'>, stage: string): StagePoints {
  const categoryOf = indicatorCategoryIndexes(m);
  const indicators = m.indicators.map((ind) => ind.weights[stage] ?? 0);
  const categories = m.categories.map(() => 0);
  indicators.forEach((w, k) => (categories[categoryOf[k]!]! += w));
  const total = indicators.reduce((a, b) => a + b, 0);
  const publicTotal = indicators.reduce((a, w, k) => a + (m.indicators[k]!.public ? w : 0), 0);
  return { indicators, categories, total, publicTotal, privateTotal: total - publicTotal };
}
