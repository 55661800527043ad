// npm run bench [-- --sizes 10000,100000,520000 --skip-build-above N --date YYYY-MM-DD --smoke]
//
// The scale benchmark (issue 5). For each size it generates a synthetic data folder (three
// years, parks scaled up to 178 at 520,000 firms), then measures in one run, one step at a
// time so that steps do not compete for the two cores:
//   - papaparse alone over the folder's CSV files (the floor for scoring);
//   - scoring: `node scripts/score.ts` as a child process;
//   - the site build: `node scripts/build.ts`, and an Astro build of as many trivial pages (the
//     floor for building) in a throwaway project that uses this project's node_modules;
//   - the built site: pages, sizes (raw and gzip), JavaScript per page type, search downloads.
// Prints Markdown tables and writes them, with the machine they ran on, to docs/benchmarks.md
// (--report to choose the file). --smoke runs the smallest size for CI and writes no report
// unless --report is given. Nothing here asserts a time: the numbers are for people to read.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, join, posix, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { loadSiteConfig } from '../src/ingest/site-config.ts';
import { incrementalTable, measureIncremental, measureIncrementalBuild, type IncrementalBuild, type IncrementalResult } from './bench-incremental.ts';
import { measureSearch, type SearchMeasurement } from './bench-search.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const NODE = process.execPath;

/** The floor for scoring: a child process that only reads the files and runs Papa.parse over them with `step`. */
const PAPAPARSE_ONLY = `import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
let rows = 0;
for (const file of process.argv.slice(1)) Papa.parse(readFileSync(file, 'utf8'), { step: () => void rows++ });
console.log(rows);`;

const USAGE = `usage: npm run bench -- [--sizes 10000,100000,520000] [--skip-build-above N] [--date YYYY-MM-DD]
                       [--report docs/benchmarks.md] [--work DIR] [--keep] [--no-incremental] [--smoke]`;
const { values: args } = parseArgs({
  options: {
    sizes: { type: 'string' },
    'skip-build-above': { type: 'string' },
    date: { type: 'string' },
    report: { type: 'string' },
    work: { type: 'string' },
    keep: { type: 'boolean', default: false },
    'no-incremental': { type: 'boolean', default: false },
    smoke: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h' },
  },
  strict: true,
});
if (args.help) {
  console.log(USAGE);
  process.exit(0);
}
const sizes = (args.sizes ?? (args.smoke ? '1000' : '10000,100000,520000')).split(',').map((s) => {
  if (!/^\d+$/.test(s.trim()) || Number(s) < 1) throw new Error(`--sizes takes firm counts separated by commas (got "${s}")\n${USAGE}`);
  return Number(s);
});
const skipBuildAbove = args['skip-build-above'] === undefined ? Infinity : Number(args['skip-build-above']);
if (args.date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(args.date)) throw new Error(`--date must be YYYY-MM-DD\n${USAGE}`);
const reportFile = args.report ?? (args.smoke ? null : join(ROOT, 'docs', 'benchmarks.md'));
const work = resolve(args.work ?? mkdtempSync(join(tmpdir(), 'portal-bench-')));
mkdirSync(work, { recursive: true });

// ─── measuring a child process ───

interface Measured {
  /** Wall time in seconds. */
  wall: number;
  /** User + system CPU seconds of the process and its children (from /usr/bin/time). */
  cpu: number | null;
  /** Largest resident set of any one process of the tree, in bytes (from /usr/bin/time, else sampled). */
  peakRss: number;
  /** Largest sum of the tree's resident sets, sampled every 200 ms, in bytes. */
  peakTreeRss: number;
  stdout: string;
}

const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;

/** Resident set sizes (bytes) of a process and all its descendants, from /proc. */
function treeRss(root: number): { sum: number; max: number } {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const list = children.get(ppid) ?? [];
      list.push(Number(entry));
      children.set(ppid, list);
    } catch {
      // The process ended while we looked.
    }
  }
  let sum = 0;
  let max = 0;
  const visit = (pid: number) => {
    try {
      const status = readFileSync(`/proc/${pid}/status`, 'utf8');
      const rss = Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) * 1024;
      const hwm = Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? 0) * 1024;
      sum += rss;
      max = Math.max(max, hwm);
    } catch {
      // Gone.
    }
    for (const c of children.get(pid) ?? []) visit(c);
  };
  visit(root);
  return { sum, max };
}

