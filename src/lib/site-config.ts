import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

const localized = z.object({ zh: z.string().min(1), en: z.string().min(1) }).strict();

/** `site.json` in the data folder: the portal's identity. Every field is optional. */
export const siteConfigSchema = z
  .object({
    title: localized.default({ zh: '企业创新积分公示平台', en: 'Enterprise Innovation Points Portal' }).describe('portal title'),
    publisher: localized
      .default({ zh: '企业创新积分制示例发布机构', en: 'Sample publishing organisation' })
      .describe('the organisation that publishes the scores'),
    contact: z.string().default('').describe('e-mail address or postal contact for questions and corrections'),
    licence: localized
      .default({ zh: '数据以 CC BY 4.0 许可发布', en: 'Data published under CC BY 4.0' })
      .describe('licence line shown in the footer and on the open-data page'),
    site_url: z
      .url({ protocol: /^https?$/, error: 'must be an absolute http(s) URL such as https://kjj.example.gov.cn' })
      .default('https://example.org')
      .describe('where the site will be hosted, for canonical links, sitemap and feed'),
    base_path: z
      .string()
      .regex(/^\/([A-Za-z0-9._~-]+\/)*$/, 'must start and end with / (e.g. "/" or "/innovation-points/")')
      .default('/')
      .describe('sub-folder the site is hosted under'),
    sample_data: z.boolean().default(true).describe('whether the enterprise data is synthetic sample data (shows a notice on every page)'),
    page_size: z.number().int().min(10).max(500).default(50).describe('rows per page of static ranking lists'),
  })
  .strict();

export type SiteConfig = z.infer<typeof siteConfigSchema>;

/** The name of the site configuration file inside a data folder. */
export const SITE_CONFIG_FILE = 'site.json';

/** Reads and validates `site.json` from a data folder (defaults when absent); throws a located error. */
export function loadSiteConfig(dataDir: string): SiteConfig {
  const file = join(dataDir, SITE_CONFIG_FILE);
  let json: unknown = {};
  if (existsSync(file)) {
    try {
      json = JSON.parse(readFileSync(file, 'utf8').replace(/^\uFEFF/, ''));
    } catch (e) {
      throw new Error(`${file}:1: is not valid JSON: ${(e as Error).message}`);
    }
  }
  const r = siteConfigSchema.safeParse(json);
  if (!r.success) {
    throw new Error(r.error.issues.map((i) => `${file}: ${i.path.join('.') || '(top level)'}: ${i.message}`).join('\n'));
  }
  return r.data;
}
