// npm run build [PORTAL_DATA=<dir>]: validate, score and build the static portal into dist/
// (the PORTAL_* variables: src/build/env.ts).
// The new site is assembled in .portal-build/ and swapped into dist/ only when complete, so a
// failed or interrupted build leaves the previous dist/ exactly as it was.
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { availableParallelism, totalmem } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { buildProcessDir, heapLimitsMb, profileFolders, removeBuildProcessDirs } from '../src/build/build-paths.ts';
import { BuildEnvError, readBuildEnv, type BuildEnv, type BuildProcessVariables } from '../src/build/env.ts';
import { OUTPUT_FILES } from '../src/publish/output.ts';
import { preparePortal } from '../src/publish/prepare.ts';
import { privacySummary } from '../src/publish/publish.ts';
import type { PublishedMeta } from '../src/publish/publish.ts';
import { ogFont, ogFontNotice } from '../src/build/og-font.ts';

/** From this many enterprises on, the pages are built by several processes (one per core). */
const SHARD_MIN_ENTERPRISES = 5000;

let env: BuildEnv;
try {
  env = readBuildEnv(process.env);
} catch (e) {
  if (!(e instanceof BuildEnvError)) throw e;
  console.error(`The build did not start: ${e.message}.`);
  process.exit(1);
}
const dataDir = env.dataDir;
// Tests point these at temporary folders so they never touch a developer's dist/.
const work = env.workDir;
const dist = env.distDir;
const newDist = resolve(work, 'dist');
const started = performance.now();
const elapsed = () => `${((performance.now() - started) / 1000).toFixed(1)} s`;

// One build at a time per work folder: a second build waits instead of deleting the first one's files.
const lock = `${work}.lock`;
const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};
mkdirSync(dirname(lock), { recursive: true });
for (let waited = 0; ; waited++) {
  try {
    const fd = openSync(lock, 'wx');
    writeSync(fd, String(process.pid));
    closeSync(fd);
    break;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    let holder: number;
    try {
      holder = Number(readFileSync(lock, 'utf8') || 0);
    } catch {
      continue; // released between our two looks
    }
    if (!holder || !alive(holder)) {
      rmSync(lock, { force: true });
      continue;
    }
    if (waited === 0) console.log(`Another build (pid ${holder}) is using ${work}; waiting …`);
    await new Promise((r) => setTimeout(r, 1000));
  }
}
process.on('exit', () => rmSync(lock, { force: true }));

console.log(`Preparing the portal from ${dataDir} …`);
const prepared = await preparePortal(dataDir, work, resolve('public'));
if (!prepared.ok) {
  for (const e of prepared.errors) console.error(e);
  console.error(`\nThe build stopped: ${prepared.errors.length} problem(s) in ${dataDir}. ${dist} was not changed.`);
  process.exit(1);
}
console.log(`Data validated and scored (${elapsed()}); building pages …`);
console.log(privacySummary(prepared.risks, relative(process.cwd(), resolve(work, 'scored', OUTPUT_FILES.privacyReport)) || '.'));
if (!ogFont()) console.warn(ogFontNotice);

