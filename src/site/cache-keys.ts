/**
 * Cache keys of incremental builds (PORTAL_INCREMENTAL=1, scripts/build.ts): Astro renders a
 * profile again only when its key (or the page's code) changed since the last build.
 */
import { createHash } from 'node:crypto';
import { buildEnv } from '../build/env.ts';
import { OUTPUT_FILES } from '../publish/output.ts';
import { readScored, site } from './load.ts';
import { rankingSizes } from './queries.ts';
import { enterpriseTimeline } from './rows.ts';

/** Whether this build reuses unchanged profiles from the last one. */
export const incremental = buildEnv().incremental;
// What every profile shows besides its own enterprise's rows: the model, parks, years and cohort
// statistics (meta.json) and the site's identity. A name correction changes none of it.
const profileInputs = incremental ? createHash('sha256').update(readScored(OUTPUT_FILES.meta)).update(JSON.stringify(site)).digest() : null;

/**
 * For incremental builds, a digest of everything an enterprise's profile shows: the inputs all
 * profiles share, its rows of every year and the sizes of the rankings it is placed in.
 * Undefined when builds are not incremental.
 */
export function profileCacheKey(id: string): string | undefined {
  if (!profileInputs) return undefined;
  const timeline = enterpriseTimeline(id);
  const sizes = timeline.map(({ year, row }) => rankingSizes(year, row.park, row.stage));
  return createHash('sha256').update(profileInputs).update(JSON.stringify(timeline)).update(JSON.stringify(sizes)).digest('base64url');
}
