// One temporary root per test run: global setups call useTempRoot so every temporary folder the
// tests make (os.tmpdir() in the workers, and in the builds they spawn) goes under it, and it is
// removed when the run ends. KEEP_TEST_TMP=1 (or KEEP_E2E_TMP=1) keeps it for inspection.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Makes the run's root and points TMPDIR at it; returns the root and the teardown that removes it. */
export function useTempRoot(prefix: string): { root: string; teardown: () => void } {
  const root = mkdtempSync(join(tmpdir(), prefix));
  // Workers are forked or started after global setup, so they inherit this TMPDIR (os.tmpdir() reads it).
  process.env.TMPDIR = root;
  return {
    root,
    teardown() {
      if (process.env.KEEP_TEST_TMP || process.env.KEEP_E2E_TMP) console.log(`temporary files kept in ${root}`);
      else rmSync(root, { recursive: true, force: true });
    },
  };
}