/** Runs a command to completion, measuring wall time, CPU time and memory; throws when it fails. */
async function measure(label: string, command: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<Measured> {
  const timeFile = join(work, `time-${process.pid}.txt`);
  const argv = TIME ? [TIME, '-f', '%e %U %S %M', '-o', timeFile, ...command] : command;
  const started = performance.now();
  const child = spawn(argv[0]!, argv.slice(1), { cwd: options.cwd ?? ROOT, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout = (stdout + d.toString()).slice(-20000)));
  child.stderr.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-20000)));
  let peakTreeRss = 0;
  let peakSampled = 0;
  const sample = () => {
    if (child.pid === undefined) return;
    const { sum, max } = treeRss(child.pid);
    peakTreeRss = Math.max(peakTreeRss, sum);
    peakSampled = Math.max(peakSampled, max);
  };
  const timer = setInterval(sample, 200);
  const code: number = await new Promise((done) => child.on('close', (c) => done(c ?? 1)));
  clearInterval(timer);
  const wall = (performance.now() - started) / 1000;
  if (code !== 0) throw new Error(`${label} failed (exit ${code}):\n${stderr.slice(-4000)}\n${stdout.slice(-2000)}`);
  let cpu: number | null = null;
  let peakRss = peakSampled;
  if (TIME && existsSync(timeFile)) {
    const [, user, sys, maxKb] = readFileSync(timeFile, 'utf8').trim().split('\n').pop()!.split(' ').map(Number);
    cpu = user! + sys!;
    peakRss = Math.max(peakRss, maxKb! * 1024);
    rmSync(timeFile, { force: true });
  }
  return { wall, cpu, peakRss, peakTreeRss: Math.max(peakTreeRss, peakRss), stdout };
}

// ─── the built site ───

/** Every file under a folder, with its size. */
function listFiles(dir: string): { path: string; bytes: number }[] {
  const out: { path: string; bytes: number }[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out.push({ path: p, bytes: statSync(p).size });
    }
  };
  walk(dir);
  return out.sort((a, b) => (a.path < b.path ? -1 : 1));
}

const gzipBytes = (bytes: Uint8Array | string) => gzipSync(bytes).length;

/** Pages gzipped for the size statistics: all of them up to this many, else an even sample. */
const GZIP_SAMPLE = 20000;

interface PageStats {
  pages: number;
  totalBytes: number;
  htmlBytes: number;
  medianRaw: number;
  largestRaw: number;
  largestPage: string;
  medianGzip: number;
  largestGzip: number;
  gzipSampled: number;
}

function pageStats(dist: string): PageStats {
  const files = listFiles(dist);
  const pages = files.filter((f) => f.path.endsWith('.html'));
  const raw = pages.map((p) => p.bytes).sort((a, b) => a - b);
  const step = Math.max(1, Math.ceil(pages.length / GZIP_SAMPLE));
  const sample = pages.filter((_, i) => i % step === 0);
  const largest = pages.reduce((a, b) => (b.bytes > a.bytes ? b : a), pages[0]!);
  if (!sample.includes(largest)) sample.push(largest);
  const gz = sample.map((p) => gzipBytes(readFileSync(p.path))).sort((a, b) => a - b);
  return {
    pages: pages.length,
    totalBytes: files.reduce((s, f) => s + f.bytes, 0),
    htmlBytes: pages.reduce((s, f) => s + f.bytes, 0),
    medianRaw: median(raw),
    largestRaw: largest.bytes,
    largestPage: relative(dist, largest.path),
    medianGzip: median(gz),
    largestGzip: gz[gz.length - 1]!,
    gzipSampled: sample.length,
  };
}

const median = (sorted: number[]) => (sorted.length ? sorted[Math.floor((sorted.length - 1) / 2)]! : 0);

/**
 * The JavaScript a page makes the browser load before any interaction: script src, inline
 * scripts, astro-island component and renderer modules, module preloads, and the modules those
 * import statically. Modules only imported dynamically inside them (on demand) are not counted.
 */
