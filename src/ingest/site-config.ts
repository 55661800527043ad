import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

const localized = z.object({ zh: z.string().min(1), en: z.string().min(1) }).strict();

/** A calendar date written YYYY-MM-DD that exists (no 2024-02-30). */
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD (e.g. "2024-03-15")')
  .refine((d) => {
    const date = new Date(`${d}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === d;
  }, 'is not a calendar date');

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
    data_as_of: isoDate
      .optional()
      .describe('when the data was published or last updated (数据更新于), shown on every page and in every download; defaults to the latest date found in the data'),
    notice_period: z
      .object({ start: isoDate, end: isoDate })
      .strict()
      .refine((p) => p.start <= p.end, 'start must not be after end')
      .optional()
      .describe('the 公示期 (public-notice period) in which objections to the published scores are received'),
    objection: localized
      .optional()
      .describe('how to object to a score or report an error (异议与纠错): to whom, where and how; shown on profiles and the methodology page'),
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
