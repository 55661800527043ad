/**
 * Horizontal bar layouts. Each row puts its label on a line of its own above the bar, so
 * long Chinese or English names never need measuring or truncating, and the value sits at
 * the right end of the label line.
 *
 * - layoutBars: one bar per row (category profile, park comparison), with an optional
 *   "track" showing the maximum available (e.g. 550 points for technology innovation).
 * - layoutStackedBars: segments per row (enterprises by stage in each park).
 *
 * Legends are rendered as HTML next to the SVG (text that reflows and enlarges), so the
 * models only list their entries.
 */
import { max, min } from 'd3-array';
import { scaleLinear, type ScaleLinear } from 'd3-scale';
import { stack } from 'd3-shape';
import {
  frame,
  plainNumber,
  round,
  ticksAt,
  type ChartFrame,
  type NumberFormat,
  type PlotArea,
  type Tick,
} from './common.ts';

/** A rectangle in SVG user units. */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface BarInput {
  key: string;
  label: string;
  /** null (not reported) draws no bar; the value label says so via `formatValue`. */
  value: number | null;
  /** The most this row could have (e.g. the category's weight); drawn as a muted track. */
  max?: number | undefined;
  highlighted?: boolean | undefined;
}

export interface BarsInput {
  bars: readonly BarInput[];
  title: string;
  description: string;
  /** SVG width; the height follows from the number of rows. Defaults to 640. */
  width?: number | undefined;
  /** The end of the value axis; defaults to the largest value or max, niced. */
  domainMax?: number | undefined;
  /** Formats values and ticks; null values are passed as NaN so the caller can say 未填报. */
  formatValue?: NumberFormat | undefined;
  /** Formats the value label at the end of each row; defaults to formatValue (and "/ max"). */
  formatRowValue?: ((bar: BarInput) => string) | undefined;
  xTickCount?: number | undefined;
  barHeight?: number | undefined;
}

export interface BarRow {
  key: string;
  label: string;
  value: number | null;
  max: number | null;
  valueLabel: string;
  highlighted: boolean;
  /** Baseline of the label line (label at plot.x, value at plot.x + plot.width). */
  labelY: number;
  bar: Rect;
  track: Rect | null;
}

export interface BarsModel extends ChartFrame {
  plot: PlotArea;
  rows: BarRow[];
  xTicks: Tick[];
  /** Position of the zero line. */
  zeroX: number;
}

export interface StackedKeyInput {
  key: string;
  label: string;
}

export interface StackedRowInput {
  key: string;
  label: string;
  /** Value per segment key; a missing key counts as 0. */
  values: Readonly<Record<string, number>>;
}

export interface StackedBarsInput {
  keys: readonly StackedKeyInput[];
  rows: readonly StackedRowInput[];
  title: string;
  description: string;
  width?: number | undefined;
  domainMax?: number | undefined;
  formatValue?: NumberFormat | undefined;
  xTickCount?: number | undefined;
  barHeight?: number | undefined;
}

export interface StackedSegment extends Rect {
  key: string;
  /** Position of the key in `keys`, for the colour. */
  seriesIndex: number;
  value: number;
  valueLabel: string;
}

export interface StackedRow {
  key: string;
  label: string;
  total: number;
  totalLabel: string;
  labelY: number;
  segments: StackedSegment[];
}

export interface StackedLegendItem {
  key: string;
  label: string;
  seriesIndex: number;
}

export interface StackedBarsModel extends ChartFrame {
  plot: PlotArea;
  rows: StackedRow[];
  legend: StackedLegendItem[];
  xTicks: Tick[];
}

const SIDE = 16;
const LABEL_LINE = 20;
const ROW_GAP = 12;
/** Room below the plot for tick labels and the axis title. */
const AXIS_SPACE = 44;
const TOP = 8;

interface RowGeometry {
  plot: PlotArea;
  height: number;
  labelY: (i: number) => number;
  barY: (i: number) => number;
}

/** Vertical rhythm shared by both bar layouts: label line, bar, gap; axis at the bottom. */
function rowGeometry(width: number, rows: number, barHeight: number, top: number): RowGeometry {
  const rowHeight = LABEL_LINE + barHeight + ROW_GAP;
  const plotHeight = rows * rowHeight;
  const plot = { x: SIDE, y: top, width: Math.max(0, width - 2 * SIDE), height: plotHeight };
  return {
    plot,
    height: top + plotHeight + AXIS_SPACE,
    // The label's baseline sits 5 units above the bar.
    labelY: (i) => round(top + i * rowHeight + LABEL_LINE - 5),
    barY: (i) => round(top + i * rowHeight + LABEL_LINE),
  };
}

