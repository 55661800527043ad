import type { ChartFrame } from './common.ts';

/** A row of the band strip: an indicator (or a category, drawn as a heading row) and its band. */
export interface BandStripRowInput {
  key: string;
  label: string;
  /** Index of the column to mark (0-based), or null when the row has no band (never for data rows). */
  column: number | null;
  /** A category row: bold label, its band marked the same way. */
  group?: boolean;
}

export interface BandStripCell {
  x: number;
  y: number;
  width: number;
  height: number;
  active: boolean;
}

export interface BandStripModel extends ChartFrame {
  /** Column headings, centred over their cells. */
  columns: { x: number; label: string }[];
  headerY: number;
  rows: { key: string; label: string; group: boolean; y: number; labelX: number; textY: number; cells: BandStripCell[]; rule: boolean }[];
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
  const width = input.width ?? 640;
  const labelWidth = input.labelWidth ?? 250;
  const rowHeight = input.rowHeight ?? 26;
  const header = 34;
  const gap = 4;
  const cellWidth = (width - labelWidth - gap * input.columns.length) / input.columns.length;
  const columnX = (c: number) => labelWidth + gap / 2 + c * (cellWidth + gap);
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
      cells: input.columns.map((_, c) => ({ x: columnX(c), y: y + 3, width: cellWidth, height: rowHeight - 6, active: row.column === c })),
    };
  });
  const height = header + rows.length * rowHeight + 4;
  return {
    width,
    height,
    viewBox: `0 0 ${width} ${height}`,
    title: input.title,
    description: input.description,
    headerY: header - 12,
    columns: input.columns.map((label, c) => ({ x: columnX(c) + cellWidth / 2, label })),
    rows,
  };
}
