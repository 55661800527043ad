import { describe, expect, it } from 'vitest';
import { layoutLine } from '../../src/charts/line.ts';

// Default 640 × 280 with margins top 20, right 24, bottom 36, left 56:
// plot x 56 → 616 (560 wide), y 20 → 244 (224 high).
// Three years on a point scale with padding 0.5: step 560 / 3, first year at 56 + step / 2.
const base = { title: 'Score by year', description: 'Score 2021–2023' };

describe('layoutLine', () => {
  it('places years evenly with one tick each', () => {
    const model = layoutLine({
      ...base,
      series: [{ key: 'score', label: 'Score', points: [{ x: 2023, y: 700 }, { x: 2021, y: 500 }, { x: 2022, y: 600 }] }],
      yDomain: [0, 1000],
    });
    expect(model.xTicks).toEqual([
      { value: 2021, position: 149.33, label: '2021' },
      { value: 2022, position: 336, label: '2022' },
      { value: 2023, position: 522.67, label: '2023' },
    ]);
    // y(500) = 244 − 224 / 2 = 132; y(700) = 244 − 224 × 0.7 = 87.2.
    expect(model.series[0]?.points.map((p) => [p.xValue, p.x, p.y])).toEqual([
      [2021, 149.33, 132],
      [2022, 336, 109.6],
      [2023, 522.67, 87.2],
    ]);
    expect(model.series[0]?.path).toBe('M149.33,132L336,109.6L522.67,87.2');
    expect(model.yTicks.map((t) => t.value)).toEqual([0, 200, 400, 600, 800, 1000]);
  });

  it('puts rank 1 at the top when inverted', () => {
    const model = layoutLine({
      ...base,
      invertY: true,
      series: [{ key: 'rank', label: 'Rank', points: [{ x: 2021, y: 5 }, { x: 2022, y: 3 }, { x: 2023, y: null }] }],
    });
    expect(model.yTicks.map((t) => [t.value, t.position])).toEqual([
      [1, 20],
      [2, 76],
      [3, 132],
      [4, 188],
      [5, 244],
    ]);
    expect(model.series[0]?.points.map((p) => p.y)).toEqual([244, 132]);
  });

  it('breaks the line where a year has no value', () => {
    const model = layoutLine({
      ...base,
      series: [{ key: 's', label: 'S', points: [{ x: 2021, y: 10 }, { x: 2022, y: null }, { x: 2023, y: 10 }] }],
      yDomain: [0, 20],
    });
    expect(model.series[0]?.path.match(/M/g)).toHaveLength(2);
    expect(model.series[0]?.points).toHaveLength(2);
  });

  it('centres a single year', () => {
    const model = layoutLine({ ...base, series: [{ key: 's', label: 'S', points: [{ x: 2023, y: 400 }] }] });
    expect(model.xTicks[0]?.position).toBe(336);
  });
});
