import { describe, expect, it } from 'vitest';
import { layoutBars, layoutStackedBars } from '../../src/charts/bars.ts';
import { SERIES_PALETTE } from '../../src/charts/common.ts';

// Width 640 with 16 on each side: the bars span x 16 → 624 (608 wide).
// Each row is a 20-high label line, a 16-high bar and a 12 gap (48); the plot starts at y 8.
const base = { title: 'Points by category', description: 'Points earned and available' };

describe('layoutBars', () => {
  const model = layoutBars({
    ...base,
    bars: [
      { key: 'tech', label: 'Technology', value: 412.3, max: 550 },
      { key: 'ops', label: 'Operations', value: 200, max: 330, highlighted: true },
      { key: 'aux', label: 'Supplementary', value: null, max: 170 },
    ],
  });

  it('scales to a nice maximum covering values and max', () => {
    // Largest of values and max is 550 → niced to 600.
    expect(model.xTicks.map((t) => t.value)).toEqual([0, 100, 200, 300, 400, 500, 600]);
    expect(model.xTicks[1]?.position).toBe(117.33);
  });

  it('lays out a bar and its track per row', () => {
    // 608 × 412.3 / 600 = 417.797…
    expect(model.rows[0]?.bar).toEqual({ x: 16, y: 28, width: 417.8, height: 16 });
    expect(model.rows[0]?.track).toEqual({ x: 16, y: 28, width: 557.33, height: 16 });
    expect(model.rows[0]?.labelY).toBe(23);
    expect(model.rows[1]?.bar.y).toBe(76);
    expect(model.rows[1]?.highlighted).toBe(true);
    expect(model.height).toBe(8 + 3 * 48 + 44);
  });

  it('labels values with their maximum and draws nothing for a missing value', () => {
    expect(model.rows[0]?.valueLabel).toBe('412.3 / 550');
    expect(model.rows[2]?.bar.width).toBe(0);
    expect(model.rows[2]?.valueLabel).toBe('NaN / 170');
  });

  it('uses a fixed domain when given and extends left for negative values', () => {
    const fixed = layoutBars({ ...base, domainMax: 1000, bars: [{ key: 'a', label: 'A', value: 250 }] });
    expect(fixed.rows[0]?.bar.width).toBe(152);
    const signed = layoutBars({
      ...base,
      bars: [
        { key: 'a', label: 'A', value: -10 },
        { key: 'b', label: 'B', value: 10 },
      ],
    });
    expect(signed.zeroX).toBe(320);
    expect(signed.rows[0]?.bar).toMatchObject({ x: 16, width: 304 });
  });
});

describe('layoutStackedBars', () => {
  const model = layoutStackedBars({
    ...base,
    keys: [
      { key: 'startup', label: 'Start-up' },
      { key: 'growth', label: 'Growth' },
      { key: 'stable', label: 'Mature' },
    ],
    rows: [
      { key: 'a', label: 'Park A', values: { startup: 2, growth: 3, stable: 5 } },
      { key: 'b', label: 'Park B', values: { startup: 4, stable: 1 } },
    ],
  });

  it('stacks segments in key order', () => {
    // Domain [0, 10]: 60.8 per unit; the second segment spans 2 → 5.
    const growth = model.rows[0]?.segments[1];
    expect(growth).toEqual({
      key: 'growth',
      seriesIndex: 1,
      value: 3,
      valueLabel: '3',
      x: 137.6,
      y: 28,
      width: 182.4,
      height: 16,
    });
    expect(model.rows[0]?.total).toBe(10);
  });

  it('omits empty segments but keeps colour indices', () => {
    expect(model.rows[1]?.segments.map((s) => [s.key, s.seriesIndex])).toEqual([
      ['startup', 0],
      ['stable', 2],
    ]);
  });

  it('lists legend entries in key order', () => {
    expect(model.legend.map((l) => [l.key, l.seriesIndex])).toEqual([
      ['startup', 0],
      ['growth', 1],
      ['stable', 2],
    ]);
  });
});

describe('palette', () => {
  const luminance = (hex: string) => {
    const [r, g, b] = [1, 3, 5].map((i) => {
      const c = parseInt(hex.slice(i, i + 2), 16) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    }) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };

  it('has at least 4.5:1 contrast on white for every series colour', () => {
    for (const colour of SERIES_PALETTE) {
      expect((1.05 / (luminance(colour) + 0.05)) >= 4.5, colour).toBe(true);
    }
  });
});

describe('ticks of small counts', () => {
  it('does not label two ticks alike when an integer format meets half steps', () => {
    // Values up to 2 give d3 ticks 0, 0.2, …, 2; formatted as whole numbers they would repeat.
    const model = layoutBars({
      ...base,
      bars: [
        { key: 'a', label: 'A', value: 2 },
        { key: 'b', label: 'B', value: 1 },
      ],
      formatValue: (v: number) => String(Math.round(v)),
    });
    expect(model.xTicks.map((t) => t.label)).toEqual(['0', '1', '2']);
  });
});
