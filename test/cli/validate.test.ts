import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { copyFixture, setCell } from '../helpers/folder.ts';

const run = (args: string[]) => spawnSync(process.execPath, ['scripts/validate.ts', ...args], { encoding: 'utf8' });
/** The line of the report's table that starts with `first`, split on runs of spaces. */
const rowOf = (out: string, first: string) =>
  out
    .split('\n')
    .find((l) => l.trim().startsWith(`${first} `))
    ?.trim()
    .split(/\s{2,}/);

// Each run starts Node and loads the scorer: seconds on a busy machine.
describe('npm run validate', { timeout: 60_000 }, () => {
  let hand: ReturnType<typeof run>;
  beforeAll(() => {
    hand = run(['--data', 'test/fixtures/hand']);
  }, 60_000);

  it('passes the hand fixture with exit 0 and reports rows, fill rates, cohorts and residual risks', () => {
    const r = hand;
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    const out = r.stdout;
    expect(out).toContain('== Errors / 错误: 0 ==\nnone');
    // 38 rows: 8 of 2023 and 30 of 2022; 甲 and 丁 appear in both years (test/fixtures/hand/README.md).
    expect(out).toContain('38 enterprise-years of 36 enterprises in 2 parks; years 2022, 2023');
    // rd_expense: 1 of the 30 rows of 2022 and 6 of the 8 of 2023 report it; 7 of 38 overall.
    expect(rowOf(out, 'rd_expense')).toEqual(['rd_expense', 'indicator rd_expense, indicator rd_growth, indicator rd_intensity', '3.3 %', '75.0 %', '18.4 %']);
    // pct_apps: 22 of 30, 5 of 8, 27 of 38. name_en is read by no part of the model.
    expect(rowOf(out, 'pct_apps')).toEqual(['pct_apps', 'indicator pct_apps', '73.3 %', '62.5 %', '71.1 %']);
    expect(rowOf(out, 'serious_violations')?.[1]).toBe('deduction');
    expect(rowOf(out, 'name_en')?.[1]).toBe('—');
    // Cohorts as the fixture's README lists them: 2022 2 / 6 / 22, 2023 3 / 2 / 3, nobody vetoed.
    expect(rowOf(out, '2022')).toEqual(['2022', '2', '6', '22', '0']);
    expect(rowOf(out, '2023')).toEqual(['2023', '3', '2', '3', '0']);
    expect(out).toContain('6 cohort(s) have fewer than 30 firms');
    expect(out).toMatch(/\n\d+ firm-year\(s\) have exactly one confidential indicator with points/);
    expect(out).toContain('OK: test/fixtures/hand has no errors and would build.');
  });

  it('names a firm-year whose score isolates one confidential indicator', () => {
    // 己 (line 7, 2023 stable): rd_expense 0 (0 points), revenue 100 (80 points), revenue growth 0 % (0 points).
    expect(hand.stdout).toMatch(/2023 {2}91130100MA0000006H {2}己农业有限公司 {2}stable {3}revenue/);
  });

  it('prints every error and exits 1, and writes nothing into the folder', () => {
    const dir = copyFixture();
    setCell(dir, 'enterprises.csv', 3, 'employees', '-1');
    setCell(dir, 'enterprises.csv', 5, 'founded', '2015-02-30');
    const before = readdirSync(dir).sort();
    const r = run(['--data', dir]);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('== Errors / 错误: 2 ==');
    expect(r.stdout).toContain(`${dir}/enterprises.csv:3: column "employees": must not be negative (a count, ≥ 0) (got "-1")`);
    expect(r.stdout).toContain(`${dir}/enterprises.csv:5: column "founded": is not a real calendar date (got "2015-02-30")`);
    expect(r.stdout).not.toContain('Fill rates');
    expect(r.stdout).toContain(`2 problem(s) in ${dir}: fix them and run npm run validate again.`);
    expect(readdirSync(dir).sort()).toEqual(before);
  });

  it('locates every problem of a workbook by sheet, Excel row and column (test/fixtures/xlsx/broken)', () => {
    const r = run(['--data', 'test/fixtures/xlsx/broken']);
    expect(r.status).toBe(1);
    const f = 'test/fixtures/xlsx/broken/enterprises.xlsx';
    const errors = r.stdout.split('\n').filter((l) => l.startsWith(f));
    expect(errors).toEqual([
      `${f}: 工作表“Sheet1”: 第 6 行: 列 AD: has a value right of the header's last column AB: give the column a header or clear it (got "备注")`,
      `${f}: 工作表“Sheet1”: 第 2 行: 列 K“营业收入(万元)”: holds the Excel error #DIV/0!`,
      `${f}: 工作表“Sheet1”: 第 3 行: 列 M“职工总数”: is a formula whose result was never saved: open the file in Excel or WPS and save it again`,
      `${f}: 工作表“Sheet1”: 第 4 行: 列 F“成立日期”: must be a date written YYYY-MM-DD, e.g. 2015-03-07 (got "2020-12-31 09:30:00")`,
      `${f}: 工作表“Sheet1”: 第 4 行: 列 N“科技人员数”: is not a plain number: give the number only, without unit or % sign (got "15%")`,
      `${f}: 工作表“Sheet1”: 第 5 行: 列 I“研发费用（万元）”: must not be negative (money in 万元, ≥ 0) (got "-1")`,
    ]);
    expect(r.stdout).toContain('== Errors / 错误: 6 ==');
  });

  it('reports declared columns after the built-in ones and a column the file left out as absent (test/fixtures/xlsx/declared)', () => {
    const r = run(['--data', 'test/fixtures/xlsx/declared']);
    expect(r.status).toBe(0);
    expect(rowOf(r.stdout, 'vc_investment')).toEqual(['vc_investment', '—', 'absent', 'absent', 'absent']);
    // 亩均税收 is reported where the hand fixture reports vc_investment: 4 of the 8 rows of 2023.
    expect(rowOf(r.stdout, 'tax_per_mu')).toEqual(['tax_per_mu', 'indicator tax_per_mu', '0.0 %', '50.0 %', '10.5 %']);
    expect(rowOf(r.stdout, 'patents_granted')).toEqual(['patents_granted', '—', '100.0 %', '100.0 %', '100.0 %']);
  });

  it('exits 1 with a usage line when no folder is given', () => {
    const r = run([]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('usage: npm run validate -- --data <data folder>');
  });
});
