import { describe, expect, it } from 'vitest';
import { benchmarkOf, cohortStats, normalise } from '../../src/scoring/normalise.ts';
import { quantileSorted } from '../../src/core/quantile.ts';
import { roundHalfAway } from '../../src/core/round.ts';
import { assignStage, deriveValue, isWithoutBase, WITHOUT_BASE } from '../../src/scoring/score.ts';
import { NUMERIC_COLUMNS } from '../../src/ingest/model.ts';
import model from '../../data/model.json' with { type: 'json' };
import { parseModel, type Indicator, type Model } from '../../src/ingest/model.ts';

const m = (parseModel(model, 'model.json') as { model: Model }).model;
const bench = { kind: 'benchmark', p: 0.95 } as const; // model 1.0: zero_benchmark absent = "full"
const bench11 = { kind: 'benchmark', p: 0.95, zero_benchmark: 'positive_values' } as const;
const range = { kind: 'range', lo: 0.05, hi: 0.95 } as const;
const steps: Indicator['method'] = { kind: 'steps', steps: [{ at: 1, s: 0.6 }, { at: 2, s: 0.8 }, { at: 3, s: 1 }] };
const q = (method: Indicator['method'], values: number[]) => cohortStats(method, Float64Array.from(values));
const none = { q: {} };
const zeros = (n: number) => Array.from({ length: n }, () => 0);

