/**
 * Cell parsers for the data folder's CSV files: each turns a trimmed cell into a typed value
 * or a message that tells the data maintainer what to fix. Blank cells are handled by the
 * caller (a column either allows them or not), so parsers see non-empty text only.
 */
export type CellResult<T> = { ok: true; value: T } | { ok: false; message: string };

const ok = <T>(value: T): CellResult<T> => ({ ok: true, value });
const fail = (message: string): CellResult<never> => ({ ok: false, message });

const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/;

/** A decimal number, no thousands separators, no exponent, no unit. */
export function parseDecimal(text: string): CellResult<number> {
  if (!NUMBER.test(text)) {
    if (/^[+-]?[\d,]+(\.\d+)?$/.test(text)) return fail('is not a plain number: remove the thousands separators');
    if (/[%万亿元]/.test(text)) return fail('is not a plain number: give the number only, without unit or % sign');
    return fail('is not a number');
  }
  return ok(Number(text));
}

/** Money in 万元, ≥ 0. */
export function parseMoney(text: string): CellResult<number> {
  const r = parseDecimal(text);
  if (!r.ok) return r;
  if (r.value < 0) return fail('must not be negative (money in 万元, ≥ 0)');
  return ok(r.value === 0 ? 0 : r.value);
}

/** Money in 万元 that may be negative (net profit, net assets). */
export function parseSignedMoney(text: string): CellResult<number> {
  const r = parseDecimal(text);
  if (!r.ok) return r;
  return ok(r.value === 0 ? 0 : r.value);
}

/** A whole number ≥ 0. */
export function parseCount(text: string): CellResult<number> {
  const r = parseDecimal(text);
  // Keep the advice on separators and units ("15%", "1,200"); anything else is simply not a count.
  if (!r.ok) return r.message === 'is not a number' ? fail('is not a whole number') : r;
  if (r.value < 0) return fail('must not be negative (a count, ≥ 0)');
  if (!Number.isInteger(r.value)) return fail('must be a whole number (a count)');
  return ok(r.value);
}

/** An integer within [min, max]. */
export function parseIntegerIn(min: number, max: number) {
  return (text: string): CellResult<number> => {
    if (!/^[+-]?\d+$/.test(text)) return fail(`must be a whole number from ${min} to ${max}`);
    const n = Number(text);
    if (n < min || n > max) return fail(`must be a whole number from ${min} to ${max}`);
    return ok(n);
  };
}

/** A real calendar date written YYYY-MM-DD. */
export function parseDate(text: string): CellResult<{ iso: string; year: number }> {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return fail('must be a date written YYYY-MM-DD, e.g. 2015-03-07');
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const dt = new Date(Date.UTC(y, mo - 1, d));
  if (mo < 1 || mo > 12 || d < 1 || dt.getUTCMonth() !== mo - 1 || dt.getUTCDate() !== d || dt.getUTCFullYear() !== y) {
    return fail('is not a real calendar date');
  }
  return ok({ iso: text, year: y });
}

/** YYYY or YYYY-MM. */
export function parseYearMonth(text: string): CellResult<string> {
  const m = /^(\d{4})(?:-(\d{2}))?$/.exec(text);
  if (!m) return fail('must be a year (YYYY) or a month (YYYY-MM)');
  if (m[2] !== undefined && (Number(m[2]) < 1 || Number(m[2]) > 12)) return fail('has a month outside 01–12');
  return ok(text);
}
