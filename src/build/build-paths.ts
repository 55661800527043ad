import { createHash } from 'node:crypto';
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * The folder one Astro process of a build runs in and keeps its caches under (scripts/build.ts):
 * inside the project, where the server bundle Astro stages there still finds node_modules, and
 * one per work folder and process, so side-by-side processes and builds never share one.
 */
export function buildProcessDir(projectDir: string, workDir: string, process: number): string {
  const workKey = createHash('sha256').update(resolve(workDir)).digest('hex').slice(0, 12);
  return resolve(projectDir, 'node_modules/.cache/portal-build', `${workKey}-${process}`);
}

/** Removes the folders of every build process of a work folder (their staging and caches). */
export function removeBuildProcessDirs(projectDir: string, workDir: string): void {
  for (let k = 0; existsSync(buildProcessDir(projectDir, workDir, k)); k++) rmSync(buildProcessDir(projectDir, workDir, k), { recursive: true, force: true });
}

/** The profile folders of a built site that exist: `enterprise` and `{lang}/enterprise`, relative to its root. */
export function profileFolders(root: string): string[] {
  if (!existsSync(root)) return [];
  const langs = readdirSync(root, { withFileTypes: true }).filter((e) => e.isDirectory() && e.name !== 'enterprise');
  return ['enterprise', ...langs.map((e) => join(e.name, 'enterprise'))].filter((dir) => existsSync(join(root, dir)));
}

/**
 * The profile pages an incremental build cached (PORTAL_INCREMENTAL=1), over every build process
 * of a work folder: modification time and size by path (`enterprise/{id}`, `en/enterprise/{id}`).
 * A page rendered again gets a new copy; a page reused from the cache keeps its time.
 */
export function cachedProfilePages(projectDir: string, workDir: string): Map<string, { mtime: number; bytes: number }> {
  const pages = new Map<string, { mtime: number; bytes: number }>();
  for (let k = 0; existsSync(buildProcessDir(projectDir, workDir, k)); k++) {
    const root = join(buildProcessDir(projectDir, workDir, k), 'cache', 'dist');
    for (const dir of profileFolders(root)) {
      for (const id of readdirSync(join(root, dir))) {
        const st = statSync(join(root, dir, id, 'index.html'));
        pages.set(join(dir, id), { mtime: st.mtimeMs, bytes: st.size });
      }
    }
  }
  return pages;
}

/**
 * The V8 old-space limit (MB) of each of `processes` Astro processes of a build (scripts/build.ts),
 * from the machine's memory and the size of the scored rows files. The ceiling: 7 GB, or three
 * quarters of the memory shared among the processes if that is less. Process 0 holds every row
 * and the lists' indexes; V8 lets a heap grow to about twice what it holds between full
 * collections, up to its limit, so beside other processes it is held to five times the rows
 * files' size, at least 3 GB (alone it keeps the ceiling: it then holds every profile's route
 * too). A profile-only process gets half the ceiling. `overrideMb` (PORTAL_HEAP_MB) sets all.
 */
export function heapLimitsMb(processes: number, memoryBytes: number, rowsBytes: number, overrideMb?: number): number[] {
  if (overrideMb !== undefined) return Array.from({ length: processes }, () => overrideMb);
  const ceiling = Math.min(7168, Math.floor(((memoryBytes / 2 ** 20) * 0.75) / processes));
  const main = processes === 1 ? ceiling : Math.min(ceiling, Math.max(3072, Math.ceil((5 * rowsBytes) / 2 ** 20)));
  return Array.from({ length: processes }, (_, k) => (k === 0 ? main : Math.floor(ceiling / 2)));
}
