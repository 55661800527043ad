import { frame, type ChartFrame } from './common.ts';

/** A row of the band strip: an indicator (or a category, drawn as a heading row) and its band. */
export interface BandStripRowInput {
  key: string;
  label: string;
  /** Index of the column to mark (0-based), or null when the row has no band. */
  column: number | null;
  /** A category row: bold label, its band marked the same way. */
  group?: boolean;
}

/** A cell of the grid: every cell has this size, wherever it is. */
export interface BandStripCell {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface BandStripModel extends ChartFrame {
  /** Column headings, centred over their cells. */
  columns: { x: number; label: string }[];
  headerY: number;
  /**
   * The empty cells, drawn once as a tile repeated over the grid (an SVG pattern) rather than
   * one element per cell: a profile page has one strip of ~100 cells, a national site a million pages.
   */
  grid: { x: number; y: number; width: number; height: number; tile: { width: number; height: number }; cell: BandStripCell };
  rows: { key: string; label: string; group: boolean; y: number; labelX: number; textY: number; rule: boolean; active: BandStripCell | null }[];
}

/**
 * Lays out the band strip of a profile: one row per indicator (category rows between them),
 * one column per band, the enterprise's band filled. It encodes positions in the cohort only
 * (scoring-model.md §7), never a value: every cell has the same size.
 */
export function layoutBandStrip(input: {
  rows: readonly BandStripRowInput[];
  columns: readonly string[];
  title: string;
  description: string;
  width?: number;
  labelWidth?: number;
  rowHeight?: number;
}): BandStripModel {
  const width = input.width ?? 700;
  const labelWidth = input.labelWidth ?? 300;
  const rowHeight = input.rowHeight ?? 26;
  const header = 34;
  const gap = 4;
  const n = input.columns.length;
  const cellWidth = (width - labelWidth - gap * n) / n;
  const columnX = (c: number) => labelWidth + gap / 2 + c * (cellWidth + gap);
  const cellHeight = rowHeight - 6;
  const rows = input.rows.map((row, i) => {
    const y = header + i * rowHeight;
    return {
      key: row.key,
      label: row.label,
      group: row.group ?? false,
      y,
      labelX: row.group ? 0 : 12,
      textY: y + rowHeight / 2 + 5,
      rule: (row.group ?? false) && i > 0,
      active: row.column === null ? null : { x: columnX(row.column), y: y + 3, width: cellWidth, height: cellHeight },
    };
  });
  const height = header + rows.length * rowHeight + 4;
  return {
    ...frame(width, height, input.title, input.description),
    headerY: header - 12,
    columns: input.columns.map((label, c) => ({ x: columnX(c) + cellWidth / 2, label })),
    grid: {
      x: columnX(0),
      y: header,
      width: n * (cellWidth + gap),
      height: rows.length * rowHeight,
      tile: { width: cellWidth + gap, height: rowHeight },
      cell: { x: 0, y: 3, width: cellWidth, height: cellHeight },
    },
    rows,
  };
}
