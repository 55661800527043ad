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
