/// <reference types="vitest/config" />
import { getViteConfig } from 'astro/config';
import react from '@astrojs/react';

// Tests render .astro components through Astro's Vite pipeline. The Astro config is given
// inline rather than read from astro.config.mjs so tests do not depend on the data folder
// (site URL, base path): every test run sees the same fixed site.
export default getViteConfig(
  {
    test: {
      include: ['test/**/*.test.ts'],
      exclude: ['test/e2e/**', 'node_modules/**'],
      globalSetup: ['test/global-setup.ts'],
      environment: 'node',
      // Some tests spawn the command-line tools (npm run score / validate): on a busy 2-core CI
      // machine one run takes 2–4 s, over vitest's default 5 s for a test of two runs.
      testTimeout: 30_000,
    },
  },
  {
    configFile: false,
    site: 'https://portal.example.org',
    base: '/',
    trailingSlash: 'always',
    integrations: [react()],
    logLevel: 'error',
  },
);
