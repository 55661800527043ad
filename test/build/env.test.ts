/**
 * The build environment (src/build/env.ts): defaults, parsing of every PORTAL_* variable, the
 * former name PORTAL_WORK, and a clear error naming the variable for each bad value.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BuildEnvError, readBuildEnv } from '../../src/build/env.ts';

const noWarnings = (message: string) => {
  throw new Error(`unexpected warning: ${message}`);
};

describe('readBuildEnv', () => {
  it('gives the documented defaults when nothing is set', () => {
    const env = readBuildEnv({}, noWarnings);
    expect(env).toEqual({
      dataDir: resolve('data'),
      distDir: resolve('dist'),
      workDir: resolve('.portal-build'),
      buildProcesses: undefined,
      heapMb: undefined,
      v8Flags: [],
      incremental: false,
      renderConcurrency: 3,
      ogFont: undefined,
      astroOutDir: './.portal-build/dist',
      astroPublicDir: './.portal-build/public',
      shard: { index: 0, count: 1 },
      cacheDir: undefined,
    });
  });

  it('reads every variable, resolving folders and treating blank values as unset', () => {
    const env = readBuildEnv(
      {
        PORTAL_DATA: 'examples/park',
        PORTAL_DIST: '/srv/site',
        PORTAL_WORK_DIR: 'tmp/work',
        PORTAL_BUILD_PROCESSES: '3',
        PORTAL_HEAP_MB: ' 4096 ',
        PORTAL_V8_FLAGS: '--stack-size=2000   --trace-gc',
        PORTAL_INCREMENTAL: '1',
        PORTAL_BUILD_CONCURRENCY: '',
        PORTAL_ASTRO_OUT_DIR: '/w/dist-1',
        PORTAL_PUBLIC_DIR: '/w/public',
        PORTAL_SHARD: '1/3',
        PORTAL_CACHE_DIR: '/w/p1/cache',
      },
      noWarnings,
    );
    expect(env).toEqual({
      dataDir: resolve('examples/park'),
      distDir: '/srv/site',
      workDir: resolve('tmp/work'),
      buildProcesses: 3,
      heapMb: 4096,
      v8Flags: ['--stack-size=2000', '--trace-gc'],
      incremental: true,
      renderConcurrency: 3,
      ogFont: undefined,
      astroOutDir: '/w/dist-1',
      astroPublicDir: '/w/public',
      shard: { index: 1, count: 3 },
      cacheDir: '/w/p1/cache',
    });
    expect(readBuildEnv({ PORTAL_INCREMENTAL: '0' }).incremental).toBe(false);
    expect(readBuildEnv({ PORTAL_INCREMENTAL: 'true' }).incremental).toBe(true);
  });

  it('reads PORTAL_OG_FONT as an absolute path to an existing font file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'og-font-'));
    try {
      writeFileSync(join(dir, 'Font.TTC'), 'not parsed here');
      expect(readBuildEnv({ PORTAL_OG_FONT: join(dir, 'Font.TTC') }, noWarnings).ogFont).toBe(join(dir, 'Font.TTC'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('accepts the former PORTAL_WORK with a deprecation notice', () => {
    const warnings: string[] = [];
    const env = readBuildEnv({ PORTAL_WORK: 'old/work' }, (m) => warnings.push(m));
    expect(env.workDir).toBe(resolve('old/work'));
    expect(warnings).toEqual(['PORTAL_WORK is deprecated: it is read as PORTAL_WORK_DIR, the name to use.']);
    // Both names for one folder: no notice needed beyond the first name's.
    expect(readBuildEnv({ PORTAL_WORK: 'w', PORTAL_WORK_DIR: './w' }, noWarnings).workDir).toBe(resolve('w'));
  });

  it.each([
    [{ PORTAL_BUILD_PROCESSES: '0' }, 'PORTAL_BUILD_PROCESSES must be a whole number from 1 to 256, not "0"'],
    [{ PORTAL_BUILD_PROCESSES: 'two' }, 'PORTAL_BUILD_PROCESSES must be a whole number from 1 to 256, not "two"'],
    [{ PORTAL_BUILD_PROCESSES: '2.5' }, 'PORTAL_BUILD_PROCESSES must be a whole number from 1 to 256, not "2.5"'],
    [{ PORTAL_HEAP_MB: '4g' }, 'PORTAL_HEAP_MB must be a whole number from 256 to 1048576, not "4g"'],
    [{ PORTAL_HEAP_MB: '100' }, 'PORTAL_HEAP_MB must be a whole number from 256 to 1048576, not "100"'],
    [{ PORTAL_BUILD_CONCURRENCY: '-1' }, 'PORTAL_BUILD_CONCURRENCY must be a whole number from 1 to 1024, not "-1"'],
    [{ PORTAL_INCREMENTAL: 'yes' }, 'PORTAL_INCREMENTAL must be 1 (on) or 0 (off), not "yes"'],
    [{ PORTAL_OG_FONT: 'fonts/simhei.woff2' }, 'PORTAL_OG_FONT must name a .ttf, .otf or .ttc font file, not "fonts/simhei.woff2"'],
    [{ PORTAL_OG_FONT: 'no/such/font.ttf' }, 'PORTAL_OG_FONT names a font file that does not exist: "no/such/font.ttf"'],
    [{ PORTAL_SHARD: '2/2' }, 'PORTAL_SHARD must look like "0/2" (process 0 of 2), not "2/2"'],
    [{ PORTAL_SHARD: 'first' }, 'PORTAL_SHARD must look like "0/2" (process 0 of 2), not "first"'],
    [
      { PORTAL_WORK: 'a', PORTAL_WORK_DIR: 'b' },
      'PORTAL_WORK (deprecated) and PORTAL_WORK_DIR name different folders ("a", "b"): set only PORTAL_WORK_DIR',
    ],
  ])('refuses %o', (env, message) => {
    expect(() => readBuildEnv(env, noWarnings)).toThrow(new BuildEnvError(message));
    expect(() => readBuildEnv(env, noWarnings)).toThrow(BuildEnvError);
  });
});
