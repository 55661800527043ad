// @ts-check
import { defineConfig } from 'astro/config';
import react from '@astrojs/react';
import { loadSiteConfig } from './src/lib/site-config.ts';

// The data folder decides the site's identity (URL, base path); see data/README.md.
// scripts/build.ts sets these variables; run builds through `npm run build`.
const siteConfig = loadSiteConfig(process.env.PORTAL_DATA ?? './data');

export default defineConfig({
  site: siteConfig.site_url,
  base: siteConfig.base_path,
  outDir: process.env.PORTAL_OUT_DIR ?? './.portal-build/dist',
  publicDir: process.env.PORTAL_PUBLIC_DIR ?? './.portal-build/public',
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'never', concurrency: 1 },
  compressHTML: true,
  integrations: [react()],
  devToolbar: { enabled: false },
});