function pageJavaScript(dist: string, basePath: string, page: string): { raw: number; gzip: number; files: number } {
  const html = readFileSync(join(dist, page), 'utf8');
  let raw = 0;
  let gzip = 0;
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
    if (/\bsrc=/.test(m[1]!) || /type="application\/(ld\+)?json"/.test(m[1]!)) continue;
    raw += Buffer.byteLength(m[2]!);
    gzip += gzipBytes(m[2]!);
  }
  const urls = new Set<string>();
  const pageUrl = posix.join(basePath, dirname(page).split('\\').join('/'), '/');
  const add = (url: string, from: string) => {
    if (/^(https?:)?\/\//.test(url) || url.startsWith('data:')) return;
    urls.add(posix.resolve(posix.dirname(from), url));
  };
  for (const m of html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)) add(m[1]!, pageUrl + 'x');
  for (const m of html.matchAll(/\b(?:component-url|renderer-url)="([^"]+)"/g)) add(m[1]!, pageUrl + 'x');
  for (const m of html.matchAll(/<link\b[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)) add(m[1]!, pageUrl + 'x');
  const seen = new Set<string>();
  const queue = [...urls];
  while (queue.length) {
    const url = queue.shift()!;
    if (seen.has(url)) continue;
    seen.add(url);
    const file = join(dist, url.startsWith(basePath) ? url.slice(basePath.length) : url);
    if (!existsSync(file)) continue;
    const text = readFileSync(file, 'utf8');
    raw += Buffer.byteLength(text);
    gzip += gzipBytes(text);
    for (const m of text.matchAll(/(?:\bfrom\s*|\bimport\s*)["']([^"']+\.m?js)["']/g)) {
      if (m[1]!.startsWith('.') || m[1]!.startsWith('/')) queue.push(posix.resolve(posix.dirname(url), m[1]!));
    }
  }
  return { raw, gzip, files: seen.size };
}

/** The ranking explorer's static data: the year lists in pieces (rankings-data/) and the sharded name index (search/). */
function searchFiles(dist: string): { file: string; raw: number; gzip: number }[] {
  const found: string[] = [];
  for (const name of ['rankings-data', 'search']) {
    const dir = join(dist, name);
    if (existsSync(dir)) found.push(...listFiles(dir).map((f) => f.path));
  }
  return found.map((path) => {
    const bytes = readFileSync(path);
    return { file: relative(dist, path), raw: bytes.length, gzip: gzipBytes(bytes) };
  });
}

// ─── Astro's floor: the same number of trivial pages ───

function writeTrivialAstroProject(dir: string, pages: number): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'src', 'pages'), { recursive: true });
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'astro-floor', private: true, type: 'module' }));
  writeFileSync(
    join(dir, 'astro.config.mjs'),
    // Same output format as the portal; caches inside this folder, not in the shared node_modules.
    `import { defineConfig } from 'astro/config';
export default defineConfig({ build: { format: 'directory' }, trailingSlash: 'always', cacheDir: './.cache', vite: { cacheDir: './.cache/vite' } });
`,
  );
  writeFileSync(
    join(dir, 'src', 'pages', '[id].astro'),
    `---
export function getStaticPaths() {
  return Array.from({ length: ${pages} }, (_, i) => ({ params: { id: String(i) } }));
}
const { id } = Astro.params;
---
<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Page {id}</title></head><body><p>Page {id}</p></body></html>
`,
  );
}

// ─── one size ───

interface SizeResult {
  firms: number;
  parks: number;
  rows: number;
  dataBytes: number;
  floor: Measured;
  score: Measured;
  build?: {
    total: Measured;
    prepareSeconds: number | null;
    astroFloor: Measured;
    stats: PageStats;
    jsProfile: { raw: number; gzip: number; files: number };
    jsRanking: { raw: number; gzip: number; files: number };
    search: { file: string; raw: number; gzip: number }[];
    searchTimes: SearchMeasurement;
  };
}

const log = (text: string) => console.error(`[bench] ${text}`);

