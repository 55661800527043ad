import type { Indicator } from '../ingest/model.ts';
import { quantileUnsorted } from '../core/quantile.ts';

/** The cohort quantiles one indicator's method needs, keyed by probability (e.g. { "0.95": 123.4 }). */
export type CohortQuantiles = Record<string, number>;

/** What a method reads of its cohort for one indicator (scoring-model.md §3). */
export interface CohortStats {
  /** How many non-blank, bounded values the cohort has. */
  n: number;
  /** Their quantiles at the method's probabilities; empty when n = 0. */
  q: CohortQuantiles;
  /**
   * Only for a benchmark with `zero_benchmark: "positive_values"` whose Q(p) ≤ 0: how many of
   * those values are positive, and their Q(p) (absent when none is), the benchmark used instead.
   */
  positive?: { n: number; q: CohortQuantiles };
}

/** The probabilities at which a method reads its cohort: benchmark p, range lo and hi, none otherwise. */
export function quantilePoints(method: Indicator['method']): number[] {
  switch (method.kind) {
    case 'benchmark':
      return [method.p];
    case 'range':
      return [method.lo, method.hi];
    default:
      return [];
  }
}

/**
 * The statistics a method needs of a cohort's non-blank, bounded values, given in any order.
 * Quantiles are found by selection, not by sorting; `values` is reordered in place (it stays a
 * permutation of the same values).
 */
export function cohortStats(method: Indicator['method'], values: Float64Array): CohortStats {
  const q: CohortQuantiles = {};
  for (const p of quantilePoints(method)) {
    const v = quantileUnsorted(values, p);
    if (v !== undefined) q[String(p)] = v;
  }
  const stats: CohortStats = { n: values.length, q };
  if (method.kind === 'benchmark' && method.zero_benchmark === 'positive_values') {
    const b = q[String(method.p)];
    if (b !== undefined && b <= 0) {
      // Swap the positive values to the end and take their quantile there.
      let end = values.length;
      for (let i = values.length - 1; i >= 0; i--) {
        const x = values[i]!;
        if (x > 0) {
          values[i] = values[--end]!;
          values[end] = x;
        }
      }
      const positives = values.subarray(end);
      const bp = quantileUnsorted(positives, method.p);
      stats.positive = { n: positives.length, q: bp === undefined ? {} : { [String(method.p)]: bp } };
    }
  }
  return stats;
}

/**
 * The benchmark B a benchmark method divides by in a cohort: Q(p) of the cohort's values or,
 * under `zero_benchmark: "positive_values"` when that is ≤ 0, Q(p) of its positive values.
 * Undefined when the cohort has no such value. Other methods have none.
 */
export function benchmarkOf(method: Indicator['method'], stats: Pick<CohortStats, 'q' | 'positive'>): number | undefined {
  if (method.kind !== 'benchmark') return undefined;
  const key = String(method.p);
  return stats.positive ? stats.positive.q[key] : stats.q[key];
}

const clamp01 = (x: number) => Math.min(1, Math.max(0, x));

/** Whether higher or lower raw values score higher (a reverse indicator, 逆向指标, is "lower"). */
export type Direction = NonNullable<Indicator['direction']>;

/**
 * Normalises a derived value to s in [0, 1] (scoring-model.md §3). `x` is NaN when blank
 * (s = 0), Infinity when unbounded (s = 1; for a reverse indicator s = 0, the worst value) and
 * -Infinity when a growth value has no base (s = `withoutBase`, the cohort's imputed median);
 * `stats` are the cohort's statistics.
 */
export function normalise(
  method: Indicator['method'],
  x: number,
  stats: Pick<CohortStats, 'q' | 'positive'>,
  withoutBase = 0,
  direction: Direction = 'higher',
): number {
  return normaliser(method, stats, withoutBase, direction)(x);
}

/**
 * normalise() for one method and cohort: the cohort's statistics are looked up once, not once
 * per enterprise (scoring a national cohort normalises millions of values).
 */