function ticksOf(scale: ScaleLinear<number, number>, count: number, format: NumberFormat): Tick[] {
  let values = scale.ticks(count);
  // Small counts give ticks at 0.5 steps that an integer format labels twice ("0", "1", "1"):
  // keep the whole numbers then.
  const labels = values.map(format);
  if (new Set(labels).size < labels.length) values = values.filter((v) => Number.isInteger(v));
  return ticksAt(values, scale, format);
}

/** Lays out one horizontal bar per row. Negative values extend left of the zero line. */
export function layoutBars(input: BarsInput): BarsModel {
  const width = input.width ?? 640;
  const barHeight = input.barHeight ?? 16;
  const format = input.formatValue ?? plainNumber;
  const geometry = rowGeometry(width, input.bars.length, barHeight, TOP);
  const { plot } = geometry;

  const values = input.bars.flatMap((b) => [b.value ?? 0, b.max ?? 0]);
  const x = scaleLinear()
    .domain([Math.min(0, min(values) ?? 0), input.domainMax ?? Math.max(max(values) ?? 0, 1e-9)])
    .range([plot.x, plot.x + plot.width]);
  if (input.domainMax === undefined) x.nice(input.xTickCount ?? 5);
  const zero = x(0);

  const rowValue =
    input.formatRowValue ??
    ((b: BarInput) => {
      const v = format(b.value ?? Number.NaN);
      return b.max === undefined ? v : `${v} / ${format(b.max)}`;
    });

  const rows = input.bars.map((b, i): BarRow => {
    const y = geometry.barY(i);
    const end = b.value === null ? zero : x(b.value);
    return {
      key: b.key,
      label: b.label,
      value: b.value,
      max: b.max ?? null,
      valueLabel: rowValue(b),
      highlighted: b.highlighted ?? false,
      labelY: geometry.labelY(i),
      bar: { x: round(Math.min(zero, end)), y, width: round(Math.abs(end - zero)), height: barHeight },
      track:
        b.max === undefined
          ? null
          : { x: round(zero), y, width: round(Math.max(0, x(b.max) - zero)), height: barHeight },
    };
  });

  return {
    ...frame(width, geometry.height, input.title, input.description),
    plot,
    rows,
    xTicks: ticksOf(x, input.xTickCount ?? 5, format),
    zeroX: round(zero),
  };
}

/** Lays out stacked horizontal bars, segments in the order of `keys` (negative values count as 0). */
export function layoutStackedBars(input: StackedBarsInput): StackedBarsModel {
  const width = input.width ?? 640;
  const barHeight = input.barHeight ?? 16;
  const format = input.formatValue ?? plainNumber;
  const geometry = rowGeometry(width, input.rows.length, barHeight, TOP);
  const { plot } = geometry;

  const keys = input.keys.map((k) => k.key);
  const series = stack<StackedRowInput, string>()
    .keys(keys)
    .value((row, key) => Math.max(0, row.values[key] ?? 0))([...input.rows]);
  const totals = input.rows.map((row) => keys.reduce((sum, k) => sum + Math.max(0, row.values[k] ?? 0), 0));

  const x = scaleLinear()
    .domain([0, input.domainMax ?? Math.max(max(totals) ?? 0, 1e-9)])
    .range([plot.x, plot.x + plot.width]);
  if (input.domainMax === undefined) x.nice(input.xTickCount ?? 5);

  const rows = input.rows.map((row, i): StackedRow => {
    const y = geometry.barY(i);
    const segments = series.flatMap((s, seriesIndex): StackedSegment[] => {
      const [x0, x1] = s[i] ?? [0, 0];
      if (x1 - x0 <= 0) return [];
      return [
        {
          key: s.key,
          seriesIndex,
          value: x1 - x0,
          valueLabel: format(x1 - x0),
          x: round(x(x0)),
          y,
          width: round(x(x1) - x(x0)),
          height: barHeight,
        },
      ];
    });
    const total = totals[i] ?? 0;
    return { key: row.key, label: row.label, total, totalLabel: format(total), labelY: geometry.labelY(i), segments };
  });

  const legend = input.keys.map((k, seriesIndex) => ({ key: k.key, label: k.label, seriesIndex }));

  return {
    ...frame(width, geometry.height, input.title, input.description),
    plot,
    rows,
    legend,
    xTicks: ticksOf(x, input.xTickCount ?? 5, format),
  };
}
