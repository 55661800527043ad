import type { Cell, CellValue, Workbook, Worksheet } from 'exceljs';
import type { CsvSink, DataIssue, SheetPlace } from './csv.ts';

/**
 * Reads one sheet of an Excel workbook (.xlsx) into the same sink a CSV file streams into, as
 * the text the CSV path would have read (dataset.md, "Excel workbooks"):
 *
 * - the sheet is the one the model names (model.json `sheets`), else the first visible one;
 * - a formula cell reads as its cached result, the value Excel last showed; a formula without
 *   one is an error (the file was written by a program that does not calculate);
 * - a merged range reads as its top-left value in every cell of the range, so a park or a year
 *   merged down a block of rows belongs to each of them;
 * - rows whose cells are all blank are skipped wherever they stand (trailing formatted rows
 *   above all), and so are title rows above the header: rows holding nothing but one merged
 *   cell across several columns;
 * - numbers read to Excel's 15 significant digits, written without exponent or grouping;
 *   a number formatted as a percentage reads as Excel shows it ("15%"), which a number column
 *   refuses with the CSV path's message; a date cell reads as YYYY-MM-DD (a date with a time
 *   of day keeps its time and so is refused as a date);
 * - columns with a blank header cell and no value below it are dropped (a table may start in
 *   column B); a value under a blank header, or right of the header's last column, is an error.
 *
 * Rows keep their Excel row numbers, and every issue names the sheet and the column letter.
 */

export type { SheetPlace };

/** Column letters as Excel shows them: 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/**
 * A number as the CSV path reads it: 15 significant digits (what Excel shows and writes to
 * CSV, so 0.1+0.2 reads 0.3), no exponent, no grouping; −0 reads 0.
 */
export function numberText(x: number): string {
  const r = Number(x.toPrecision(15));
  if (r === 0) return '0';
  const s = String(r);
  return s.includes('e') ? r.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 20 }) : s;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** A date cell as YYYY-MM-DD, with its time of day when it has one (then no date column accepts it). */
