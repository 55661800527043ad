import { COLUMN_INDEX, columnPositions, type EnterpriseRow, type EnterpriseTable } from '../ingest/dataset.ts';
import { indicatorCategoryIndexes, type Indicator, type Model, type Stage } from '../ingest/model.ts';
import { cohortStats, normaliser, type CohortStats } from './normalise.ts';
import { quantileUnsorted } from '../core/quantile.ts';
import { roundHalfAway } from '../core/round.ts';
import { rankRows } from './rank.ts';

/**
 * An enterprise-year with everything the portal shows about its score. Its per-indicator and
 * per-category figures live in the shared ScoreFigures at `slot`: read them with
 * indicatorValue, sOf, pointsOf and categoriesOf.
 */
export interface ScoredRow {
  row: EnterpriseRow;
  age: number;
  stage: string;
  /** The row's place in `figures` (and in the EnterpriseTable it was scored from). */
  slot: number;
  /** The figures of every row of the dataset (shared, not this row's own). */
  figures: ScoreFigures;
  deduction: number;
  /** Bonus points (加分项) after each item's cap and the overall cap; 0 without bonus items. */
  bonus: number;
  score: number;
  rankNational: number;
  rankPark: number;
  rankStage: number;
  /** score − previous year's score, blank when the id has no row for year − 1. */
  scoreChange: number | null;
  /** rank_national − previous year's rank_national (negative = moved up), blank likewise. */
  rankChange: number | null;
}

/**
 * The per-indicator and per-category figures of all scored rows: one Float64Array per kind,
 * row after row (slot × width + indicator, slot × categoryCount + category). At national scale
 * (1.4 million enterprise-years × 18 indicators) small arrays per row would cost more in
 * object headers and garbage-collector work than the numbers they hold.
 */
export interface ScoreFigures {
  /** Number of indicators, in model order: the stride of values, s and points. */
  width: number;
  /**
   * Derived indicator values: NaN = blank (未填报), Infinity = unbounded (s = 1), -Infinity =
   * a growth value without base whose s is imputed (WITHOUT_BASE; see isWithoutBase).
   */
  values: Float64Array;
  /** Normalised s per indicator, in [0, 1]. */
  s: Float64Array;
  /** weight × s per indicator, unrounded. */
  points: Float64Array;
  /** Number of categories, in model order: the stride of categories. */
  categoryCount: number;
  /** Category subtotals (sums of points), rounded to 2 decimals. */
  categories: Float64Array;
  /** Number of bonus items, in model order: the stride of bonus. */
  bonusWidth: number;
  /** Points per bonus item, each after its own cap (not the overall cap), unrounded. */
  bonus: Float64Array;
}

/**
 * The derived value of a growth indicator without base (无基数: previous year ≤ 0, current
 * year > 0) under `without_base: "impute_median"` (reference model 1.1, scoring-model.md §2):
 * its s is the median s of the cohort's computable growth values ("无上年基数，按同阶段中位数计").
 * Like blanks (NaN) and unbounded values (Infinity), it is left out of cohort statistics.
 * Under `without_base: "full"` (model 1.0) such a value is Infinity, unbounded, s = 1.
 */
export const WITHOUT_BASE = -Infinity;

/** Whether a derived value (ScoreFigures.values) is a growth value without base, its s imputed. */
export function isWithoutBase(x: number): boolean {
  return x === WITHOUT_BASE;
}

/**
 * Derived value of indicator `k` (model order) for a row: NaN = blank, Infinity = unbounded,
 * -Infinity = without base (isWithoutBase).
 */
export function indicatorValue(r: ScoredRow, k: number): number {
  return r.figures.values[r.slot * r.figures.width + k]!;
}

/** Normalised s of indicator `k` for a row, in [0, 1]. */
export function sOf(r: ScoredRow, k: number): number {
  return r.figures.s[r.slot * r.figures.width + k]!;
}

/** Points (weight × s, unrounded) of indicator `k` for a row. */
export function pointsOf(r: ScoredRow, k: number): number {
  return r.figures.points[r.slot * r.figures.width + k]!;
}

/** A row's category subtotals, rounded to 2 decimals, in model category order. */
export function categoriesOf(r: Pick<ScoredRow, 'slot' | 'figures'>): number[] {
  const { categoryCount, categories } = r.figures;
  const subtotals = new Array<number>(categoryCount);
  for (let c = 0; c < categoryCount; c++) subtotals[c] = categories[r.slot * categoryCount + c]!;
  return subtotals;
}

