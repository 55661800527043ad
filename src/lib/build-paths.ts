import { createHash } from 'node:crypto';
import { resolve } from 'node:path';

/**
 * The folder one Astro process of a build runs in and keeps its caches under (scripts/build.ts):
 * inside the project, where the server bundle Astro stages there still finds node_modules, and
 * one per work folder and process, so side-by-side processes and builds never share one.
 */
export function buildProcessDir(projectDir: string, workDir: string, process: number): string {
  const workKey = createHash('sha256').update(resolve(workDir)).digest('hex').slice(0, 12);
  return resolve(projectDir, 'node_modules/.cache/portal-build', `${workKey}-${process}`);
}
