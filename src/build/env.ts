/**
 * The build's environment: every PORTAL_* variable, read and checked here and nowhere else
 * (README, "Other commands", lists them). A bad value stops the build with a message naming the
 * variable, what it must be and what it was.
 *
 * Two kinds of variable:
 * - set by whoever runs `npm run build` (and the tests): PORTAL_DATA, PORTAL_DIST,
 *   PORTAL_WORK_DIR, PORTAL_BUILD_PROCESSES, PORTAL_HEAP_MB, PORTAL_V8_FLAGS,
 *   PORTAL_INCREMENTAL, PORTAL_BUILD_CONCURRENCY, PORTAL_OG_FONT;
 * - set by scripts/build.ts for each Astro process it starts (BuildProcessVariables), never by
 *   hand: PORTAL_ASTRO_OUT_DIR, PORTAL_PUBLIC_DIR, PORTAL_SHARD, PORTAL_CACHE_DIR.
 *
 * Two folders are easily confused: PORTAL_DIST is the finished site, replaced only once a build
 * has succeeded; PORTAL_ASTRO_OUT_DIR is where one Astro process writes its pages, inside the
 * work folder, before scripts/build.ts merges and swaps them into PORTAL_DIST.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

/** A PORTAL_* variable with a value the build cannot use. */
export class BuildEnvError extends Error {
  override name = 'BuildEnvError';
}

export interface BuildEnv {
  /** PORTAL_DATA: the data folder (default `data`), absolute. */
  dataDir: string;
  /** PORTAL_DIST: the finished site, swapped in only when a build succeeds (default `dist`), absolute. */
  distDir: string;
  /**
   * PORTAL_WORK_DIR: the work folder (default `.portal-build`), absolute: the scored data, the
   * public folder, each Astro process's output and caches. PORTAL_WORK is its former name.
   */
  workDir: string;
  /** PORTAL_BUILD_PROCESSES: Astro processes side by side, ≥ 1; undefined: chosen by the site's size. */
  buildProcesses: number | undefined;
  /** PORTAL_HEAP_MB: the V8 old-space limit of every Astro process, in MB; undefined: from memory and data size. */
  heapMb: number | undefined;
  /** PORTAL_V8_FLAGS: more V8 flags for every Astro process, space-separated. */
  v8Flags: string[];
  /** PORTAL_INCREMENTAL=1: profiles unchanged since the last build of the work folder are reused from its cache. */
  incremental: boolean;
  /** PORTAL_BUILD_CONCURRENCY: pages one Astro process renders at once (default 3). */
  renderConcurrency: number;
  /**
   * PORTAL_OG_FONT: a font file (.ttf, .otf or .ttc with Chinese glyphs) for the share images,
   * absolute; undefined: a CJK font is looked for where Debian and other systems install them.
   */
  ogFont: string | undefined;
  /** PORTAL_ASTRO_OUT_DIR (set by scripts/build.ts): this Astro process's output folder, not the finished site. */
  astroOutDir: string;
  /** PORTAL_PUBLIC_DIR (set by scripts/build.ts): Astro's public folder, prepared in the work folder. */
  astroPublicDir: string;
  /** PORTAL_SHARD="k/n" (set by scripts/build.ts): this process's number and the number of processes; 0 of 1 when unset. */
  shard: { index: number; count: number };
  /** PORTAL_CACHE_DIR (set by scripts/build.ts): this Astro process's own caches; undefined: Astro's default. */
  cacheDir: string | undefined;
}

/** The variables scripts/build.ts sets for each Astro process it starts. */
export type BuildProcessVariables = {
  PORTAL_DATA: string;
  PORTAL_WORK_DIR: string;
  PORTAL_ASTRO_OUT_DIR: string;
  PORTAL_PUBLIC_DIR: string;
  PORTAL_CACHE_DIR: string;
  PORTAL_SHARD?: string;
};

type Env = Readonly<Record<string, string | undefined>>;

