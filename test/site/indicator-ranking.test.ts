import { describe, expect, it } from 'vitest';
import { rankRowsByIndicator } from '../../src/site/indicator-ranking.ts';

const row = (id: string, s: number | null, value: number | null, score: number, points = 0) => ({ id, score, s: [s], points: [points], publicValues: [value] });

describe('rankRowsByIndicator', () => {
  it('ranks by s, then by the reported value, with competition ranks on the pair', () => {
    const ranked = rankRowsByIndicator(
      [
        row('A', 1, 3, 500), // full marks with 3
        row('B', 1, 9, 400), // full marks with 9: first despite the lower score
        row('C', 0.6, 1, 900),
        row('D', 1, 3, 700), // ties with A on s and value: shares rank 2, listed first (higher score)
        row('E', 0, null, 800), // blank: last
        row('F', 0, 0, 100),
      ],
      0,
    );
    expect(ranked.map((r) => [r.row.id, r.rank])).toEqual([
      ['B', 1],
      ['D', 2],
      ['A', 2],
      ['C', 4],
      ['F', 5],
      ['E', 6],
    ]);
  });

  it('compares stages by s, not by points whose maxima differ', () => {
    // 40 points of 50 (s 0.8) ranks below 45 points of 45 (s 1).
    const ranked = rankRowsByIndicator([row('A', 0.8, 4, 10, 40), row('B', 1, 2, 10, 45)], 0);
    expect(ranked.map((r) => [r.row.id, r.points, r.s])).toEqual([
      ['B', 45, 1],
      ['A', 40, 0.8],
    ]);
  });

  it('for a reverse indicator, puts the lower value first among equal s, a blank still last', () => {
    const ranked = rankRowsByIndicator([row('A', 1, 5, 10), row('B', 1, 2, 10), row('C', 1, null, 90), row('D', 0.5, 1, 10), row('E', 1, 2, 20)], 0, 'lower');
    expect(ranked.map((r) => [r.row.id, r.rank])).toEqual([
      ['E', 1],
      ['B', 1],
      ['A', 3],
      ['C', 4],
      ['D', 5],
    ]);
  });
});