/** The statistics of one cohort (one year and stage) that normalisation used. */
export interface Cohort {
  year: number;
  stage: string;
  size: number;
  /**
   * Per indicator in model order: how many non-blank bounded values (without-base growth
   * values are not bounded), the quantiles used and, for a benchmark that fell back to the
   * cohort's positive values, theirs.
   */
  indicators: CohortStats[];
  /** Per indicator in model order: the median s of the cohort (blanks count as 0), for profile comparisons. */
  medianS: number[];
}

/**
 * A firm-year excluded by a veto rule (一票否决): not scored, not ranked, not in its cohort's
 * statistics. It keeps its slot in the figures (values derived; s, points and bonus 0).
 */
export interface VetoedRow {
  row: EnterpriseRow;
  age: number;
  stage: string;
  slot: number;
  /** Ids of the veto rules that matched, in model order. */
  rules: string[];
}

export interface ScoredDataset {
  model: Model;
  /** The scored, ranked rows: every row of the table except the vetoed ones. */
  rows: ScoredRow[];
  /** The firm-years a veto rule excluded, in year then id order. */
  vetoed: VetoedRow[];
  /** The figures of all rows (each row also points to them). */
  figures: ScoreFigures;
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

/**
 * Derives an indicator's value from a row's raw columns (§2): NaN = blank, Infinity =
 * unbounded, WITHOUT_BASE (-Infinity) = growth without base to impute.
 */
export function deriveValue(indicator: Indicator, raw: Float64Array): number {
  return deriver(indicator, builtInPosition)(raw, 0);
}

/** A built-in numeric column's position in a row (deriveValue reads a row of built-in columns only). */
const builtInPosition = (column: string) => COLUMN_INDEX[column as keyof typeof COLUMN_INDEX];

/**
 * deriveValue() for one indicator, reading the row whose raw columns start at `at` (a row of
 * EnterpriseTable.raw). The columns' positions are resolved once, not once per enterprise.
 */
function deriver(indicator: Indicator, position: (column: string) => number): (raw: Float64Array, at: number) => number {
  const v = indicator.value;
  switch (v.kind) {
    case 'column': {
      const c = position(v.column);
      return (raw, at) => raw[at + c]!;
    }
    case 'ratio': {
      const num = position(v.numerator);
      const den = position(v.denominator);
      const blankIfNonpositive = v.nonpositive_denominator === 'blank';
      return (raw, at) => {
        const a = raw[at + num]!;
        const b = raw[at + den]!;
        if (Number.isNaN(a) || Number.isNaN(b)) return NaN;
        if (b > 0) return (100 * a) / b;
        if (blankIfNonpositive) return NaN;
        return a > 0 ? Infinity : 0;
      };
    }
    case 'growth': {
      const current = position(v.current);
      const previous = position(v.previous);
      // Without base: imputed (1.1), or unbounded as model 1.0 had it (option absent or "full").
      const withoutBase = v.without_base === 'impute_median' ? WITHOUT_BASE : Infinity;
      return (raw, at) => {
        const cur = raw[at + current]!;
        const prev = raw[at + previous]!;
        if (Number.isNaN(cur) || Number.isNaN(prev)) return NaN;
        if (prev > 0) return (100 * (cur - prev)) / prev;
        return cur > 0 ? withoutBase : NaN;
      };
    }
  }
}

/** A raw column's value of the row whose raw columns start at `at`, given the column's position (NaN = blank). */
type RawReader = (raw: Float64Array, at: number, row: EnterpriseRow) => number;

/**
 * The ids of the veto rules a row matches (model order), as one test per rule: a column rule
 * matches when the value is reported and within its bounds (≥ min, ≤ max); a tag rule when the
 * enterprise holds the designation.
 */
function vetoTests(model: Model, position: (column: string) => number): { id: string; test: (raw: Float64Array, at: number, row: EnterpriseRow) => boolean }[] {
  return (model.veto ?? []).map((rule) => {
    if (rule.tag !== undefined) {
      const tag = rule.tag;
      return { id: rule.id, test: (_raw, _at, row) => (row.tags as readonly string[]).includes(tag) };
    }
    const c = position(rule.column!);
    const { min, max } = rule;
    return {
      id: rule.id,
      test: (raw, at) => {
        const x = raw[at + c]!;
        return !Number.isNaN(x) && (min === undefined || x >= min) && (max === undefined || x <= max);
      },
    };
  });
}

/**
 * Each bonus item's points for a row, after the item's cap: points_each × the column's value
 * (a blank or negative value adds nothing), or points_each when the enterprise holds the tag.
 */
function bonusReaders(model: Model, position: (column: string) => number): RawReader[] {
  return (model.bonus?.items ?? []).map((item) => {
    const cap = (x: number) => Math.min(item.max, Math.max(0, x));
    if (item.tag !== undefined) {
      const tag = item.tag;
      return (_raw, _at, row) => ((row.tags as readonly string[]).includes(tag) ? cap(item.points_each) : 0);
    }
    const c = position(item.column!);
    return (raw, at) => {
      const x = raw[at + c]!;
      return Number.isNaN(x) ? 0 : cap(item.points_each * x);
    };
  });
}

/**
 * A Float64Array in memory shared between threads: the thread that writes the site's JSON
 * reads the figures in place rather than receiving a copy (see output.ts).
 */
function sharedFloat64(length: number): Float64Array {
  return new Float64Array(new SharedArrayBuffer(length * Float64Array.BYTES_PER_ELEMENT));
}

/**
 * Scores validated rows with a model: stage, derive, normalise within cohorts, weigh, deduct, rank.
 * Long: the steps share the typed-array slabs allocated at the top (shared with the writing
 * thread); each step is a short loop calling the named helpers above, in the order of
 * scoring-model.md.
 */
export function scoreDataset(model: Model, table: EnterpriseTable): ScoredDataset {
  const { rows, raw, width } = table;
  // Where each column sits in a row: the built-in ones first, then the model's declared ones.
  const position = columnPositions(table.columns);
  const n = rows.length;
  const nInd = model.indicators.length;
  const nStages = model.stages.length;
  const revenueIdx = position('revenue');
  const deductionIdx = position(model.deduction.column);
  const catIndex = indicatorCategoryIndexes(model);
  const nCat = model.categories.length;
  const bonusOf = bonusReaders(model, position);
  const nBonus = bonusOf.length;
  const figures: ScoreFigures = {
    width: nInd,
    values: sharedFloat64(n * nInd),
    s: sharedFloat64(n * nInd),
    points: sharedFloat64(n * nInd),
    categoryCount: nCat,
    categories: sharedFloat64(n * nCat),
    bonusWidth: nBonus,
    bonus: sharedFloat64(n * nBonus),
  };
  const { values, s, points, categories } = figures;
  const derive = model.indicators.map((ind) => deriver(ind, position));
  const vetoes = vetoTests(model, position);
  const vetoed: VetoedRow[] = [];

  // Stage and derived values per row, and the cohort (same year, same stage) each row falls in.
  // Cohorts are keyed by year × stage number: no key string per row. A vetoed row joins no
  // cohort: it is neither scored nor a reference for the others.
  const stageOfRow = new Uint16Array(n);
  const cohortOfRow = new Uint32Array(n);
  const cohortKeys = new Map<number, number>();
  const cohortMembers: number[][] = [];
  for (let i = 0; i < n; i++) {
    const row = rows[i]!;
    const at = i * width;
    const stage = assignStage(model.stages, row.year - row.foundedYear, raw[at + revenueIdx]!);
    const stageNo = model.stages.indexOf(stage);
    stageOfRow[i] = stageNo;
    for (let k = 0; k < nInd; k++) values[i * nInd + k] = derive[k]!(raw, at);
    if (vetoes.length) {
      const matched = vetoes.filter((v) => v.test(raw, at, row)).map((v) => v.id);
      if (matched.length) {
        vetoed.push({ row, age: row.year - row.foundedYear, stage: stage.id, slot: i, rules: matched });
        cohortOfRow[i] = 0xffffffff;
        continue;
      }
    }
    const key = row.year * nStages + stageNo;
    let c = cohortKeys.get(key);
    if (c === undefined) {
      cohortKeys.set(key, (c = cohortMembers.length));
      cohortMembers.push([]);
    }
    cohortOfRow[i] = c;
    cohortMembers[c]!.push(i);
  }

  // Each cohort's statistics, from its non-blank, bounded values of each indicator, and the
  // normalising function they give each indicator. A growth value without base gets the median
  // s of the cohort's bounded values of that indicator (§3): their s are computed in the
  // scratch column once the cohort's statistics are known, before any row is scored.
  const cohortByNumber: Cohort[] = [];
  const normalisers: ((x: number) => number)[][] = [];
  const largest = Math.max(0, ...cohortMembers.map((m) => m.length));
  const scratch = model.indicators.map(() => new Float64Array(largest));
  const imputes = model.indicators.map((ind) => ind.value.kind === 'growth' && ind.value.without_base === 'impute_median');
  for (const [key, c] of cohortKeys) {
    const members = cohortMembers[c]!;
    const columns = cohortColumns(values, nInd, members, scratch, true);
    const indicators = model.indicators.map((ind, k) => cohortStats(ind.method, columns[k]!));
    const stageNo = key % nStages;
    const cohort: Cohort = { year: (key - stageNo) / nStages, stage: model.stages[stageNo]!.id, size: members.length, indicators, medianS: [] };
    cohortByNumber[c] = cohort;
    normalisers[c] = model.indicators.map((ind, k) => {
      const direction = ind.direction ?? 'higher';
      const scale = normaliser(ind.method, indicators[k]!, 0, direction);
      if (!imputes[k]) return scale;
      const column = columns[k]!;
      for (let j = 0; j < column.length; j++) column[j] = scale(column[j]!);
      return normaliser(ind.method, indicators[k]!, quantileUnsorted(column, 0.5) ?? 0, direction);
    });
  }
  const stageOrder = model.stages.map((st) => st.id);
  const cohorts = [...cohortByNumber].sort((a, b) => a.year - b.year || stageOrder.indexOf(a.stage) - stageOrder.indexOf(b.stage));

  // Stage weights as a table (stage number × indicator), looked up once rather than per row.
  const weights = new Float64Array(nStages * nInd);
  model.stages.forEach((st, j) => model.indicators.forEach((ind, k) => (weights[j * nInd + k] = ind.weights[st.id]!)));

  const scored: ScoredRow[] = [];
  const catSums = new Float64Array(nCat);
  const bonusMax = model.bonus?.max ?? 0;
  for (let i = 0; i < n; i++) {
    if (cohortOfRow[i] === 0xffffffff) continue; // vetoed
    const row = rows[i]!;
    const stageNo = stageOfRow[i]!;
    const normalise = normalisers[cohortOfRow[i]!]!;
    catSums.fill(0);
    let sum = 0;
    for (let k = 0; k < nInd; k++) {
      const at = i * nInd + k;
      s[at] = normalise[k]!(values[at]!);
      points[at] = weights[stageNo * nInd + k]! * s[at]!;
      sum += points[at]!;
      catSums[catIndex[k]!]! += points[at]!;
    }
    for (let c = 0; c < nCat; c++) categories[i * nCat + c] = roundHalfAway(catSums[c]!);
    const violations = raw[i * width + deductionIdx]!;
    const deduction = Number.isNaN(violations) ? 0 : Math.min(model.deduction.max, model.deduction.points_each * violations);
    // Bonus points come on top of the scale: score = base + bonus − deduction (without bonus
    // items this is the reference model's clamp to [0, scale], to the cent).
    let bonusSum = 0;
    for (let b = 0; b < nBonus; b++) {
      const pts = bonusOf[b]!(raw, i * width, row);
      figures.bonus[i * nBonus + b] = pts;
      bonusSum += pts;
    }
    const bonus = Math.min(bonusMax, bonusSum);
    const total = Math.min(model.scale + bonus, Math.max(0, sum + bonus - deduction));
    scored.push({
      row,
      age: row.year - row.foundedYear,
      stage: model.stages[stageNo]!.id,
      slot: i,
      figures,
      deduction,
      bonus,
      score: roundHalfAway(total),
      rankNational: 0,
      rankPark: 0,
      rankStage: 0,
      scoreChange: null,
      rankChange: null,
    });
  }

  // The median s of each indicator within each cohort, blanks included (as 0).
  cohortKeys.forEach((c) => {
    const columns = cohortColumns(s, nInd, cohortMembers[c]!, scratch, false);
    cohortByNumber[c]!.medianS = columns.map((column) => quantileUnsorted(column, 0.5)!);
  });

  rankRows(scored);
  const years = [...new Set(scored.map((r) => r.row.year))].sort((a, b) => a - b);
  vetoed.sort((a, b) => a.row.year - b.row.year || (a.row.id < b.row.id ? -1 : a.row.id > b.row.id ? 1 : 0));
  return { model, rows: scored, vetoed, figures, cohorts, years };
}

/**
 * The figures of a cohort's members (positions, ascending) in a row-major slab, copied out as
 * one column per indicator into `scratch`, and only the finite ones when `finiteOnly`. Each
 * row's figures are read once, in memory order: gathering one indicator at a time would sweep
 * the whole slab once per indicator.
 */
function cohortColumns(slab: Float64Array, width: number, members: number[], scratch: Float64Array[], finiteOnly: boolean): Float64Array[] {
  const counts = new Array<number>(width).fill(0);
  for (const i of members) {
    for (let k = 0; k < width; k++) {
      const x = slab[i * width + k]!;
      if (!finiteOnly || Number.isFinite(x)) scratch[k]![counts[k]!++] = x;
    }
  }
  return scratch.map((column, k) => column.subarray(0, counts[k]));
}
