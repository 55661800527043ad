// Runs once per `vitest run --config vitest.e2e.config.ts`: every temporary folder the e2e tests
// make (data copies, builds, score outputs) goes under one root that is removed at the end.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The run's temporary root (also TMPDIR for the test workers). */
    e2eRoot: string;
  }
}

export default function setup(project: TestProject): () => void {
  const root = mkdtempSync(join(tmpdir(), 'portal-e2e-'));
  // Workers are forked after global setup, so they inherit this TMPDIR (os.tmpdir() reads it).
  process.env.TMPDIR = root;
  project.provide('e2eRoot', root);
  return () => {
    if (process.env.KEEP_E2E_TMP) console.log(`e2e temporary files kept in ${root}`);
    else rmSync(root, { recursive: true, force: true });
  };
}
