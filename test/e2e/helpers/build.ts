// Real builds for end-to-end tests: `node scripts/build.ts` in a child process, writing into
// temporary folders (PORTAL_DIST, PORTAL_WORK_DIR) so tests never touch a developer's dist/.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve, sep } from 'node:path';
import { inject } from 'vitest';

/** The project root: tests run from it (vitest's cwd), and the build scripts resolve paths from it. */
export const ROOT = resolve('.');

/** Where one build writes: the published site and the staging folder next to it. */
export interface BuildTarget {
  dist: string;
  work: string;
}

export interface BuildResult extends BuildTarget {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/** A fresh temporary folder (under the OS temp dir) for one test's outputs. */
export function tempDir(prefix = 'portal-e2e-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** A dist/ and a staging folder inside one fresh temporary folder (same file system, so the swap is a rename). */
export function newTarget(): BuildTarget {
  const root = tempDir('portal-site-');
  return { dist: join(root, 'dist'), work: join(root, 'work') };
}

/** The environment a build of `dataDir` into `target` runs with. */
export function buildEnv(dataDir: string, target: BuildTarget): NodeJS.ProcessEnv {
  return {
    ...process.env,
    PORTAL_DATA: resolve(dataDir),
    PORTAL_DIST: target.dist,
    PORTAL_WORK_DIR: target.work,
    ASTRO_TELEMETRY_DISABLED: '1',
    TZ: 'UTC',
  };
}

export interface BuildOptions {
  /** Called with each chunk of stdout; return true to SIGKILL the whole build (process group). */
  killWhen?: (stdoutSoFar: string) => boolean;
  /** Polled every 20 ms; return true to SIGKILL the whole build (process group). */
  killPoll?: () => boolean;
  /** Extra environment variables for the build (e.g. TZ, NODE_OPTIONS). */
  env?: NodeJS.ProcessEnv;
}

/**
 * Builds the portal from `dataDir` into `target` (a fresh one by default) with the project's
 * pinned Node. The build runs in its own process group so a kill reaches Astro's child too.
 */
export function buildSite(dataDir: string, target: BuildTarget = newTarget(), options: BuildOptions = {}): Promise<BuildResult> {
  const started = performance.now();
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['scripts/build.ts'], {
      cwd: ROOT,
      env: { ...buildEnv(dataDir, target), ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    let stdout = '';
    let stderr = '';
    let killed = false;
    const kill = () => {
      if (killed || child.pid === undefined) return;
      killed = true;
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    };
    const timer = options.killPoll
      ? setInterval(() => {
          if (options.killPoll!()) kill();
        }, 20)
      : undefined;
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      if (options.killWhen?.(stdout)) kill();
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', fail);
    child.on('close', (status, signal) => {
      if (timer) clearInterval(timer);
      done({ ...target, status, signal, stdout, stderr, ms: performance.now() - started });
    });
  });
}

/** Builds and throws with the build's own output when it fails: for tests that need a good site. */
export async function buildSiteOrThrow(dataDir: string, target?: BuildTarget): Promise<BuildResult> {
  const r = await buildSite(dataDir, target);
  if (r.status !== 0) throw new Error(`build of ${dataDir} failed (exit ${r.status ?? r.signal}):\n${r.stdout}\n${r.stderr}`);
  return r;
}

export interface RunResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `npm run score -- --data <dataDir> --out <out>` (as `node scripts/score.ts`, the same thing). */
export function runScore(dataDir: string, out: string): Promise<RunResult> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['scripts/score.ts', '--data', dataDir, '--out', out], {
      cwd: ROOT,
      env: { ...process.env, TZ: 'UTC' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
    child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
    child.on('error', fail);
    child.on('close', (status) => done({ status, stdout, stderr }));
  });
}

/** Every file under `dir`, as sorted `/`-separated paths relative to it. */
export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out.push(relative(dir, p).split(sep).join('/'));
    }
  };
  walk(dir);
  return out.sort();
}

