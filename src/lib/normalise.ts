import type { Indicator } from './model.ts';
import { quantileSorted, quantileUnsorted } from './quantile.ts';

/** The cohort quantiles one indicator's method needs, keyed by probability (e.g. { "0.95": 123.4 }). */
export type CohortQuantiles = Record<string, number>;

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

/** Computes the quantiles a method needs from the cohort's non-blank, bounded values (ascending). */
export function cohortQuantiles(method: Indicator['method'], sorted: ArrayLike<number>): CohortQuantiles {
  const q: CohortQuantiles = {};
  for (const p of quantilePoints(method)) {
    const v = quantileSorted(sorted, p);
    if (v !== undefined) q[String(p)] = v;
  }
  return q;
}

/** cohortQuantiles() of the cohort's values in any order (found by selection; reorders `values`). */
export function cohortQuantilesUnsorted(method: Indicator['method'], values: Float64Array): CohortQuantiles {
  const q: CohortQuantiles = {};
  for (const p of quantilePoints(method)) {
    const v = quantileUnsorted(values, p);
    if (v !== undefined) q[String(p)] = v;
  }
  return q;
}

const clamp01 = (x: number) => Math.min(1, Math.max(0, x));

/**
 * Normalises a derived value to s in [0, 1] (scoring-model.md §3). `x` is NaN when blank
 * (s = 0) and Infinity when unbounded (s = 1); `q` holds the cohort quantiles, absent when the
 * cohort has no values.
 */
export function normalise(method: Indicator['method'], x: number, q: CohortQuantiles): number {
  return normaliser(method, q)(x);
}

/**
 * normalise() for one method and cohort: the cohort's quantiles are looked up once, not once
 * per enterprise (scoring a national cohort normalises millions of values).
 */
export function normaliser(method: Indicator['method'], q: CohortQuantiles): (x: number) => number {
  const scale = scaleFor(method, q);
  return (x) => (Number.isNaN(x) ? 0 : x === Infinity ? 1 : scale(x));
}

/** The method's scale for reported, bounded values. */
function scaleFor(method: Indicator['method'], q: CohortQuantiles): (x: number) => number {
  switch (method.kind) {
    case 'benchmark': {
      const b = q[String(method.p)];
      if (b !== undefined && b > 0) return (x) => clamp01(x / b);
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