async function runSize(firms: number): Promise<SizeResult> {
  const parks = Math.min(178, Math.max(4, Math.round((178 * firms) / 520000)));
  const data = join(work, `data-${firms}`);
  log(`${firms} firms, ${parks} parks: generating ${data}`);
  const gen = spawnSync(NODE, ['scripts/generate-sample.ts', '--out', data, '--firms', String(firms), '--parks', String(parks)], { cwd: ROOT, encoding: 'utf8' });
  if (gen.status !== 0) throw new Error(`generate-sample failed:\n${gen.stderr}`);
  const csvFiles = readdirSync(data).filter((f) => f.endsWith('.csv')).map((f) => join(data, f));
  const dataBytes = csvFiles.reduce((s, f) => s + statSync(f).size, 0);

  log('papaparse alone');
  const floor = await measure('papaparse floor', [NODE, '--input-type=module', '-e', PAPAPARSE_ONLY, ...csvFiles]);
  log(`scoring (floor ${floor.wall.toFixed(1)} s)`);
  const scoreOut = join(work, `score-${firms}`);
  const score = await measure('npm run score', [NODE, 'scripts/score.ts', '--data', data, '--out', scoreOut]);
  const rows = Number(/Scored (\d+) enterprise-years/.exec(score.stdout)?.[1] ?? NaN);
  rmSync(scoreOut, { recursive: true, force: true });
  log(`scored ${rows} rows in ${score.wall.toFixed(1)} s`);
  const result: SizeResult = { firms, parks, rows, dataBytes, floor, score };
  if (firms > skipBuildAbove) {
    log(`site build skipped (--skip-build-above ${skipBuildAbove})`);
    return result;
  }

  const dist = join(work, `dist-${firms}`);
  log('building the site');
  const total = await measure('npm run build', [NODE, 'scripts/build.ts'], {
    env: { ...process.env, PORTAL_DATA: data, PORTAL_DIST: dist, PORTAL_WORK_DIR: join(work, `build-${firms}`) },
  });
  const prepared = /Data validated and scored \(([\d.]+) s\)/.exec(total.stdout);
  const stats = pageStats(dist);
  log(`built ${stats.pages} pages in ${total.wall.toFixed(1)} s; Astro floor with as many trivial pages`);
  const floorDir = join(work, `astro-floor-${firms}`);
  writeTrivialAstroProject(floorDir, stats.pages);
  const astroFloor = await measure('Astro floor build', [NODE, 'node_modules/astro/bin/astro.mjs', 'build', '--silent'], {
    cwd: floorDir,
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
  });
  rmSync(floorDir, { recursive: true, force: true });

  const basePath = loadSiteConfig(data).base_path;
  const profile = readdirSync(join(dist, 'enterprise')).sort()[0]!;
  result.build = {
    total,
    prepareSeconds: prepared ? Number(prepared[1]) : null,
    astroFloor,
    stats,
    jsProfile: pageJavaScript(dist, basePath, `enterprise/${profile}/index.html`),
    jsRanking: pageJavaScript(dist, basePath, 'rankings/index.html'),
    search: searchFiles(dist),
    searchTimes: await measureSearch(dist, basePath),
  };
  if (!args.keep) rmSync(dist, { recursive: true, force: true });
  return result;
}

// ─── the report ───

const mb = (bytes: number) => (bytes / 1e6).toFixed(bytes < 1e7 ? 1 : 0);
/** A size in KB below 1 MB, else in MB. */
const size = (bytes: number) => (bytes < 1e6 ? `${kb(bytes)} KB` : `${mb(bytes)} MB`);
const gb = (bytes: number) => (bytes / 1e9).toFixed(2);
const kb = (bytes: number) => (bytes / 1000).toFixed(1);
const s1 = (seconds: number) => seconds.toFixed(1);
const n0 = (x: number) => x.toLocaleString('en-US');

function machine(): string[] {
  const cpu = /model name\s*:\s*(.+)/.exec(existsSync('/proc/cpuinfo') ? readFileSync('/proc/cpuinfo', 'utf8') : '')?.[1] ?? 'unknown';
  const commit = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).stdout.trim();
  return [
    `- CPU: ${availableParallelism()} × ${cpu} (\`nproc\` = ${availableParallelism()})`,
    `- Memory: ${(totalmem() / 2 ** 30).toFixed(1)} GiB`,
    `- Node ${process.version}; commit ${commit || 'unknown'}${args.date ? `; run on ${args.date}` : ''}`,
    `- Load average when the run started: ${startLoad}; when it ended: ${loadavg().map((l) => l.toFixed(1)).join(' ')} (other work on the machine makes times vary)`,
  ];
}

