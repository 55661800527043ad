import type { Achievement, EnterpriseRow, Park, Tag } from './dataset.ts';
import type { Model } from './model.ts';
import { roundHalfAway } from './round.ts';
import { categoriesOf, type ScoreFigures, type ScoredDataset, type ScoredRow } from './score.ts';

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

/** What publishRow reads of a scored row (a ScoredRow is one). */
export interface PublishableRow extends Omit<ScoredRow, 'row'> {
  row: Pick<EnterpriseRow, 'id' | 'name' | 'nameEn' | 'park' | 'industry' | 'tags' | 'founded'>;
}

/** Strips a scored row down to what may be published. */
export function publishRow(model: Model, r: PublishableRow): PublishedRow {
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

/**
 * Scored rows of one year as columns, to hand to another thread: strings and tags are copied,
 * typed arrays moved, and the per-indicator and per-category figures stay in the shared
 * ScoreFigures, found by slot. Blank changes are NaN.
 */
export interface PublishBatch {
  year: number;
  ids: string[];
  names: string[];
  namesEn: string[];
  parks: string[];
  industries: string[];
  tags: Tag[][];
  founded: string[];
  stages: string[];
  slots: Int32Array<ArrayBuffer>;
  /** age, rank_national, rank_park, rank_stage per row. */
  whole: Int32Array<ArrayBuffer>;
  /** score, score_change, rank_change, deduction per row. */
  numbers: Float64Array<ArrayBuffer>;
}

/** The columns of scored rows of one year, in order. */
export function toPublishBatch(year: number, rows: readonly ScoredRow[]): PublishBatch {
  const whole = new Int32Array(rows.length * 4);
  const numbers = new Float64Array(rows.length * 4);
  rows.forEach((r, i) => {
    whole[i * 4] = r.age;
    whole[i * 4 + 1] = r.rankNational;
    whole[i * 4 + 2] = r.rankPark;
    whole[i * 4 + 3] = r.rankStage;
    numbers[i * 4] = r.score;
    numbers[i * 4 + 1] = r.scoreChange ?? NaN;
    numbers[i * 4 + 2] = r.rankChange ?? NaN;
    numbers[i * 4 + 3] = r.deduction;
  });
  return {
    year,
    ids: rows.map((r) => r.row.id),
    names: rows.map((r) => r.row.name),
    namesEn: rows.map((r) => r.row.nameEn),
    parks: rows.map((r) => r.row.park),
    industries: rows.map((r) => r.row.industry),
    tags: rows.map((r) => r.row.tags),
    founded: rows.map((r) => r.row.founded),
    stages: rows.map((r) => r.stage),
    slots: Int32Array.from(rows, (r) => r.slot),
    whole,
    numbers,
  };
}

/** The rows a batch describes, reading their figures from the shared ScoreFigures. */
export function publishBatchRows(batch: PublishBatch, figures: ScoreFigures): PublishableRow[] {
  const { whole, numbers } = batch;
  const orNull = (x: number) => (Number.isNaN(x) ? null : x);
  return batch.ids.map((id, i) => ({
    row: {
      id,
      name: batch.names[i]!,
      nameEn: batch.namesEn[i]!,
      park: batch.parks[i]!,
      industry: batch.industries[i]!,
      tags: batch.tags[i]!,
      founded: batch.founded[i]!,
    },
    age: whole[i * 4]!,
    stage: batch.stages[i]!,
    slot: batch.slots[i]!,
    figures,
    rankNational: whole[i * 4 + 1]!,
    rankPark: whole[i * 4 + 2]!,
    rankStage: whole[i * 4 + 3]!,
    score: numbers[i * 4]!,
    scoreChange: orNull(numbers[i * 4 + 1]!),
    rankChange: orNull(numbers[i * 4 + 2]!),
    deduction: numbers[i * 4 + 3]!,
  }));
}
