import { COLUMN_INDEX, type EnterpriseRow } from './dataset.ts';
import type { Indicator, Model, Stage } from './model.ts';
import { cohortQuantiles, normalise, type CohortQuantiles } from './normalise.ts';
import { roundHalfAway } from './round.ts';
import { rankRows } from './rank.ts';

/** An enterprise-year with everything the portal shows about its score. */
export interface ScoredRow {
  row: EnterpriseRow;
  age: number;
  stage: string;
  /** Derived indicator values in model order: NaN = blank (未填报), Infinity = unbounded. */
  values: Float64Array;
  /** Normalised s per indicator, in [0, 1]. */
  s: Float64Array;
  /** weight × s per indicator, unrounded. */
  points: Float64Array;
  /** Category subtotals, rounded to 2 decimals, in model category order. */
  categories: number[];
  deduction: number;
  score: number;
  rankNational: number;
  rankPark: number;
  rankStage: number;
  /** score − previous year's score, blank when the id has no row for year − 1. */
  scoreChange: number | null;
  /** rank_national − previous year's rank_national (negative = moved up), blank likewise. */
  rankChange: number | null;
}

/** The statistics of one cohort (one year and stage) that normalisation used. */
export interface Cohort {
  year: number;
  stage: string;
  size: number;
  /** Per indicator in model order: how many non-blank bounded values, and the quantiles used. */
  indicators: { n: number; q: CohortQuantiles }[];
}

export interface ScoredDataset {
  model: Model;
  rows: ScoredRow[];
  cohorts: Cohort[];
  years: number[];
}

/** Chooses the first stage whose rule matches (scoring-model.md §1); the model's last stage is a catch-all. */
export function assignStage(stages: Stage[], age: number, revenue: number): Stage {
  for (const stage of stages) {
    const { age: a, revenue: r } = stage.rule;
    if (a && ((a.min !== undefined && age < a.min) || (a.max !== undefined && age > a.max))) continue;
    if (r && (Number.isNaN(revenue) || (r.min !== undefined && revenue < r.min) || (r.max !== undefined && revenue > r.max))) continue;
    return stage;
  }
  return stages[stages.length - 1]!;
}

/** Derives an indicator's value from the raw columns (§2): NaN = blank, Infinity = unbounded. */
export function deriveValue(indicator: Indicator, raw: Float64Array): number {
  const v = indicator.value;
  switch (v.kind) {
    case 'column':
      return raw[COLUMN_INDEX[v.column]]!;
    case 'ratio': {
      const a = raw[COLUMN_INDEX[v.numerator]]!;
      const b = raw[COLUMN_INDEX[v.denominator]]!;
      if (Number.isNaN(a) || Number.isNaN(b)) return NaN;
      if (b > 0) return (100 * a) / b;
      if (v.nonpositive_denominator === 'blank') return NaN;
      return a > 0 ? Infinity : 0;
    }
    case 'growth': {
      const cur = raw[COLUMN_INDEX[v.current]]!;
      const prev = raw[COLUMN_INDEX[v.previous]]!;
      if (Number.isNaN(cur) || Number.isNaN(prev)) return NaN;
      if (prev > 0) return (100 * (cur - prev)) / prev;
      return cur > 0 ? Infinity : NaN;
    }
  }
}

/** Scores validated rows with a model: stage, derive, normalise within cohorts, weigh, deduct, rank. */
export function scoreDataset(model: Model, rows: EnterpriseRow[]): ScoredDataset {
  const nInd = model.indicators.length;
  const revenueIdx = COLUMN_INDEX.revenue;
  const deductionIdx = COLUMN_INDEX[model.deduction.column];
  const catIndex = model.indicators.map((ind) => model.categories.findIndex((c) => c.id === ind.category));

  // Stage and derived values per row, grouped into cohorts (same year, same stage).
  const cohortRows = new Map<string, number[]>();
  const staged = rows.map((row, i) => {
    const age = row.year - row.foundedYear;
    const stage = assignStage(model.stages, age, row.values[revenueIdx]!);
    const values = new Float64Array(nInd);
    for (let k = 0; k < nInd; k++) values[k] = deriveValue(model.indicators[k]!, row.values);
    const key = `${row.year}|${stage.id}`;
    let list = cohortRows.get(key);
    if (!list) cohortRows.set(key, (list = []));
    list.push(i);
    return { row, age, stage: stage.id, values };
  });

  const cohorts: Cohort[] = [];
  const cohortOf = new Map<string, Cohort>();
  for (const [key, members] of cohortRows) {
    const [year, stage] = key.split('|') as [string, string];
    const indicators = model.indicators.map((ind, k) => {
      const vals: number[] = [];
      for (const i of members) {
        const x = staged[i]!.values[k]!;
        if (Number.isFinite(x)) vals.push(x);
      }
      const sorted = Float64Array.from(vals).sort();
      return { n: sorted.length, q: cohortQuantiles(ind.method, sorted) };
    });
    const cohort: Cohort = { year: Number(year), stage, size: members.length, indicators };
    cohorts.push(cohort);
    cohortOf.set(key, cohort);
  }
  const stageOrder = model.stages.map((s) => s.id);
  cohorts.sort((a, b) => a.year - b.year || stageOrder.indexOf(a.stage) - stageOrder.indexOf(b.stage));

  const scored: ScoredRow[] = staged.map(({ row, age, stage, values }) => {
    const cohort = cohortOf.get(`${row.year}|${stage}`)!;
    const s = new Float64Array(nInd);
    const points = new Float64Array(nInd);
    const catSums = new Array<number>(model.categories.length).fill(0);
    let sum = 0;
    for (let k = 0; k < nInd; k++) {
      const ind = model.indicators[k]!;
      s[k] = normalise(ind.method, values[k]!, cohort.indicators[k]!.q);
      points[k] = ind.weights[stage]! * s[k]!;
      sum += points[k]!;
      catSums[catIndex[k]!]! += points[k]!;
    }
    const violations = row.values[deductionIdx]!;
    const deduction = Number.isNaN(violations) ? 0 : Math.min(model.deduction.max, model.deduction.points_each * violations);
    const total = Math.min(model.scale, Math.max(0, sum - deduction));
    return {
      row,
      age,
      stage,
      values,
      s,
      points,
      categories: catSums.map((c) => roundHalfAway(c)),
      deduction,
      score: roundHalfAway(total),
      rankNational: 0,
      rankPark: 0,
      rankStage: 0,
      scoreChange: null,
      rankChange: null,
    };
  });

  rankRows(scored);
  const years = [...new Set(scored.map((r) => r.row.year))].sort((a, b) => a - b);
  return { model, rows: scored, cohorts, years };
}