function report(results: SizeResult[]): string {
  const lines: string[] = [];
  lines.push('### Scoring (`node scripts/score.ts`)', '');
  lines.push('| firms | parks | enterprise-years | CSV input | papaparse alone | scoring wall | scoring CPU | ratio to papaparse | peak RSS |');
  lines.push('|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const r of results) {
    lines.push(
      `| ${n0(r.firms)} | ${r.parks} | ${n0(r.rows)} | ${mb(r.dataBytes)} MB | ${s1(r.floor.wall)} s | ${s1(r.score.wall)} s | ${r.score.cpu === null ? '–' : `${s1(r.score.cpu)} s`} | ${(r.score.wall / r.floor.wall).toFixed(1)}× | ${gb(r.score.peakRss)} GB |`,
    );
  }
  const built = results.filter((r) => r.build);
  if (built.length) {
    lines.push('', '### Site build (`node scripts/build.ts`: validate, score, Astro)', '');
    lines.push(
      '| firms | pages | Astro processes | build wall | of which Astro | pages/s (Astro) | Astro trivial-page floor (one process) | s/page vs floor (wall) | CPU s/page vs floor (whole build) | peak RSS (largest process) | peak RSS (sum over processes, sampled) |',
    );
    lines.push('|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
    for (const r of built) {
      const b = r.build!;
      const astro = b.total.wall - (b.prepareSeconds ?? 0);
      const ratio = astro / b.astroFloor.wall;
      // CPU time of the whole build (validation and scoring included, so it overstates the pages'
      // share) against the floor's: what the pages cost, however many cores share it.
      const cpuRatio = b.total.cpu !== null && b.astroFloor.cpu !== null ? `${(b.total.cpu / b.astroFloor.cpu).toFixed(1)}×` : '–';
      const processes = Number(/Pages built by (\d+) Astro processes/.exec(b.total.stdout)?.[1] ?? 1);
      lines.push(
        `| ${n0(r.firms)} | ${n0(b.stats.pages)} | ${processes} | ${s1(b.total.wall)} s | ${s1(astro)} s | ${(b.stats.pages / astro).toFixed(0)} | ${s1(b.astroFloor.wall)} s (${(b.stats.pages / b.astroFloor.wall).toFixed(0)} pages/s) | ${ratio.toFixed(1)}× | ${cpuRatio} | ${gb(b.total.peakRss)} GB | ${gb(b.total.peakTreeRss)} GB |`,
      );
    }
    lines.push(
      '',
      'The site is built by one Astro process per core (at most 4) when it has 5,000 enterprises or more (scripts/build.ts); the floor is a plain Astro build, one process. The wall-clock ratio is what an operator waits for; the CPU ratio compares the work done.',
    );
    lines.push('', '### Output', '');
    lines.push('| firms | site size | HTML | median page (raw / gzip) | largest page (raw / gzip) | JS on a profile page (raw / gzip) | JS on the rankings page (raw / gzip) |');
    lines.push('|---:|---:|---:|---:|---:|---:|---:|');
    for (const r of built) {
      const { stats: st, jsProfile: p, jsRanking: k } = r.build!;
      lines.push(
        `| ${n0(r.firms)} | ${size(st.totalBytes)} | ${size(st.htmlBytes)} | ${kb(st.medianRaw)} / ${kb(st.medianGzip)} KB | ${kb(st.largestRaw)} / ${kb(st.largestGzip)} KB (\`${st.largestPage}\`) | ${kb(p.raw)} / ${kb(p.gzip)} KB (${p.files} files) | ${kb(k.raw)} / ${kb(k.gzip)} KB (${k.files} files) |`,
      );
    }
    const sampled = built.some((r) => r.build!.stats.gzipSampled < r.build!.stats.pages);
    lines.push(
      '',
      `Gzip: node:zlib at its default level (6)${sampled ? `; for sites of more than ${n0(GZIP_SAMPLE)} pages, the median is over an even sample of them, plus the largest page` : ''}. ` +
        'JavaScript: script elements, island component and renderer modules, module preloads, and what those import statically; modules loaded only on demand are not counted.',
    );
    lines.push('', '### Search and the ranking explorer', '');
    lines.push(
      'The explorer\'s data is static JSON in pieces: per year a meta file, chunks of the list in rank order and one file per park (`rankings-data/`), and the name index in shards (`search/`). ' +
        `Timed in headless Chromium with the CPU slowed ${results.find((r) => r.build)?.build?.searchTimes.cpuThrottling ?? 4}× (scripts/bench-search.ts), from the input event to the first page of results on screen; a fresh page per query.`,
      '',
    );
    lines.push('| firms | data files (all years) | total (raw / gzip) | largest file (gzip) | hub first load (gzip, HTML + JS + CSS + data) | search box focus fetches | query | results in | fetched until results (gzip) |');
    lines.push('|---:|---:|---:|---:|---:|---:|---|---:|---:|');
    for (const r of built) {
      const { search: files, searchTimes: m } = r.build!;
      const largest = files.reduce((a, f) => Math.max(a, f.gzip), 0);
      const head = `| ${n0(r.firms)} | ${n0(files.length)} | ${size(files.reduce((t, f) => t + f.raw, 0))} / ${size(files.reduce((t, f) => t + f.gzip, 0))} | ${kb(largest)} KB | ${kb(m.firstLoad.total.gzip)} KB | ${m.onFocus.files} files, ${kb(m.onFocus.gzip)} KB |`;
      m.queries.forEach((q, i) => {
        const lead = i === 0 ? head : '| | | | | | |';
        lines.push(`${lead} ${q.kind} "${q.query}" | ${q.msToResults} ms | ${q.toResults.files} files, ${kb(q.toResults.gzip)} KB |`);
      });
    }
  }
  const skipped = results.filter((r) => !r.build).map((r) => n0(r.firms));
  if (skipped.length) lines.push('', `Site build not run for ${skipped.join(', ')} firms (--skip-build-above ${n0(skipBuildAbove)}).`);
  return lines.join('\n');
}

const startLoad = loadavg().map((l) => l.toFixed(1)).join(' ');
const results: SizeResult[] = [];
let incremental: IncrementalResult | null = null;
let incrementalBuild: (IncrementalBuild & { firms: number }) | null = null;
try {
  for (const firms of sizes) results.push(await runSize(firms));
  // Republishing after one park's data changes, at the largest size (not in the smoke run).
  if (!args.smoke && !args['no-incremental']) {
    const largest = Math.max(...sizes);
    log(`incremental publishing at ${largest} firms`);
    incremental = measureIncremental(join(work, `data-${largest}`), join(work, 'incremental'));
  }
  // Incremental site builds at the largest size built (the smoke run too: the path must work).
  const builtSizes = results.filter((r) => r.build).map((r) => r.firms);
  if (builtSizes.length && !args['no-incremental']) {
    const size = Math.max(...builtSizes);
    log(`incremental site build at ${size} firms`);
    incrementalBuild = { firms: size, ...measureIncrementalBuild(join(work, `data-${size}`), join(work, 'incremental-build')) };
  }
} finally {
  if (!args.keep) rmSync(work, { recursive: true, force: true });
}
let tables = report(results);
if (incremental) {
  tables +=
    `\n\n### Incremental publishing (${n0(Math.max(...sizes))} firms; scripts/bench-incremental.ts)\n\n` +
    `How much of the published result changes after an edit of the data folder, by rescoring the edited folder and comparing scores-YYYY.csv row by row (original scored in ${s1(incremental.baselineSeconds)} s).\n\n` +
    incrementalTable(incremental);
}
if (incrementalBuild) {
  const b = incrementalBuild;
  const full = results.find((r) => r.firms === b.firms)?.build?.total.wall;
  tables +=
    `\n\n### Incremental site build (${n0(b.firms)} firms; PORTAL_INCREMENTAL=1)\n\n` +
    'Astro 7\'s incremental build, fed a cache key per profile (a digest of the rows and statistics it shows): a first build fills the cache, then one firm corrects its name and the site is built again. Profiles rendered again are those whose cached copy was rewritten; the others were copied from the cache. List pages are always rendered.\n\n' +
    '| build | wall | profiles rendered | cache (a second copy of every profile) |\n|---|---:|---:|---:|\n' +
    (full !== undefined ? `| full build (no cache, above) | ${s1(full)} s | ${n0(b.profiles)} of ${n0(b.profiles)} | – |\n` : '') +
    `| first incremental build (fills the cache) | ${s1(b.primeSeconds)} s | ${n0(b.profiles)} of ${n0(b.profiles)} | ${mb(b.cacheBytes)} MB |\n` +
    `| after one firm's name correction (${b.firm}) | ${s1(b.afterSeconds)} s | ${n0(b.rerendered)} of ${n0(b.profiles)} | |`;
}
console.log(tables);
if (reportFile) {
  const command = `npm run bench -- --sizes ${sizes.join(',')}${Number.isFinite(skipBuildAbove) ? ` --skip-build-above ${skipBuildAbove}` : ''}`;
  writeFileSync(
    reportFile,
    `# Benchmarks\n\nMeasured with \`${command}\` (scripts/bench.ts). Each step ran alone, one after another.\n\n## Machine\n\n${machine().join('\n')}\n\n## Results\n\n${tables}\n`,
  );
  log(`written to ${relative(ROOT, reportFile)}`);
}
if (args.smoke) {
  // The smoke run checks that every step produced something, not how fast.
  const r = results[0]!;
  // After a name correction the incremental build renders exactly that firm's two profiles.
  const incrementalOk = !r.build || args['no-incremental'] || incrementalBuild?.rerendered === 2;
  const ok = r.rows > 0 && (!r.build || (r.build.stats.pages > 0 && r.build.search.length > 0)) && incrementalOk;
  if (!ok) {
    console.error('bench smoke: a step produced no output');
    process.exit(1);
  }
}
