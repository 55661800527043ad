import { defineConfig } from 'vitest/config';

// End-to-end tests: real builds of data folders into temporary folders and headless Chromium
// against the built site. They spawn builds and a browser, so they run one file at a time
// with generous timeouts; `npm test` runs them after the unit tests (vitest.config.ts).
// KEEP_E2E_TMP=1 keeps the temporary builds for inspection.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.test.ts'],
    globalSetup: ['test/e2e/global-setup.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 180_000,
    hookTimeout: 600_000,
    pool: 'forks',
    env: { TZ: 'UTC' },
  },
});
