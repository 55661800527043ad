// @ts-check
import { defineConfig } from 'astro/config';
import react from '@astrojs/react';
import { loadSiteConfig } from './src/ingest/site-config.ts';
import { buildEnv } from './src/build/env.ts';

// The PORTAL_* variables (src/build/env.ts): scripts/build.ts sets them for each Astro process;
// run builds through `npm run build`.
const env = buildEnv();
// The data folder decides the site's identity (URL, base path); see data/README.md.
const siteConfig = loadSiteConfig(env.dataDir);

export default defineConfig({
  site: siteConfig.site_url,
  base: siteConfig.base_path,
  outDir: env.astroOutDir,
  publicDir: env.astroPublicDir,
  trailingSlash: 'always',
  // Pages rendered at once. While one page's file is written, the next ones render: with 3, a
  // process building only profiles took 34.0 s instead of 41.7 s at 10,000 firms, and the whole
  // build with two processes 38.7 s instead of 42.8 s (PORTAL_BUILD_CONCURRENCY to measure again).
  build: { format: 'directory', inlineStylesheets: 'never', concurrency: env.renderConcurrency },
  compressHTML: true,
  // Scoped styles as a class rather than a data-astro-cid attribute on every element: the same
  // specificity, and 4 % less HTML on a profile page (measured: 48.0 → 46.3 KB) at a million pages.
  scopedStyleStrategy: 'class',
  integrations: [react()],
  devToolbar: { enabled: false },
  // PORTAL_INCREMENTAL=1 (scripts/build.ts): profiles whose data and code did not change since
  // the last build of the same work folder are copied from its cache instead of rendered.
  experimental: { incrementalBuild: env.incremental },
  // scripts/build.ts gives each of several side-by-side build processes its own caches.
  ...(env.cacheDir ? { cacheDir: env.cacheDir, vite: { cacheDir: `${env.cacheDir}/vite` } } : {}),
});
