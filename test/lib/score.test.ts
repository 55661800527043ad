import { describe, expect, it } from 'vitest';
import { loadDataFolder } from '../../src/lib/load.ts';
import { categoriesOf, indicatorValue, pointsOf, scoreDataset, sOf, type ScoredRow } from '../../src/lib/score.ts';

// Every expectation below was worked out by hand from test/fixtures/hand (see its README.md).
const loaded = loadDataFolder('test/fixtures/hand');
if (!loaded.ok) throw new Error(loaded.errors.join('\n'));
const scored = scoreDataset(loaded.data.model, loaded.data.enterprises);
const ind = loaded.data.model.indicators.map((i) => i.id);
const get = (name: string, year = 2023): ScoredRow => {
  const r = scored.rows.find((x) => x.row.name === name && x.row.year === year);
  if (!r) throw new Error(`no row ${name} ${year}`);
  return r;
};
const pts = (r: ScoredRow, id: string) => pointsOf(r, ind.indexOf(id));
const s = (r: ScoredRow, id: string) => sOf(r, ind.indexOf(id));

describe('hand-computed scores (startup cohort 2023: 甲, 乙, 丙)', () => {
  const a = get('甲科技有限公司');
  const b = get('乙生物有限公司');
  const c = get('丙智能有限公司');
  it('assigns stages by age, age 3 still start-up', () => {
    expect([a.stage, b.stage, c.stage]).toEqual(['startup', 'startup', 'startup']);
    expect(c.age).toBe(3);
  });
  it('benchmarks R&D spending at the cohort 95th percentile (two values: 100 + 0.95·100 = 195)', () => {
    expect(s(a, 'rd_expense')).toBeCloseTo(100 / 195, 12);
    expect(pts(a, 'rd_expense')).toBeCloseTo(46.153846154, 8);
    expect(s(b, 'rd_expense')).toBe(1);
    expect(s(c, 'rd_expense')).toBe(0); // blank
  });
  it('scales growth between the cohort 5th and 95th percentiles (5 and 95)', () => {
    expect(pts(a, 'rd_growth')).toBe(50); // 100 % growth, above 95
    expect(pts(b, 'rd_growth')).toBe(0); // 0 %, below 5
  });
  it('treats a positive numerator over zero revenue as unbounded (s = 1)', () => {
    expect(pts(b, 'rd_intensity')).toBe(90);
    expect(pts(a, 'rd_intensity')).toBe(90); // exactly 10 %, the fixed top
    expect(pts(b, 'st_staff_ratio')).toBe(0); // 0 staff of 0 employees: value 0
  });
  it('scales fixed ranges linearly', () => {
    expect(pts(c, 'postgrad_ratio')).toBeCloseTo((50 * 20) / 30, 10);
  });
  it('interpolates the 95th percentile of three counts (2 + 0.9·6 = 7.4)', () => {
    expect(pts(b, 'invention_patent_apps')).toBeCloseTo((90 * 2) / 7.4, 10);
    expect(pts(c, 'invention_patent_apps')).toBe(90);
  });
  it('gives 0 to every value when the cohort benchmark is 0', () => {
    expect([a, b, c].map((r) => pts(r, 'pct_apps'))).toEqual([0, 0, 0]);
  });
  it('uses steps for platforms, awards and standards', () => {
    expect([a, b, c].map((r) => pts(r, 'platforms'))).toEqual([18, 24, 30]);
    expect([a, b, c].map((r) => pts(r, 'awards'))).toEqual([0, 30, 0]);
    expect([a, b, c].map((r) => pts(r, 'standards'))).toEqual([0, 18, 24]);
  });
  it('leaves ROE blank when net assets are negative, and ranks the rest between −18.5 and 8.5', () => {
    expect(Number.isNaN(indicatorValue(c, ind.indexOf('roe')))).toBe(true);
    expect(pts(a, 'roe')).toBe(30);
    expect(pts(b, 'roe')).toBe(0);
  });
  it('gives 0 growth points to the only bounded value of a cohort (H = L)', () => {
    expect(pts(a, 'revenue_growth')).toBe(0);
  });
  it('adds up to the hand totals', () => {
    expect(a.score).toBe(474.87);
    expect(categoriesOf(a)).toEqual([266.15, 180, 28.71]);
    expect(b.deduction).toBe(100);
    expect(b.score).toBe(226.32);
    expect(categoriesOf(b)).toEqual([204.32, 20, 102]);
    expect(c.score).toBe(338.39);
    expect(categoriesOf(c)).toEqual([90, 114.39, 134]);
  });
});

