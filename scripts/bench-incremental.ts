// node scripts/bench-incremental.ts --data <folder> [--park CODE] [--work DIR]
//
// Issue 5, item 4: what does republishing cost after one park's data changes? This measures how
// much of the published result actually changes, which bounds what any cache of scored results
// or of unchanged pages could save. Two edits of a data folder, each scored and compared row by
// row with the original's scores-YYYY.csv:
//   1. one park revises its latest year's R&D spending (every firm of the park, +10 %);
//   2. one firm's name is corrected (every year), a change that no score depends on.
// For each: rows whose published line changed, rows whose score changed, rows outside the park
// whose score or national rank changed. Prints a Markdown table; asserts nothing.
// Used by scripts/bench.ts at the largest size it scores; runnable alone.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import Papa from 'papaparse';
import { cachedProfilePages, removeBuildProcessDirs } from '../src/build/build-paths.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export interface IncrementalScenario {
  label: string;
  /** Enterprise-years in the edited park (or the one firm). */
  edited: number;
  rows: number;
  changedLines: number;
  changedScores: number;
  /** Rows outside the edited park whose score changed (the cohorts are national). */
  changedScoresElsewhere: number;
  changedNationalRanks: number;
  /** Enterprises with any changed row: the profile pages a page cache would have to rebuild. */
  changedFirms: number;
  firms: number;
  scoreSeconds: number;
}

export interface IncrementalResult {
  park: string;
  baselineSeconds: number;
  scenarios: IncrementalScenario[];
}

function score(data: string, out: string): number {
  const started = performance.now();
  const r = spawnSync(process.execPath, ['scripts/score.ts', '--data', data, '--out', out], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 26 });
  if (r.status !== 0) throw new Error(`scoring ${data} failed (exit ${r.status}):\n${r.stderr.slice(-4000)}`);
  return (performance.now() - started) / 1000;
}

/** A copy of a data folder whose enterprises.csv lines pass through `edit` (null keeps the line). */
function editedCopy(data: string, to: string, edit: (cells: string[], header: string[]) => string[] | null): number {
  mkdirSync(to, { recursive: true });
  for (const f of readdirSync(data, { withFileTypes: true })) {
    if (f.isFile() && f.name !== 'enterprises.csv') copyFileSync(join(data, f.name), join(to, f.name));
  }
  const text = readFileSync(join(data, 'enterprises.csv'), 'utf8');
  const lines = text.split('\n');
  const header = Papa.parse<string[]>(lines[0]!.replace(/^\uFEFF/, '')).data[0]!;
  let edited = 0;
  for (let i = 1; i < lines.length; i++) {
    if (!lines[i]) continue;
    const cells = Papa.parse<string[]>(lines[i]!.replace(/\r$/, '')).data[0]!;
    const changed = edit(cells, header);
    if (changed) {
      lines[i] = Papa.unparse([changed], { newline: '' }) + (lines[i]!.endsWith('\r') ? '\r' : '');
      edited++;
    }
  }
  writeFileSync(join(to, 'enterprises.csv'), lines.join('\n'));
  return edited;
}

/** scores-YYYY.csv of an output folder, as id → line, per year. */
function scoreLines(out: string): Map<string, Map<string, string>> {
  const years = new Map<string, Map<string, string>>();
  for (const f of readdirSync(out).filter((n) => /^scores-\d{4}\.csv$/.test(n))) {
    const rows = new Map<string, string>();
    const lines = readFileSync(join(out, f), 'utf8').split('\n');
    for (const line of lines.slice(1)) {
      if (!line) continue;
      // year,id,… : the id is the second cell and never quoted (18 safe characters).
      const id = line.slice(5, line.indexOf(',', 5));
      rows.set(id, line);
    }
    years.set(f, rows);
  }
  return years;
}

/** Cells of a scores.csv line (names may be quoted). */
const cellsOf = (line: string) => Papa.parse<string[]>(line).data[0]!;

