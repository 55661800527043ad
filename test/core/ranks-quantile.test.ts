/**
 * The one competition-rank rule (src/core/ranks.ts) and the one type-7 quantile
 * (src/core/quantile.ts), with expectations worked out by hand.
 */
import { describe, expect, it } from 'vitest';
import { competitionRank, competitionRanks, competitionRanksBy } from '../../src/core/ranks.ts';
import { quantileSorted, quantileUnsorted, quartilesSorted } from '../../src/core/quantile.ts';

describe('competition ranks', () => {
  it('gives tied neighbours the rank of the first of them and skips the places they fill', () => {
    expect(competitionRanks([900, 800, 800, 700])).toEqual([1, 2, 2, 4]);
    expect(competitionRanks([5, 5, 5])).toEqual([1, 1, 1]);
    expect(competitionRanks([3, 2, 2, 2, 1, 1])).toEqual([1, 2, 2, 2, 5, 5]);
    expect(competitionRanks([])).toEqual([]);
  });

  it('ranks the first item 1 whatever it is said to tie', () => {
    expect(competitionRank(1, true, 0)).toBe(1);
    expect(competitionRank(4, true, 2)).toBe(2);
    expect(competitionRank(4, false, 2)).toBe(4);
  });

  it('ties on any key the caller names (an indicator list ties on s and value, not on score)', () => {
    const rows = [
      { s: 1, v: 10 },
      { s: 1, v: 10 },
      { s: 1, v: 9 },
      { s: 0.5, v: 9 },
    ];
    expect(competitionRanksBy(rows, (a, b) => a.s === b.s && a.v === b.v)).toEqual([1, 1, 3, 4]);
  });
});

describe('type-7 quantile', () => {
  // 10, 20, 30, 40: h = 3p. p = 0.5 → h = 1.5 → 20 + 0.5 × 10 = 25; p = 0.25 → h = 0.75 → 17.5;
  // p = 0.75 → h = 2.25 → 32.5; p = 0.95 → h = 2.85 → 30 + 0.85 × 10 = 38.5; p = 1 → 40.
  const sorted = [10, 20, 30, 40];
  it.each([
    [0, 10],
    [0.25, 17.5],
    [0.5, 25],
    [0.75, 32.5],
    [0.95, 38.5],
    [1, 40],
  ])('Q(%s) of 10, 20, 30, 40 is %s, sorted or not', (p, q) => {
    expect(quantileSorted(sorted, p)).toBeCloseTo(q, 12);
    expect(quantileUnsorted(Float64Array.from([30, 10, 40, 20]), p)).toBeCloseTo(q, 12);
  });

  it('gives the same number for a list in any order, bit for bit', () => {
    const values = [7.3, -2, 0, 0, 15.25, 3, 3, 8.125, 100, -0.5, 42];
    const ascending = [...values].sort((a, b) => a - b);
    for (const p of [0, 0.1, 0.25, 0.5, 0.6, 0.75, 0.9, 0.95, 1]) {
      expect(Object.is(quantileUnsorted(Float64Array.from(values), p), quantileSorted(ascending, p))).toBe(true);
      expect(Object.is(quantileUnsorted(Float64Array.from(values.reverse()), p), quantileSorted(ascending, p))).toBe(true);
    }
  });

  it('is undefined for no values and the value itself for one', () => {
    expect(quantileSorted([], 0.5)).toBeUndefined();
    expect(quantileUnsorted(new Float64Array(0), 0.5)).toBeUndefined();
    expect(quantileUnsorted(Float64Array.from([4]), 0.95)).toBe(4);
    expect(quartilesSorted([])).toBeUndefined();
  });

  it('gives the quartiles at 0.25, 0.5 and 0.75', () => {
    expect(quartilesSorted(sorted)).toEqual({ q1: 17.5, median: 25, q3: 32.5 });
  });
});