export function normaliser(
  method: Indicator['method'],
  stats: Pick<CohortStats, 'q' | 'positive'>,
  withoutBase = 0,
  direction: Direction = 'higher',
): (x: number) => number {
  if (direction === 'lower') {
    const scale = lowerScaleFor(method, stats);
    return (x) => (Number.isNaN(x) ? 0 : x === Infinity ? 0 : x === -Infinity ? withoutBase : scale(x));
  }
  const scale = scaleFor(method, stats);
  return (x) => (Number.isNaN(x) ? 0 : x === Infinity ? 1 : x === -Infinity ? withoutBase : scale(x));
}

/** The method's scale for reported, bounded values. */
function scaleFor(method: Indicator['method'], stats: Pick<CohortStats, 'q' | 'positive'>): (x: number) => number {
  const { q } = stats;
  switch (method.kind) {
    case 'benchmark': {
      const b = benchmarkOf(method, stats);
      if (b !== undefined && b > 0) return (x) => clamp01(x / b);
      // Model 1.1: no positive benchmark, no points. Model 1.0 ("full"): any positive value scores 1.
      if (method.zero_benchmark === 'positive_values') return () => 0;
      return (x) => (x > 0 ? 1 : 0);
    }
    case 'range': {
      const lo = q[String(method.lo)];
      const hi = q[String(method.hi)];
      if (lo === undefined || hi === undefined) return (x) => (x > 0 ? 1 : 0);
      if (hi > lo) return (x) => clamp01((x - lo) / (hi - lo));
      return (x) => (x > hi ? 1 : 0);
    }
    case 'fixed': {
      const { lo, hi } = method;
      return (x) => clamp01((x - lo) / (hi - lo));
    }
    case 'steps': {
      const { steps } = method;
      return (x) => {
        let s = 0;
        for (const step of steps) if (x >= step.at) s = step.s;
        return s;
      };
    }
  }
}

/**
 * The method's scale for a reverse indicator (direction "lower": lower values score higher),
 * for reported, bounded values; each mirrors the "higher" rule:
 * - benchmark: B = Q(p) (p ≤ 0.5: a low value, the level of the best firms; under
 *   `zero_benchmark: "positive_values"` Q(p) of the positive values when Q(p) ≤ 0).
 *   s = 1 when x ≤ 0 or x ≤ B, else B ÷ x when B > 0 (twice the benchmark earns half), else 0:
 *   the usual reverse rule 标杆值 ÷ 实际值, capped at 1.
 * - range: L = Q(lo), H = Q(hi). H > L: clamp((H − x) ÷ (H − L)); otherwise 1 if x < L else 0.
 * - fixed: clamp((hi − x) ÷ (hi − lo)): lo or less earns 1, hi or more 0.
 * - steps: thresholds increase; s is the s of the first (smallest) threshold ≥ x, 0 above the last.
 */
function lowerScaleFor(method: Indicator['method'], stats: Pick<CohortStats, 'q' | 'positive'>): (x: number) => number {
  const { q } = stats;
  switch (method.kind) {
    case 'benchmark': {
      const b = benchmarkOf(method, stats);
      if (b !== undefined && b > 0) return (x) => (x <= b ? 1 : b / x);
      return (x) => (x <= 0 ? 1 : 0);
    }
    case 'range': {
      const lo = q[String(method.lo)];
      const hi = q[String(method.hi)];
      if (lo === undefined || hi === undefined) return (x) => (x <= 0 ? 1 : 0);
      if (hi > lo) return (x) => clamp01((hi - x) / (hi - lo));
      return (x) => (x < lo ? 1 : 0);
    }
    case 'fixed': {
      const { lo, hi } = method;
      return (x) => clamp01((hi - x) / (hi - lo));
    }
    case 'steps': {
      const { steps } = method;
      return (x) => {
        for (const step of steps) if (x <= step.at) return step.s;
        return 0;
      };
    }
  }
}
