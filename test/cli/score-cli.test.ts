import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { copyFixture, setCell } from '../helpers/folder.ts';

const node = process.execPath;
const run = (args: string[]) => spawnSync(node, ['scripts/score.ts', ...args], { encoding: 'utf8' });

const headerIndex = (rows: string[][], column: string) => rows[0]!.indexOf(column);

describe('npm run score', () => {
  it('writes scores.csv with BOM, contract columns and published order', () => {
    const out = mkdtempSync(join(tmpdir(), 'score-out-'));
    const r = run(['--data', 'test/fixtures/hand', '--out', out]);
    expect(r.status).toBe(0);
    const text = readFileSync(join(out, 'scores.csv'), 'utf8');
    expect(text.startsWith('\uFEFFyear,id,name,park,stage,score,rank_national,rank_park,rank_stage,score_change,rank_change,tech,ops,aux,deduction,rd_expense_pts,rd_growth_pts,')).toBe(true);
    const rows = Papa.parse<string[]>(text.slice(1).trim(), { newline: '\r\n' }).data;
    expect(rows).toHaveLength(39);
    expect(rows.map((x) => x[0])).toEqual(['year', ...Array(30).fill('2022'), ...Array(8).fill('2023')]);
    expect(rows[31]!.slice(0, 15)).toEqual(['2023', '91130100MA00000012', '甲科技有限公司', 'alpha', 'startup', '474.87', '1', '1', '1', '384.87', '0', '266.15', '180', '28.71', '0']);
    expect(rows[33]!.slice(0, 15)).toEqual(['2023', '91130100MA0000004B', '丁装备股份有限公司', 'beta', 'growth', '297', '3', '2', '1', '207', '2', '426', '120', '51', '300']);
    expect(rows[32]![9]).toBe(''); // no 2022 row: blank change
    // 戊: revenue growth without base, imputed at the median s of 丁's lone growth value (0).
    const e = rows.find((x) => x[2] === '戊能源有限公司')!;
    expect([e[5], e[6], e[12], e[headerIndex(rows, 'revenue_growth_pts')]]).toEqual(['201.8', '5', '30.77', '0']);
    expect(readdirSync(out).sort()).toEqual(['privacy-report.txt', 'scores-2022.csv', 'scores-2023.csv', 'scores.csv', 'site']);
  });

  it('neutralises formula-like text cells', () => {
    const dir = copyFixture();
    setCell(dir, 'enterprises.csv', 2, 'name', '=HYPERLINK("http://x")');
    setCell(dir, 'enterprises.csv', 3, 'name', '"@SUM(1,2)"');
    setCell(dir, 'enterprises.csv', 4, 'name', '-2+3');
    const out = mkdtempSync(join(tmpdir(), 'score-out-'));
    expect(run(['--data', dir, '--out', out]).status).toBe(0);
    const rows = Papa.parse<string[]>(readFileSync(join(out, 'scores.csv'), 'utf8').slice(1).trim()).data;
    const names = rows.map((x) => x[2]);
    expect(names).toContain(`'=HYPERLINK("http://x")`);
    expect(names).toContain(`'@SUM(1,2)`);
    expect(names).toContain(`'-2+3`);
  });

  it('exits 1 on bad input, prints located errors and leaves the output untouched', () => {
    const dir = copyFixture();
    setCell(dir, 'enterprises.csv', 3, 'employees', '-1');
    const out = mkdtempSync(join(tmpdir(), 'score-out-'));
    writeFileSync(join(out, 'scores.csv'), 'previous good output');
    const r = run(['--data', dir, '--out', out]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`${dir}/enterprises.csv:3: column "employees": must not be negative (a count, ≥ 0) (got "-1")`);
    expect(readdirSync(out)).toEqual(['scores.csv']);
    expect(readFileSync(join(out, 'scores.csv'), 'utf8')).toBe('previous good output');
  });

  it('is deterministic: two runs give identical bytes', () => {
    const a = mkdtempSync(join(tmpdir(), 'score-a-'));
    const b = mkdtempSync(join(tmpdir(), 'score-b-'));
    execFileSync(node, ['scripts/score.ts', '--data', 'test/fixtures/hand', '--out', a]);
    execFileSync(node, ['scripts/score.ts', '--data', 'test/fixtures/hand', '--out', b]);
    for (const f of ['scores.csv', 'site/meta.json', 'site/rows-2023.json']) {
      expect(readFileSync(join(a, f))).toEqual(readFileSync(join(b, f)));
    }
  });

  it('uses a model.json in the data folder instead of the default', () => {
    const dir = copyFixture();
    const model = JSON.parse(readFileSync('data/model.json', 'utf8'));
    model.deduction.points_each = 50;
    writeFileSync(join(dir, 'model.json'), JSON.stringify(model));
    const out = mkdtempSync(join(tmpdir(), 'score-out-'));
    expect(run(['--data', dir, '--out', out]).status).toBe(0);
    const rows = Papa.parse<string[]>(readFileSync(join(out, 'scores.csv'), 'utf8').slice(1).trim()).data;
    const b = rows.find((x) => x[2] === '乙生物有限公司')!;
    expect(b[5]).toBe('276.32'); // 326.32 − 50
  });
});
