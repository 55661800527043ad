import { describe, expect, it } from 'vitest';
import { loadDataFolder } from '../../src/ingest/load.ts';
import { parseModel, type Model } from '../../src/ingest/model.ts';
import { categoriesOf, indicatorValue, isWithoutBase, pointsOf, scoreDataset, sOf, type ScoredDataset, type ScoredRow } from '../../src/scoring/score.ts';
import referenceModel from '../../data/model.json' with { type: 'json' };

// Every expectation below was worked out by hand from test/fixtures/hand (see its README.md).
const loaded = await loadDataFolder('test/fixtures/hand');
if (!loaded.ok) throw new Error(loaded.errors.join('\n'));
const scored = scoreDataset(loaded.data.model, loaded.data.enterprises);
const ind = loaded.data.model.indicators.map((i) => i.id);
const getIn = (data: ScoredDataset, name: string, year: number): ScoredRow => {
  const r = data.rows.find((x) => x.row.name === name && x.row.year === year);
  if (!r) throw new Error(`no row ${name} ${year}`);
  return r;
};
const get = (name: string, year = 2023): ScoredRow => getIn(scored, name, year);
const pts = (r: ScoredRow, id: string) => pointsOf(r, ind.indexOf(id));
const s = (r: ScoredRow, id: string) => sOf(r, ind.indexOf(id));
const value = (r: ScoredRow, id: string) => indicatorValue(r, ind.indexOf(id));

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
  it('gives 0 to every value of an all-zero cohort: Q.95 = 0 and no positive value to fall back on', () => {
    expect([a, b, c].map((r) => pts(r, 'pct_apps'))).toEqual([0, 0, 0]);
    const startup = scored.cohorts.find((x) => x.year === 2023 && x.stage === 'startup')!;
    expect(startup.indicators[ind.indexOf('pct_apps')]).toEqual({ n: 3, q: { '0.95': 0 }, positive: { n: 0, q: {} } });
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
  it('imputes growth from a zero base at the median s of the computable values: 丁 alone, s = 0 (H = L)', () => {
    expect(isWithoutBase(value(e, 'revenue_growth'))).toBe(true);
    expect(pts(e, 'revenue_growth')).toBe(0);
    expect(pts(d, 'revenue_growth')).toBe(0);
    const growth = scored.cohorts.find((x) => x.year === 2023 && x.stage === 'growth')!;
    expect(growth.indicators[ind.indexOf('revenue_growth')]).toEqual({ n: 1, q: { '0.05': 100, '0.95': 100 } });
  });
  it('caps the deduction at 300 and keeps subtotals before the deduction', () => {
    expect(d.deduction).toBe(300);
    expect(categoriesOf(d)).toEqual([426, 120, 51]);
    expect(d.score).toBe(297);
  });
  it('totals 戊 to 201.80', () => {
    expect(e.score).toBe(201.8);
    expect(categoriesOf(e)).toEqual([171.03, 30.77, 0]);
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
      ['乙生物有限公司', 4],
      ['戊能源有限公司', 5],
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
  it('ranks 2022: 甲 and 丁 share rank 1 at 90, then 丑 and 寅 share 3, …, the 21 zeros share 10', () => {
    const order = scored.rows.filter((r) => r.row.year === 2022).map((r) => [r.row.name, r.score, r.rankNational]);
    expect(order.slice(0, 9)).toEqual([
      ['甲科技有限公司', 90, 1],
      ['丁装备有限公司', 90, 1],
      ['丑化工有限公司', 87.37, 3],
      ['寅电子有限公司', 87.37, 3],
      ['卯环保有限公司', 86.32, 5],
      ['辰医药有限公司', 71.58, 6],
      ['子机械有限公司', 60, 7],
      ['癸精密有限公司', 50, 8],
      ['壬软件有限公司', 40, 9],
    ]);
    expect(order.slice(9).map((x) => x.slice(1))).toEqual(Array.from({ length: 21 }, () => [0, 10]));
    expect(['甲科技有限公司', '丑化工有限公司', '卯环保有限公司', '癸精密有限公司', '壬软件有限公司', '零申报01有限公司'].map((n) => get(n, 2022).rankPark)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(['丁装备有限公司', '寅电子有限公司', '辰医药有限公司', '子机械有限公司', '零申报02有限公司'].map((n) => get(n, 2022).rankPark)).toEqual([1, 2, 3, 4, 5]);
    expect(['丁装备有限公司', '丑化工有限公司', '寅电子有限公司', '卯环保有限公司', '辰医药有限公司', '子机械有限公司'].map((n) => get(n, 2022).rankStage)).toEqual([1, 2, 2, 4, 5, 6]);
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

describe('model 1.1: growth without base (2022 startup and growth cohorts)', () => {
  it('imputes s = 0 when the cohort has only base-less rows (壬; 甲 reports no revenue)', () => {
    const r = get('壬软件有限公司', 2022);
    expect(r.stage).toBe('startup');
    expect(isWithoutBase(value(r, 'revenue_growth'))).toBe(true);
    expect(s(r, 'revenue_growth')).toBe(0);
    expect(pts(r, 'revenue')).toBe(40); // the cohort's only revenue, 300 / 300
    expect(r.score).toBe(40);
    const startup = scored.cohorts.find((x) => x.year === 2022 && x.stage === 'startup')!;
    expect(startup.indicators[ind.indexOf('revenue_growth')]).toEqual({ n: 0, q: {} });
  });
  it('imputes the median of the computable s, a tie: s = [0, 0.5, 0.5, 1] → 0.5 (辰)', () => {
    const [zi, chou, yin, mao, chen] = ['子机械有限公司', '丑化工有限公司', '寅电子有限公司', '卯环保有限公司', '辰医药有限公司'].map((n) => get(n, 2022));
    expect([zi, chou, yin, mao].map((r) => value(r!, 'revenue_growth'))).toEqual([0, 50, 50, 100]);
    const growth = scored.cohorts.find((x) => x.year === 2022 && x.stage === 'growth')!;
    const stats = growth.indicators[ind.indexOf('revenue_growth')]!;
    expect(stats.n).toBe(4); // 辰's value without base is not counted
    expect(stats.q['0.05']).toBeCloseTo(7.5, 10);
    expect(stats.q['0.95']).toBeCloseTo(92.5, 10);
    expect([zi, chou, yin, mao].map((r) => s(r!, 'revenue_growth'))).toEqual([0, expect.closeTo(0.5, 12), expect.closeTo(0.5, 12), 1]);
    expect(isWithoutBase(value(chen!, 'revenue_growth'))).toBe(true);
    expect(s(chen!, 'revenue_growth')).toBeCloseTo(0.5, 12);
    expect(pts(chen!, 'revenue_growth')).toBeCloseTo(40, 10);
    // Revenue benchmark: [20, 100, 150, 150, 200] → Q.95 = 150 + 0.8·50 = 190.
    expect(growth.indicators[ind.indexOf('revenue')]!.q['0.95']).toBeCloseTo(190, 10);
    expect(pts(chen!, 'revenue')).toBeCloseTo(600 / 19, 10);
    expect([zi, chou, yin, mao, chen].map((r) => r!.score)).toEqual([60, 87.37, 87.37, 86.32, 71.58]);
    expect(categoriesOf(chen!)).toEqual([0, 71.58, 0]);
  });
});

describe('model 1.1: benchmark of a sparse cohort (2022 stable: 癸 and 21 firms reporting 0)', () => {
  it('falls back to Q.95 of the positive values when Q.95 = 0: one PCT application, B = 1', () => {
    const stable = scored.cohorts.find((x) => x.year === 2022 && x.stage === 'stable')!;
    expect(stable.size).toBe(22);
    expect(stable.indicators[ind.indexOf('pct_apps')]).toEqual({ n: 22, q: { '0.95': 0 }, positive: { n: 1, q: { '0.95': 1 } } });
    const k = get('癸精密有限公司', 2022);
    expect(s(k, 'pct_apps')).toBe(1);
    expect(k.score).toBe(50);
    expect(get('零申报01有限公司', 2022).score).toBe(0);
  });
});

/** The reference model as 1.0 had it: the new options absent, or set to "full". */
function model10(options: 'absent' | 'full'): Model {
  const json = structuredClone(referenceModel) as { version: string; indicators: { value: Record<string, unknown>; method: Record<string, unknown> }[] };
  json.version = '1.0';
  for (const i of json.indicators) {
    if (i.value['kind'] === 'growth') {
      if (options === 'full') i.value['without_base'] = 'full';
      else delete i.value['without_base'];
    }
    if (i.method['kind'] === 'benchmark') {
      if (options === 'full') i.method['zero_benchmark'] = 'full';
      else delete i.method['zero_benchmark'];
    }
  }
  const r = parseModel(json, 'model-1.0.json');
  if ('errors' in r) throw new Error(r.errors.join('\n'));
  return r.model;
}

describe.each(['absent', 'full'] as const)('a model 1.0 file (options %s) keeps the 1.0 results', (options) => {
  const old = scoreDataset(model10(options), loaded.data.enterprises);
  const at = (name: string, year = 2023) => getIn(old, name, year);
  it('scores growth from a zero base as unbounded, s = 1 (戊 80, 壬 70, 辰 80)', () => {
    expect(indicatorValue(at('戊能源有限公司'), ind.indexOf('revenue_growth'))).toBe(Infinity);
    expect(isWithoutBase(indicatorValue(at('戊能源有限公司'), ind.indexOf('revenue_growth')))).toBe(false);
    expect(pointsOf(at('戊能源有限公司'), ind.indexOf('revenue_growth'))).toBe(80);
    expect(pointsOf(at('壬软件有限公司', 2022), ind.indexOf('revenue_growth'))).toBe(70);
    expect(pointsOf(at('辰医药有限公司', 2022), ind.indexOf('revenue_growth'))).toBe(80);
  });
  it('reproduces the 1.0 totals of 2023 and their order', () => {
    const order = old.rows.filter((r) => r.row.year === 2023).map((r) => [r.row.name, r.score, r.rankNational]);
    expect(order).toEqual([
      ['甲科技有限公司', 474.87, 1],
      ['丙智能有限公司', 338.39, 2],
      ['丁装备股份有限公司', 297, 3],
      ['戊能源有限公司', 281.8, 4],
      ['乙生物有限公司', 226.32, 5],
      ['己农业有限公司', 80, 6],
      ['辛农业有限公司', 80, 6],
      ['庚材料有限公司', 0, 8],
    ]);
    expect(categoriesOf(at('戊能源有限公司'))).toEqual([171.03, 110.77, 0]);
  });
  it('puts the two firms without base first in 2022 (辰 111.58, 壬 110), so 甲 moves up 2 places in 2023', () => {
    const top = old.rows.filter((r) => r.row.year === 2022).slice(0, 4).map((r) => [r.row.name, r.score, r.rankNational]);
    expect(top).toEqual([
      ['辰医药有限公司', 111.58, 1],
      ['壬软件有限公司', 110, 2],
      ['甲科技有限公司', 90, 3],
      ['丁装备有限公司', 90, 3],
    ]);
    expect([at('甲科技有限公司').scoreChange, at('甲科技有限公司').rankChange]).toEqual([384.87, -2]);
    expect([at('丁装备股份有限公司').scoreChange, at('丁装备股份有限公司').rankChange]).toEqual([207, 0]);
  });
  it('gives a positive value full marks when the cohort benchmark is 0, with no fallback', () => {
    const stable = old.cohorts.find((x) => x.year === 2022 && x.stage === 'stable')!;
    expect(stable.indicators[ind.indexOf('pct_apps')]).toEqual({ n: 22, q: { '0.95': 0 } });
    expect(at('癸精密有限公司', 2022).score).toBe(50);
  });
});
