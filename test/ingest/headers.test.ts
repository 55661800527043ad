import { describe, expect, it } from 'vitest';
import { formatIssue, type DataIssue } from '../../src/ingest/csv.ts';
import { normaliseHeader, resolveHeader, type HeaderColumn } from '../../src/ingest/headers.ts';

const COLUMNS: HeaderColumn[] = [
  { id: 'id', aliases: ['统一社会信用代码'], required: true },
  { id: 'rd_expense', aliases: ['研发费用', '研发投入'], units: ['万元'], required: true, neededBy: 'read by indicator rd_expense' },
  { id: 'employees', aliases: ['职工总数'], units: ['人', '个'], required: false },
  { id: 'pct_apps', aliases: ['PCT专利申请量'], units: ['件'], required: false },
  { id: 'ratio', aliases: ['研发投入强度'], units: ['%'], required: false },
];

function resolve(cells: string[]) {
  const issues: DataIssue[] = [];
  const r = resolveHeader(cells, COLUMNS, 'dir/enterprises.csv', 1, (i) => issues.push(i));
  return { r, messages: issues.map(formatIssue) };
}

describe('header matching', () => {
  it('normalises full-width characters and drops white space', () => {
    expect(normaliseHeader(' 研发费用 （万元） ')).toBe('研发费用(万元)');
    expect(normaliseHeader('ＰＣＴ 专利申请量')).toBe('PCT专利申请量');
  });

  it('reads ids, aliases and aliases with the column’s unit, and keeps the text as written for messages', () => {
    const { r, messages } = resolve(['研发费用（万元）', '统一社会信用代码', 'ＰＣＴ 专利申请量(件)', 'employees', '研发投入强度(%)']);
    expect(messages).toEqual([]);
    expect([...r!.index]).toEqual([
      ['rd_expense', 0],
      ['id', 1],
      ['pct_apps', 2],
      ['employees', 3],
      ['ratio', 4],
    ]);
    expect(r!.label.get('rd_expense')).toBe('研发费用（万元）');
  });

  it('leaves out optional columns and names the part of the model that needs a missing one', () => {
    const { r, messages } = resolve(['id']);
    expect(r).toBeNull();
    expect(messages).toEqual(['dir/enterprises.csv:1: column "rd_expense": required column is missing from the header (read by indicator rd_expense)']);
    expect(resolve(['id', '研发投入']).r?.index.size).toBe(2);
  });

  it('refuses a unit other than the column’s, naming the one expected', () => {
    expect(resolve(['id', '研发费用（元）']).messages).toEqual([
      'dir/enterprises.csv:1: column "研发费用（元）": gives the unit “元”, but the column rd_expense is in 万元: convert the figures to 万元 and write the header as “研发费用（万元）” (got "研发费用（元）")',
    ]);
  });

  it('refuses two headers for one column, unknown headers with a hint, and empty ones', () => {
    expect(resolve(['id', '研发费用', 'rd_expense']).messages).toEqual(['dir/enterprises.csv:1: column "rd_expense": names the same column (rd_expense) as “研发费用” does']);
    expect(resolve(['id', 'rd_expense', 'rd_expense']).messages).toEqual(['dir/enterprises.csv:1: column "rd_expense": appears twice in the header']);
    expect(resolve(['id', 'rd_expense', 'Employees']).messages).toEqual([
      'dir/enterprises.csv:1: column "Employees": is not a column of enterprises.csv; did you mean "employees"? (got "Employees")',
    ]);
    expect(resolve(['id', 'rd_expense', '职工总数合计']).messages).toEqual([
      'dir/enterprises.csv:1: column "职工总数合计": is not a column of enterprises.csv; did you mean “职工总数” (employees)? (got "职工总数合计")',
    ]);
    expect(resolve(['id', 'rd_expense', '']).messages).toEqual(['dir/enterprises.csv:1: column "": a header cell is empty (got "")']);
  });
});
