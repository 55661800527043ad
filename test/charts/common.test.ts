import { describe, expect, it } from 'vitest';
import { baseline, gridLines, plotEdges, tickAnchor, ticksAt } from '../../src/charts/common.ts';

// A plot from (16, 8), 528 wide and 144 high: bottom 152, right 544.
const plot = { x: 16, y: 8, width: 528, height: 144 };

describe('shared axis pieces', () => {
  it('places ticks by the scale, rounded to 2 decimals, with their labels', () => {
    const scale = (v: number) => 16 + (v / 3) * 100;
    expect(ticksAt([0, 1, 3], scale, (v) => `${v} pts`)).toEqual([
      { value: 0, position: 16, label: '0 pts' },
      { value: 1, position: 49.33, label: '1 pts' },
      { value: 3, position: 116, label: '3 pts' },
    ]);
    // A point scale off its domain places nothing: the fallback stands in.
    expect(ticksAt([2020], () => undefined, String, 56)).toEqual([{ value: 2020, position: 56, label: '2020' }]);
  });

  it('draws grid lines across the plot: vertical at x ticks, horizontal at y ticks', () => {
    expect(plotEdges(plot)).toEqual({ bottom: 152, right: 544 });
    const ticks = [{ value: 0, position: 16, label: '0' }, { value: 100, position: 148, label: '100' }];
    expect(gridLines(plot, ticks, 'x')).toEqual([
      { x1: 16, x2: 16, y1: 8, y2: 152 },
      { x1: 148, x2: 148, y1: 8, y2: 152 },
    ]);
    expect(gridLines(plot, [{ value: 5, position: 80, label: '5' }], 'y')).toEqual([{ x1: 16, x2: 544, y1: 80, y2: 80 }]);
    expect(baseline(plot)).toEqual({ x1: 16, x2: 544, y1: 152, y2: 152 });
  });

  it('anchors the end labels to the plot edges only when asked', () => {
    expect([0, 1, 2, 3].map((i) => tickAnchor(i, 4, true))).toEqual(['start', 'middle', 'middle', 'end']);
    expect([0, 1, 2].map((i) => tickAnchor(i, 3, false))).toEqual(['middle', 'middle', 'middle']);
    expect(tickAnchor(0, 1, true)).toBe('start');
  });
});
