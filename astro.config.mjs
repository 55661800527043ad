// @ts-check
import { defineConfig } from 'astro/config';
import react from '@astrojs/react';
import { loadSiteConfig } from './src/ingest/site-config.ts';

// The data folder decides the site's identity (URL, base path); see data/README.md.
// scripts/build.ts sets these variables; run builds through `npm run build`.
const siteConfig = loadSiteConfig(process.env.PORTAL_DATA ?? './data');

export default defineConfig({
  site: siteConfig.site_url,
  base: siteConfig.base_path,
  outDir: process.env.PORTAL_OUT_DIR ?? './.portal-build/dist',
  publicDir: process.env.PORTAL_PUBLIC_DIR ?? './.portal-build/public',
  trailingSlash: 'always',
  // Pages rendered at once. While one page's file is written, the next ones render: with 3, a
  // process building only profiles took 34.0 s instead of 41.7 s at 10,000 firms, and the whole
  // build with two processes 38.7 s instead of 42.8 s (PORTAL_BUILD_CONCURRENCY to measure again).
  build: { format: 'directory', inlineStylesheets: 'never', concurrency: Number(process.env.PORTAL_BUILD_CONCURRENCY ?? 3) },
  compressHTML: true,
  // Scoped styles as a class rather than a data-astro-cid attribute on every element: the same
  // specificity, and 4 % less HTML on a profile page (measured: 48.0 → 46.3 KB) at a million pages.
  scopedStyleStrategy: 'class',
  integrations: [react()],
  devToolbar: { enabled: false },
  // PORTAL_INCREMENTAL=1 (scripts/build.ts): profiles whose data and code did not change since
  // the last build of the same work folder are copied from its cache instead of rendered.
  experimental: { incrementalBuild: process.env.PORTAL_INCREMENTAL === '1' },
  // scripts/build.ts gives each of several side-by-side build processes its own caches.
  ...(process.env.PORTAL_CACHE_DIR ? { cacheDir: process.env.PORTAL_CACHE_DIR, vite: { cacheDir: `${process.env.PORTAL_CACHE_DIR}/vite` } } : {}),
});
