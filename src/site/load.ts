/**
 * The published data of this build, read once from the work folder scripts/build.ts wrote
 * (PORTAL_WORK_DIR, default .portal-build): meta.json (model, parks, years, cohort statistics …)
 * and the manifest (site identity, showcase, downloads). The rows files are read by rows.ts.
 * Everything here is validated and scored already; the site never parses CSV.
 */
import { readFileSync } from 'node:fs';
import { buildEnv } from '../build/env.ts';
import { join, resolve } from 'node:path';
import type { Achievement, Park } from '../ingest/dataset.ts';
import type { Model } from '../ingest/model.ts';
import { MANIFEST_FILE, type BuildManifest, type FileDigest } from '../publish/prepare.ts';
import { OUTPUT_FILES } from '../publish/output.ts';
import type { PublishedCohort, PublishedMeta, PublishedRow } from '../publish/publish.ts';
import type { ShowcaseEntry } from '../ingest/showcase.ts';
import type { SiteConfig } from '../ingest/site-config.ts';
import { t } from '../i18n/index.ts';

export type { Achievement, Park, Model, PublishedRow as EnterpriseYear, PublishedCohort as Cohort, ShowcaseEntry, FileDigest };

const scoredDir = resolve(buildEnv().workDir, 'scored');

/** The bytes of a file of the scored output (OUTPUT_FILES), by its path relative to it. */
export function readScored(rel: string): Buffer {
  return readFileSync(join(scoredDir, rel));
}
const readJson = <T>(rel: string): T => JSON.parse(readScored(rel).toString('utf8')) as T;

const meta = readJson<PublishedMeta>(OUTPUT_FILES.meta);
const manifest = readJson<BuildManifest>(MANIFEST_FILE);

/** The scoring model the data was scored with. */
export const model: Model = meta.model;
/**
 * The portal's identity from the data folder's site.json, with the footer's note on the model:
 * the dictionary's (the reference model) unless the park publishes with a model of its own.
 */
export const site: SiteConfig & { model_note?: { zh: string; en: string } } = {
  ...manifest.site,
  ...(model.id === 'reference' ? {} : { model_note: { zh: t('zh', 'footer.modelNoteOwn', { model: model.name.zh }), en: t('en', 'footer.modelNoteOwn', { model: model.name.en }) } }),
};
/** Every park, in parks.csv order. */
export const parks: Park[] = meta.parks;
/** Evaluation years, ascending. */
export const years: number[] = meta.years;
/** The default year of every ranking. */
export const latestYear: number = years[years.length - 1]!;
/** Editorial showcase entries, newest first. */
export const showcaseEntries: ShowcaseEntry[] = manifest.showcase;
/** Downloads with their SHA-256, and the checksums of the input files. */
export const downloads: FileDigest[] = manifest.downloads;
export const inputDigests: FileDigest[] = manifest.inputs;
export const counts = meta.counts;
/** programmes.json's programmes (rules only; membership: src/site/programme-pages.ts). */
export const programmes = meta.programmes ?? [];
/** The published statistics of every year and stage's cohort. */
export const cohorts: PublishedCohort[] = meta.cohorts;
/** Reported park achievements, in file order. */
export const achievements: Achievement[] = meta.achievements;
