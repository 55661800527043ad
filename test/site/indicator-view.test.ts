import { describe, expect, it } from 'vitest';
import { indicatorView, methodText, type IndicatorPage, type IndicatorSource } from '../../src/site/indicator-view.ts';
import type { Indicator, Model } from '../../src/ingest/model.ts';
import { publishedRow, smallModel } from './fixture.ts';

const source: IndicatorSource = {
  model: smallModel,
  parkName: (lang, code) => `${lang}:park ${code}`,
  stageName: (lang, id) => `${lang}:${id}`,
};
// a1 (R&D expense, 万元): a start-up reporting 300 万元, a mature firm without an English name
// whose value is unbounded, and a start-up that reported nothing.
const page: IndicatorPage = {
  year: 2023,
  k: 0,
  top: [
    { row: publishedRow({ id: 'A', stage: 'startup', publicValues: [300, 12.5, null] }), rank: 1, points: 60, s: 1 },
    { row: publishedRow({ id: 'B', stage: 'mature', nameEn: '', name: '乙公司', publicValues: [null, 1, null], states: 'uvp' }), rank: 2, points: 15, s: 0.5 },
    { row: publishedRow({ id: 'C', stage: 'startup', publicValues: [null, null, null], states: 'nnp' }), rank: 3, points: 0, s: 0 },
  ],
  total: 40,
  limit: 100,
};
const withIndicator = (k: number, over: Partial<Indicator>): Model => ({ ...smallModel, indicators: smallModel.indicators.map((ind, i) => (i === k ? ({ ...ind, ...over } as Indicator) : ind)) });

describe('indicatorView', () => {
  const view = indicatorView('en', page, source);

  it('names the list and its indicator', () => {
    expect([view.indicator.id, view.name, view.yearText, view.reverse]).toEqual(['a1', 'R&D expense', '2023', false]);
    expect(view.title).toBe('Single-indicator ranking 2023: R&D expense');
    expect(view.caption).toBe('Top 100 on “R&D expense” in 2023');
    expect([view.shown, view.total]).toEqual([3, 40]);
  });

  it('gives the category with each stage’s maximum, or one maximum said once', () => {
    expect(view.about).toBe('Category: Innovation. Maximum points by development stage: en:startup 60, en:mature 30.');
    const same = indicatorView('en', page, { ...source, model: withIndicator(0, { weights: { startup: 50, mature: 50 } }) });
    expect(same.about).toBe('Category: Innovation. The maximum is 50 points in every development stage.');
  });

  it('lists each firm with its names, maximum points in its stage and reported value', () => {
    expect(view.rows.map((r) => [r.row.id, r.rank, r.name, r.park, r.stage, r.max, r.value])).toEqual([
      ['A', 1, 'Jia Co.', 'en:park p1', 'en:startup', 60, 'CNY 3.00 m'],
      ['B', 2, '乙公司', 'en:park p1', 'en:mature', 30, 'Unbounded (zero denominator)'],
      ['C', 3, 'Jia Co.', 'en:park p1', 'en:startup', 60, 'Not reported'],
    ]);
  });

  it('links the other public indicators, marking this one', () => {
    expect(view.siblings).toEqual([
      { id: 'a1', name: 'R&D expense', current: true },
      { id: 'a2', name: 'R&D growth', current: false },
    ]);
  });

  it('knows a reverse indicator', () => {
    expect(indicatorView('en', page, { ...source, model: withIndicator(0, { direction: 'lower' }) }).reverse).toBe(true);
  });
});

describe('methodText', () => {
  const a2 = smallModel.indicators[1]!;

  it('says each method in words, thresholds in the indicator’s unit', () => {
    expect(methodText('en', smallModel.indicators[0]!)).toBe(
      'Method: the benchmark is percentile 95 of enterprises of the same year and development stage; reaching it earns full points, values below earn a proportional share.',
    );
    expect(methodText('en', a2)).toBe('Method: points follow the value’s position between percentile 5 and percentile 95 of enterprises of the same year and development stage.');
    expect(methodText('en', { ...a2, method: { kind: 'fixed', lo: 5, hi: 20 } })).toBe('Method: values between 5% and 20% earn a proportional share; 20% or more earns full points.');
    const steps = { ...a2, method: { kind: 'steps', steps: [{ at: 10, s: 0.5 }, { at: 20, s: 1 }] } } as Indicator;
    expect(methodText('en', steps)).toBe('Method: points by steps — 10% or more: 50% of full points, 20% or more: 100% of full points.');
  });
});
