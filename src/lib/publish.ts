import type { Achievement, Park } from './dataset.ts';
import type { Model } from './model.ts';
import { roundHalfAway } from './round.ts';
import type { Cohort, ScoredDataset, ScoredRow } from './score.ts';

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
    categories: r.categories,
    deduction: r.deduction,
    states: Array.from(r.values, stateOf).join(''),
    s: Array.from(r.s, (x) => roundHalfAway(x, 4)),
    points: Array.from(r.points, (x) => roundHalfAway(x)),
    publicValues: model.indicators.map((ind, k) => {
      const x = r.values[k]!;
      return ind.public && Number.isFinite(x) ? x : null;
    }),
  };
}

function median(sorted: number[]): number {
  if (sorted.length === 0) return 0;
  const h = (sorted.length - 1) / 2;
  const lo = Math.floor(h);
  return sorted[lo]! + (h - lo) * ((sorted[Math.ceil(h)] ?? sorted[lo]!) - sorted[lo]!);
}

/** Publishes cohort statistics, with the median s of each indicator for profile comparisons. */
export function publishCohorts(data: ScoredDataset): PublishedCohort[] {
  const { model } = data;
  const sByCohort = new Map<string, number[][]>();
  for (const r of data.rows) {
    const key = `${r.row.year}|${r.stage}`;
    let lists = sByCohort.get(key);
    if (!lists) sByCohort.set(key, (lists = model.indicators.map(() => [])));
    r.s.forEach((s, k) => lists![k]!.push(s));
  }
  return data.cohorts.map((c: Cohort) => {
    const lists = sByCohort.get(`${c.year}|${c.stage}`)!;
    return {
      year: c.year,
      stage: c.stage,
      size: c.size,
      indicators: c.indicators.map((ind, k) => {
        const isPublic = model.indicators[k]!.public;
        const withhold = !isPublic && ind.n < model.privacy.min_cohort_for_benchmarks;
        const q = withhold ? null : Object.fromEntries(Object.entries(ind.q).map(([p, v]) => [p, roundHalfAway(v, 4)]));
        return { n: ind.n, q, medianS: roundHalfAway(median(lists[k]!.sort((a, b) => a - b)), 4) };
      }),
    };
  });
}
