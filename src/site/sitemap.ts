/** The sitemap's list of pages (src/pages/_sitemap.ts writes it). */
import type { PublishedRow } from '../publish/publish.ts';
import { model, parks, showcaseEntries, site, years } from './load.ts';
import { industriesOf, rankedIndicators, rowsOfIndustry, rowsOfPark, rowsOfStage, stageArchiveYears } from './queries.ts';
import { enterprises, rowsForYear } from './rows.ts';
import { routes } from './routes.ts';

/**
 * Every page route the site builds, without language prefix, in a stable order: the source
 * of the sitemap. Keep it in step with src/pages when a page type is added or removed.
 */
export function sitePaths(): string[] {
  const paths: string[] = [routes.home(), routes.rankings()];
  // Park and stage lists exist only for groups with enterprises that year (as the ranking pages).
  const pages = (rows: PublishedRow[], make: (page: number) => string) => {
    if (rows.length === 0) return;
    const count = Math.ceil(rows.length / site.page_size);
    for (let page = 1; page <= count; page++) paths.push(make(page));
  };
  for (const year of [...years].reverse()) {
    pages(rowsForYear(year), (p) => routes.national(year, p));
    for (const park of parks) pages(rowsOfPark(year, park.code), (p) => routes.parkRanking(year, park.code, p));
    for (const stage of model.stages) pages(rowsOfStage(year, stage.id), (p) => routes.stageRanking(year, stage.id, p));
    for (const ind of industriesOf(year)) pages(rowsOfIndustry(year, ind.name), (p) => routes.industryRanking(year, ind.slug, p));
    for (const ind of rankedIndicators) paths.push(routes.indicatorRanking(year, ind.id));
  }
  paths.push(routes.showcase(), ...showcaseEntries.map((e) => routes.showcaseEntry(e.slug)));
  paths.push(routes.stages());
  for (const stage of model.stages) paths.push(routes.stage(stage.id), ...stageArchiveYears.map((y) => routes.stageYear(stage.id, y)));
  paths.push(routes.parks(), ...parks.map((p) => routes.park(p.code)));
  paths.push(routes.methodology(), routes.openData(), routes.compare());
  for (const e of enterprises()) paths.push(routes.enterprise(e.id));
  return paths;
}
