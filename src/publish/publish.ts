import type { Achievement, EnterpriseRow, Park, Tag } from '../ingest/dataset.ts';
import { indicatorCategoryIndexes, isPublicBonus, type Model } from '../ingest/model.ts';
import type { Programme } from '../ingest/programmes.ts';
import { quartilesSorted } from '../core/quantile.ts';
import { roundHalfAway } from '../core/round.ts';
import { categoriesOf, isWithoutBase, type ScoreFigures, type ScoredDataset, type ScoredRow } from '../scoring/score.ts';

/**
 * The privacy boundary (scoring-model.md §7): the one module that decides what of a scored
 * dataset leaves the build. Everything the site publishes per enterprise-year (pages, the
 * explorer's JSON, the search index, feeds, downloads) is made from a PublishedRow, and every
 * cohort statistic from a PublishedCohort; both are made here and nowhere else.
 *
 * Per enterprise-year, exactly: score, deduction, ranks and their changes, each public
 * indicator's value, s and points, and the sums of public and of private points. As a band
 * only: each private indicator, and each category holding one. Nothing else derived from a
 * private indicator.
 */

/** Band labels in code order: the code is the index (0 = na). */
export const BANDS = ['na', 'top10', 'top25', 'top50', 'lower50'] as const;
export type Band = (typeof BANDS)[number];

/**
 * The band of a position in a cohort: `higher` firms of the cohort's `size` have a strictly
 * higher value, so ties share the better band (§7). top10 when fewer than 10 % are strictly
 * higher, top25 under 25 %, top50 under 50 %, else lower50. Returned as its code (1–4).
 */
export function bandCodeOfPosition(higher: number, size: number): number {
  const share = higher / size;
  return share < 0.1 ? 1 : share < 0.25 ? 2 : share < 0.5 ? 3 : 4;
}

/**
 * Band codes of a cohort's values (one quantity, one cohort): for each value, how many of the
 * cohort's values are strictly higher, as a band. `blank[i]` marks values that are not reported
 * (band na); they still belong to the cohort, with the value given (0 points).
 */
export function cohortBandCodes(values: Float64Array, blank?: (i: number) => boolean): Uint8Array {
  const codes = new Uint8Array(values.length);
  const flags = blank ? Uint8Array.from(values, (_, i) => (blank(i) ? 1 : 0)) : null;
  writeBandCodes(values, flags, new Float64Array(values.length), codes, 0, 1);
  return codes;
}

/**
 * cohortBandCodes() into `out` at out[at + i·stride], with `sorted` as scratch space of the
 * values' length: the national build bands millions of values, without a closure or an
 * allocation per value.
 */
function writeBandCodes(values: Float64Array, blank: Uint8Array | null, sorted: Float64Array, out: Uint8Array, at: number, stride: number): void {
  const n = values.length;
  sorted.set(values);
  sorted.sort();
  for (let i = 0; i < n; i++) {
    if (blank !== null && blank[i] === 1) {
      out[at + i * stride] = 0;
      continue;
    }
    // Strictly higher = n − (the first index whose value exceeds values[i]).
    const v = values[i]!;
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sorted[mid]! > v) hi = mid;
      else lo = mid + 1;
    }
    out[at + i * stride] = bandCodeOfPosition(n - lo, n);
  }
}

/**
 * Every row's bands, computed from exact values inside the build: per slot, one code per
 * indicator (position by s) then one per category (position by the category's points), in
 * model order. Shared memory, so the threads writing the site's data read it in place.
 */
export interface BandTable {
  /** Codes per row: width = indicators + categories. */
  codes: Uint8Array;
  width: number;
  /** Per category, whether it holds a private indicator (bandedCategories), computed once rather than per row. */
  banded: boolean[];
}

/** The slots of each year × stage cohort, in row order. */
function cohortSlots(data: ScoredDataset): Map<string, Int32Array> {
  const lists = new Map<string, number[]>();
  for (const r of data.rows) {
    const key = `${r.row.year}|${r.stage}`;
    const list = lists.get(key);
    if (list) list.push(r.slot);
    else lists.set(key, [r.slot]);
  }
  return new Map([...lists].map(([key, list]) => [key, Int32Array.from(list)]));
}

