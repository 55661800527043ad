/**
 * The disclosure attack of scoring-model.md §7, as a reader who knows every firm's true
 * figures would run it: gather every per-firm number the built site publishes (its CSV and
 * JSON files), then try to recover each private indicator's points as a linear combination of
 * them, per year × stage cohort (least squares).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { listFiles } from './build.ts';

/** Per firm-year ("year|id"): every number published about it, by feature name. */
export type PublishedNumbers = Map<string, Map<string, number>>;

const add = (out: PublishedNumbers, year: number, id: string, feature: string, value: unknown) => {
  if (typeof value !== 'number' || !Number.isFinite(value)) return;
  const key = `${year}|${id}`;
  let m = out.get(key);
  if (!m) out.set(key, (m = new Map()));
  m.set(feature, value);
};

/**
 * Every per-firm number in the site's CSV and JSON files: CSV tables with `year` and `id`
 * columns; JSON objects with `id` and `year` fields; and columnar JSON (an `id` array beside
 * arrays of the same length, with a `year` in the object or above it), as the explorer's
 * and search index's files are written.
 */
export function collectPublishedNumbers(dist: string): PublishedNumbers {
  const out: PublishedNumbers = new Map();
  for (const file of listFiles(dist)) {
    if (file.endsWith('.csv')) {
      const rows = Papa.parse<Record<string, string>>(readFileSync(join(dist, file), 'utf8').replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true }).data;
      for (const row of rows) {
        const year = Number(row.year);
        if (!row.id || !Number.isInteger(year)) continue;
        for (const [col, text] of Object.entries(row)) if (col !== 'year' && col !== 'id' && text !== '' && text !== undefined) add(out, year, row.id, col, Number(text));
      }
    } else if (file.endsWith('.json')) {
      let json: unknown;
      try {
        json = JSON.parse(readFileSync(join(dist, file), 'utf8'));
      } catch {
        continue;
      }
      const walk = (node: unknown, year: number | undefined, path: string) => {
        if (Array.isArray(node)) {
          node.forEach((x) => walk(x, year, path));
          return;
        }
        if (!node || typeof node !== 'object') return;
        const obj = node as Record<string, unknown>;
        const y = typeof obj.year === 'number' ? obj.year : year;
        // A table: `columns` names the cells of each array in `rows` (the public scores JSON).
        if (Array.isArray(obj.columns) && Array.isArray(obj.rows) && obj.columns.every((c) => typeof c === 'string')) {
          const columns = obj.columns as string[];
          const records = (obj.rows as unknown[]).filter(Array.isArray).map((cells) => Object.fromEntries(columns.map((c, i) => [c, (cells as unknown[])[i]])));
          walk(records, y, path);
        }
        if (y !== undefined && typeof obj.id === 'string') {
          for (const [k, v] of Object.entries(obj)) add(out, y, obj.id, `${path}.${k}`, v);
        }
        if (y !== undefined && Array.isArray(obj.id) && obj.id.every((x) => typeof x === 'string')) {
          const ids = obj.id as string[];
          for (const [k, v] of Object.entries(obj)) {
            if (k === 'id' || !Array.isArray(v) || v.length !== ids.length) continue;
            v.forEach((x, i) => {
              if (typeof x === 'number') add(out, y, ids[i]!, `${path}.${k}`, x);
              else if (Array.isArray(x)) x.forEach((xx, j) => add(out, y, ids[i]!, `${path}.${k}[${j}]`, xx));
            });
          }
        }
        for (const v of Object.values(obj)) if (v && typeof v === 'object') walk(v, y, path);
      };
      // Features are named by the file's top folder and the field, not the full path: the search
      // index keys objects by n-gram, and a feature per gram would only add empty columns.
      walk(json, undefined, file.split('/')[0]!.replace(/\d+/g, '#'));
    }
  }
  return out;
}

const norm = (v: Float64Array) => {
  let sum = 0;
  for (let i = 0; i < v.length; i++) sum += v[i]! * v[i]!;
  return Math.sqrt(sum);
};

