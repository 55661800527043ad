import { describe, expect, it } from 'vitest';
import { layoutRadar } from '../../src/charts/radar.ts';

// A 200 × 200 radar with radius 80: centre (100, 100); axis 0 up, then clockwise.
const axes = ['a', 'b', 'c', 'd'].map((key) => ({ key, label: key.toUpperCase() }));
const model = layoutRadar({
  axes,
  series: [
    { key: 'firm', label: 'This enterprise', values: [1, 0.5, null, 0.25] },
    { key: 'median', label: 'Stage median', values: [0.5, 0.5, 0.5, 0.5] },
  ],
  title: 'Profile',
  description: 'Share of points per category',
  width: 200,
  height: 200,
  radius: 80,
  formatValue: (s) => `${s * 100}%`,
});

describe('layoutRadar', () => {
  it('puts axis end points on the circle, clockwise from the top', () => {
    expect(model.axes.map((a) => [a.x, a.y])).toEqual([
      [100, 20],
      [180, 100],
      [100, 180],
      [20, 100],
    ]);
  });

  it('anchors labels outside the polygon', () => {
    expect(model.axes[0]).toMatchObject({ labelX: 100, labelY: 8, anchor: 'middle', baseline: 'auto' });
    expect(model.axes[1]).toMatchObject({ labelX: 192, labelY: 100, anchor: 'start', baseline: 'middle' });
    expect(model.axes[2]).toMatchObject({ anchor: 'middle', baseline: 'hanging' });
    expect(model.axes[3]).toMatchObject({ labelX: 8, anchor: 'end' });
  });

  it('draws each series as a closed polygon, missing values at the centre', () => {
    const firm = model.series[0];
    expect(firm?.points.map((p) => [p.x, p.y])).toEqual([
      [100, 20],
      [140, 100],
      [100, 100],
      [80, 100],
    ]);
    expect(firm?.points[2]?.value).toBeNull();
    expect(firm?.path).toBe('M100,20L140,100L100,100L80,100Z');
    expect(model.series[1]?.index).toBe(1);
  });

  it('draws grid rings with labels on the first axis', () => {
    expect(model.rings).toHaveLength(4);
    expect(model.rings[1]).toMatchObject({ level: 0.5, points: '100,60 140,100 100,140 60,100', labelY: 60, label: '50%' });
  });

  it('clamps values to [0, 1]', () => {
    const clamped = layoutRadar({ ...inputWith([2, -1, 0.5]), width: 200, height: 200, radius: 80 });
    expect(clamped.series[0]?.points[0]).toMatchObject({ x: 100, y: 20, value: 2 });
    // Axis 1 of 3 is at 120°: s = 0 sits at the centre.
    expect(clamped.series[0]?.points[1]).toMatchObject({ x: 100, y: 100 });
  });

  it('needs at least three axes', () => {
    expect(() => layoutRadar({ ...inputWith([1, 1]), axes: axes.slice(0, 2) })).toThrow(/3 axes/);
  });
});

function inputWith(values: number[]) {
  return {
    axes: axes.slice(0, values.length),
    series: [{ key: 's', label: 'S', values }],
    title: 't',
    description: 'd',
  };
}