/** Computes the bands of every row within its year × stage cohort (§7). */
export function computeBands(data: ScoredDataset): BandTable {
  const { model, figures, rows } = data;
  const nInd = figures.width;
  const nCat = figures.categoryCount;
  const width = nInd + nCat;
  // Indexed by slot: vetoed firm-years keep theirs (unused here), so the table spans every row.
  const codes = new Uint8Array(new SharedArrayBuffer(Math.max(1, (rows.length + (data.vetoed?.length ?? 0)) * width)));
  const catOf = indicatorCategoryIndexes(model);
  for (const slots of cohortSlots(data).values()) {
    const m = slots.length;
    // The cohort's quantities column by column, gathered in one pass over its rows (each row's
    // figures are contiguous; reading one indicator at a time would stride through them all).
    const columns = new Float64Array(m * width);
    const blank = new Uint8Array(m * nInd);
    for (let i = 0; i < m; i++) {
      const at = slots[i]! * nInd;
      for (let k = 0; k < nInd; k++) {
        columns[k * m + i] = figures.s[at + k]!;
        columns[(nInd + catOf[k]!) * m + i]! += figures.points[at + k]!;
        if (Number.isNaN(figures.values[at + k]!)) blank[k * m + i] = 1;
      }
    }
    const sorted = new Float64Array(m);
    const out = new Uint8Array(m * width);
    for (let q = 0; q < width; q++) {
      writeBandCodes(columns.subarray(q * m, (q + 1) * m), q < nInd ? blank.subarray(q * m, (q + 1) * m) : null, sorted, out, q, width);
    }
    for (let i = 0; i < m; i++) codes.set(out.subarray(i * width, (i + 1) * width), slots[i]! * width);
  }
  return { codes, width, banded: bandedCategories(model) };
}

/** Whether a category holds a private indicator (then it is published as a band only). */
export function bandedCategories(model: Model): boolean[] {
  return model.categories.map((c) => model.indicators.some((ind) => ind.category === c.id && !ind.public));
}

/** What the site may show about one enterprise-year (§7). */
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
  deduction: number;
  /** Sum of the public indicators' points, to cents. */
  publicPts: number;
  /**
   * Sum of the private indicators' points, to cents: score + deduction − publicPts (derivable
   * from published numbers anyway). Null when the score was clamped at 0 (the deduction exceeds
   * the points earned): the formula would then be false, and the true sum is not derivable.
   */
  privatePts: number | null;
  /** Category subtotals in model order for categories without a private indicator; null for banded ones. */
  categories: (number | null)[];
  /** One band code per category ('0' na, '1' top10 … '4' lower50), model order. */
  categoryBands: string;
  /** One band code per indicator, model order (public indicators have one too: derivable from their s). */
  bands: string;
  /**
   * One letter per indicator, model order. Public: 'v' reported, 'b' blank (未填报), 'u' unbounded.
   * Private: 'p'. Either: 'w' for a growth value without base (无上年基数, s imputed at the cohort median).
   */
  states: string;
  /** s per indicator, 4 decimals; null for private indicators. */
  s: (number | null)[];
  /** Points per indicator, to cents; null for private indicators. */
  points: (number | null)[];
  /** Raw value per public indicator when reported and bounded; null otherwise and for private ones. */
  publicValues: (number | null)[];
  /**
   * Models with bonus items (加分项) only. The public part of the bonus: the public items' points
   * summed and held to the overall cap, to cents. Private items' points (from a confidential
   * column) are part of privatePts, like a private indicator's points.
   */
  bonus?: number;
  /** Models with bonus items only: points per item (after its own cap), to cents; null for private items. */
  bonusPts?: (number | null)[];
}