/**
 * An orthonormal basis of the span of `columns` (rows = firms), by modified Gram–Schmidt,
 * dropping columns that are (near) linear combinations of earlier ones.
 */
export function orthonormalBasis(columns: number[][]): Float64Array[] {
  const basis: Float64Array[] = [];
  for (const col of columns) {
    const v = Float64Array.from(col);
    const norm0 = norm(v);
    if (norm0 === 0) continue;
    for (const q of basis) {
      let dot = 0;
      for (let i = 0; i < v.length; i++) dot += q[i]! * v[i]!;
      for (let i = 0; i < v.length; i++) v[i]! -= dot * q[i]!;
    }
    const n = norm(v);
    if (n < 1e-9 * norm0) continue;
    for (let i = 0; i < v.length; i++) v[i]! /= n;
    basis.push(v);
  }
  return basis;
}

/** Least-squares residuals of y on the span of an orthonormal basis. */
export function leastSquaresResiduals(basis: Float64Array[], y: number[]): number[] {
  const r = Float64Array.from(y);
  for (const q of basis) {
    let dot = 0;
    for (let i = 0; i < r.length; i++) dot += q[i]! * r[i]!;
    for (let i = 0; i < r.length; i++) r[i]! -= dot * q[i]!;
  }
  return [...r];
}

/** One private indicator of one cohort, and how well the published numbers predict its points. */
export interface AttackResult {
  cohort: string;
  indicator: string;
  firms: number;
  features: number;
  /** The largest |residual| over the cohort's firms, in points. */
  maxResidual: number;
}

/**
 * Runs the attack: for each year × stage cohort and each private indicator, regress its true
 * points on every published per-firm number (plus an intercept, with blanks as 0 and a
 * missing-value indicator). Cohorts with no more firms than features, and indicators whose
 * points do not vary in the cohort, are skipped: nothing can be told from them.
 */
export function attack(
  published: PublishedNumbers,
  truth: { year: number; id: string; stage: string; points: Record<string, number> }[],
  privateIndicators: string[],
): AttackResult[] {
  const cohorts = new Map<string, typeof truth>();
  for (const t of truth) {
    const key = `${t.year}|${t.stage}`;
    const list = cohorts.get(key);
    if (list) list.push(t);
    else cohorts.set(key, [t]);
  }
  const results: AttackResult[] = [];
  for (const [cohort, firms] of cohorts) {
    const features = new Set<string>();
    for (const f of firms) for (const k of published.get(`${f.year}|${f.id}`)?.keys() ?? []) features.add(k);
    const columns: number[][] = [firms.map(() => 1)];
    for (const k of [...features].sort()) {
      const values = firms.map((f) => published.get(`${f.year}|${f.id}`)?.get(k));
      columns.push(values.map((v) => v ?? 0));
      if (values.some((v) => v === undefined)) columns.push(values.map((v) => (v === undefined ? 1 : 0)));
    }
    if (firms.length <= columns.length + 5) continue;
    const basis = orthonormalBasis(columns);
    for (const ind of privateIndicators) {
      const y = firms.map((f) => f.points[ind]!);
      if (Math.max(...y) - Math.min(...y) < 1e-9) continue;
      const r = leastSquaresResiduals(basis, y);
      results.push({ cohort, indicator: ind, firms: firms.length, features: columns.length, maxResidual: r.reduce((a, x) => Math.max(a, Math.abs(x)), 0) });
    }
  }
  return results;
}

/** The internal scores.csv of `npm run score`, as the attacker's ground truth (true points per indicator). */
export function readTruth(scoresCsv: string, indicators: string[]): { year: number; id: string; stage: string; points: Record<string, number> }[] {
  const rows = Papa.parse<Record<string, string>>(readFileSync(scoresCsv, 'utf8').replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true }).data;
  return rows.map((r) => ({
    year: Number(r.year),
    id: r.id!,
    stage: r.stage!,
    points: Object.fromEntries(indicators.map((k) => [k, Number(r[`${k}_pts`])])),
  }));
}
