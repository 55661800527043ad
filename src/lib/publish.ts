import type { Achievement, Park } from './dataset.ts';
import type { Model } from './model.ts';
import { roundHalfAway } from './round.ts';
import { categoriesOf, type ScoredDataset, type ScoredRow } from './score.ts';

/**
 * What the site may show about one enterprise-year. This is the privacy boundary of
 * scoring-model.md §7: raw values only for indicators the model marks public.
 */
export interface PublishedRow {
  id: string;
  name: string;
  nameEn: string;
  park: string;
  industry: string;
  tags: string[];
  founded: string;
  age: number;
  stage: string;
  score: number;
  rankNational: number;
  rankPark: number;
  rankStage: number;
  scoreChange: number | null;
  rankChange: number | null;
  /** Category subtotals in model category order. */
  categories: number[];
  deduction: number;
  /** Per indicator, model order: 'v' reported, 'b' blank (未填报), 'u' unbounded. */
  states: string;
  /** s per indicator, rounded to 4 decimals. */
  s: number[];
  /** Points per indicator, rounded to cents. */
  points: number[];
  /** Raw value per indicator when the model marks it public, else null. */
  publicValues: (number | null)[];
}

/** A cohort's statistics as published: private indicators' quantiles withheld in small cohorts. */
export interface PublishedCohort {
  year: number;
  stage: string;
  size: number;
  indicators: { n: number; q: Record<string, number> | null; medianS: number }[];
}

export interface PublishedMeta {
  model: Model;
  parks: Park[];
  achievements: Achievement[];
  years: number[];
  cohorts: PublishedCohort[];
  counts: { rows: number; enterprises: number };
}

const stateOf = (x: number) => (Number.isNaN(x) ? 'b' : x === Infinity ? 'u' : 'v');

/** Strips a scored row down to what may be published. */
export function publishRow(model: Model, r: ScoredRow): PublishedRow {
  const { width, values, s: sAll, points: pointsAll } = r.figures;
  const at = r.slot * width;
  let states = '';
  const s = new Array<number>(width);
  const points = new Array<number>(width);
  const publicValues = new Array<number | null>(width);
  for (let k = 0; k < width; k++) {
    const x = values[at + k]!;
    states += stateOf(x);
    s[k] = roundHalfAway(sAll[at + k]!, 4);
    points[k] = roundHalfAway(pointsAll[at + k]!);
    publicValues[k] = model.indicators[k]!.public && Number.isFinite(x) ? x : null;
  }
  return {
    id: r.row.id,
    name: r.row.name,
    nameEn: r.row.nameEn,
    park: r.row.park,
    industry: r.row.industry,
    tags: model.privacy.public_tags ? r.row.tags : [],
    founded: r.row.founded,
    age: r.age,
    stage: r.stage,
    score: r.score,
    rankNational: r.rankNational,
    rankPark: r.rankPark,
    rankStage: r.rankStage,
    scoreChange: r.scoreChange,
    rankChange: r.rankChange,
    categories: categoriesOf(r),
    deduction: r.deduction,
    states,
    s,
    points,
    publicValues,
  };
}

/** Publishes cohort statistics, with the median s of each indicator for profile comparisons. */
export function publishCohorts(data: ScoredDataset): PublishedCohort[] {
  const { model } = data;
  return data.cohorts.map((c) => ({
    year: c.year,
    stage: c.stage,
    size: c.size,
    indicators: c.indicators.map((ind, k) => {
      const isPublic = model.indicators[k]!.public;
      const withhold = !isPublic && ind.n < model.privacy.min_cohort_for_benchmarks;
      const q = withhold ? null : Object.fromEntries(Object.entries(ind.q).map(([p, v]) => [p, roundHalfAway(v, 4)]));
      return { n: ind.n, q, medianS: roundHalfAway(c.medianS[k]!, 4) };
    }),
  }));
}
