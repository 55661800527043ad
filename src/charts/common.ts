/**
 * Shared pieces of the chart layout functions. A layout function takes data and a size and
 * returns a render model: plain, serialisable objects with every coordinate and label the
 * SVG needs. Components only map the model to markup, so charts are testable without a DOM.
 */

/** Space around the plot area for axes and labels, in SVG user units. */
export interface Margin {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

/** The plot area inside the margins. */
export interface PlotArea {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** An axis tick: its data value, its position along the axis, and its label text. */
export interface Tick {
  value: number;
  position: number;
  label: string;
}

/** What every chart model carries: its size and its accessible name and description. */
export interface ChartFrame {
  width: number;
  height: number;
  /** The SVG viewBox, "0 0 width height". */
  viewBox: string;
  title: string;
  description: string;
}

/** Formats a number for a tick or value label. */
export type NumberFormat = (n: number) => string;

/** The default label format: the number as written, rounded to 2 decimals. */
export const plainNumber: NumberFormat = (n) => String(round(n));

/**
 * Rounds a coordinate to 2 decimals so the SVG is compact and byte-identical across runs
 * and platforms (trigonometry can differ in the last bits).
 */
export function round(n: number): number {
  const r = Math.round(n * 100) / 100;
  return r === 0 ? 0 : r;
}

/** Fills a partial margin from defaults. */
export function resolveMargin(defaults: Margin, given?: Partial<Margin>): Margin {
  return { ...defaults, ...given };
}

/** The plot area of a chart of `width` × `height` with `margin`. */
export function plotArea(width: number, height: number, margin: Margin): PlotArea {
  return {
    x: margin.left,
    y: margin.top,
    width: Math.max(0, width - margin.left - margin.right),
    height: Math.max(0, height - margin.top - margin.bottom),
  };
}

/** The bottom and right edges of a plot area. */
export function plotEdges(plot: PlotArea): { bottom: number; right: number } {
  return { bottom: plot.y + plot.height, right: plot.x + plot.width };
}

/**
 * Ticks at `values`: each placed by `scale` (rounded like every coordinate) and labelled by
 * `format`. A scale that places nothing (a point scale off its domain) puts the tick at `fallback`.
 */
export function ticksAt(
  values: readonly number[],
  scale: (value: number) => number | undefined,
  format: NumberFormat,
  fallback = 0,
): Tick[] {
  return values.map((value) => ({ value, position: round(scale(value) ?? fallback), label: format(value) }));
}

/** A line from (x1, y1) to (x2, y2), in the attribute order the chart components write. */
export interface Segment {
  x1: number;
  x2: number;
  y1: number;
  y2: number;
}

/**
 * Grid lines across the plot at each tick: vertical lines at the ticks of the x axis,
 * horizontal lines at those of the y axis.
 */
export function gridLines(plot: PlotArea, ticks: readonly Tick[], axis: 'x' | 'y'): Segment[] {
  const { bottom, right } = plotEdges(plot);
  return ticks.map((t) =>
    axis === 'x'
      ? { x1: t.position, x2: t.position, y1: plot.y, y2: bottom }
      : { x1: plot.x, x2: right, y1: t.position, y2: t.position },
  );
}

/** The line along the bottom of the plot (the x axis of a chart whose y axis starts at 0). */
export function baseline(plot: PlotArea): Segment {
  const { bottom, right } = plotEdges(plot);
  return { x1: plot.x, x2: right, y1: bottom, y2: bottom };
}

/**
 * How tick label `index` of `count` is anchored: centred on its tick, or, with `edges`, the
 * first flush left and the last flush right, so labels at the plot's ends stay inside a
 * drawing without side margins.
 */
export function tickAnchor(index: number, count: number, edges: boolean): 'start' | 'middle' | 'end' {
  if (!edges) return 'middle';
  return index === 0 ? 'start' : index === count - 1 ? 'end' : 'middle';
}

/** The frame fields shared by every model. */
export function frame(width: number, height: number, title: string, description: string): ChartFrame {
  return { width, height, viewBox: `0 0 ${width} ${height}`, title, description };
}

/**
 * Series colours, in order: dark blue, orange, teal. Each has at least 4.5:1 contrast on
 * white (so it also works for text and thin lines) and they differ in hue and lightness.
 * Charts never rely on colour alone: series also differ in dash pattern, and the data
 * table repeats every number.
 */
export const SERIES_PALETTE = ['#1d4f91', '#b35c00', '#00786b'] as const;

/** Neutral colours: text, axis lines, grid lines, and a muted fill (e.g. a max-points track). */
export const NEUTRALS = {
  text: '#1a1a1a',
  axis: '#595959',
  grid: '#dfe3e8',
  track: '#e8ecf1',
} as const;

/** The colour of series `index`, cycling through the palette. */
export function seriesColour(index: number): string {
  return SERIES_PALETTE[index % SERIES_PALETTE.length] ?? SERIES_PALETTE[0];
}

/** Dash pattern of series `index` (solid, dashed, dotted), so lines differ without colour. */
export function seriesDash(index: number): string | undefined {
  return [undefined, '6 4', '2 3'][index % 3];
}
