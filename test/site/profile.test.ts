import { describe, expect, it } from 'vitest';
import {
  cohortPosition,
  describeBenchmark,
  describeMethod,
  describeStageRule,
  describeValue,
  formatIndicatorValue,
  selectStrengthsAndWeaknesses,
  topPercent,
} from '../../src/site/profile.ts';

describe('selectStrengthsAndWeaknesses', () => {
  // Band codes: 0 na, 1 top10, 2 top25, 3 top50, 4 lower50 (publish.ts).
  const weights = [90, 50, 90, 80, 90, 50];

  it('picks strengths from the top 10 % and 10–25 % bands, best band first, then by points available', () => {
    const { strengths } = selectStrengthsAndWeaknesses('213124', weights);
    // top10: indexes 1 (50) and 3 (80) → 3 before 1; then top25: 0 (90) and 4 (90) → 0 first.
    expect(strengths).toEqual([
      { index: 3, code: 1 },
      { index: 1, code: 1 },
      { index: 0, code: 2 },
    ]);
  });

  it('picks weaknesses from the lower half first, then unreported, each by points available', () => {
    const { weaknesses } = selectStrengthsAndWeaknesses('403430', weights);
    // lower50: 0 (90), 3 (80) → 0, 3; then na: 1 (50), 5 (50) → 1 by model order.
    expect(weaknesses).toEqual([
      { index: 0, code: 4 },
      { index: 3, code: 4 },
      { index: 1, code: 0 },
    ]);
  });

  it('never counts the 25–50 % band either way', () => {
    expect(selectStrengthsAndWeaknesses('333333', weights)).toEqual({ strengths: [], weaknesses: [] });
  });

  it('leaves out indicators worth no points in the stage, and public indicators earning nothing', () => {
    const { strengths, weaknesses } = selectStrengthsAndWeaknesses('1114', [0, 10, 10, 0], [false, true, false, false]);
    // 0 and 3 are worth no points; 1 is a public indicator at zero (a tie at zero in an all-zero cohort).
    expect(strengths).toEqual([{ index: 2, code: 1 }]);
    expect(weaknesses).toEqual([]);
  });
});

describe('topPercent and cohortPosition', () => {
  it('rounds the share up to one decimal so it never flatters', () => {
    expect(topPercent(1, 3000)).toBe(0.1);
    expect(topPercent(1, 3)).toBe(33.4);
    expect(topPercent(25, 100)).toBe(25);
    expect(topPercent(3, 3)).toBe(100);
  });

  it('says "top" for the upper half and "bottom" below it', () => {
    expect(cohortPosition(10, 100)).toEqual({ side: 'top', percent: 10 });
    expect(cohortPosition(50, 100)).toEqual({ side: 'top', percent: 50 });
    expect(cohortPosition(51, 100)).toEqual({ side: 'bottom', percent: 50 });
    expect(cohortPosition(2918, 2919)).toEqual({ side: 'bottom', percent: 0.1 });
    expect(cohortPosition(1, 1)).toEqual({ side: 'bottom', percent: 100 });
  });
});

describe('model descriptions', () => {
  const benchmark = { method: { kind: 'benchmark' as const, p: 0.95 }, unit: 'wan_yuan' as const };
  const range = { method: { kind: 'range' as const, lo: 0.05, hi: 0.95 }, unit: 'percent' as const };
  const fixed = { method: { kind: 'fixed' as const, lo: 0, hi: 10 }, unit: 'percent' as const };
  const steps = {
    method: {
      kind: 'steps' as const,
      steps: [
        { at: 1, s: 0.6 },
        { at: 2, s: 0.8 },
        { at: 3, s: 1 },
      ],
    },
    unit: 'count' as const,
  };

  it('describes each method with its parameters', () => {
    expect(describeMethod('zh', benchmark)).toBe('基准法：s = x ÷ Q0.95，最高为 1');
    expect(describeMethod('en', range)).toBe('Range: s = (x − Q0.05) ÷ (Q0.95 − Q0.05), kept between 0 and 1');
    expect(describeMethod('en', fixed)).toBe('Fixed range: linear from 0% to 10%; 10% or more scores in full');
    expect(describeMethod('en', steps)).toBe('Steps: ≥ 1 → 0.6; ≥ 2 → 0.8; ≥ 3 → 1.0');
  });

  it('formats benchmarks in the indicator unit, and says when they are withheld or absent', () => {
    expect(describeBenchmark('zh', benchmark, { '0.95': 12345.6 })).toEqual({
      text: 'Q0.95 = 1.23 亿元',
      parts: ['Q0.95 = 1.23 亿元'],
      kind: 'values',
    });
    expect(describeBenchmark('en', range, { '0.05': -12.34, '0.95': 45 }).text).toBe('Q0.05 = -12.3%; Q0.95 = 45.0%');
    expect(describeBenchmark('zh', benchmark, null)).toEqual({ text: '样本不足，不公开', parts: ['样本不足，不公开'], kind: 'withheld' });
    expect(describeBenchmark('en', benchmark, {}).kind).toBe('none');
    expect(describeBenchmark('en', fixed, null).kind).toBe('fixed');
  });

  it('formats raw values by unit', () => {
    expect(formatIndicatorValue('zh', 3, 'count')).toBe('3');
    expect(formatIndicatorValue('en', 12.345, 'percent')).toBe('12.3%');
    expect(formatIndicatorValue('zh', 500, 'wan_yuan')).toBe('500 万元');
  });

  it('spells out derived values with their zero-denominator rule', () => {
    const label = (c: string) => `[${c}]`;
    expect(describeValue('en', { kind: 'column', column: 'pct_apps' }, label)).toBe('Reported: [pct_apps]');
    expect(
      describeValue('en', { kind: 'ratio', numerator: 'net_profit', denominator: 'net_assets', nonpositive_denominator: 'blank' }, label),
    ).toBe('[net_profit] ÷ [net_assets] × 100%; if [net_assets] ≤ 0: blank (s = 0)');
    expect(describeValue('zh', { kind: 'growth', current: 'revenue', previous: 'revenue_prev' }, label)).toContain('[revenue_prev] ≤ 0 时');
  });

  it('writes stage rules from their bounds; an empty rule is the catch-all', () => {
    expect(describeStageRule('zh', { age: { max: 3 } })).toBe('成立年限 ≤ 3 年');
    expect(describeStageRule('en', { age: { min: 4, max: 10 } })).toBe('age ≥ 4 years and age ≤ 10 years');
    expect(describeStageRule('en', { revenue: { min: 20000 } })).toBe('revenue ≥ CNY 200.00 m');
    expect(describeStageRule('en', {})).toBe('all other enterprises');
  });
});
