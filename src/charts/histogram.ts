/**
 * Histogram layout: the distribution of scores (0–1000 by default) in bins of equal width
 * or at given thresholds, with optional reference markers (a median, this enterprise).
 */
import { bin, max, range, type Bin } from 'd3-array';
import { scaleLinear } from 'd3-scale';
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

/** A vertical reference line, e.g. the median or the enterprise's own score. */
export interface HistogramMarkerInput {
  value: number;
  label: string;
}

export interface HistogramInput {
  values: readonly number[];
  title: string;
  description: string;
  /** SVG size in user units; defaults 640 × 320. */
  width?: number | undefined;
  height?: number | undefined;
  margin?: Partial<Margin> | undefined;
  /** The scale's range of values; defaults to the 1000-point scale [0, 1000]. */
  domain?: readonly [number, number] | undefined;
  /** Bin width when no thresholds are given; defaults to 50. */
  binWidth?: number | undefined;
  /** Interior bin boundaries; overrides binWidth. Values outside the domain are ignored. */
  thresholds?: readonly number[] | undefined;
  /** The bin that contains this value is flagged `highlighted`. */
  highlight?: number | undefined;
  markers?: readonly HistogramMarkerInput[] | undefined;
  formatX?: NumberFormat | undefined;
  formatY?: NumberFormat | undefined;
  xTickCount?: number | undefined;
  yTickCount?: number | undefined;
}

/** One bin: its value range, its count, and its bar rectangle. */
export interface HistogramBin {
  x0: number;
  x1: number;
  count: number;
  /** "0–50"; the last bin includes its upper bound, the others do not. */
  label: string;
  highlighted: boolean;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface HistogramMarker {
  value: number;
  label: string;
  /** The line from the x axis (y1) to the top of the plot (y2). */
  x: number;
  y1: number;
  y2: number;
  /** Label position: beside the line, inside the plot, one row per marker. */
  labelX: number;
  labelY: number;
  anchor: 'start' | 'end';
}

export interface HistogramModel extends ChartFrame {
  plot: PlotArea;
  bins: HistogramBin[];
  xTicks: Tick[];
  yTicks: Tick[];
  markers: HistogramMarker[];
  /** Values counted (those inside the domain). */
  total: number;
  maxCount: number;
}

const DEFAULT_MARGIN: Margin = { top: 24, right: 16, bottom: 44, left: 52 };

/** Lays out a histogram of `values`. */
export function layoutHistogram(input: HistogramInput): HistogramModel {
  const width = input.width ?? 640;
  const height = input.height ?? 320;
  const margin = resolveMargin(DEFAULT_MARGIN, input.margin);
  const plot = plotArea(width, height, margin);
  const [lo, hi] = input.domain ?? [0, 1000];
  const binWidth = input.binWidth ?? 50;
  const formatX = input.formatX ?? plainNumber;
  const formatY = input.formatY ?? plainNumber;

  // d3.bin keeps a threshold equal to the upper bound as an empty zero-width bin; drop it.
  const thresholds = (input.thresholds ?? range(lo + binWidth, hi, binWidth)).filter(
    (t) => t > lo && t < hi,
  );
  const bins = bin<number, number>()
    .domain([lo, hi])
    .thresholds([...thresholds])(input.values.filter((v) => Number.isFinite(v)));

  const maxCount = max(bins, (b) => b.length) ?? 0;
  const x = scaleLinear().domain([lo, hi]).range([plot.x, plot.x + plot.width]);
  const y = scaleLinear()
    .domain([0, Math.max(1, maxCount)])
    .nice(input.yTickCount ?? 5)
    .range([plot.y + plot.height, plot.y]);

  return {
    ...frame(width, height, input.title, input.description),
    plot,
    bins: binRects(bins, { lo, hi, x, y, plot, formatX, highlight: input.highlight }),
    xTicks: ticksAt(x.ticks(input.xTickCount ?? 10), x, formatX),
    // Counts are whole numbers: fractional ticks (0.5) would mislead.
    yTicks: ticksAt(
      y.ticks(input.yTickCount ?? 5).filter((v) => Number.isInteger(v)),
      y,
      formatY,
    ),
    markers: markerLines(input.markers ?? [], { lo, hi, x, plot }),
    total: bins.reduce((sum, b) => sum + b.length, 0),
    maxCount,
  };
}

type Scale = (value: number) => number;

/** Each bin's bar and label; the bin holding `highlight` is flagged (the last bin includes its upper bound). */
function binRects(
  bins: readonly Bin<number, number>[],
  c: { lo: number; hi: number; x: Scale; y: Scale; plot: PlotArea; formatX: NumberFormat; highlight: number | undefined },
): HistogramBin[] {
  const { lo, hi, x, y, plot, formatX, highlight } = c;
  const highlightIndex =
    highlight === undefined
      ? -1
      : bins.findIndex((b, i) => {
          const x0 = b.x0 ?? lo;
          const x1 = b.x1 ?? hi;
          return highlight >= x0 && (highlight < x1 || (i === bins.length - 1 && highlight <= x1));
        });

  return bins.map((b, i) => {
    const x0 = b.x0 ?? lo;
    const x1 = b.x1 ?? hi;
    const left = x(x0);
    const top = y(b.length);
    return {
      x0,
      x1,
      count: b.length,
      label: `${formatX(x0)}–${formatX(x1)}`,
      highlighted: i === highlightIndex,
      // Half a unit of space on each side separates adjacent bars.
      x: round(left + 0.5),
      y: round(top),
      width: round(Math.max(0, x(x1) - left - 1)),
      height: round(plot.y + plot.height - top),
    };
  });
}

/** Reference lines at the markers' values (clamped to the domain), their labels one row each. */
function markerLines(
  markers: readonly HistogramMarkerInput[],
  c: { lo: number; hi: number; x: Scale; plot: PlotArea },
): HistogramMarker[] {
  const { lo, hi, x, plot } = c;
  const rightQuarter = plot.x + plot.width * 0.75;
  return markers
    .filter((m) => Number.isFinite(m.value))
    .map((m, i): HistogramMarker => {
      const mx = x(Math.min(hi, Math.max(lo, m.value)));
      // Labels run to the right of their line, one row each, unless too close to the right edge.
      const anchor = mx > rightQuarter ? 'end' : 'start';
      return {
        value: m.value,
        label: m.label,
        x: round(mx),
        y1: round(plot.y + plot.height),
        y2: round(plot.y),
        labelX: round(anchor === 'end' ? mx - 4 : mx + 4),
        labelY: round(plot.y + 12 + i * 16),
        anchor,
      };
    });
}
