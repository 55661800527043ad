import { describe, expect, it } from 'vitest';
import {
  formatMoneyWan,
  formatNumber,
  formatPercent,
  formatRank,
  formatRankChange,
  formatReportedValue,
  formatScore,
  formatScoreChange,
  formatShare,
  formatYearMonth,
  roundHalfAwayFromZero,
} from '../../src/i18n/format.ts';

describe('roundHalfAwayFromZero', () => {
  it('rounds halves away from zero on the decimal value', () => {
    expect(roundHalfAwayFromZero(1.005, 2)).toBe(1.01);
    expect(roundHalfAwayFromZero(-1.005, 2)).toBe(-1.01);
    expect(roundHalfAwayFromZero(2.5, 0)).toBe(3);
    expect(roundHalfAwayFromZero(-2.5, 0)).toBe(-3);
    expect(Object.is(roundHalfAwayFromZero(-0.001, 2), 0)).toBe(true);
  });
});

describe('formatNumber', () => {
  it('groups thousands with commas in both languages', () => {
    expect(formatNumber('zh', 1234567)).toBe('1,234,567');
    expect(formatNumber('en', 1234567.891, 2)).toBe('1,234,567.89');
  });

  it('trims trailing zeros when no digits are given', () => {
    expect(formatNumber('zh', 1234.5)).toBe('1,234.5');
    expect(formatNumber('zh', 3)).toBe('3');
    expect(formatNumber('en', 0.125)).toBe('0.13');
  });

  it('keeps exactly the requested decimals', () => {
    expect(formatNumber('en', 3, 2)).toBe('3.00');
    expect(formatNumber('en', 999.995, 2)).toBe('1,000.00');
  });

  it('writes negatives with a minus and never "-0"', () => {
    expect(formatNumber('zh', -1234.5, 1)).toBe('-1,234.5');
    expect(formatNumber('zh', -0.004, 2)).toBe('0.00');
  });

  it('shows a dash for non-finite numbers', () => {
    expect(formatNumber('zh', Number.NaN)).toBe('—');
  });
});

describe('formatScore and percentages', () => {
  it('shows scores with two decimals', () => {
    expect(formatScore('zh', 512.3)).toBe('512.30');
    expect(formatScore('en', 1000)).toBe('1,000.00');
  });

  it('formats percent values and fractions', () => {
    expect(formatPercent('zh', 12.345, 1)).toBe('12.3%');
    expect(formatPercent('en', 12.35, 1)).toBe('12.4%');
    expect(formatPercent('en', 7, 0)).toBe('7%');
    expect(formatShare('zh', 0.125)).toBe('12.5%');
    expect(formatShare('zh', 0.5, 0)).toBe('50%');
  });
});

describe('formatMoneyWan', () => {
  it('uses 万元 below 10,000 万元 and 亿元 from there in Chinese', () => {
    expect(formatMoneyWan('zh', 1234.5)).toBe('1,234.5 万元');
    expect(formatMoneyWan('zh', 9999)).toBe('9,999 万元');
    expect(formatMoneyWan('zh', 10000)).toBe('1.00 亿元');
    expect(formatMoneyWan('zh', 123456)).toBe('12.35 亿元');
  });

  it('converts to CNY millions and billions in English (1 万元 = CNY 10,000)', () => {
    expect(formatMoneyWan('en', 1234.5)).toBe('CNY 12.35 m');
    expect(formatMoneyWan('en', 123500)).toBe('CNY 1.24 bn');
    expect(formatMoneyWan('en', 100)).toBe('CNY 1.00 m');
    expect(formatMoneyWan('en', 5)).toBe('CNY 50,000');
  });

  it('keeps the sign of negative amounts', () => {
    expect(formatMoneyWan('zh', -20000)).toBe('-2.00 亿元');
    expect(formatMoneyWan('en', -250)).toBe('CNY -2.50 m');
  });
});

