const POW10 = [1, 10, 100, 1000, 10000, 100000, 1000000];

/**
 * Rounds to `digits` decimals, half away from zero, on the decimal value the float stands for:
 * 2.675 (stored as 2.67499999…) rounds to 2.68, as a person computing by hand would get.
 * Values clearly away from a half are rounded directly; near a half, the float is written with
 * 10 fixed decimals, which absorbs binary noise far below the cent, and rounded as decimal text.
 */
export function roundHalfAway(x: number, digits = 2): number {
  if (!Number.isFinite(x)) return x;
  const sign = x < 0 ? -1 : 1;
  const scale = POW10[digits] ?? 10 ** digits;
  const y = Math.abs(x) * scale;
  const frac = y - Math.floor(y);
  if (Math.abs(frac - 0.5) > 1e-6) {
    const r = Math.round(y) / scale;
    return r === 0 ? 0 : sign * r;
  }
  const fixed = Math.abs(x).toFixed(10);
  const dot = fixed.indexOf('.');
  const keep = fixed.slice(0, dot + 1 + digits).replace('.', '');
  const next = fixed.charCodeAt(dot + 1 + digits) - 48;
  let n = BigInt(keep);
  if (next >= 5) n += 1n;
  const r = Number(n) / scale;
  return r === 0 ? 0 : sign * r;
}