function compare(label: string, before: Map<string, Map<string, string>>, afterDir: string, park: string, edited: number, seconds: number): IncrementalScenario {
  const after = scoreLines(afterDir);
  const s: IncrementalScenario = { label, edited, rows: 0, changedLines: 0, changedScores: 0, changedScoresElsewhere: 0, changedNationalRanks: 0, changedFirms: 0, firms: 0, scoreSeconds: seconds };
  const firms = new Set<string>();
  const changedFirms = new Set<string>();
  for (const [file, rows] of before) {
    const other = after.get(file) ?? new Map<string, string>();
    for (const [id, line] of rows) {
      s.rows++;
      firms.add(id);
      const next = other.get(id);
      if (next === line) continue;
      s.changedLines++;
      changedFirms.add(id);
      if (next === undefined) continue;
      const a = cellsOf(line);
      const b = cellsOf(next);
      // Columns: year,id,name,park,stage,score,rank_national,…
      if (a[5] !== b[5]) {
        s.changedScores++;
        if (a[3] !== park) s.changedScoresElsewhere++;
      }
      if (a[6] !== b[6]) s.changedNationalRanks++;
    }
  }
  s.firms = firms.size;
  s.changedFirms = changedFirms.size;
  return s;
}

export function measureIncremental(data: string, work: string, chosenPark?: string): IncrementalResult {
  mkdirSync(work, { recursive: true });
  const baseOut = join(work, 'scored-original');
  const baselineSeconds = score(data, baseOut);
  const before = scoreLines(baseOut);

  // The park: the one asked for, else the one with most rows in the latest year.
  const latestFile = [...before.keys()].sort().at(-1)!;
  const latestYear = latestFile.slice(7, 11);
  let park = chosenPark;
  if (!park) {
    const counts = new Map<string, number>();
    for (const line of before.get(latestFile)!.values()) {
      const p = cellsOf(line)[3]!;
      counts.set(p, (counts.get(p) ?? 0) + 1);
    }
    park = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]![0];
  }
  const scenarios: IncrementalScenario[] = [];

  const revised = join(work, 'data-park-revised');
  const editedRows = editedCopy(data, revised, (cells, header) => {
    if (cells[header.indexOf('park')] !== park || cells[header.indexOf('year')] !== latestYear) return null;
    const col = header.indexOf('rd_expense');
    const v = cells[col]!;
    if (v === '' || Number(v) === 0) return null;
    cells[col] = (Math.round(Number(v) * 110) / 100).toFixed(2);
    return cells;
  });
  const revisedOut = join(work, 'scored-park-revised');
  const t1 = score(revised, revisedOut);
  scenarios.push(compare(`park ${park} revises ${latestYear} R&D spending (+10 %)`, before, revisedOut, park, editedRows, t1));
  rmSync(revised, { recursive: true, force: true });
  rmSync(revisedOut, { recursive: true, force: true });

  // One firm of that park renames (a correction): the first id of the park in the latest year.
  let firm = '';
  for (const [id, line] of before.get(latestFile)!) {
    if (cellsOf(line)[3] === park) {
      firm = id;
      break;
    }
  }
  const renamed = join(work, 'data-renamed');
  const renamedRows = editedCopy(data, renamed, (cells, header) => {
    if (cells[header.indexOf('id')] !== firm) return null;
    cells[header.indexOf('name')] += '（更正）';
    return cells;
  });
  const renamedOut = join(work, 'scored-renamed');
  const t2 = score(renamed, renamedOut);
  scenarios.push(compare(`one firm (${firm}) corrects its name`, before, renamedOut, park, renamedRows, t2));
  rmSync(renamed, { recursive: true, force: true });
  rmSync(renamedOut, { recursive: true, force: true });
  rmSync(baseOut, { recursive: true, force: true });
  return { park, baselineSeconds, scenarios };
}

export interface IncrementalBuild {
  firm: string;
  /** `npm run build` with PORTAL_INCREMENTAL=1 and an empty cache: a full build that also fills the cache. */
  primeSeconds: number;
  /** The same after one firm's name was corrected. */
  afterSeconds: number;
  profiles: number;
  /** Profile pages rendered again (their cached copy rewritten); the rest were copied from the cache. */
  rerendered: number;
  /** Bytes the cache holds: a second copy of every profile. */
  cacheBytes: number;
}

