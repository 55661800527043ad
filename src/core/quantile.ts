import { max, min, quickselect } from 'd3-array';

/** The probabilities of the quartiles (Q1, median, Q3) every published summary gives. */
export const QUARTILE_POINTS = [0.25, 0.5, 0.75] as const;

/**
 * The type-7 quantile (R's default, NumPy's and d3.quantile's), the one formula: with the n
 * values in ascending order v₀ ≤ … ≤ vₙ₋₁, h = (n − 1)·p and Q = v⌊h⌋ + (h − ⌊h⌋)(v⌊h⌋+1 − v⌊h⌋).
 * `orderStatistic(i)` gives vᵢ; it is asked for ⌊h⌋ first and then, only when h is not whole,
 * for ⌊h⌋ + 1. Undefined for n = 0.
 */
function type7(n: number, p: number, orderStatistic: (i: number) => number): number | undefined {
  if (n === 0) return undefined;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  if (lo >= n - 1) return orderStatistic(n - 1);
  const vLo = orderStatistic(lo);
  const frac = h - lo;
  return frac === 0 ? vLo : vLo + frac * (orderStatistic(lo + 1) - vLo);
}

/** The type-7 quantile of ascending `sorted` values. Undefined for an empty list. */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number | undefined {
  return type7(sorted.length, p, (i) => sorted[i]!);
}

/** Q1, median and Q3 (QUARTILE_POINTS, type 7) of ascending values; undefined for an empty list. */
export function quartilesSorted(sorted: ArrayLike<number>): { q1: number; median: number; q3: number } | undefined {
  if (sorted.length === 0) return undefined;
  const [q1, median, q3] = QUARTILE_POINTS.map((p) => quantileSorted(sorted, p)!) as [number, number, number];
  return { q1, median, q3 };
}

/**
 * The same type-7 quantile, of finite values in any order. The order statistics it needs are
 * found by selection (d3's Floyd–Rivest quickselect, linear time) instead of sorting the whole
 * list: a national cohort holds hundreds of thousands of values. Reorders `values` in place.
 */
export function quantileUnsorted(values: Float64Array, p: number): number | undefined {
  const n = values.length;
  let selected = -1;
  return type7(n, p, (i) => {
    if (i === n - 1) return max(values)!;
    // Once values[i − 1] is selected, everything after it is at least as large: vᵢ is their minimum.
    if (selected >= 0 && selected === i - 1) return min(values.subarray(i))!;
    quickselect(values, i);
    selected = i;
    return values[i]!;
  });
}
