import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { formatIssue, type CsvRow, type CsvSink, type DataIssue, type SheetPlace } from '../../src/ingest/csv.ts';
import { columnLetter, dateText, numberText, readXlsx } from '../../src/ingest/xlsx.ts';

/** Reads a workbook into lists, as a validator would receive it. */
async function collect(path: string, sheet?: string) {
  const got = { header: [] as string[], place: undefined as SheetPlace | undefined, rows: [] as CsvRow[], issues: [] as DataIssue[] };
  const sink: CsvSink = {
    header: (cells, place) => {
      got.header = cells;
      got.place = place;
    },
    row: (r) => got.rows.push(r),
    issue: (i) => got.issues.push(i),
  };
  const ok = await readXlsx(new Uint8Array(readFileSync(path)), path, sheet, sink);
  return { ok, ...got };
}

const handCsv = Papa.parse<string[]>(readFileSync('test/fixtures/hand/enterprises.csv', 'utf8').trim(), { newline: '\n' }).data;

describe('cell texts', () => {
  it('writes numbers to 15 significant digits without exponent or grouping', () => {
    expect(numberText(0.1 + 0.2)).toBe('0.3');
    expect(numberText(12.300000000000001)).toBe('12.3');
    expect(numberText(-0)).toBe('0');
    expect(numberText(1234567.5)).toBe('1234567.5');
    expect(numberText(1e21)).toBe('1000000000000000000000');
    expect(numberText(1.5e-7)).toBe('0.00000015');
    expect(numberText(-42)).toBe('-42');
  });
  it('writes a date as YYYY-MM-DD, keeping a time of day when there is one', () => {
    expect(dateText(new Date(Date.UTC(2015, 2, 7)))).toBe('2015-03-07');
    expect(dateText(new Date(Date.UTC(2020, 11, 31, 9, 30)))).toBe('2020-12-31 09:30:00');
  });
  it('names columns as Excel does', () => {
    expect([0, 25, 26, 27, 51, 52, 701, 702].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'AB', 'AZ', 'BA', 'ZZ', 'AAA']);
  });
});

describe('the workbook version of the hand fixture (test/fixtures/xlsx/hand)', { timeout: 60_000 }, () => {
  it('reads the visible sheet below its merged title row, with the Chinese headers as written', async () => {
    const r = await collect('test/fixtures/xlsx/hand/enterprises.xlsx');
    expect(r.ok).toBe(true);
    expect(r.issues).toEqual([]);
    expect(r.place?.sheet).toBe('企业数据');
    expect(r.place?.letters.slice(0, 3)).toEqual(['A', 'B', 'C']);
    expect(r.place?.letters.at(-1)).toBe('AB');
    expect(r.header.slice(0, 9)).toEqual(['统一社会信用代码', '企业名称', '英文名称', '所属园区', '评价年度', '成立日期', '所属行业', '企业资质', '研发费用（万元）']);
  });

  it('gives every row the same texts as the CSV file: formulas by their results, merged park and year blocks filled, dates as YYYY-MM-DD', async () => {
    const r = await collect('test/fixtures/xlsx/hand/enterprises.xlsx');
    // Title on row 1, header on row 2: CSV line n is sheet row n + 1; the blank formatted rows after row 40 are not rows.
    expect(r.rows.map((x) => x.line)).toEqual(handCsv.slice(1).map((_, i) => i + 3));
    expect(r.rows.map((x) => x.cells)).toEqual(handCsv.slice(1));
    // The cells the generator wrote as formula (B3, I3) and the merged ones below a block's top (D4, E4).
    expect(r.rows[0]!.cells.slice(0, 9)).toEqual(['91130100MA00000012', '甲科技有限公司', 'A Tech', 'alpha', '2023', '2021-05-01', '新材料', '高新技术企业;专精特新', '100']);
    expect(r.rows[1]!.cells.slice(3, 5)).toEqual(['alpha', '2023']);
  });

  it('reads a named sheet, and says which sheets there are when the name is wrong', async () => {
    const named = await collect('test/fixtures/xlsx/hand/enterprises.xlsx', '企业数据');
    expect(named.rows).toHaveLength(38);
    const wrong = await collect('test/fixtures/xlsx/hand/enterprises.xlsx', '数据');
    expect(wrong.ok).toBe(false);
    expect(wrong.issues.map(formatIssue)).toEqual([
      'test/fixtures/xlsx/hand/enterprises.xlsx:1: the workbook has no sheet named “数据” (model.json "sheets"); its sheets are “填表说明”, “企业数据”',
    ]);
  });
});

describe('cells a data file cannot use (test/fixtures/xlsx/broken)', { timeout: 60_000 }, () => {
  it('names the sheet, the row, the column letter and the header for each, and hands the cell on as already reported', async () => {
    const r = await collect('test/fixtures/xlsx/broken/enterprises.xlsx');
    const f = 'test/fixtures/xlsx/broken/enterprises.xlsx';
    expect(r.issues.map(formatIssue)).toEqual([
      `${f}: 工作表“Sheet1”: 第 6 行: 列 AD: has a value right of the header's last column AB: give the column a header or clear it (got "备注")`,
      `${f}: 工作表“Sheet1”: 第 2 行: 列 K“营业收入(万元)”: holds the Excel error #DIV/0!`,
      `${f}: 工作表“Sheet1”: 第 3 行: 列 M“职工总数”: is a formula whose result was never saved: open the file in Excel or WPS and save it again`,
    ]);
    expect(r.rows.map((x) => x.reported ?? [])).toEqual([[10], [12], [], [], []]);
    // A percentage reads as Excel shows it; a date with a time keeps it: the validators refuse both.
    expect(r.rows[2]!.cells[13]).toBe('15%');
    expect(r.rows[2]!.cells[5]).toBe('2020-12-31 09:30:00');
    expect(r.rows[3]!.cells[8]).toBe('-1');
    // The stray value right of the table is not a column.
    expect(r.header).toHaveLength(28);
  });

  it('refuses a number Excel has rounded to 15 digits (an all-digit credit code typed as a number)', async () => {
    const { default: ExcelJS } = await import('exceljs');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('企业');
    ws.addRow(['统一社会信用代码', '企业名称']);
    ws.addRow([911301000001488735, '甲']);
    ws.addRow(['911301000001488735', '乙']);
    const path = join(mkdtempSync(join(tmpdir(), 'xlsx-')), 'enterprises.xlsx');
    await wb.xlsx.writeFile(path);
    const r = await collect(path);
    expect(r.issues.map(formatIssue)).toEqual([
      `${path}: 工作表“企业”: 第 2 行: 列 A“统一社会信用代码”: holds a number of more than 15 digits, which Excel has already rounded: format the column as text (文本) and type the values again`,
    ]);
    expect(r.rows.map((x) => x.cells[0])).toEqual(['', '911301000001488735']);
  });

  it('refuses a file that is not a workbook, as a located issue', async () => {
    const r = await collect('test/fixtures/hand/parks.csv');
    expect(r.ok).toBe(false);
    expect(r.issues).toHaveLength(1);
    expect(formatIssue(r.issues[0]!)).toMatch(/^test\/fixtures\/hand\/parks\.csv:1: the file is not a readable Excel workbook \(.*\); save it from Excel or WPS as "Excel 工作簿 \(\*\.xlsx\)", not \.xls or a password-protected file$/);
  });
});
