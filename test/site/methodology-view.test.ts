import { describe, expect, it } from 'vitest';
import { methodologyView } from '../../src/site/methodology-view.ts';
import type { PublishedCohort } from '../../src/publish/publish.ts';
import { smallModel } from './fixture.ts';

const cohort = (year: number, stage: string): PublishedCohort => ({ year, stage, size: 3, indicators: [], categoryMeans: [] });
const view = methodologyView('en', smallModel, [2021, 2022], (year, stage) => (year === 2022 ? cohort(year, stage) : undefined));

describe('methodologyView', () => {
  it('lists the stages in model order with their rules in words', () => {
    expect(view.stageRows).toEqual([
      { order: 1, id: 'startup', name: 'Start-up', rule: 'age ≤ 3 years', description: '' },
      { order: 2, id: 'mature', name: 'Mature', rule: 'all other enterprises', description: '' },
    ]);
  });

  it('counts each category’s indicators and adds up its points in every stage', () => {
    // inno = a1 + a2: startup 60 + 20, mature 30 + 30; fin = b1: 20, 40.
    expect(view.categoryRows).toEqual([
      { name: 'Innovation', count: 2, points: [80, 60] },
      { name: 'Finance', count: 1, points: [20, 40] },
    ]);
  });

  it('describes each indicator’s category, unit, value and method', () => {
    expect(view.indicatorRows[0]).toMatchObject({
      category: 'Innovation',
      unit: 'CNY 10,000',
      value: 'Reported: R&D expense',
      method: 'Benchmark: s = x ÷ Q0.95, at most 1',
    });
    expect(view.indicatorRows.map((r) => r.category)).toEqual(['Innovation', 'Innovation', 'Finance']);
  });

  it('names a column the model declares by the model’s name, in each language', () => {
    const model = {
      ...smallModel,
      columns: [{ id: 'env_fines', name: { zh: '环保罚款', en: 'Environmental fines' }, unit: 'wan_yuan' as const, public: false }],
      indicators: smallModel.indicators.map((ind, k) => (k === 2 ? { ...ind, value: { kind: 'column' as const, column: 'env_fines' } } : ind)),
    };
    const text = (lang: 'zh' | 'en') => methodologyView(lang, model, [2022], () => undefined).indicatorRows.map((r) => r.value);
    expect(text('en')).toEqual(['Reported: R&D expense', expect.any(String), 'Reported: Environmental fines']);
    expect(text('zh')[2]).toBe('填报值：环保罚款');
  });

  it('names the indicators of each method and of each special rule', () => {
    expect(view.methods.map((m) => [m.kind, m.users])).toEqual([
      ['benchmark', ['R&D expense', 'Revenue']],
      ['range', ['R&D growth']],
      ['fixed', []],
      ['steps', []],
    ]);
    // No benchmark states zero_benchmark, so both follow the model 1.0 rule; a2 imputes the median.
    expect(view.zeroBenchmark).toEqual({ positive: '', full: 'R&D expense, Revenue' });
    expect(view.withoutBase).toEqual({ impute: 'R&D growth', full: '' });
    expect(view.publicNames).toEqual(['R&D expense', 'R&D growth']);
    expect(view.privateNames).toEqual(['Revenue']);
    expect(view.deductionName).toBe('serious violations');
  });

  it('gives every year’s stage cohorts, newest year first', () => {
    expect(view.benchmarkYears.map((y) => y.year)).toEqual([2022, 2021]);
    expect(view.benchmarkYears[0]!.cohorts.map((c) => [c.stageId, c.stageName, c.cohort?.size])).toEqual([
      ['startup', 'Start-up', 3],
      ['mature', 'Mature', 3],
    ]);
    expect(view.benchmarkYears[1]!.cohorts.every((c) => c.cohort === undefined)).toBe(true);
  });

  it('heads every section and titles the page', () => {
    expect(view.sections.map((s) => s.id)).toEqual(Object.keys(view.heading));
    expect(view.heading.scheme).toBe('The Enterprise Innovation Points System');
    expect(view.title).toBe('Methodology');
    expect(view.crumbs).toEqual([{ label: 'Home', path: '/' }, { label: 'Methodology' }]);
  });
});
