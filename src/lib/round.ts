/**
 * Rounds to `digits` decimals, half away from zero, on the decimal value the float stands for:
 * 2.675 (stored as 2.67499999…) rounds to 2.68, as a person computing by hand would get.
 * The float is first written with 12 significant-enough fixed decimals, which absorbs binary noise
 * far below the cent while keeping every real digit of a score on a 1000-point scale.
 */
export function roundHalfAway(x: number, digits = 2): number {
  if (!Number.isFinite(x)) return x;
  const sign = x < 0 ? -1 : 1;
  const fixed = Math.abs(x).toFixed(10);
  const dot = fixed.indexOf('.');
  const keep = fixed.slice(0, dot + 1 + digits).replace('.', '');
  const next = fixed.charCodeAt(dot + 1 + digits) - 48;
  let n = BigInt(keep);
  if (next >= 5) n += 1n;
  const r = Number(n) / 10 ** digits;
  return r === 0 ? 0 : sign * r;
}