/** SHA-256 of a file's bytes, hex. */
export function sha256File(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

/** Relative path → SHA-256 for every file under `dir`: a snapshot to compare byte for byte. */
export function hashTree(dir: string): Record<string, string> {
  return Object.fromEntries(listFiles(dir).map((f) => [f, sha256File(join(dir, f))]));
}

/** Files of `dir` whose path ends with one of `extensions` (e.g. ['.html']). */
export function filesWithExtension(dir: string, extensions: string[]): string[] {
  return listFiles(dir).filter((f) => extensions.some((x) => f.toLowerCase().endsWith(x)));
}

/** A top-level folder that holds a language version of the site (`en/`, `zh-hant/`). */
const LANGUAGE_DIR = /^[a-z]{2}(-[a-z]{2,4})?$/i;

/**
 * A sample of the site's HTML pages that covers every page type. Pages are grouped by a key: the
 * path without its language folder, with data-made segments replaced by `*` (the given tokens,
 * e.g. enterprise ids and park codes, any segment holding a digit, and the children of a folder
 * below the top level that has `collapseAbove` or more sub-folders, such as one page per
 * indicator). Shallow groups come first; each group gives its first page (the default language's),
 * then groups take turns (so the next round brings the other language), until `max` pages are chosen.
 */
export function samplePages(dist: string, options: { max?: number; tokens?: string[]; collapseAbove?: number } = {}): string[] {
  const { max = 40, tokens = [], collapseAbove = 5 } = options;
  const known = new Set(tokens.map((t) => t.toLowerCase()));
  const files = filesWithExtension(dist, ['.html']);
  const childDirs = new Map<string, Set<string>>();
  for (const f of files) {
    const segs = f.split('/');
    for (let i = 0; i < segs.length - 1; i++) {
      const parent = segs.slice(0, i).join('/');
      let set = childDirs.get(parent);
      if (!set) childDirs.set(parent, (set = new Set()));
      set.add(segs[i]!);
    }
  }
  const keyOf = (file: string) => {
    const segs = file.split('/');
    const lang = segs.length > 1 && LANGUAGE_DIR.test(segs[0]!) ? 1 : 0;
    return segs
      .map((seg, i) => {
        if (i < lang) return null;
        if (i === segs.length - 1) return seg;
        const crowded = i - lang >= 1 && (childDirs.get(segs.slice(0, i).join('/'))?.size ?? 0) >= collapseAbove;
        return known.has(seg.toLowerCase()) || /\d/.test(seg) || crowded ? '*' : seg;
      })
      .filter((x) => x !== null)
      .join('/');
  };
  const groups = new Map<string, string[]>();
  for (const f of files) {
    const k = keyOf(f);
    const list = groups.get(k);
    if (list) list.push(f);
    else groups.set(k, [f]);
  }
  const depth = (k: string) => k.split('/').length;
  // The default-language page (no language folder) of each group comes first.
  const inLanguageDir = (f: string) => (f.includes('/') && LANGUAGE_DIR.test(f.split('/')[0]!) ? 1 : 0);
  const queues = [...groups.entries()]
    .sort(([a], [b]) => depth(a) - depth(b) || (a < b ? -1 : 1))
    .map(([, list]) => list.sort((a, b) => inLanguageDir(a) - inLanguageDir(b) || (a < b ? -1 : 1)));
  const chosen: string[] = [];
  for (let round = 0; chosen.length < max && queues.some((q) => q.length > round); round++) {
    for (const q of queues) if (q[round] !== undefined && chosen.length < max) chosen.push(q[round]!);
  }
  return chosen.sort();
}

/** The URL path of a built HTML file under the site's base path: `a/b/index.html` → `/a/b/`. */
export function urlPathOf(file: string, base = '/'): string {
  return base + file.replace(/(^|\/)index\.html$/, '$1');
}

let sample: Promise<BuildResult> | undefined;

/**
 * The portal built from the bundled sample data (`data/`), built once per test file and shared
 * by its tests; within one e2e run later files reuse the same build (it lives under the run's
 * temporary root, see global-setup.ts).
 */
export function sampleSite(): Promise<BuildResult> {
  sample ??= (async () => {
    const root = join(inject('e2eRoot'), 'sample-site');
    const target = { dist: join(root, 'dist'), work: join(root, 'work') };
    const done = join(root, 'built');
    if (existsSync(done)) return { ...target, status: 0, signal: null, stdout: '', stderr: '', ms: 0 };
    const r = await buildSiteOrThrow('data', target);
    writeFileSync(done, '');
    return r;
  })();
  return sample;
}