describe('formatReportedValue', () => {
  it('converts reported money sensibly', () => {
    expect(formatReportedValue('zh', 12.5, '亿元')).toBe('12.5 亿元');
    expect(formatReportedValue('en', 12.5, '亿元')).toBe('CNY 1.25 bn');
    expect(formatReportedValue('en', 3, '亿元')).toBe('CNY 300 m');
    expect(formatReportedValue('zh', 0.5, '亿元')).toBe('5,000 万元');
    expect(formatReportedValue('zh', 3500, '万元')).toBe('3,500 万元');
    expect(formatReportedValue('en', 3500, '万元')).toBe('CNY 35 m');
    expect(formatReportedValue('zh', 50000, '万元')).toBe('5 亿元');
  });

  it('names counts in English, with singular for one', () => {
    expect(formatReportedValue('zh', 1280, '家')).toBe('1,280 家');
    expect(formatReportedValue('en', 1280, '家')).toBe('1,280 firms');
    expect(formatReportedValue('en', 1, '家')).toBe('1 firm');
    expect(formatReportedValue('en', 18, '项')).toBe('18 indicators');
    expect(formatReportedValue('en', 356, '笔')).toBe('356 loans');
    expect(formatReportedValue('en', 12, '场')).toBe('12 events');
  });

  it('handles percentages and unknown units', () => {
    expect(formatReportedValue('en', 23.5, '%')).toBe('23.5%');
    expect(formatReportedValue('en', 4, '次')).toBe('4 次');
  });
});

describe('formatRankChange (current − previous rank)', () => {
  it('shows a negative change as moving up', () => {
    expect(formatRankChange('zh', -12)).toEqual({ text: '↑12', label: '上升 12 位', direction: 'up' });
    expect(formatRankChange('en', -12)).toEqual({ text: '↑12', label: 'up 12 places', direction: 'up' });
    expect(formatRankChange('en', -1).label).toBe('up 1 place');
  });

  it('shows a positive change as moving down', () => {
    expect(formatRankChange('zh', 3)).toEqual({ text: '↓3', label: '下降 3 位', direction: 'down' });
    expect(formatRankChange('en', 1234).text).toBe('↓1,234');
    expect(formatRankChange('en', 1).label).toBe('down 1 place');
  });

  it('distinguishes unchanged from no previous year', () => {
    expect(formatRankChange('zh', 0)).toEqual({ text: '=', label: '排名不变', direction: 'same' });
    expect(formatRankChange('zh', null)).toEqual({ text: '新', label: '无上年数据', direction: 'none' });
    expect(formatRankChange('en', null).text).toBe('new');
    expect(formatRankChange('en', undefined).direction).toBe('none');
  });
});

describe('formatScoreChange', () => {
  it('signs the change and rounds to two decimals', () => {
    expect(formatScoreChange('zh', 12.345)).toEqual({
      text: '+12.35',
      label: '较上年增加 12.35 分',
      direction: 'up',
    });
    expect(formatScoreChange('en', -3)).toEqual({
      text: '-3.00',
      label: 'down 3.00 points on the previous year',
      direction: 'down',
    });
    expect(formatScoreChange('en', 0.001).direction).toBe('same');
    expect(formatScoreChange('zh', null).text).toBe('新');
  });
});

describe('ranks and dates', () => {
  it('formats a rank position', () => {
    expect(formatRank('zh', 3)).toBe('第 3 名');
    expect(formatRank('en', 1200)).toBe('No. 1,200');
  });

  it('formats YYYY and YYYY-MM', () => {
    expect(formatYearMonth('zh', '2023-07')).toBe('2023年7月');
    expect(formatYearMonth('en', '2023-07')).toBe('July 2023');
    expect(formatYearMonth('zh', '2024')).toBe('2024年');
    expect(formatYearMonth('en', '2024')).toBe('2024');
    expect(formatYearMonth('en', 'soon')).toBe('soon');
  });
});

describe('formatDate', () => {
  it('writes a YYYY-MM-DD date the way each language reads it', async () => {
    const { formatDate } = await import('../../src/i18n/format.ts');
    expect(formatDate('zh', '2023-12-31')).toBe('2023年12月31日');
    expect(formatDate('en', '2024-03-05')).toBe('5 March 2024');
    expect(formatDate('en', '2024-13-05')).toBe('2024-13-05');
    expect(formatDate('zh', 'soon')).toBe('soon');
  });
});