/**
 * A firm-year excluded by a veto rule (一票否决), as published: who, when, its stage, and which
 * rules matched (their reasons are the model's words). No score, rank or figure.
 */
export interface PublishedVeto {
  year: number;
  id: string;
  name: string;
  nameEn: string;
  park: string;
  industry: string;
  stage: string;
  /** Ids of the matching veto rules, model order. */
  rules: string[];
}

/** A band code character of a published row as its label. */
export function bandLabel(code: string | undefined): Band {
  return BANDS[Number(code)] ?? 'na';
}

/** One quantile summary as published. */
export interface PublishedQuartiles {
  q1: number;
  median: number;
  q3: number;
}

/** A cohort's statistics as published (§7). */
export interface PublishedCohort {
  year: number;
  stage: string;
  size: number;
  indicators: {
    /** How many of the cohort's values are reported and bounded. */
    n: number;
    /** The quantiles the method read (benchmark p, range lo/hi), public indicators only; null for private ones. */
    q: Record<string, number> | null;
    /**
     * Public benchmark indicators whose Q(p) was ≤ 0 under `zero_benchmark: "positive_values"`:
     * how many values were positive and their Q(p), the benchmark actually used (model 1.1).
     */
    positive?: { n: number; q: Record<string, number> };
    /**
     * Q0.25, Q0.5, Q0.75 of the values: public indicators in full (4 decimals); private ones
     * only when n ≥ privacy.min_cohort, to 2 significant figures; else null.
     */
    quartiles: PublishedQuartiles | null;
    /** Median s of the cohort (blanks as 0), public indicators only; null for private ones. */
    medianS: number | null;
  }[];
  /**
   * Mean points per category: exact (to cents) for categories without a private indicator;
   * for banded ones only when the cohort has at least privacy.min_cohort firms, to 2 significant figures.
   */
  categoryMeans: (number | null)[];
}

export interface PublishedMeta {
  model: Model;
  parks: Park[];
  achievements: Achievement[];
  /** programmes.json's programmes (rules only: membership is computed by the site from published rows). */
  programmes?: Programme[];
  years: number[];
  cohorts: PublishedCohort[];
  counts: { rows: number; enterprises: number };
  /** Firm-years excluded by a veto rule; present only when the model has veto rules. */
  vetoed?: PublishedVeto[];
}

/** Rounds to `digits` significant figures (half away from zero), as private cohort statistics are published. */
export function roundSignificant(x: number, digits = 2): number {
  if (x === 0 || !Number.isFinite(x)) return x;
  const magnitude = Math.floor(Math.log10(Math.abs(x)));
  const decimals = digits - 1 - magnitude;
  if (decimals >= 0) return roundHalfAway(x, decimals);
  const scale = 10 ** -decimals;
  return roundHalfAway(x / scale, 0) * scale;
}

const publicStateOf = (x: number) => (Number.isNaN(x) ? 'b' : x === Infinity ? 'u' : isWithoutBase(x) ? 'w' : 'v');

/** What publishRow reads of a scored row (a ScoredRow is one). */
export interface PublishableRow extends Omit<ScoredRow, 'row'> {
  row: Pick<EnterpriseRow, 'id' | 'name' | 'nameEn' | 'park' | 'industry' | 'tags' | 'founded'>;
}

