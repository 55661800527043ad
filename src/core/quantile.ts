import { max, min, quickselect } from 'd3-array';

/**
 * The type-7 quantile (R's default, NumPy's and d3.quantile's) of ascending `sorted` values:
 * h = (n − 1)·p, Q = v⌊h⌋ + (h − ⌊h⌋)(v⌊h⌋+1 − v⌊h⌋). Undefined for an empty list.
 */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number | undefined {
  const n = sorted.length;
  if (n === 0) return undefined;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const vLo = sorted[lo]!;
  if (lo >= n - 1) return sorted[n - 1]!;
  const frac = h - lo;
  return frac === 0 ? vLo : vLo + frac * (sorted[lo + 1]! - vLo);
}

/**
 * The same type-7 quantile as quantileSorted, of finite values in any order. The order
 * statistics it needs are found by selection (d3's Floyd–Rivest quickselect, linear time)
 * instead of sorting the whole list: a national cohort holds hundreds of thousands of values.
 * Reorders `values` in place.
 */
export function quantileUnsorted(values: Float64Array, p: number): number | undefined {
  const n = values.length;
  if (n === 0) return undefined;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  if (lo >= n - 1) return max(values)!;
  quickselect(values, lo);
  // Now values[lo] is the lo-th smallest and everything after it is at least as large.
  const vLo = values[lo]!;
  const frac = h - lo;
  return frac === 0 ? vLo : vLo + frac * (min(values.subarray(lo + 1))! - vLo);
}