/** A variable's value, with a blank value counting as unset. */
function value(env: Env, name: string): string | undefined {
  const v = env[name]?.trim();
  return v === undefined || v === '' ? undefined : v;
}

function wholeNumber(env: Env, name: string, min: number, max: number): number | undefined {
  const v = value(env, name);
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!/^\d+$/.test(v) || n < min || n > max) {
    throw new BuildEnvError(`${name} must be a whole number from ${min} to ${max}, not "${env[name]}"`);
  }
  return n;
}

function flag(env: Env, name: string): boolean {
  const v = value(env, name);
  if (v === undefined || v === '0' || v === 'false') return false;
  if (v === '1' || v === 'true') return true;
  throw new BuildEnvError(`${name} must be 1 (on) or 0 (off), not "${env[name]}"`);
}

function fontFile(env: Env, name: string): string | undefined {
  const v = value(env, name);
  if (v === undefined) return undefined;
  if (!/\.(ttf|otf|ttc)$/i.test(v)) throw new BuildEnvError(`${name} must name a .ttf, .otf or .ttc font file, not "${v}"`);
  if (!existsSync(v)) throw new BuildEnvError(`${name} names a font file that does not exist: "${v}"`);
  return resolve(v);
}

function shardOf(env: Env): { index: number; count: number } {
  const v = value(env, 'PORTAL_SHARD');
  if (v === undefined) return { index: 0, count: 1 };
  const m = /^(\d+)\/(\d+)$/.exec(v);
  const index = Number(m?.[1]);
  const count = Number(m?.[2]);
  if (!m || count < 1 || index >= count) throw new BuildEnvError(`PORTAL_SHARD must look like "0/2" (process 0 of 2), not "${v}"`);
  return { index, count };
}

/**
 * Reads and checks every PORTAL_* variable of `env`. Relative folders are resolved against the
 * working directory. `warn` receives the notice for a variable under its former name.
 */
export function readBuildEnv(env: Env, warn: (message: string) => void = (m) => console.warn(m)): BuildEnv {
  let work = value(env, 'PORTAL_WORK_DIR');
  const formerWork = value(env, 'PORTAL_WORK');
  if (formerWork !== undefined) {
    if (work === undefined) {
      warn('PORTAL_WORK is deprecated: it is read as PORTAL_WORK_DIR, the name to use.');
      work = formerWork;
    } else if (resolve(formerWork) !== resolve(work)) {
      throw new BuildEnvError(`PORTAL_WORK (deprecated) and PORTAL_WORK_DIR name different folders ("${formerWork}", "${work}"): set only PORTAL_WORK_DIR`);
    }
  }
  const v8Flags = value(env, 'PORTAL_V8_FLAGS');
  const cacheDir = value(env, 'PORTAL_CACHE_DIR');
  return {
    dataDir: resolve(value(env, 'PORTAL_DATA') ?? 'data'),
    distDir: resolve(value(env, 'PORTAL_DIST') ?? 'dist'),
    workDir: resolve(work ?? '.portal-build'),
    buildProcesses: wholeNumber(env, 'PORTAL_BUILD_PROCESSES', 1, 256),
    heapMb: wholeNumber(env, 'PORTAL_HEAP_MB', 256, 1_048_576),
    v8Flags: v8Flags === undefined ? [] : v8Flags.split(/\s+/),
    incremental: flag(env, 'PORTAL_INCREMENTAL'),
    renderConcurrency: wholeNumber(env, 'PORTAL_BUILD_CONCURRENCY', 1, 1024) ?? 3,
    ogFont: fontFile(env, 'PORTAL_OG_FONT'),
    astroOutDir: value(env, 'PORTAL_ASTRO_OUT_DIR') ?? './.portal-build/dist',
    astroPublicDir: value(env, 'PORTAL_PUBLIC_DIR') ?? './.portal-build/public',
    shard: shardOf(env),
    cacheDir,
  };
}

let current: BuildEnv | undefined;

/** This process's build environment (process.env), read once. */
export function buildEnv(): BuildEnv {
  current ??= readBuildEnv(process.env);
  return current;
}