export function dateText(d: Date): string {
  const day = `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  const secs = d.getUTCHours() * 3600 + d.getUTCMinutes() * 60 + d.getUTCSeconds();
  return secs === 0 ? day : `${day} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

/** A cell's text, or the reason it has none. */
type CellText = { text: string } | { problem: string };

/** Whether a number format shows the value as a percentage (a % outside quotes and brackets). */
function isPercentFormat(format: string | undefined): boolean {
  return !!format && /%/.test(format.replace(/"[^"]*"|\[[^\]]*\]|\\./g, ''));
}

/** The text of a value read from a cell (a formula's result included), as the CSV path reads it. */
function valueText(value: CellValue | undefined, format: string | undefined): CellText {
  if (value === null || value === undefined) return { text: '' };
  if (typeof value === 'string') return { text: value };
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return { problem: 'holds a number Excel cannot show' };
    // Excel keeps 15 digits: an 18-digit 统一社会信用代码 typed as a number has lost its last ones.
    if (Math.abs(value) >= 1e15) {
      return { problem: 'holds a number of more than 15 digits, which Excel has already rounded: format the column as text (文本) and type the values again' };
    }
    return { text: isPercentFormat(format) ? `${numberText(value * 100)}%` : numberText(value) };
  }
  if (typeof value === 'boolean') return { text: value ? 'TRUE' : 'FALSE' };
  if (value instanceof Date) {
    return Number.isNaN(value.getTime()) ? { problem: 'holds a date Excel cannot show' } : { text: dateText(value) };
  }
  if ('error' in value) return { problem: `holds the Excel error ${value.error}` };
  if ('richText' in value) return { text: value.richText.map((r) => r.text).join('') };
  if ('formula' in value || 'sharedFormula' in value) {
    if (value.result === undefined) {
      return { problem: 'is a formula whose result was never saved: open the file in Excel or WPS and save it again' };
    }
    return valueText(value.result, format);
  }
  if ('hyperlink' in value) {
    const t = value.text as unknown;
    return typeof t === 'string' ? { text: t } : valueText(t as CellValue, format);
  }
  return { problem: 'holds a value of a kind a data file cannot use' };
}

/** A row of a sheet as texts, one per column from A, with the cells whose value is a problem. */
interface SheetRow {
  line: number;
  texts: string[];
  problems: Map<number, string>;
  /** Whether the row holds nothing but one merged cell across several columns (a title row above the header). */
  soleMergedTitle: boolean;
}

/** Reads a row; `merges` only while looking for the header (title rows), since a sheet may hold thousands of merged ranges. */
function readRow(ws: Worksheet, line: number, merges: MergeIndex | null): SheetRow {
  const row = ws.getRow(line);
  const texts: string[] = [];
  const problems = new Map<number, string>();
  const masters = new Set<string>();
  let allMerged = true;
  row.eachCell({ includeEmpty: false }, (cell: Cell, col: number) => {
    const t = valueText(cell.value, cell.numFmt);
    while (texts.length < col - 1) texts.push('');
    if ('problem' in t) {
      problems.set(col - 1, t.problem);
      texts[col - 1] = '';
      allMerged = false;
      return;
    }
    texts[col - 1] = t.text;
    if (t.text.trim() === '' || !merges) return;
    const range = cell.isMerged ? merges.rangeOf(line, col) : undefined;
    if (range && range.right > range.left) masters.add(`${range.top}:${range.left}`);
    else allMerged = false;
  });
  return { line, texts, problems, soleMergedTitle: merges !== null && allMerged && masters.size === 1 };
}

/** The merged ranges of a sheet, to ask which one a cell belongs to. */
interface MergeIndex {
  rangeOf(row: number, col: number): { top: number; left: number; bottom: number; right: number } | undefined;
}

function mergeIndex(ws: Worksheet): MergeIndex {
  const ranges = ((ws.model as { merges?: string[] }).merges ?? []).map((ref) => {
    const [a, b = a] = ref.split(':') as [string, string?];
    const p = (s: string) => {
      const m = /^([A-Z]+)(\d+)$/.exec(s.replace(/\$/g, ''))!;
      let col = 0;
      for (const ch of m[1]!) col = col * 26 + ch.charCodeAt(0) - 64;
      return { row: Number(m[2]), col };
    };
    const [from, to] = [p(a), p(b!)];
    return { top: from.row, left: from.col, bottom: to.row, right: to.col };
  });
  return { rangeOf: (row, col) => ranges.find((r) => row >= r.top && row <= r.bottom && col >= r.left && col <= r.right) };
}

/** A workbook read from bytes, or why it could not be read. */
export async function loadWorkbook(bytes: Uint8Array): Promise<{ workbook: Workbook } | { problem: string }> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs types its input as a Node Buffer; a Uint8Array view of the same bytes serves.
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  } catch (e) {
    return {
      problem: `is not a readable Excel workbook (${(e as Error).message.split('\n')[0]}); save it from Excel or WPS as "Excel 工作簿 (*.xlsx)", not .xls or a password-protected file`,
    };
  }
  return { workbook };
}

/** The sheet to read: the one named, else the first visible one. */
export function pickSheet(workbook: Workbook, sheetName: string | undefined): { sheet: Worksheet } | { problem: string } {
  const sheets = workbook.worksheets;
  const names = sheets.map((s) => `“${s.name}”`).join(', ');
  if (sheetName !== undefined) {
    const sheet = sheets.find((s) => s.name === sheetName) ?? sheets.find((s) => s.name.trim() === sheetName.trim());
    return sheet ? { sheet } : { problem: `has no sheet named “${sheetName}” (model.json "sheets"); its sheets are ${names || 'none'}` };
  }
  const sheet = sheets.find((s) => s.state === 'visible' || s.state === undefined);
  return sheet ? { sheet } : { problem: 'has no visible sheet' };
}