// The build's environment, less what would change the output behind the data folder's back:
// Vite and Astro read BASE_URL, MODE, SITE and friends from the environment (vitest and some
// CI systems export BASE_URL=/, which would drop the base path of site.json), and NODE_ENV
// other than production (vitest exports "test") bundles React's development build.
const inherited = { ...process.env };
for (const name of ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'SITE', 'ASSETS_PREFIX']) delete inherited[name];
// The work folder reaches the processes as PORTAL_WORK_DIR only (not under its former name).
delete inherited['PORTAL_WORK'];
// Astro renders pages on one thread, so a large site is built by several Astro processes side by
// side, one per core (at most 4): process 0 builds every page but part of the enterprise
// profiles, the others build only profiles (src/site/shard.ts), and their folders are merged.
// Small sites use one process: another process's start-up (bundling, loading the data) would
// cost more than it saves. PORTAL_BUILD_PROCESSES overrides.
const meta = JSON.parse(readFileSync(resolve(work, 'scored', OUTPUT_FILES.meta), 'utf8')) as PublishedMeta;
const defaultProcesses = meta.counts.enterprises >= SHARD_MIN_ENTERPRISES ? Math.min(4, availableParallelism()) : 1;
const processes = env.buildProcesses ?? defaultProcesses;
// Heap limits (src/build/build-paths.ts): process 0 holds every row and the lists' indexes (at
// 520,000 firms 2.1–2.3 GB live once loaded, measured with --trace-gc), and with the general
// ceiling V8 let it reach 5.7 GB resident, the build 8.5 GB in all; held to five times the rows
// files' size (4.4 GB nationally) it stays at 4.0 GB. A young generation larger than Node's
// default lets each page's short-lived objects die young instead of filling the old generation
// (measured at 520,000 firms: 11.5 s → 4.5 s of every 40 s spent collecting garbage).
const rowsBytes = meta.years.reduce((sum, y) => sum + statSync(resolve(work, 'scored', OUTPUT_FILES.rowsForYear(y))).size, 0);
const heapMb = heapLimitsMb(processes, totalmem(), rowsBytes, env.heapMb);
// PORTAL_V8_FLAGS: more V8 flags for every Astro process (space-separated), after these.
const v8Flags = env.v8Flags;
const projectDir = process.cwd();
const astroBin = resolve('node_modules/astro/bin/astro.mjs');
const outDirOf = (k: number) => (k === 0 ? newDist : resolve(work, `dist-${k}`));
const pagesStarted = performance.now();
const children: ChildProcess[] = [];
let firstFailure: { k: number; code: number | null; signal: NodeJS.Signals | null } | null = null;
const results = await Promise.all(
  Array.from({ length: processes }, (_, k) => {
    const args = [`--max-old-space-size=${heapMb[k]}`, '--max-semi-space-size=64', ...v8Flags, astroBin, 'build', '--root', projectDir, '--silent'];
    // Astro stages its server bundle in the output folder when that lies under the working
    // directory, else in a fixed folder of the working directory, which side-by-side processes
    // (or builds of two work folders) would share and remove under each other. So each process
    // runs in a folder of its own under the project, where the bundle still finds node_modules.
    const cwd = buildProcessDir(projectDir, work, k);
    mkdirSync(cwd, { recursive: true });
    // Its caches too: no two processes write the same file, and an incremental build
    // (PORTAL_INCREMENTAL=1) finds what the same process of the last build of this work folder
    // rendered. The work folder itself is emptied by every build.
    const portal: BuildProcessVariables = {
      PORTAL_DATA: dataDir,
      PORTAL_WORK_DIR: work,
      PORTAL_ASTRO_OUT_DIR: outDirOf(k),
      PORTAL_PUBLIC_DIR: resolve(work, 'public'),
      PORTAL_CACHE_DIR: join(cwd, 'cache'),
      ...(processes > 1 ? { PORTAL_SHARD: `${k}/${processes}` } : {}),
    };
    const childEnv: NodeJS.ProcessEnv = { ...inherited, NODE_ENV: 'production', ...portal, ASTRO_TELEMETRY_DISABLED: '1' };
    const child = spawn(process.execPath, args, { stdio: 'inherit', env: childEnv, cwd });
    children.push(child);
    return new Promise<{ k: number; code: number | null; signal: NodeJS.Signals | null }>((done) =>
      child.on('exit', (code, signal) => {
        // One failed process fails the build: stop the others rather than let them run on
        // (and report the first failure, not the processes stopped because of it).
        if (code !== 0 && !firstFailure) {
          firstFailure = { k, code, signal };
          for (const other of children) if (other !== child) other.kill();
        }
        // Which process ends last is what a faster build must shorten: say when each ends.
        if (code === 0 && processes > 1) console.log(`Astro process ${k + 1} of ${processes} finished after ${((performance.now() - pagesStarted) / 1000).toFixed(1)} s.`);
        done({ k, code, signal });
      }),
    );
  }),
);
// The processes' folders hold Astro's staging and caches; only an incremental build needs them
// again (for the cache of what it rendered).
if (!env.incremental) removeBuildProcessDirs(projectDir, work);
const failed = firstFailure ?? results.find((r) => r.code !== 0);
if (failed) {
  const which = processes > 1 ? ` (process ${failed.k + 1} of ${processes})` : '';
  console.error(`\nThe Astro build failed${which} (exit ${failed.code ?? failed.signal}). ${dist} was not changed.`);
  process.exit(1);
}
if (processes > 1) {
  for (let k = 1; k < processes; k++) mergeProfiles(outDirOf(k), newDist);
  const seconds = ((performance.now() - pagesStarted) / 1000).toFixed(1);
  console.log(`Pages built by ${processes} Astro processes side by side in ${seconds} s.`);
}

const old = resolve(work, 'dist-previous');
rmSync(old, { recursive: true, force: true });
if (existsSync(dist)) renameSync(dist, old);
renameSync(newDist, dist);
rmSync(old, { recursive: true, force: true });
console.log(`Portal built into ${dist} in ${elapsed()}.`);

/**
 * Moves the profile folders (`enterprise/` and `{lang}/enterprise/`) a profile-only process
 * built into the main output. Everything else that process wrote (its copy of the assets, the
 * 404 page …) is process 0's business and is dropped with its folder. Two processes never
 * build the same profile; if they did, that is a bug worth stopping the build for.
 */
function mergeProfiles(from: string, into: string): void {
  for (const dir of profileFolders(from)) {
    const target = join(into, dir);
    mkdirSync(target, { recursive: true });
    for (const name of readdirSync(join(from, dir))) {
      const to = join(target, name);
      if (existsSync(to)) throw new Error(`${to} was built by two processes`);
      renameSync(join(from, dir, name), to);
    }
  }
  rmSync(from, { recursive: true, force: true });
}