/** Strips a scored row down to what may be published (§7), with its bands from `bands`. */
export function publishRow(model: Model, r: PublishableRow, bands: BandTable): PublishedRow {
  const { width, values, s: sAll, points: pointsAll } = r.figures;
  const at = r.slot * width;
  const bandAt = r.slot * bands.width;
  let states = '';
  let bandText = '';
  let publicSum = 0;
  const s = new Array<number | null>(width);
  const points = new Array<number | null>(width);
  const publicValues = new Array<number | null>(width);
  for (let k = 0; k < width; k++) {
    const x = values[at + k]!;
    bandText += bands.codes[bandAt + k]!;
    if (model.indicators[k]!.public) {
      states += publicStateOf(x);
      s[k] = roundHalfAway(sAll[at + k]!, 4);
      points[k] = roundHalfAway(pointsAll[at + k]!);
      publicValues[k] = Number.isFinite(x) ? x : null;
      publicSum += pointsAll[at + k]!;
    } else {
      states += isWithoutBase(x) ? 'w' : 'p';
      s[k] = null;
      points[k] = null;
      publicValues[k] = null;
    }
  }
  const { banded } = bands;
  const subtotals = categoriesOf(r);
  let categoryBands = '';
  for (let c = 0; c < banded.length; c++) categoryBands += bands.codes[bandAt + width + c]!;
  const publicPts = roundHalfAway(publicSum);
  const clamped = r.score === 0 && r.deduction > 0;
  const bonus = publishBonus(model, r);
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
    deduction: r.deduction,
    publicPts,
    privatePts: clamped ? null : roundHalfAway(r.score + r.deduction - publicPts - (bonus?.bonus ?? 0)),
    categories: subtotals.map((v, c) => (banded[c] ? null : v)),
    categoryBands,
    bands: bandText,
    states,
    s,
    points,
    publicValues,
    ...bonus,
  };
}

/**
 * The published bonus of a row (models with bonus items only): each public item's points, and
 * their sum held to the overall cap. The rest of the bonus (private items) stays inside
 * privatePts: score = publicPts + privatePts + bonus − deduction holds either way.
 */
function publishBonus(model: Model, r: PublishableRow): { bonus: number; bonusPts: (number | null)[] } | undefined {
  if (!model.bonus) return undefined;
  const { bonusWidth, bonus } = r.figures;
  let sum = 0;
  const bonusPts = model.bonus.items.map((item, b) => {
    if (!isPublicBonus(model, item)) return null;
    const pts = bonus[r.slot * bonusWidth + b]!;
    sum += pts;
    return roundHalfAway(pts);
  });
  return { bonus: roundHalfAway(Math.min(model.bonus.max, sum)), bonusPts };
}

/** The vetoed firm-years as published (§7: the rules that matched, no figure). */
export function publishVetoed(data: Pick<ScoredDataset, 'vetoed'>): PublishedVeto[] {
  return data.vetoed.map((v) => ({
    year: v.row.year,
    id: v.row.id,
    name: v.row.name,
    nameEn: v.row.nameEn,
    park: v.row.park,
    industry: v.row.industry,
    stage: v.stage,
    rules: v.rules,
  }));
}

/** Publishes cohort statistics under §7: method quantiles and median s of public indicators only, quartiles by the cohort-size rule. */
export function publishCohorts(data: ScoredDataset): PublishedCohort[] {
  const { model, figures } = data;
  const nInd = figures.width;
  const nCat = figures.categoryCount;
  const minCohort = model.privacy.min_cohort;
  const banded = bandedCategories(model);
  const catOf = indicatorCategoryIndexes(model);
  const members = cohortSlots(data);
  const round4 = (q: Record<string, number>) => Object.fromEntries(Object.entries(q).map(([p, v]) => [p, roundHalfAway(v, 4)]));
  return data.cohorts.map((c) => {
    const slots = members.get(`${c.year}|${c.stage}`) ?? new Int32Array(0);
    const m = slots.length;
    // Each indicator's reported, bounded values and each category's points sum, in one pass.
    const columns = new Float64Array(m * nInd);
    const counts = new Int32Array(nInd);
    const categorySums = new Float64Array(nCat);
    for (let i = 0; i < m; i++) {
      const at = slots[i]! * nInd;
      for (let k = 0; k < nInd; k++) {
        const x = figures.values[at + k]!;
        if (Number.isFinite(x)) columns[k * m + counts[k]!++] = x;
        categorySums[catOf[k]!]! += figures.points[at + k]!;
      }
    }
    const indicators = c.indicators.map((ind, k) => {
      const isPublic = model.indicators[k]!.public;
      const sorted = columns.subarray(k * m, k * m + counts[k]!).sort();
      let quartiles: PublishedQuartiles | null = null;
      if (sorted.length > 0 && (isPublic || sorted.length >= minCohort)) {
        const round = isPublic ? (x: number) => roundHalfAway(x, 4) : (x: number) => roundSignificant(x, 2);
        const q = quartilesSorted(sorted)!;
        quartiles = { q1: round(q.q1), median: round(q.median), q3: round(q.q3) };
      }
      return {
        n: ind.n,
        q: isPublic ? round4(ind.q) : null,
        ...(isPublic && ind.positive ? { positive: { n: ind.positive.n, q: round4(ind.positive.q) } } : {}),
        quartiles,
        medianS: isPublic ? roundHalfAway(c.medianS[k]!, 4) : null,
      };
    });
    const categoryMeans = model.categories.map((_, ci) => {
      if (m === 0 || (banded[ci] && m < minCohort)) return null;
      const mean = categorySums[ci]! / m;
      return banded[ci] ? roundSignificant(mean, 2) : roundHalfAway(mean);
    });
    return { year: c.year, stage: c.stage, size: c.size, indicators, categoryMeans };
  });
}

