/**
 * Line layout for a few points over years: an enterprise's score or rank by year.
 * Years sit on a point scale (evenly spaced, one tick each, a single year centred).
 * For ranks pass `invertY`: rank 1 is at the top.
 */
import { extent } from 'd3-array';
import { scaleLinear, scalePoint } from 'd3-scale';
import { line } from 'd3-shape';
import {
  frame,
  plainNumber,
  plotArea,
  resolveMargin,
  round,
  ticksAt,
  type ChartFrame,
  type Margin,
  type NumberFormat,
  type PlotArea,
  type Tick,
} from './common.ts';

export interface LinePointInput {
  /** The year (or another ordered whole number). */
  x: number;
  /** null leaves a gap (no row that year). */
  y: number | null;
}

export interface LineSeriesInput {
  key: string;
  label: string;
  points: readonly LinePointInput[];
}

export interface LineInput {
  series: readonly LineSeriesInput[];
  title: string;
  description: string;
  /** SVG size; defaults 640 × 280. */
  width?: number | undefined;
  height?: number | undefined;
  margin?: Partial<Margin> | undefined;
  /** The y range; defaults to the data's extent (from 0, or from rank 1 when inverted), niced. */
  yDomain?: readonly [number, number] | undefined;
  /** Ranks: smaller is better and drawn higher. */
  invertY?: boolean | undefined;
  formatX?: NumberFormat | undefined;
  formatY?: NumberFormat | undefined;
  yTickCount?: number | undefined;
}

export interface LinePoint {
  xValue: number;
  yValue: number;
  x: number;
  y: number;
  /** The formatted y value, for a label next to the dot. */
  label: string;
}

export interface LineSeries {
  key: string;
  label: string;
  index: number;
  /** The defined points only; the path breaks where a year is missing. */
  points: LinePoint[];
  path: string;
}

export interface LineModel extends ChartFrame {
  plot: PlotArea;
  xTicks: Tick[];
  yTicks: Tick[];
  series: LineSeries[];
  invertY: boolean;
}

const DEFAULT_MARGIN: Margin = { top: 20, right: 24, bottom: 36, left: 56 };

/** Lays out one or more series over years. */
export function layoutLine(input: LineInput): LineModel {
  const width = input.width ?? 640;
  const height = input.height ?? 280;
  const margin = resolveMargin(DEFAULT_MARGIN, input.margin);
  const plot = plotArea(width, height, margin);
  const invertY = input.invertY ?? false;
  const formatX = input.formatX ?? ((n: number) => String(n));
  const formatY = input.formatY ?? plainNumber;
  const tickCount = input.yTickCount ?? 5;

  const years = [...new Set(input.series.flatMap((s) => s.points.map((p) => p.x)))].sort((a, b) => a - b);
  const x = scalePoint<number>()
    .domain(years)
    .range([plot.x, plot.x + plot.width])
    .padding(0.5);

  const ys = input.series.flatMap((s) => s.points.flatMap((p) => (p.y === null ? [] : [p.y])));
  const [minY = 0, maxY = 1] = extent(ys);
  const y = scaleLinear();
  if (input.yDomain) {
    y.domain([...input.yDomain]);
  } else if (invertY) {
    y.domain([1, Math.max(2, maxY)]).nice(tickCount);
  } else {
    y.domain([Math.min(0, minY), Math.max(maxY, minY + 1)]).nice(tickCount);
  }
  const [d0, d1] = y.domain() as [number, number];
  if (invertY) {
    // Ranks start at 1: a niced domain that begins at 0 would show a rank that cannot exist.
    y.domain([Math.max(1, d0), d1]);
    y.range([plot.y, plot.y + plot.height]);
  } else {
    y.range([plot.y + plot.height, plot.y]);
  }

  let yValues = y.ticks(tickCount);
  if (invertY) {
    yValues = yValues.filter((v) => Number.isInteger(v) && v >= 1);
    if (!yValues.includes(1)) yValues.unshift(1);
  }
  const yTicks = ticksAt(yValues, y, formatY);
  const xTicks = ticksAt(years, x, formatX, plot.x);

  const path = line<LinePoint>()
    .x((p) => p.x)
    .y((p) => p.y)
    .digits(2);

  const series = input.series.map((s, index): LineSeries => {
    const sorted = [...s.points].sort((a, b) => a.x - b.x);
    // Split at gaps so a missing year is not bridged by a straight line.
    const segments: LinePoint[][] = [];
    let current: LinePoint[] = [];
    for (const p of sorted) {
      if (p.y === null || !Number.isFinite(p.y)) {
        if (current.length) segments.push(current);
        current = [];
        continue;
      }
      current.push({
        xValue: p.x,
        yValue: p.y,
        x: round(x(p.x) ?? plot.x),
        y: round(y(p.y)),
        label: formatY(p.y),
      });
    }
    if (current.length) segments.push(current);
    return {
      key: s.key,
      label: s.label,
      index,
      points: segments.flat(),
      path: segments.map((seg) => path(seg) ?? '').join(''),
    };
  });

  return { ...frame(width, height, input.title, input.description), plot, xTicks, yTicks, series, invertY };
}