describe('hand-computed scores (growth and stable cohorts 2023)', () => {
  const d = get('丁装备股份有限公司');
  const e = get('戊能源有限公司');
  it('counts age 10 as growth', () => {
    expect(e.age).toBe(10);
    expect(e.stage).toBe('growth');
  });
  it('scores growth from a zero base as unbounded, and the lone bounded growth value as 0', () => {
    expect(pts(e, 'revenue_growth')).toBe(80);
    expect(pts(d, 'revenue_growth')).toBe(0);
  });
  it('caps the deduction at 300 and keeps subtotals before the deduction', () => {
    expect(d.deduction).toBe(300);
    expect(categoriesOf(d)).toEqual([426, 120, 51]);
    expect(d.score).toBe(297);
  });
  it('totals 戊 to 281.80', () => {
    expect(e.score).toBe(281.8);
    expect(categoriesOf(e)).toEqual([171.03, 110.77, 0]);
  });
  it('clamps a total below zero to 0', () => {
    const g = get('庚材料有限公司');
    expect(g.stage).toBe('stable');
    expect(g.deduction).toBe(300);
    expect(g.score).toBe(0);
  });
  it('scores the two identical stable firms equally', () => {
    expect(get('己农业有限公司').score).toBe(80);
    expect(get('辛农业有限公司').score).toBe(80);
  });
});

describe('ranks and year-over-year change', () => {
  it('orders rows by year, rank, then id, with competition ranks (6, 6, 8)', () => {
    const order = scored.rows.filter((r) => r.row.year === 2023).map((r) => [r.row.name, r.rankNational]);
    expect(order).toEqual([
      ['甲科技有限公司', 1],
      ['丙智能有限公司', 2],
      ['丁装备股份有限公司', 3],
      ['戊能源有限公司', 4],
      ['乙生物有限公司', 5],
      ['己农业有限公司', 6],
      ['辛农业有限公司', 6],
      ['庚材料有限公司', 8],
    ]);
  });
  it('ranks within park and stage', () => {
    expect(['甲科技有限公司', '乙生物有限公司', '己农业有限公司', '庚材料有限公司'].map((n) => get(n).rankPark)).toEqual([1, 2, 3, 4]);
    expect(['丙智能有限公司', '丁装备股份有限公司', '戊能源有限公司', '辛农业有限公司'].map((n) => get(n).rankPark)).toEqual([1, 2, 3, 4]);
    expect(['己农业有限公司', '辛农业有限公司', '庚材料有限公司'].map((n) => get(n).rankStage)).toEqual([1, 1, 3]);
  });
  it('shares rank 1 in 2022 between the two firms scoring 90', () => {
    expect(get('甲科技有限公司', 2022).rankNational).toBe(1);
    expect(get('丁装备有限公司', 2022).rankNational).toBe(1);
  });
  it('compares with the same id a year earlier; blank without one', () => {
    const a = get('甲科技有限公司');
    expect(a.scoreChange).toBe(384.87);
    expect(a.rankChange).toBe(0);
    const d = get('丁装备股份有限公司');
    expect(d.scoreChange).toBe(207);
    expect(d.rankChange).toBe(2);
    expect(get('戊能源有限公司').scoreChange).toBeNull();
    expect(get('甲科技有限公司', 2022).rankChange).toBeNull();
  });
  it('records the cohort quantiles used', () => {
    const startup = scored.cohorts.find((c) => c.year === 2023 && c.stage === 'startup')!;
    expect(startup.size).toBe(3);
    expect(startup.indicators[ind.indexOf('rd_expense')]!.q['0.95']).toBeCloseTo(195, 10);
    expect(startup.indicators[ind.indexOf('roe')]!.q).toEqual({ '0.05': -18.5, '0.95': expect.closeTo(8.5, 10) });
    expect(startup.indicators[ind.indexOf('tech_contract_value')]!).toEqual({ n: 0, q: {} });
  });
});
