// Incremental builds (PORTAL_INCREMENTAL=1): after a correction no score depends on (a firm's
// name), only that firm's profiles are rendered again; every other profile comes from the last
// build's cache, and the site is byte for byte what a full build of the corrected data gives.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cachedProfilePages } from '../../src/build/build-paths.ts';
import { copyFixture, setCell } from '../helpers/folder.ts';
import { buildSite, hashTree, newTarget, ROOT, type BuildTarget } from './helpers/build.ts';

const RENAMED_ID = '91130100MA00000012';
const NEW_NAME = '甲科技（已改名）有限公司';

/** Modification times of the profile pages in the build processes' caches, by path. */
const cachedProfileTimes = (work: string) => new Map([...cachedProfilePages(ROOT, work)].map(([path, page]) => [path, page.mtime]));

async function build(dir: string, target: BuildTarget, env: NodeJS.ProcessEnv): Promise<string> {
  const r = await buildSite(dir, target, { env });
  if (r.status !== 0) throw new Error(`build failed:\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

describe('incremental builds after a name correction', () => {
  const incremental = { PORTAL_INCREMENTAL: '1', PORTAL_BUILD_PROCESSES: '2' };
  let target: BuildTarget;
  let fresh: BuildTarget;
  let before: Map<string, number>;
  let after: Map<string, number>;

  beforeAll(async () => {
    const dir = copyFixture();
    target = newTarget();
    await build(dir, target, incremental);
    before = cachedProfileTimes(target.work);
    // Let a rewritten file show a different modification time.
    await new Promise((r) => setTimeout(r, 50));
    setCell(dir, 'enterprises.csv', 2, 'name', NEW_NAME);
    await build(dir, target, incremental);
    after = cachedProfileTimes(target.work);
    fresh = newTarget();
    await build(dir, fresh, { PORTAL_BUILD_PROCESSES: '1' });
  });

  it('cached every profile of the first build, in both languages', () => {
    expect(before.size).toBeGreaterThanOrEqual(4);
    expect([...before.keys()].filter((k) => k.startsWith(join('en', 'enterprise')))).toHaveLength(before.size / 2);
  });

  it('shows the corrected name on the firm’s profile', () => {
    expect(readFileSync(join(target.dist, 'enterprise', RENAMED_ID, 'index.html'), 'utf8')).toContain(NEW_NAME);
  });

  it('rendered only the corrected firm’s two profiles again', () => {
    const rerendered = [...after].filter(([path, t]) => before.get(path) !== t).map(([path]) => path);
    expect(rerendered.sort()).toEqual([join('en', 'enterprise', RENAMED_ID), join('enterprise', RENAMED_ID)]);
  });

  it('gives byte for byte the site a full build of the corrected data gives', () => {
    const a = hashTree(target.dist);
    const b = hashTree(fresh.dist);
    expect(Object.keys(a).sort()).toEqual(Object.keys(b).sort());
    expect(Object.keys(a).filter((f) => a[f] !== b[f])).toEqual([]);
  });
});
