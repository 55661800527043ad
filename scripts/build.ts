// npm run build [PORTAL_DATA=<dir>]: validate, score and build the static portal into dist/.
// The new site is assembled in .portal-build/ and swapped into dist/ only when complete, so a
// failed or interrupted build leaves the previous dist/ exactly as it was.
import { spawnSync } from 'node:child_process';
import { existsSync, openSync, readFileSync, renameSync, rmSync, writeSync, closeSync } from 'node:fs';
import { totalmem } from 'node:os';
import { resolve } from 'node:path';
import { preparePortal } from '../src/lib/prepare.ts';

const dataDir = resolve(process.env.PORTAL_DATA ?? 'data');
// Tests point these at temporary folders so they never touch a developer's dist/.
const work = resolve(process.env.PORTAL_WORK_DIR ?? '.portal-build');
const dist = resolve(process.env.PORTAL_DIST ?? 'dist');
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
for (let waited = 0; ; waited++) {
  try {
    const fd = openSync(lock, 'wx');
    writeSync(fd, String(process.pid));
    closeSync(fd);
    break;
  } catch {
    const holder = Number(readFileSync(lock, 'utf8') || 0);
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

// The build's environment, less what would change the output behind the data folder's back:
// Vite and Astro read BASE_URL, MODE, SITE and friends from the environment (vitest and some
// CI systems export BASE_URL=/, which would drop the base path of site.json), and NODE_ENV
// other than production (vitest exports "test") bundles React's development build.
const inherited = { ...process.env };
for (const name of ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'SITE', 'ASSETS_PREFIX']) delete inherited[name];
// The pages' data is held in memory once for the whole build: about 3.5 GB of rows at 520,000
// firms over three years, close to Node's default heap limit (4.3 GB here). Allow up to 7 GB, or
// three quarters of the machine's memory if that is less (PORTAL_HEAP_MB overrides).
const heapMb = Number(process.env.PORTAL_HEAP_MB ?? Math.min(7168, Math.floor((totalmem() / 2 ** 20) * 0.75)));
const astro = spawnSync(process.execPath, [`--max-old-space-size=${heapMb}`, 'node_modules/astro/bin/astro.mjs', 'build', '--silent'], {
  stdio: 'inherit',
  env: {
    ...inherited,
    NODE_ENV: 'production',
    PORTAL_DATA: dataDir,
    PORTAL_WORK: work,
    PORTAL_OUT_DIR: newDist,
    PORTAL_PUBLIC_DIR: resolve(work, 'public'),
    ASTRO_TELEMETRY_DISABLED: '1',
  },
});
if (astro.status !== 0) {
  console.error(`\nThe Astro build failed (exit ${astro.status ?? astro.signal}). ${dist} was not changed.`);
  process.exit(1);
}

const old = resolve(work, 'dist-previous');
rmSync(old, { recursive: true, force: true });
if (existsSync(dist)) renameSync(dist, old);
renameSync(newDist, dist);
rmSync(old, { recursive: true, force: true });
console.log(`Portal built into ${dist} in ${elapsed()}.`);
