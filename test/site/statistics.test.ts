import { describe, expect, it } from 'vitest';
import { summariseRows } from '../../src/site/score-summary.ts';
import { stagePointsOf } from '../../src/site/stage-points.ts';
import { publishedRow, smallModel } from './fixture.ts';

describe('summariseRows', () => {
  it('gives type-7 quartiles, the mean, the maximum and every stage’s count', () => {
    const rows = [10, 40, 20, 30].map((score, i) => publishedRow({ id: `R${i}`, score, stage: i === 0 ? 'mature' : 'startup' }));
    const s = summariseRows(rows, smallModel.stages);
    // Sorted 10 20 30 40: median h = 1.5 → 25; q1 h = 0.75 → 17.5; q3 h = 2.25 → 32.5.
    expect(s).toEqual({
      count: 4,
      stageCounts: { startup: 3, mature: 1 },
      median: 25,
      q1: 17.5,
      q3: 32.5,
      mean: 25,
      max: 40,
      scores: [10, 20, 30, 40],
    });
  });

  it('gives zeros, and every stage at 0, for no rows', () => {
    expect(summariseRows([], smallModel.stages)).toEqual({
      count: 0,
      stageCounts: { startup: 0, mature: 0 },
      median: 0,
      q1: 0,
      q3: 0,
      mean: 0,
      max: 0,
      scores: [],
    });
  });
});

describe('stagePointsOf', () => {
  it('adds the weights per category and splits them into public and private points', () => {
    expect(stagePointsOf(smallModel, 'startup')).toEqual({ indicators: [60, 20, 20], categories: [80, 20], total: 100, publicTotal: 80, privateTotal: 20 });
    expect(stagePointsOf(smallModel, 'mature')).toEqual({ indicators: [30, 30, 40], categories: [60, 40], total: 100, publicTotal: 60, privateTotal: 40 });
  });
});
