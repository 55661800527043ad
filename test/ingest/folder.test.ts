import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { COLUMN_ALIASES } from '../../src/core/vocabulary.ts';
import { rawValue } from '../../src/ingest/dataset.ts';
import { loadDataFolder, type DataFolder } from '../../src/ingest/load.ts';
import { parseModel } from '../../src/ingest/model.ts';
import { scoreDataset } from '../../src/scoring/score.ts';
import { copyFixture, editFile } from '../helpers/folder.ts';

// Workbooks are unzipped and parsed: seconds on a busy machine.
const slow = { timeout: 60_000 };

async function load(dir: string): Promise<DataFolder> {
  const r = await loadDataFolder(dir);
  if (!r.ok) throw new Error(r.errors.join('\n'));
  return r.data;
}

async function errorsOf(dir: string): Promise<string[]> {
  const r = await loadDataFolder(dir);
  return r.ok ? [] : r.errors.map((e) => e.split(dir + '/').join(''));
}

/** Every scored row as "year id: score stage ranks", to compare two folders' results whole. */
function results(data: DataFolder): string[] {
  const scored = scoreDataset(data.model, data.enterprises);
  return scored.rows.map((r) => `${r.row.year} ${r.row.id}: ${r.score} ${r.stage} ${r.rankNational}/${r.rankPark}/${r.rankStage}`).sort();
}

const handCsv = load('test/fixtures/hand');

/** A copy of a fixture folder of test/fixtures/xlsx. */
function copyXlsx(name: string): string {
  const dir = copyFixture();
  for (const f of ['parks.csv', 'enterprises.csv']) rmSync(join(dir, f));
  cpSync(join('test/fixtures/xlsx', name), dir, { recursive: true });
  return dir;
}

describe('a data folder of workbooks with Chinese headers (test/fixtures/xlsx/hand)', slow, () => {
  it('loads the same table as the CSV folder it was made from, and scores it to the cent alike', async () => {
    const [csv, xlsx] = [await handCsv, await load('test/fixtures/xlsx/hand')];
    expect(xlsx.parks).toEqual(csv.parks);
    expect(xlsx.enterprises.rows.map(({ line, ...r }) => ({ ...r, line: line - 1 }))).toEqual(csv.enterprises.rows);
    expect(xlsx.enterprises.raw).toEqual(csv.enterprises.raw);
    expect(results(xlsx)).toEqual(results(csv));
    expect(xlsx.inputs.map((f) => f.name)).toEqual(['enterprises.xlsx', 'parks.xlsx']);
  });

  it('refuses a folder holding both enterprises.csv and enterprises.xlsx, and a .xls file', async () => {
    const dir = copyXlsx('hand');
    cpSync('test/fixtures/hand/enterprises.csv', join(dir, 'enterprises.csv'));
    writeFileSync(join(dir, 'parks.xls'), 'old');
    expect(await errorsOf(dir)).toEqual([
      'parks.xls:1: the old Excel format .xls cannot be read; save the workbook as "Excel 工作簿 (*.xlsx)"',
      'enterprises.xlsx:1: enterprises.csv is in the folder too; keep one of the two',
    ]);
  });

  it('reports a bad cell of a workbook with its sheet, Excel row, column letter and header', async () => {
    const dir = copyXlsx('hand');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, 'enterprises.xlsx'));
    const ws = wb.getWorksheet('企业数据')!;
    // Row 5 is CSV line 4 (丙): a negative R&D expense (column I) and staff above employees (N > M).
    ws.getCell('I5').value = -5;
    ws.getCell('N5').value = 30;
    await wb.xlsx.writeFile(join(dir, 'enterprises.xlsx'));
    expect(await errorsOf(dir)).toEqual([
      'enterprises.xlsx: 工作表“企业数据”: 第 5 行: 列 I“研发费用（万元）”: must not be negative (money in 万元, ≥ 0) (got "-5")',
      'enterprises.xlsx: 工作表“企业数据”: 第 5 行: 列 N“科技人员数”: must not exceed 职工总数 (20) (got "30")',
    ]);
  });
});

