import { describe, expect, it } from 'vitest';
import { layoutBandStrip } from '../../src/charts/band-strip.ts';

describe('layoutBandStrip', () => {
  const model = layoutBandStrip({
    title: 't',
    description: 'd',
    width: 650,
    labelWidth: 250,
    rowHeight: 26,
    columns: ['a', 'b', 'c', 'd'],
    rows: [
      { key: 'cat', label: 'Category', column: 0, group: true },
      { key: 'x', label: 'X', column: 3 },
      { key: 'y', label: 'Y', column: null },
    ],
  });

  it('splits the width after the labels into equal cells with a 4-unit gap, tiled over the grid', () => {
    // (650 − 250 − 4·4) / 4 = 96 per cell; cells start at 252, 352, 452, 552 (a tile of 100 × 26).
    expect(model.grid).toEqual({ x: 252, y: 34, width: 400, height: 78, tile: { width: 100, height: 26 }, cell: { x: 0, y: 3, width: 96, height: 20 } });
    expect(model.columns.map((c) => c.x)).toEqual([300, 400, 500, 600]);
  });

  it('marks exactly the row’s band with a cell of the grid’s size, none for a row without one', () => {
    expect(model.rows.map((r) => r.active)).toEqual([
      { x: 252, y: 37, width: 96, height: 20 },
      { x: 552, y: 63, width: 96, height: 20 },
      null,
    ]);
  });

  it('stacks rows under a 34-unit header, indents indicators and rules between categories', () => {
    expect(model.rows.map((r) => r.y)).toEqual([34, 60, 86]);
    expect(model.rows.map((r) => r.labelX)).toEqual([0, 12, 12]);
    expect(model.rows[0]!.rule).toBe(false);
    expect(model.height).toBe(34 + 3 * 26 + 4);
    expect(model.viewBox).toBe('0 0 650 116');
  });
});
