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
} from '../../src/data/profile.ts';

describe('selectStrengthsAndWeaknesses', () => {
  const weights = [90, 50, 90, 80, 90, 50];

  it('picks the largest gaps above and below the stage median, three each at most', () => {
    const s = [0.9, 0.1, 0.5, 0.2, 1, 0.3];
    const median = [0.2, 0.6, 0.4, 0.3, 0.5, 0.3];
    const { strengths, weaknesses } = selectStrengthsAndWeaknesses(s, median, weights);
    expect(strengths.map((g) => g.index)).toEqual([0, 4, 2]);
    expect(strengths[0]!.gap).toBeCloseTo(0.7);
    expect(weaknesses.map((g) => g.index)).toEqual([1, 3]);
    expect(weaknesses[0]!.gap).toBeCloseTo(-0.5);
  });

  it('ignores indicators where the firm and the median are both at zero', () => {
    const s = [0, 0, 0.4, 0, 0, 0];
    const median = [0, 0, 0, 0.1, 0, 0];
    const { strengths, weaknesses } = selectStrengthsAndWeaknesses(s, median, weights);
    expect(strengths.map((g) => g.index)).toEqual([2]);
    expect(weaknesses.map((g) => g.index)).toEqual([3]);
  });

  it('lists no strengths for a firm at or below the median everywhere', () => {
    const { strengths, weaknesses } = selectStrengthsAndWeaknesses([0.5, 0.2], [0.5, 0.4], [10, 10]);
    expect(strengths).toEqual([]);
    expect(weaknesses.map((g) => g.index)).toEqual([1]);
  });

  it('breaks equal gaps by points available, then by model order', () => {
    const s = [0.5, 0.5, 0.5, 0.5];
    const median = [0.25, 0.25, 0.25, 0.25];
    const { strengths } = selectStrengthsAndWeaknesses(s, median, [30, 80, 30, 80], 4);
    expect(strengths.map((g) => g.index)).toEqual([1, 3, 0, 2]);
  });

  it('does not let float noise decide the order of equal published gaps', () => {
    // 0.3 − 0.1 and 0.7 − 0.5 differ in binary but are both 0.2 to 4 decimals.
    const { strengths } = selectStrengthsAndWeaknesses([0.3, 0.7], [0.1, 0.5], [10, 10]);
    expect(strengths.map((g) => g.index)).toEqual([0, 1]);
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