describe('achievements.xlsx', slow, () => {
  it('is read like achievements.csv: Chinese headers, a park merged over two rows, a formula by its result', async () => {
    const dir = copyFixture();
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('成效');
    ws.addRow(['园区', '指标', '数值', '单位', '截至', '说明', '来源']);
    ws.addRow(['alpha', 'enterprises_evaluated', 120, '家', '2023', '', '园区简报 2023-12']);
    ws.addRow([null, 'credit_granted', { formula: '2*1.5', result: 3 }, '亿元', '2023-12', '授信', '园区简报 2023-12']);
    ws.mergeCells('A2:A3');
    await wb.xlsx.writeFile(join(dir, 'achievements.xlsx'));
    const data = await load(dir);
    expect(data.achievements).toEqual([
      expect.objectContaining({ park: 'alpha', metric: 'enterprises_evaluated', value: 120, unit: '家', asOf: '2023', note: '', source: '园区简报 2023-12' }),
      expect.objectContaining({ park: 'alpha', metric: 'credit_granted', value: 3, unit: '亿元', asOf: '2023-12', note: '授信', source: '园区简报 2023-12' }),
    ]);
  });
});

describe('CSV files with Chinese headers', () => {
  it('no header name names two columns of one file', () => {
    for (const table of Object.values(COLUMN_ALIASES)) {
      const names = Object.entries(table).flatMap(([id, aliases]) => [id, ...(aliases as readonly string[])].map((n) => n.normalize('NFKC').replace(/\s+/g, '')));
      expect(names.filter((n, i) => names.indexOf(n) !== i)).toEqual([]);
    }
  });

  it('read as the id-headed file: every alias of the vocabulary is a header name', async () => {
    const dir = copyFixture();
    const zh = (aliases: Record<string, readonly string[]>) => (line: string) => line.split(',').map((c) => aliases[c]![0]).join(',');
    editFile(dir, 'enterprises.csv', (t) => t.replace(/^.*/, zh(COLUMN_ALIASES.enterprises)));
    editFile(dir, 'parks.csv', (t) => t.replace(/^.*/, zh(COLUMN_ALIASES.parks)));
    expect(readFileSync(join(dir, 'enterprises.csv'), 'utf8').startsWith('统一社会信用代码,企业名称,英文名称,所属园区,评价年度,成立日期,所属行业,企业资质,研发费用,')).toBe(true);
    expect(results(await load(dir))).toEqual(results(await handCsv));
  });

  it('reads a park given by its name instead of its code', async () => {
    const dir = copyFixture();
    // alpha is 甲高新区 (Alpha High-tech Zone), beta 乙高新区 (test/fixtures/hand/parks.csv).
    editFile(dir, 'enterprises.csv', (t) => t.replace(/,alpha,/g, ',甲高新区,').replace(',beta,2023,', ',乙高新区,2023,'));
    const data = await load(dir);
    expect(new Set(data.enterprises.rows.map((r) => r.park))).toEqual(new Set(['alpha', 'beta']));
    expect(results(data)).toEqual(results(await handCsv));
    editFile(dir, 'enterprises.csv', (t) => t.replace('乙高新区', '丙高新区'));
    expect(await errorsOf(dir)).toEqual(['enterprises.csv:4: column "park": is not a code in parks.csv (got "丙高新区")']);
  });

  it('names the column as the file writes it in errors', async () => {
    const dir = copyFixture();
    editFile(dir, 'enterprises.csv', (t) => t.replace(/^id,name,/, '统一社会信用代码,企业名称,').replace('甲科技有限公司', ''));
    expect(await errorsOf(dir)).toEqual(['enterprises.csv:2: column "企业名称": must not be blank (got "")']);
  });
});

describe('columns the model uses', () => {
  it('may leave out columns the model does not read; a column it reads is required, naming the reader', async () => {
    const dir = copyFixture();
    const drop = (name: string) => (t: string) => {
      const lines = t.trim().split('\n').map((l) => l.split(','));
      const at = lines[0]!.indexOf(name);
      return lines.map((l) => [...l.slice(0, at), ...l.slice(at + 1)].join(',')).join('\n');
    };
    // name_en, industry and tags may be blank in every row, so they may be absent.
    for (const c of ['name_en', 'industry', 'tags']) editFile(dir, 'enterprises.csv', drop(c));
    const data = await load(dir);
    expect(data.enterprises.absent).toEqual(['name_en', 'industry', 'tags']);
    expect(data.enterprises.rows.every((r) => r.nameEn === '' && r.industry === '' && r.tags.length === 0)).toBe(true);
    editFile(dir, 'enterprises.csv', drop('serious_violations'));
    expect(await errorsOf(dir)).toEqual(['enterprises.csv:1: column "serious_violations": required column is missing from the header (read by deduction)']);
  });

  it('refuses a column that is neither built-in nor declared', async () => {
    const dir = copyFixture();
    editFile(dir, 'enterprises.csv', (t) => t.replace(/\n/g, ',x\n').replace(/^(.*),x\n/, '$1,备注\n'));
    expect((await errorsOf(dir))[0]).toBe('enterprises.csv:1: column "备注": is not a column of enterprises.csv (got "备注")');
  });
});

