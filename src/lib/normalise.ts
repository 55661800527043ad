import type { Indicator } from './model.ts';
import { quantileSorted } from './quantile.ts';

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

const clamp01 = (x: number) => Math.min(1, Math.max(0, x));

/**
 * Normalises a derived value to s in [0, 1] (scoring-model.md §3). `x` is NaN when blank
 * (s = 0) and Infinity when unbounded (s = 1); `q` holds the cohort quantiles, absent when the
 * cohort has no values.
 */
export function normalise(method: Indicator['method'], x: number, q: CohortQuantiles): number {
  if (Number.isNaN(x)) return 0;
  if (x === Infinity) return 1;
  switch (method.kind) {
    case 'benchmark': {
      const b = q[String(method.p)];
      if (b !== undefined && b > 0) return clamp01(x / b);
      return x > 0 ? 1 : 0;
    }
    case 'range': {
      const lo = q[String(method.lo)];
      const hi = q[String(method.hi)];
      if (lo === undefined || hi === undefined) return x > 0 ? 1 : 0;
      if (hi > lo) return clamp01((x - lo) / (hi - lo));
      return x > hi ? 1 : 0;
    }
    case 'fixed':
      return clamp01((x - method.lo) / (method.hi - method.lo));
    case 'steps': {
      let s = 0;
      for (const step of method.steps) if (x >= step.at) s = step.s;
      return s;
    }
  }
}
