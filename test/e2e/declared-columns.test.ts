// Issue 13 §8: a column model.json declares private is protected exactly as the built-in
// confidential figures are. A real build of test/fixtures/xlsx/declared (an .xlsx workbook with
// Chinese headers, the table on a named sheet, three declared columns, two of them private and
// read by private indicators): none of the private columns' figures appears in any file of the
// site, in any printed form, while the public declared column's indicator-free figures are not
// needed either.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSiteOrThrow, listFiles } from './helpers/build.ts';

const FIXTURE = 'test/fixtures/xlsx/declared';

/** The ways a page might print a money figure with decimals: plain, grouped, in yuan, in 亿元. Whole-number forms are left out: too common to mean anything. */
function printedForms(value: number): string[] {
  const grouped = (x: number, d: number) => x.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d });
  const forms = new Set<string>([String(value), value.toFixed(2), grouped(value, 2), String(Math.round(value * 1e4)), grouped(Math.round(value * 1e4), 0), (value / 1e4).toFixed(4)]);
  return [...forms].filter((f) => /\d{4}/.test(f.replace(/\D/g, '')));
}

describe('declared private columns on a built site', () => {
  let dist: string;
  let files: string[];
  let secrets: { label: string; value: number }[];

  beforeAll(async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(FIXTURE, 'enterprises.xlsx'));
    const ws = wb.getWorksheet('企业数据')!;
    const header = (ws.getRow(1).values as unknown[]).map(String);
    const col = (name: string) => header.indexOf(name);
    secrets = [];
    for (let r = 2; r <= ws.rowCount; r++) {
      for (const name of ['亩均税收（万元）', '研发设备原值']) {
        const v = ws.getCell(r, col(name)).value;
        // Tax is 0 for most firms: only the non-zero figures identify anything.
        if (typeof v === 'number' && v !== 0) secrets.push({ label: `${name} row ${r}`, value: v });
      }
    }
    dist = (await buildSiteOrThrow(FIXTURE)).dist;
    files = listFiles(dist);
  });

  it('the workbook folder builds, and its private figures are many and distinct', () => {
    expect(files).toContain('index.html');
    expect(readFileSync(join(dist, 'downloads/public-scores.csv'), 'utf8')).toContain('丙智能有限公司');
    // 38 equipment values (1000 + line × 37.731) and one tax value (1000 × 3.14159).
    expect(secrets).toHaveLength(39);
    expect(new Set(secrets.map((s) => s.value)).size).toBe(39);
    expect(secrets.map((s) => s.value)).toContain(3141.59);
  });

  it('the private indicators are published as bands only', () => {
    const header = readFileSync(join(dist, 'downloads/public-scores.csv'), 'utf8').split('\n')[0]!;
    expect(header).toContain('tax_per_mu_band');
    expect(header).toContain('rd_equipment_band');
    expect(header).not.toMatch(/tax_per_mu_(value|s|pts)|rd_equipment_(value|s|pts)/);
  });

  it('no file of the site holds a private declared figure in any printed form', () => {
    const labelOf = new Map<string, string>();
    for (const s of secrets) for (const f of printedForms(s.value)) labelOf.set(f, s.label);
    const forms = [...labelOf.keys()].sort((a, b) => b.length - a.length);
    const any = new RegExp(forms.map((f) => f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'g');
    const leaks: string[] = [];
    for (const f of files) {
      if (/\.(png|ico|woff2?)$/.test(f)) continue;
      for (const m of readFileSync(join(dist, f), 'utf8').matchAll(any)) leaks.push(`${f}: ${labelOf.get(m[0])} printed as "${m[0]}"`);
    }
    expect(leaks).toEqual([]);
  });

  it('the search is not blind', () => {
    const probe = `<td>${(3141.59).toLocaleString('en-US', { minimumFractionDigits: 2 })}</td><td>11509240</td>`;
    const forms = [...printedForms(3141.59), ...printedForms(1150.924)];
    expect(forms.filter((f) => probe.includes(f))).toEqual(['3,141.59', '11509240']);
  });
});