describe('columns the model declares (test/fixtures/xlsx/declared)', slow, () => {
  it('reads them by name, alias or id after the built-in columns, and leaves out the column the model no longer reads', async () => {
    const data = await load('test/fixtures/xlsx/declared');
    const t = data.enterprises;
    expect(t.columns.slice(-3)).toEqual(['tax_per_mu', 'rd_equipment_value', 'patents_granted']);
    expect(t.width).toBe(23);
    expect(t.absent).toEqual(['vc_investment']);
    // 丙 2023 (row 4 of the sheet, CSV line 4): tax = 1000 × 3.14159; equipment = 1000 + 4 × 37.731.
    const i = t.rows.findIndex((r) => r.name === '丙智能有限公司');
    expect(rawValue(t, i, 'tax_per_mu')).toBe(3141.59);
    expect(rawValue(t, i, 'rd_equipment_value')).toBe(1150.924);
    expect(rawValue(t, i, 'patents_granted')).toBe(1);
    expect(Number.isNaN(rawValue(t, i, 'vc_investment'))).toBe(true);
  });

  it('scores the hand fixture’s figures to the cent: the tax column is vc_investment × 3.14159, and a benchmark ratio does not see the factor', async () => {
    expect(results(await load('test/fixtures/xlsx/declared'))).toEqual(results(await handCsv));
  });

  it('checks a declared column’s bounds and unit', async () => {
    const dir = copyFixture();
    rmSync(join(dir, 'enterprises.csv'));
    cpSync('test/fixtures/xlsx/declared', dir, { recursive: true });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, 'enterprises.xlsx'));
    const ws = wb.getWorksheet('企业数据')!;
    // The 27 built-in columns kept fill A–AA; the declared ones follow in AB, AC, AD.
    ws.getCell('AC3').value = 250000; // 研发设备原值: max 100000
    ws.getCell('AB4').value = '12 万元'; // 亩均税收
    ws.getCell('AD5').value = 2.5; // 授权专利数: a count
    await wb.xlsx.writeFile(join(dir, 'enterprises.xlsx'));
    expect(await errorsOf(dir)).toEqual([
      'enterprises.xlsx: 工作表“企业数据”: 第 3 行: 列 AC“研发设备原值”: must be at most 100000 (got "250000")',
      'enterprises.xlsx: 工作表“企业数据”: 第 4 行: 列 AB“亩均税收（万元）”: is not a plain number: give the number only, without unit or % sign (got "12 万元")',
      'enterprises.xlsx: 工作表“企业数据”: 第 5 行: 列 AD“授权专利数（件）”: must be a whole number (a count) (got "2.5")',
    ]);
  });
});

describe('model rules for declared columns', () => {
  const base = () => JSON.parse(readFileSync('test/fixtures/xlsx/declared/model.json', 'utf8'));
  const errors = (edit: (m: ReturnType<typeof base>) => void) => {
    const m = base();
    edit(m);
    const r = parseModel(m, 'model.json');
    return 'errors' in r ? r.errors : [];
  };

  it('accepts the example', () => expect(errors(() => {})).toEqual([]));

  it('refuses a public indicator on a private declared column', () => {
    expect(errors((m) => (m.indicators.find((i: { id: string }) => i.id === 'tax_per_mu').public = true))).toEqual([
      `model.json: indicators.16.public: reads the private column tax_per_mu ("public": false), so it must be private too ("public": false): its value, s and points would publish the column's figures`,
    ]);
  });

  it('refuses a reference to a column that is neither built-in nor declared, a built-in id redeclared, and a name taken', () => {
    expect(errors((m) => (m.indicators[0].value.column = 'rd_expenses'))).toEqual([
      'model.json: indicators.0.value.column: must be one of the numeric columns of enterprises.csv or a column declared in "columns" (got "rd_expenses")',
    ]);
    expect(errors((m) => (m.columns[2].id = 'revenue'))).toEqual(['model.json: columns.2.id: "revenue" is a built-in column of enterprises.csv; declare only new columns']);
    expect(errors((m) => (m.columns[1].aliases = ['研发 费用']))).toEqual(['model.json: columns.1: the header name “研发 费用” already names the column rd_expense']);
  });
});
