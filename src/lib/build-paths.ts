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