/**
 * Streams one sheet's header and rows into `sink` (see the module comment for how cells read).
 * `file` is the path used in issues.
 */
export function readSheet(sheet: Worksheet, file: string, sink: CsvSink): void {
  const merges = mergeIndex(sheet);
  const where = (col: number, header?: string): Pick<DataIssue, 'sheet' | 'cell' | 'column'> => ({
    sheet: sheet.name,
    cell: columnLetter(col),
    ...(header !== undefined && header !== '' ? { column: header } : {}),
  });
  let header: SheetRow | null = null;
  const keep: number[] = [];
  const dataRows: SheetRow[] = [];
  for (let line = 1; line <= sheet.rowCount; line++) {
    const row = readRow(sheet, line, header ? null : merges);
    const blank = row.problems.size === 0 && row.texts.every((t) => t.trim() === '');
    if (blank) continue;
    if (!header) {
      if (row.soleMergedTitle) continue;
      header = row;
      continue;
    }
    dataRows.push(row);
  }
  if (!header) {
    sink.issue({ file, sheet: sheet.name, line: 1, message: 'the sheet has no header row (it is empty or blank)' });
    return;
  }
  // Columns: those with a header text, and blank-headed ones only if a value stands below.
  const width = dataRows.reduce((w, r) => Math.max(w, r.texts.length), header.texts.length);
  const headerTexts = header.texts.map((t) => t.trim());
  for (let c = 0; c < width; c++) {
    if (header.problems.has(c)) {
      sink.issue({ file, line: header.line, ...where(c), message: `the header cell ${header.problems.get(c)!}` });
      keep.push(c);
    } else if ((headerTexts[c] ?? '') !== '') keep.push(c);
    else if (dataRows.some((r) => (r.texts[c] ?? '').trim() !== '' || r.problems.has(c))) {
      const lastHeader = headerTexts.reduce((last, t, i) => (t !== '' ? i : last), -1);
      if (c > lastHeader) {
        const first = dataRows.find((r) => (r.texts[c] ?? '').trim() !== '' || r.problems.has(c))!;
        sink.issue({
          file,
          line: first.line,
          ...where(c),
          message: `has a value right of the header's last column ${columnLetter(lastHeader)}: give the column a header or clear it`,
          value: first.texts[c] ?? '',
        });
      } else keep.push(c);
    }
  }
  const letters = keep.map(columnLetter);
  sink.header(
    keep.map((c) => headerTexts[c] ?? ''),
    { sheet: sheet.name, line: header.line, letters },
  );
  for (const r of dataRows) {
    const cells = keep.map((c) => r.texts[c] ?? '');
    const reported: number[] = [];
    keep.forEach((c, i) => {
      const problem = r.problems.get(c);
      if (problem === undefined) return;
      reported.push(i);
      sink.issue({ file, line: r.line, ...where(c, headerTexts[c]), message: problem });
    });
    if (cells.every((t) => t.trim() === '') && reported.length === 0) continue;
    sink.row(reported.length ? { line: r.line, cells, reported } : { line: r.line, cells });
  }
}

/** Reads a workbook's sheet into `sink`; false when the workbook or the sheet cannot be read (the issue is reported). */
export async function readXlsx(bytes: Uint8Array, file: string, sheetName: string | undefined, sink: CsvSink): Promise<boolean> {
  const loaded = await loadWorkbook(bytes);
  if ('problem' in loaded) {
    sink.issue({ file, line: 1, message: `the file ${loaded.problem}` });
    return false;
  }
  const picked = pickSheet(loaded.workbook, sheetName);
  if ('problem' in picked) {
    sink.issue({ file, line: 1, message: `the workbook ${picked.problem}` });
    return false;
  }
  readSheet(picked.sheet, file, sink);
  return true;
}
