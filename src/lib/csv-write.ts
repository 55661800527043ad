/** Byte-order mark that makes Excel open a UTF-8 CSV as UTF-8. */
export const UTF8_BOM = '\uFEFF';

/**
 * A text cell made safe for spreadsheets and RFC 4180: a leading =, +, -, @, tab or CR would
 * make Excel or LibreOffice evaluate it as a formula, so it gets a leading apostrophe.
 */
export function textCell(value: string): string {
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

/** Joins cells into one CSV line (CRLF-terminated, as RFC 4180 writes). */
export function csvLine(cells: string[]): string {
  return cells.join(',') + '\r\n';
}