describe('type-7 quantile', () => {
  it('interpolates between order statistics', () => {
    expect(quantileSorted([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantileSorted([10, 20, 30, 40, 50], 0.95)).toBeCloseTo(48, 12); // h = 3.8
    expect(quantileSorted([10, 20, 30, 40, 50], 0.05)).toBeCloseTo(12, 12); // h = 0.2
  });
  it('returns the only value of a one-value cohort and nothing for an empty one', () => {
    expect(quantileSorted([7], 0.95)).toBe(7);
    expect(quantileSorted([], 0.95)).toBeUndefined();
  });
  it('reaches the maximum at p = 1', () => {
    expect(quantileSorted([1, 5, 9], 1)).toBe(9);
  });
});

describe('benchmark method', () => {
  it('divides by the 95th percentile and clamps at 1', () => {
    const quant = q(bench, [0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100]); // h = 9.5 → 95
    expect(normalise(bench, 47.5, quant)).toBe(0.5);
    expect(normalise(bench, 100, quant)).toBe(1);
  });
  it('model 1.0 ("full"): gives 1 to any positive value when the benchmark is 0, else 0', () => {
    const quant = q(bench, [0, 0, 0]);
    expect(quant).toEqual({ n: 3, q: { '0.95': 0 } });
    expect(normalise(bench, 0, quant)).toBe(0);
    expect(normalise(bench, 3, quant)).toBe(1);
    // 40 zeros and 1, 4: h = 41·0.95 = 38.95, v38 = v39 = 0 → Q.95 = 0; both positives score 1.
    const sparse = q(bench, [...zeros(40), 4, 1]);
    expect([1, 4].map((x) => normalise(bench, x, sparse))).toEqual([1, 1]);
  });
  it('model 1.0 ("full"): gives 1 to a positive value in a cohort with no values, 0 to a blank, 1 to unbounded', () => {
    expect(normalise(bench, 5, none)).toBe(1);
    expect(normalise(bench, NaN, q(bench, [1, 2]))).toBe(0);
    expect(normalise(bench, Infinity, q(bench, [1, 2]))).toBe(1);
  });
});

describe('benchmark method, model 1.1 (zero_benchmark: "positive_values")', () => {
  it('takes Q.95 of the positive values when Q.95 ≤ 0: 40 zeros and 1, 4 → Q.95 of [1, 4] = 1 + 0.95·3 = 3.85', () => {
    const stats = q(bench11, [4, ...zeros(20), 1, ...zeros(20)]);
    expect(stats.n).toBe(42);
    expect(stats.q).toEqual({ '0.95': 0 });
    expect(stats.positive?.n).toBe(2);
    expect(stats.positive?.q['0.95']).toBeCloseTo(3.85, 12);
    expect(benchmarkOf(bench11, stats)).toBeCloseTo(3.85, 12);
    expect(normalise(bench11, 1, stats)).toBeCloseTo(1 / 3.85, 12); // 0.25974…
    expect(normalise(bench11, 4, stats)).toBe(1);
    expect(normalise(bench11, 0, stats)).toBe(0);
  });
  it('gives a lone positive value of a sparse cohort s = 1: it is the benchmark (21 zeros and 2)', () => {
    // n = 22: h = 21·0.95 = 19.95, v19 = v20 = 0 → Q.95 = 0; Q.95 of [2] = 2.
    const stats = q(bench11, [...zeros(21), 2]);
    expect(stats).toEqual({ n: 22, q: { '0.95': 0 }, positive: { n: 1, q: { '0.95': 2 } } });
    expect(normalise(bench11, 2, stats)).toBe(1);
    expect(normalise(bench11, 0, stats)).toBe(0);
  });
  it('gives 0 to every value of an all-zero cohort: no positive value, no benchmark', () => {
    const stats = q(bench11, [0, 0, 0]);
    expect(stats).toEqual({ n: 3, q: { '0.95': 0 }, positive: { n: 0, q: {} } });
    expect(benchmarkOf(bench11, stats)).toBeUndefined();
    expect(normalise(bench11, 0, stats)).toBe(0);
    expect(normalise(bench11, 3, stats)).toBe(0);
  });
  it('keeps Q.95 when it is positive, even with few positive values: [0, 0, 3] → 0 + 0.9·3 = 2.7', () => {
    const stats = q(bench11, [3, 0, 0]);
    expect(stats.positive).toBeUndefined();
    expect(stats.q['0.95']).toBeCloseTo(2.7, 12);
    expect(normalise(bench11, 1.35, stats)).toBeCloseTo(0.5, 12);
  });
  it('gives 0 to a positive value when the cohort has no values, 0 to a blank, 1 to unbounded', () => {
    expect(normalise(bench11, 5, none)).toBe(0);
    expect(normalise(bench11, NaN, q(bench11, [1, 2]))).toBe(0);
    expect(normalise(bench11, Infinity, q(bench11, [1, 2]))).toBe(1);
  });
  it('keeps the cohort values a permutation of themselves (the scratch column is read again)', () => {
    const values = Float64Array.from([0, 5, 0, 0, 1, ...zeros(40)]);
    cohortStats(bench11, values);
    expect([...values].sort((x, y) => x - y)).toEqual([...zeros(43), 1, 5]);
  });
});

describe('range method', () => {
  it('scales between the 5th and 95th percentiles', () => {
    const quant = q(range, [0, 100]); // L = 5, H = 95
    expect(normalise(range, 50, quant)).toBe(0.5);
    expect(normalise(range, 0, quant)).toBe(0);
    expect(normalise(range, 200, quant)).toBe(1);
  });
  it('handles negative values (ROE)', () => {
    const quant = q(range, [-20, 10]); // L = −18.5, H = 8.5
    expect(normalise(range, -5, quant)).toBeCloseTo(13.5 / 27, 12);
  });
  it('with H = L gives 1 only above H (tiny or constant cohorts)', () => {
    const quant = q(range, [4, 4, 4]);
    expect(normalise(range, 4, quant)).toBe(0);
    expect(normalise(range, 5, quant)).toBe(1);
  });
  it('with no cohort values gives 1 to a positive value', () => {
    expect(normalise(range, 2, none)).toBe(1);
    expect(normalise(range, -2, none)).toBe(0);
  });
  it('gives a growth value without base the imputed s it is given (0 by default)', () => {
    const quant = q(range, [0, 100]);
    expect(normalise(range, WITHOUT_BASE, quant, 0.5)).toBe(0.5);
    expect(normalise(range, WITHOUT_BASE, quant)).toBe(0);
    expect(normalise(range, WITHOUT_BASE, none, 0.25)).toBe(0.25);
  });
});

describe('fixed and steps methods', () => {
  it('scales fixed bounds and clamps', () => {
    const fixed = { kind: 'fixed', lo: 0, hi: 10 } as const;
    expect(normalise(fixed, 2.5, none)).toBe(0.25);
    expect(normalise(fixed, -1, none)).toBe(0);
    expect(normalise(fixed, 12, none)).toBe(1);
  });
  it('takes the s of the largest threshold not above the value', () => {
    expect([0, 1, 2, 3, 9].map((x) => normalise(steps, x, none))).toEqual([0, 0.6, 0.8, 1, 1]);
  });
});

describe('derived values', () => {
  const raw = (v: Partial<Record<(typeof NUMERIC_COLUMNS)[number], number>>) =>
    Float64Array.from(NUMERIC_COLUMNS, (c) => v[c] ?? NaN);
  const byId = (id: string) => m.indicators.find((i) => i.id === id)!;
  it('computes ratios and growth in percent', () => {
    expect(deriveValue(byId('rd_intensity'), raw({ rd_expense: 5, revenue: 200 }))).toBe(2.5);
    expect(deriveValue(byId('revenue_growth'), raw({ revenue: 150, revenue_prev: 100 }))).toBe(50);
  });
  it('is blank when any input is blank', () => {
    expect(deriveValue(byId('rd_intensity'), raw({ rd_expense: 5 }))).toBeNaN();
    expect(deriveValue(byId('rd_growth'), raw({ rd_expense_prev: 5 }))).toBeNaN();
  });
  it('applies the zero-denominator rules', () => {
    expect(deriveValue(byId('rd_intensity'), raw({ rd_expense: 5, revenue: 0 }))).toBe(Infinity);
    expect(deriveValue(byId('rd_intensity'), raw({ rd_expense: 0, revenue: 0 }))).toBe(0);
    expect(deriveValue(byId('roe'), raw({ net_profit: 5, net_assets: -1 }))).toBeNaN();
    expect(deriveValue(byId('revenue_growth'), raw({ revenue: 0, revenue_prev: 0 }))).toBeNaN();
  });
  it('marks growth from a zero base as without base (model 1.1), or unbounded under "full" and in 1.0 files', () => {
    const growth = byId('revenue_growth');
    expect(growth.value).toMatchObject({ kind: 'growth', without_base: 'impute_median' });
    const x = deriveValue(growth, raw({ revenue: 5, revenue_prev: 0 }));
    expect(x).toBe(WITHOUT_BASE);
    expect(isWithoutBase(x)).toBe(true);
    expect([NaN, Infinity, 0, -5, 1e300].map(isWithoutBase)).toEqual([false, false, false, false, false]);
    const full = { ...growth, value: { ...growth.value, without_base: 'full' } } as Indicator;
    const absent = { ...growth, value: { kind: 'growth', current: 'revenue', previous: 'revenue_prev' } } as Indicator;
    for (const g of [full, absent]) {
      expect(deriveValue(g, raw({ revenue: 5, revenue_prev: 0 }))).toBe(Infinity);
      expect(deriveValue(g, raw({ revenue: 0, revenue_prev: 0 }))).toBeNaN();
    }
  });
});

describe('stages', () => {
  it('tries rules in order with inclusive bounds', () => {
    expect([0, 3, 4, 10, 11, 40].map((age) => assignStage(m.stages, age, NaN).id)).toEqual([
      'startup',
      'startup',
      'growth',
      'growth',
      'stable',
      'stable',
    ]);
  });
  it('supports revenue bands; blank revenue never matches a revenue bound', () => {
    const stages = [
      { id: 'small', name: { zh: '小', en: 'S' }, rule: { revenue: { max: 500 } } },
      { id: 'other', name: { zh: '其他', en: 'O' }, rule: {} },
    ];
    expect(assignStage(stages, 5, 500).id).toBe('small');
    expect(assignStage(stages, 5, 501).id).toBe('other');
    expect(assignStage(stages, 5, NaN).id).toBe('other');
  });
});

describe('rounding', () => {
  it('rounds half away from zero on the decimal value', () => {
    expect(roundHalfAway(2.675)).toBe(2.68);
    expect(roundHalfAway(1.005)).toBe(1.01);
    expect(roundHalfAway(-1.005)).toBe(-1.01);
    expect(roundHalfAway(474.868131868)).toBe(474.87);
    expect(roundHalfAway(0.004999)).toBe(0);
  });
});

describe('the reference model file', () => {
  it('sums every stage to 1000 with the published subtotals', () => {
    const sum = (stage: string, cat: string) =>
      m.indicators.filter((i) => i.category === cat).reduce((a, i) => a + i.weights[stage]!, 0);
    expect(['startup', 'growth', 'stable'].map((st) => [sum(st, 'tech'), sum(st, 'ops'), sum(st, 'aux')])).toEqual([
      [550, 250, 200],
      [500, 330, 170],
      [450, 400, 150],
    ]);
  });
  it('marks exactly the §7 indicators public', () => {
    expect(m.indicators.filter((i) => i.public).map((i) => i.id)).toEqual([
      'invention_patent_apps',
      'pct_apps',
      'graduates_hired',
      'platforms',
      'awards',
      'standards',
    ]);
  });
  it('is version 1.1 and states the 1.1 options on every growth value and benchmark method', () => {
    expect(m.version).toBe('1.1');
    const growth = m.indicators.filter((i) => i.value.kind === 'growth');
    const benchmarks = m.indicators.filter((i) => i.method.kind === 'benchmark');
    expect(growth.map((i) => i.id)).toEqual(['rd_growth', 'revenue_growth']);
    expect(benchmarks).toHaveLength(9);
    expect(growth.every((i) => i.value.kind === 'growth' && i.value.without_base === 'impute_median')).toBe(true);
    expect(benchmarks.every((i) => i.method.kind === 'benchmark' && i.method.zero_benchmark === 'positive_values')).toBe(true);
  });
  it('rejects an unknown option value', () => {
    const bad = structuredClone(model) as { indicators: { value: Record<string, unknown>; method: Record<string, unknown> }[] };
    bad.indicators[1]!.value['without_base'] = 'median';
    bad.indicators[0]!.method['zero_benchmark'] = 'positive';
    const r = parseModel(bad, 'x/model.json');
    expect('errors' in r && r.errors.map((e) => e.split(':').slice(0, 2).join(':'))).toEqual([
      'x/model.json: indicators.0.method.zero_benchmark',
      'x/model.json: indicators.1.value.without_base',
    ]);
  });
  it('rejects a model whose weights do not sum to the scale', () => {
    const bad = structuredClone(model) as { indicators: { weights: Record<string, number> }[] };
    bad.indicators[0]!.weights['growth'] = 91;
    const r = parseModel(bad, 'x/model.json');
    expect('errors' in r && r.errors).toEqual(['x/model.json: indicators: weights for stage "growth" sum to 1001, not to the scale 1000']);
  });
});

describe('reverse indicators (direction: "lower"): lower values score higher', () => {
  const low = { kind: 'benchmark', p: 0.05 } as const; // zero_benchmark absent = "full"
  const low11 = { kind: 'benchmark', p: 0.05, zero_benchmark: 'positive_values' } as const;
  it('benchmark: s = B ÷ x with B = Q.05, 1 at or below B (cohort 10…50: h = 0.2 → B = 12)', () => {
    const stats = q(low, [50, 10, 40, 20, 30]);
    expect(stats.q['0.05']).toBeCloseTo(12, 12);
    const s = (x: number) => normalise(low, x, stats, 0, 'lower');
    expect(s(12)).toBe(1);
    expect(s(6)).toBe(1);
    expect(s(0)).toBe(1);
    expect(s(24)).toBeCloseTo(0.5, 12);
    expect(s(48)).toBeCloseTo(0.25, 12);
  });
  it('benchmark: a blank scores 0 and an unbounded value (the worst possible) 0; without base takes the imputed s', () => {
    const stats = q(low, [10, 20]);
    expect(normalise(low, NaN, stats, 0, 'lower')).toBe(0);
    expect(normalise(low, Infinity, stats, 0, 'lower')).toBe(0);
    expect(normalise(low, WITHOUT_BASE, stats, 0.4, 'lower')).toBe(0.4);
  });
  it('benchmark, "positive_values": Q.05 ≤ 0 → Q.05 of the positive values (40 zeros, 2, 8: B = 2 + 0.05·6 = 2.3)', () => {
    const stats = q(low11, [...zeros(20), 8, ...zeros(20), 2]);
    expect(stats.q).toEqual({ '0.05': 0 });
    expect(stats.positive?.q['0.05']).toBeCloseTo(2.3, 12);
    const s = (x: number) => normalise(low11, x, stats, 0, 'lower');
    expect(s(0)).toBe(1);
    expect(s(2)).toBe(1);
    expect(s(4.6)).toBeCloseTo(0.5, 12);
    expect(s(8)).toBeCloseTo(0.2875, 12);
  });
  it('benchmark, "full" (option absent): Q.05 ≤ 0 → values ≤ 0 score 1, positive values 0', () => {
    const stats = q(low, [...zeros(40), 8, 2]);
    expect([0, 2, 8].map((x) => normalise(low, x, stats, 0, 'lower'))).toEqual([1, 0, 0]);
  });
  it('benchmark, "positive_values", an all-zero cohort: every zero scores 1 (nobody does better)', () => {
    const stats = q(low11, [0, 0, 0]);
    expect(normalise(low11, 0, stats, 0, 'lower')).toBe(1);
  });
  it('range: s = (H − x) ÷ (H − L) (0, 10 … 100: L = Q.05 = 5, H = Q.95 = 95)', () => {
    const stats = q(range, [0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100]);
    const s = (x: number) => normalise(range, x, stats, 0, 'lower');
    expect(s(5)).toBe(1);
    expect(s(0)).toBe(1);
    expect(s(50)).toBeCloseTo(0.5, 12);
    expect(s(77)).toBeCloseTo(0.2, 12);
    expect(s(95)).toBe(0);
    expect(s(100)).toBe(0);
  });
  it('range: a cohort without spread (H = L = 3) gives 1 below L only', () => {
    const stats = q(range, [3, 3, 3]);
    expect([2, 3, 4].map((x) => normalise(range, x, stats, 0, 'lower'))).toEqual([1, 0, 0]);
  });
  it('fixed: s = (hi − x) ÷ (hi − lo), clamped (0 → 50)', () => {
    const fixed = { kind: 'fixed', lo: 0, hi: 50 } as const;
    expect(normalise(fixed, 10, none, 0, 'lower')).toBeCloseTo(0.8, 12);
    expect(normalise(fixed, -5, none, 0, 'lower')).toBe(1);
    expect(normalise(fixed, 60, none, 0, 'lower')).toBe(0);
    expect(normalise(fixed, 10, none)).toBeCloseTo(0.2, 12); // the same value, higher is better
  });
  it('steps: the s of the first threshold ≥ x, 0 above the last', () => {
    const down: Indicator['method'] = { kind: 'steps', steps: [{ at: 0, s: 1 }, { at: 2, s: 0.5 }, { at: 5, s: 0.2 }] };
    expect([0, 1, 2, 3, 5, 6].map((x) => normalise(down, x, none, 0, 'lower'))).toEqual([1, 0.5, 0.5, 0.2, 0.2, 0]);
  });
  it('the model rejects a reverse benchmark at a high quantile (p > 0.5) and accepts p = 0.05', () => {
    const withDirection = (p: number) => ({
      ...model,
      indicators: model.indicators.map((ind, k) => (k === 0 ? { ...ind, direction: 'lower', method: { kind: 'benchmark', p } } : ind)),
    });
    const bad = parseModel(withDirection(0.95), 'model.json');
    expect('errors' in bad && bad.errors).toEqual(['model.json: indicators.0.method.p: a reverse indicator’s benchmark is a low value: p must be at most 0.5 (e.g. 0.05, the level of the best 5 %)']);
    expect('model' in parseModel(withDirection(0.05), 'model.json')).toBe(true);
  });
});
