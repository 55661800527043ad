/** Byte-order mark that makes Excel open a UTF-8 CSV as UTF-8. */
export const UTF8_BOM = '\uFEFF';

/**
 * A text cell made safe for spreadsheets and RFC 4180: a leading =, +, -, @, tab or CR would
 * make Excel or LibreOffice evaluate it as a formula, so it gets a leading apostrophe.
 */
export function textCell(value: string): string {
  // Most cells need neither change; one test finds those.
  if (!/^[=+\-@\t\r]|[",\r\n]/.test(value)) return value;
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** A number written plainly: `.` decimal point, no separators, no exponent; blank for null. */
export function numberCell(value: number | null): string {
  if (value === null || Number.isNaN(value)) return '';
  if (!Number.isFinite(value)) throw new Error(`cannot write ${value} to CSV`);
  if (value === 0) return '0';
  const a = Math.abs(value);
  // String() uses exponent notation only outside this range.
  if (a >= 1e-6 && a < 1e21) return String(value);
  return value.toFixed(20).replace(/\.?0+$/, '');
}

/** '.05', '.1' … : the decimals of a whole number of cents, as String() writes them. */
const CENTS = Array.from({ length: 100 }, (_, c) => (c === 0 ? '' : c % 10 === 0 ? `.${c / 10}` : `.${String(c).padStart(2, '0')}`));

/**
 * numberCell of a value rounded to cents, written from its whole number of cents. The result is
 * the same text; it is twice as fast as V8's shortest-form float printing, which dominates the
 * cost of writing millions of scores.csv lines. Values that are not whole cents go to numberCell.
 */
export function centsCell(value: number | null): string {
  if (value === null) return '';
  const c = Math.round(value * 100);
  // c / 100 === value: the float is the one nearest that many cents, which is what String() prints.
  if (c / 100 !== value || !(c > -2147483648 && c < 2147483648)) return numberCell(value);
  const a = c < 0 ? -c : c;
  const whole = (a / 100) | 0;
  const text = whole + CENTS[a - whole * 100]!;
  return c < 0 ? `-${text}` : text;
}

/** Joins cells into one CSV line (CRLF-terminated, as RFC 4180 writes). */
export function csvLine(cells: string[]): string {
  return cells.join(',') + '\r\n';
}
