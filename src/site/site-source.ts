/**
 * This build's data as the page views read it (home-view.ts, stages-view.ts, rankings-hub-view.ts,
 * parks-view.ts, showcase-view.ts, indicator-view.ts): the views are pure functions of a
 * source, and this is the one bound to the published files. (The profile's is profile-text.ts's
 * `profileSource`.)
 */
import { stageLabel, type Lang } from '../i18n/index.ts';
import type { HomeSource } from './home-view.ts';
import type { IndicatorSource } from './indicator-view.ts';
import { latestYear, model, parks, showcaseEntries, site, years } from './load.ts';
import type { ParksSource } from './parks-view.ts';
import { parkName } from './profile-text.ts';
import { achievementsOf, industriesOf, latestShowcase, risers, rowsOfPark, rowsOfStage, startupStage, topOfEachPark } from './queries.ts';
import type { RankingsHubSource } from './rankings-hub-view.ts';
import { rowsForYear } from './rows.ts';
import type { ShowcaseSource } from './showcase-view.ts';
import type { StagesSource } from './stages-view.ts';
import { nationalSummary, parkStats } from './statistics.ts';

/** A stage's name: the model's, else the dictionary's. */
function stageName(lang: Lang, id: string): string {
  return stageLabel(lang, id, model.stages.find((s) => s.id === id)?.name[lang]);
}

/** The build's data for every page view that reads a source. */
export const siteSource: HomeSource & StagesSource & RankingsHubSource & ParksSource & ShowcaseSource & IndicatorSource = {
  model,
  parks,
  years,
  latestYear,
  pageSize: site.page_size,
  showcaseEntries,
  startupStage,
  rowsForYear,
  rowsOfPark,
  rowsOfStage,
  industriesOf,
  parkStats,
  nationalSummary,
  achievementsOf,
  risers,
  topOfEachPark,
  latestShowcase,
  parkName,
  stageName,
};
