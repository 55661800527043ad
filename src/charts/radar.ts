/**
 * Radar layout: n axes around a centre, values s in [0, 1] (share of the points available),
 * one polygon per series (the enterprise first, then comparisons such as the stage median).
 * Axis 0 points straight up; the others follow clockwise.
 */
import { line, curveLinearClosed } from 'd3-shape';
import { scaleLinear } from 'd3-scale';
import { frame, plainNumber, round, type ChartFrame, type NumberFormat } from './common.ts';

export interface RadarAxisInput {
  key: string;
  label: string;
}

export interface RadarSeriesInput {
  key: string;
  label: string;
  /** One value per axis, in axis order; null (not reported / not available) is drawn as 0. */
  values: readonly (number | null)[];
}

export interface RadarInput {
  axes: readonly RadarAxisInput[];
  series: readonly RadarSeriesInput[];
  title: string;
  description: string;
  /** SVG size; defaults 480 × 360. */
  width?: number | undefined;
  height?: number | undefined;
  /** Radius of the outer ring (s = 1); defaults to leave room for labels. */
  radius?: number | undefined;
  /** Number of grid rings; defaults to 4 (25 %, 50 %, 75 %, 100 %). */
  levels?: number | undefined;
  /** Formats ring values (0.25 → "25%"). */
  formatValue?: NumberFormat | undefined;
}

export interface RadarAxis {
  key: string;
  label: string;
  /** Angle in radians, clockwise from 12 o'clock. */
  angle: number;
  /** End of the axis line (the s = 1 point). */
  x: number;
  y: number;
  /** Where the label goes, and how it is aligned so it sits outside the polygon. */
  labelX: number;
  labelY: number;
  anchor: 'start' | 'middle' | 'end';
  baseline: 'auto' | 'middle' | 'hanging';
}

export interface RadarRing {
  level: number;
  /** Polygon points attribute: "x1,y1 x2,y2 …". */
  points: string;
  /** Where the ring's value label goes (on axis 0) and its text. */
  labelX: number;
  labelY: number;
  label: string;
}

export interface RadarPoint {
  axisKey: string;
  /** The value as given (null when missing); the vertex is drawn at 0 then. */
  value: number | null;
  x: number;
  y: number;
}

export interface RadarSeries {
  key: string;
  label: string;
  index: number;
  points: RadarPoint[];
  /** Closed path through the points. */
  path: string;
}

export interface RadarModel extends ChartFrame {
  cx: number;
  cy: number;
  radius: number;
  axes: RadarAxis[];
  rings: RadarRing[];
  series: RadarSeries[];
}

const LABEL_OFFSET = 12;
/** Below this |sin| or |cos| a label counts as centred on the axis. */
const EPSILON = 1e-6;

/** Lays out a radar chart; needs at least three axes to enclose an area. */
export function layoutRadar(input: RadarInput): RadarModel {
  const n = input.axes.length;
  if (n < 3) throw new Error(`radar: needs at least 3 axes, got ${n}`);
  const width = input.width ?? 480;
  const height = input.height ?? 360;
  const cx = width / 2;
  const cy = height / 2;
  // Room for labels: about 7 Chinese characters (or 14 Latin) beside the circle, two lines above and below.
  const radius = input.radius ?? Math.max(0, Math.min(width / 2 - 120, height / 2 - 44));
  const levels = input.levels ?? 4;
  const formatValue = input.formatValue ?? plainNumber;
  const r = scaleLinear().domain([0, 1]).range([0, radius]).clamp(true);

  const angleOf = (i: number) => (2 * Math.PI * i) / n;
  const pointAt = (i: number, s: number): [number, number] => {
    const a = angleOf(i);
    return [round(cx + r(s) * Math.sin(a)), round(cy - r(s) * Math.cos(a))];
  };

  const axes: RadarAxis[] = input.axes.map((axis, i) => {
    const a = angleOf(i);
    const sin = Math.sin(a);
    const cos = Math.cos(a);
    const [x, y] = pointAt(i, 1);
    return {
      key: axis.key,
      label: axis.label,
      angle: a,
      x,
      y,
      labelX: round(cx + (radius + LABEL_OFFSET) * sin),
      labelY: round(cy - (radius + LABEL_OFFSET) * cos),
      anchor: sin > EPSILON ? 'start' : sin < -EPSILON ? 'end' : 'middle',
      baseline: cos > EPSILON ? 'auto' : cos < -EPSILON ? 'hanging' : 'middle',
    };
  });

  const rings: RadarRing[] = Array.from({ length: levels }, (_, k) => {
    const level = (k + 1) / levels;
    const points = input.axes.map((_, i) => pointAt(i, level).join(',')).join(' ');
    const [, labelY] = pointAt(0, level);
    return { level, points, labelX: round(cx + 4), labelY, label: formatValue(level) };
  });

  const path = line().curve(curveLinearClosed).digits(2);
  const series: RadarSeries[] = input.series.map((s, index) => {
    const points = input.axes.map((axis, i): RadarPoint => {
      const value = s.values[i] ?? null;
      const [x, y] = pointAt(i, value === null || !Number.isFinite(value) ? 0 : value);
      return { axisKey: axis.key, value, x, y };
    });
    return {
      key: s.key,
      label: s.label,
      index,
      points,
      path: path(points.map((p) => [p.x, p.y])) ?? '',
    };
  });

  return { ...frame(width, height, input.title, input.description), cx, cy, radius, axes, rings, series };
}
