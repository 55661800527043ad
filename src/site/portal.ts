/**
 * The site-data layer's entry: everything pages and components ask of the published data,
 * re-exported from the module that owns each concern. New code may import from those modules
 * directly; this file holds no logic.
 *
 * - load.ts: the published files (meta.json, the manifest): site, model, parks, years …
 * - rows.ts: each year's rows (rows-file.ts parses, intern.ts shares repeated values,
 *   shard.ts decides which rows a build process keeps) and lookups by id and year
 * - queries.ts: parks and cohorts by key, the ranking lists' row groups, pagination, showcase picks
 * - statistics.ts: score summaries, park statistics, the points each stage can earn
 * - cache-keys.ts: incremental builds' profile keys
 * - static-paths.ts: getStaticPaths in every language
 * - sitemap.ts: the list of every page
 * - *-view.ts: one page type's view data (Starlight's route-data.ts, per page type)
 */
export {
  site,
  model,
  parks,
  years,
  latestYear,
  showcaseEntries,
  downloads,
  inputDigests,
  counts,
  programmes,
  cohorts,
  achievements,
  type Achievement,
  type Park,
  type Model,
  type EnterpriseYear,
  type Cohort,
  type ShowcaseEntry,
  type FileDigest,
} from './load.ts';
export { rowsForYear, enterprises, enterpriseTimeline, rowOfYear, latestRowOf } from './rows.ts';
export {
  parkByCode,
  cohortOf,
  cohortFor,
  rankingSizes,
  indicatorIndex,
  achievementsOf,
  industrySlug,
  industriesOf,
  rowsOfPark,
  rowsOfStage,
  rowsOfIndustry,
  rankedIndicators,
  rankByIndicator,
  paginate,
  latestShowcase,
  risers,
  startupStage,
  topOfEachPark,
  stageArchiveYears,
} from './queries.ts';
export { summarise, parkStats, parkHistory, nationalSummary, indicatorCategoryIndex, stagePoints, type StagePoints } from './statistics.ts';
export { incremental, profileCacheKey } from './cache-keys.ts';
export { langPaths } from './static-paths.ts';
export { sitePaths } from './sitemap.ts';