/** A firm-year whose score isolates one private indicator's points (§7 residual risk). */
export interface ResidualRisk {
  year: number;
  id: string;
  name: string;
  stage: string;
  indicator: string;
}

/** The firm-years with exactly one private indicator carrying points: their score isolates it. */
export function residualRisks(data: ScoredDataset): ResidualRisk[] {
  const { model, figures } = data;
  const nInd = figures.width;
  const privateIdx = model.indicators.flatMap((ind, k) => (ind.public ? [] : [k]));
  // Bonus items from confidential columns are private points too.
  const privateBonus = (model.bonus?.items ?? []).flatMap((item, b) => (isPublicBonus(model, item) ? [] : [b]));
  const nBonus = figures.bonusWidth;
  const risks: ResidualRisk[] = [];
  for (const r of data.rows) {
    let found = '';
    let count = 0;
    for (const k of privateIdx) {
      if (figures.points[r.slot * nInd + k]! > 0) {
        count++;
        found = model.indicators[k]!.id;
      }
    }
    for (const b of privateBonus) {
      if (figures.bonus[r.slot * nBonus + b]! > 0) {
        count++;
        found = `${model.bonus!.items[b]!.id} (bonus)`;
      }
    }
    if (count === 1) risks.push({ year: r.row.year, id: r.row.id, name: r.row.name, stage: r.stage, indicator: found });
  }
  return risks.sort((a, b) => a.year - b.year || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** The operator's privacy report (privacy-report.txt): residual risks and withheld cohort statistics. Never published. */
export function privacyReport(data: ScoredDataset): { text: string; risks: number } {
  const { model } = data;
  const risks = residualRisks(data);
  const withheld: string[] = [];
  for (const c of data.cohorts) {
    c.indicators.forEach((ind, k) => {
      if (!model.indicators[k]!.public && ind.n < model.privacy.min_cohort) withheld.push(`${c.year},${c.stage},${model.indicators[k]!.id},${ind.n}`);
    });
  }
  const lines = [
    'Privacy report / 信息披露风险报告 (scoring-model.md §7). INTERNAL: never publish this file.',
    `Model: ${model.id} ${model.version}; privacy.min_cohort = ${model.privacy.min_cohort}.`,
    '',
    `Residual risk: ${risks.length} firm-year(s) with exactly one private indicator carrying points.`,
    'Their published score isolates that indicator\'s points (score + deduction − public points).',
    'Decide before publishing whether these firms agree, or withhold them from the data folder.',
    'year,id,name,stage,indicator',
    ...risks.map((r) => `${r.year},${r.id},${JSON.stringify(r.name)},${r.stage},${r.indicator}`),
    '',
    `Withheld cohort statistics: ${withheld.length} cohort × private indicator pair(s) with fewer than ${model.privacy.min_cohort} reported values; their quartiles are not published.`,
    'year,stage,indicator,reported_values',
    ...withheld,
    '',
    ...(model.veto
      ? [
          `Vetoed (一票否决): ${data.vetoed.length} firm-year(s), not scored, not ranked, left out of cohort statistics; the site names the rule, never the figure.`,
          'year,id,name,stage,rules',
          ...data.vetoed.map((v) => `${v.row.year},${v.row.id},${JSON.stringify(v.row.name)},${v.stage},${v.rules.join(';')}`),
          '',
        ]
      : []),
  ];
  return { text: lines.join('\n'), risks: risks.length };
}

/** The one-line summary the score and build commands print, naming where the report was written. */
export function privacySummary(risks: number, report: string): string {
  return `Privacy: ${risks} firm-year(s) have exactly one private indicator with points, so their score isolates it (residual risk; listed in ${report}, never published).`;
}

/** The public scores table's columns (outputs.md, "The site's open data"). */
export function publicTableColumns(model: Model): string[] {
  const banded = bandedCategories(model);
  return [
    'year', 'id', 'name', 'name_en', 'park', 'industry', 'tags', 'founded', 'stage', 'score',
    'rank_national', 'rank_park', 'rank_stage', 'score_change', 'rank_change', 'deduction', 'public_pts', 'private_pts',
    ...model.categories.map((c, i) => (banded[i] ? `${c.id}_band` : `${c.id}_pts`)),
    ...model.indicators.flatMap((ind) => (ind.public ? [`${ind.id}_value`, `${ind.id}_s`, `${ind.id}_pts`] : [`${ind.id}_band`])),
    ...(model.bonus ? ['bonus_pts', ...model.bonus.items.filter((item) => isPublicBonus(model, item)).map((item) => `${item.id}_bonus`)] : []),
  ];
}

/** One public table row's cells, from a published row only (so it can carry nothing else). */
export function publicTableCells(model: Model, year: number, r: PublishedRow): (string | number | null)[] {
  const cells: (string | number | null)[] = [
    year, r.id, r.name, r.nameEn, r.park, r.industry, r.tags.join(';'), r.founded, r.stage, r.score,
    r.rankNational, r.rankPark, r.rankStage, r.scoreChange, r.rankChange, r.deduction, r.publicPts, r.privatePts,
  ];
  model.categories.forEach((_, c) => cells.push(r.categories[c] ?? bandLabel(r.categoryBands[c])));
  model.indicators.forEach((ind, k) => {
    if (ind.public) cells.push(r.publicValues[k] ?? null, r.s[k] ?? null, r.points[k] ?? null);
    else cells.push(bandLabel(r.bands[k]));
  });
  if (model.bonus) {
    cells.push(r.bonus ?? null);
    r.bonusPts?.forEach((pts) => pts !== null && cells.push(pts));
  }
  return cells;
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
  /** score, score_change, rank_change, deduction, bonus per row. */
  numbers: Float64Array<ArrayBuffer>;
}

/** The columns of scored rows of one year, in order. */
export function toPublishBatch(year: number, rows: readonly ScoredRow[]): PublishBatch {
  const whole = new Int32Array(rows.length * 4);
  const numbers = new Float64Array(rows.length * 5);
  rows.forEach((r, i) => {
    whole[i * 4] = r.age;
    whole[i * 4 + 1] = r.rankNational;
    whole[i * 4 + 2] = r.rankPark;
    whole[i * 4 + 3] = r.rankStage;
    numbers[i * 5] = r.score;
    numbers[i * 5 + 1] = r.scoreChange ?? NaN;
    numbers[i * 5 + 2] = r.rankChange ?? NaN;
    numbers[i * 5 + 3] = r.deduction;
    numbers[i * 5 + 4] = r.bonus;
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
    score: numbers[i * 5]!,
    scoreChange: orNull(numbers[i * 5 + 1]!),
    rankChange: orNull(numbers[i * 5 + 2]!),
    deduction: numbers[i * 5 + 3]!,
    bonus: numbers[i * 5 + 4]!,
  }));
}
