// @ts-check
import { defineConfig } from 'astro/config';
import react from '@astrojs/react';
import { loadSiteConfig } from './src/lib/site-config.ts';

// The data folder decides the site's identity (URL, base path); see data/README.md.
const dataDir = process.env.PORTAL_DATA ?? './data';
const siteConfig = loadSiteConfig(dataDir);

export default defineConfig({
  site: siteConfig.site_url,
  base: siteConfig.base_path,
  outDir: process.env.PORTAL_OUT_DIR ?? './dist',
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'never' },
  integrations: [react()],
  devToolbar: { enabled: false },
  telemetry: false,
});
