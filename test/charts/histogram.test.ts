import { describe, expect, it } from 'vitest';
import { layoutHistogram } from '../../src/charts/histogram.ts';

// Default size 640 × 320 with margins top 24, right 16, bottom 44, left 52:
// the plot spans x 52 → 624 (572 wide) and y 24 → 276 (252 high).
const base = { title: 'Scores', description: 'Distribution of scores' };

describe('layoutHistogram', () => {
  const model = layoutHistogram({
    ...base,
    values: [10, 20, 60, 999, 1000, 1000.5, -1, Number.NaN],
    highlight: 60,
    markers: [{ value: 500, label: 'Median' }],
  });

  it('bins the 0–1000 scale in 20 bins of 50, the last one closed', () => {
    expect(model.bins).toHaveLength(20);
    expect(model.bins[0]).toMatchObject({ x0: 0, x1: 50, count: 2, label: '0–50' });
    expect(model.bins[1]).toMatchObject({ x0: 50, x1: 100, count: 1 });
    expect(model.bins[19]).toMatchObject({ x0: 950, x1: 1000, count: 2 });
  });

  it('ignores values outside the domain and non-finite values', () => {
    expect(model.total).toBe(5);
    expect(model.maxCount).toBe(2);
  });

  it('places bars on the scales', () => {
    // x(50) = 52 + 572 × 0.05 = 80.6; bar inset by 0.5 on each side.
    expect(model.bins[0]).toMatchObject({ x: 52.5, width: 27.6, y: 24, height: 252 });
    // y(1) = 276 − 252 / 2 = 150.
    expect(model.bins[1]).toMatchObject({ y: 150, height: 126 });
  });

  it('takes ticks from the scales, whole numbers only for counts', () => {
    expect(model.xTicks.map((t) => t.value)).toEqual([0, 100, 200, 300, 400, 500, 600, 700, 800, 900, 1000]);
    expect(model.xTicks[1]).toEqual({ value: 100, position: 109.2, label: '100' });
    expect(model.yTicks.map((t) => t.value)).toEqual([0, 1, 2]);
    expect(model.yTicks[1]?.position).toBe(150);
  });

  it('highlights the bin of the given value and places markers', () => {
    expect(model.bins.filter((b) => b.highlighted).map((b) => b.x0)).toEqual([50]);
    expect(model.markers[0]).toMatchObject({ x: 338, y1: 276, y2: 24, anchor: 'start', labelX: 342, labelY: 36 });
    const late = layoutHistogram({ ...base, values: [], markers: [{ value: 0, label: 'a' }, { value: 900, label: 'b' }] });
    // x(900) = 566.8 is beyond three quarters of the plot (481): the label goes left.
    expect(late.markers[1]).toMatchObject({ anchor: 'end', labelX: 562.8, labelY: 52 });
  });

  it('highlights the last bin for the maximum score', () => {
    const top = layoutHistogram({ ...base, values: [1000], highlight: 1000 });
    expect(top.bins.findIndex((b) => b.highlighted)).toBe(19);
  });

  it('uses given thresholds, dropping those on or outside the domain', () => {
    const custom = layoutHistogram({ ...base, values: [0, 299, 300, 800], thresholds: [0, 300, 600, 1000, 1200] });
    expect(custom.bins.map((b) => [b.x0, b.x1, b.count])).toEqual([
      [0, 300, 2],
      [300, 600, 1],
      [600, 1000, 1],
    ]);
  });

  it('formats labels with the given formatter and copes with no data', () => {
    const empty = layoutHistogram({ ...base, values: [], formatX: (n) => `${n} pts` });
    expect(empty.total).toBe(0);
    expect(empty.bins[0]?.label).toBe('0 pts–50 pts');
    expect(empty.yTicks.map((t) => t.value)).toEqual([0, 1]);
    expect(empty.viewBox).toBe('0 0 640 320');
  });
});