function build(data: string, work: string, dist: string): number {
  const started = performance.now();
  const r = spawnSync(process.execPath, ['scripts/build.ts'], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 1 << 26,
    env: { ...process.env, PORTAL_DATA: data, PORTAL_WORK_DIR: work, PORTAL_DIST: dist, PORTAL_INCREMENTAL: '1' },
  });
  if (r.status !== 0) throw new Error(`building ${data} failed (exit ${r.status}):\n${r.stderr.slice(-4000)}`);
  return (performance.now() - started) / 1000;
}

/**
 * Incremental site builds (PORTAL_INCREMENTAL=1): a full build that fills the cache, then a
 * build after one firm's name is corrected, which renders only that firm's profiles again.
 */
export function measureIncrementalBuild(data: string, work: string): IncrementalBuild {
  mkdirSync(work, { recursive: true });
  const buildWork = join(work, 'build');
  const dist = join(work, 'dist');
  // A fresh cache: what a previous run of the same folders left is not this data's.
  removeBuildProcessDirs(ROOT, buildWork);
  const primeSeconds = build(data, buildWork, dist);
  const before = cachedProfilePages(ROOT, buildWork);
  // The firm: the first id of the data's last line (any firm will do).
  const lines = readFileSync(join(data, 'enterprises.csv'), 'utf8').trimEnd().split('\n');
  const firm = cellsOf(lines[lines.length - 1]!)[0]!;
  const renamed = join(work, 'data-renamed');
  editedCopy(data, renamed, (cells, header) => {
    if (cells[header.indexOf('id')] !== firm) return null;
    cells[header.indexOf('name')] += '（更正）';
    return cells;
  });
  const afterSeconds = build(renamed, buildWork, dist);
  const after = cachedProfilePages(ROOT, buildWork);
  let rerendered = 0;
  let cacheBytes = 0;
  for (const [path, f] of after) {
    cacheBytes += f.bytes;
    if (before.get(path)?.mtime !== f.mtime) rerendered++;
  }
  rmSync(renamed, { recursive: true, force: true });
  rmSync(dist, { recursive: true, force: true });
  removeBuildProcessDirs(ROOT, buildWork);
  return { firm, primeSeconds, afterSeconds, profiles: after.size, rerendered, cacheBytes };
}

const pct = (a: number, b: number) => {
  const p = (100 * a) / Math.max(1, b);
  return a > 0 && p < 0.001 ? '< 0.001 %' : `${p.toFixed(a && a < b / 1000 ? 3 : 1)} %`;
};

export function incrementalTable(r: IncrementalResult): string {
  const lines = [
    '| change | rows edited | published rows changed | scores changed | scores changed outside the park | national ranks changed | enterprises (profile pages) changed | scoring time |',
    '|---|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const s of r.scenarios) {
    lines.push(
      `| ${s.label} | ${s.edited.toLocaleString('en-US')} | ${s.changedLines.toLocaleString('en-US')} of ${s.rows.toLocaleString('en-US')} (${pct(s.changedLines, s.rows)}) | ${s.changedScores.toLocaleString('en-US')} | ${s.changedScoresElsewhere.toLocaleString('en-US')} | ${s.changedNationalRanks.toLocaleString('en-US')} | ${s.changedFirms.toLocaleString('en-US')} of ${s.firms.toLocaleString('en-US')} (${pct(s.changedFirms, s.firms)}) | ${s.scoreSeconds.toFixed(1)} s |`,
    );
  }
  return lines.join('\n');
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { data: { type: 'string' }, park: { type: 'string' }, work: { type: 'string' } }, strict: true });
  if (!values.data) {
    console.error('usage: node scripts/bench-incremental.ts --data <folder> [--park CODE] [--work DIR]');
    process.exit(2);
  }
  const work = values.work ?? mkdtempSync(join(tmpdir(), 'portal-incremental-'));
  try {
    const r = measureIncremental(resolve(values.data), work, values.park);
    console.log(`Original scored in ${r.baselineSeconds.toFixed(1)} s.\n`);
    console.log(incrementalTable(r));
  } finally {
    if (!values.work) rmSync(work, { recursive: true, force: true });
  }
}
