/**
 * Static paths of the paginated ranking lists (national, per park, per stage, per industry).
 * Each list is grouped and paginated once per build here, so a page only renders its slice.
 */
import {
  industriesOf,
  langPaths,
  model,
  paginate,
  parks,
  rowsForYear,
  rowsOfIndustry,
  rowsOfPark,
  rowsOfStage,
  summarise,
  years,
  type EnterpriseYear,
} from '../../site/portal.ts';
import { routes } from '../../site/routes.ts';
import { competitionRanks } from '../../wire/ranking-data.ts';

/** How many enterprises a single-indicator ranking lists. */
export const INDICATOR_TOP = 100;

/** The kinds of paginated list. */
export type ListKind = 'national' | 'park' | 'stage' | 'industry';

/** One group's list in one year: the rows in published order and their displayed ranks. */
interface ListGroup {
  /** Park code, stage id or industry name; '' for the national list. */
  key: string;
  /** The URL segment: park code, stage id, industry slug; '' for national. */
  slug: string;
  rows: EnterpriseYear[];
  ranks: number[];
  median: number;
}

/** What a list page receives: its slice, where it sits, and the years the same list exists in. */
export type ListPage = {
  kind: ListKind;
  year: number;
  key: string;
  slug: string;
  page: number;
  pages: number;
  total: number;
  median: number;
  rows: EnterpriseYear[];
  ranks: number[];
  /** Years in which this list exists (ascending), for the year switcher. */
  years: number[];
};

function groupsOf(kind: ListKind, year: number): ListGroup[] {
  const make = (key: string, slug: string, rows: EnterpriseYear[], rank: (r: EnterpriseYear) => number) => ({
    key,
    slug,
    rows,
    ranks: rows.map(rank),
    median: summarise(rows).median,
  });
  switch (kind) {
    case 'national':
      return [make('', '', rowsForYear(year), (r) => r.rankNational)];
    case 'park':
      return parks
        .map((p) => make(p.code, p.code, rowsOfPark(year, p.code), (r) => r.rankPark))
        .filter((g) => g.rows.length > 0);
    case 'stage':
      return model.stages
        .map((s) => make(s.id, s.id, rowsOfStage(year, s.id), (r) => r.rankStage))
        .filter((g) => g.rows.length > 0);
    case 'industry':
      return industriesOf(year).map((i) => {
        const rows = rowsOfIndustry(year, i.name);
        const ranks = competitionRanks(rows.map((r) => r.score));
        return { key: i.name, slug: i.slug, rows, ranks, median: summarise(rows).median };
      });
  }
}

const pagesCache = new Map<ListKind, ListPage[]>();

/** Every page of every list of a kind, all years. */
export function listPages(kind: ListKind): ListPage[] {
  const cached = pagesCache.get(kind);
  if (cached) return cached;
  const byYear = years.map((year) => ({ year, groups: groupsOf(kind, year) }));
  const yearsOfSlug = new Map<string, number[]>();
  for (const { year, groups } of byYear) {
    for (const g of groups) yearsOfSlug.set(g.slug, [...(yearsOfSlug.get(g.slug) ?? []), year]);
  }
  const pages: ListPage[] = [];
  for (const { year, groups } of byYear) {
    for (const g of groups) {
      const rowPages = paginate(g.rows);
      const rankPages = paginate(g.ranks);
      rowPages.forEach((rows, i) => {
        pages.push({
          kind,
          year,
          key: g.key,
          slug: g.slug,
          page: i + 1,
          pages: rowPages.length,
          total: g.rows.length,
          median: g.median,
          rows,
          ranks: rankPages[i] ?? [],
          years: yearsOfSlug.get(g.slug) ?? [year],
        });
      });
    }
  }
  pagesCache.set(kind, pages);
  return pages;
}

/** The route of page `page` of a list (no language prefix). */
export function listRoute(kind: ListKind, year: number, slug: string, page = 1): string {
  switch (kind) {
    case 'national':
      return routes.national(year, page);
    case 'park':
      return routes.parkRanking(year, slug, page);
    case 'stage':
      return routes.stageRanking(year, slug, page);
    case 'industry':
      return routes.industryRanking(year, slug, page);
  }
}

const PARAM: Record<Exclude<ListKind, 'national'>, string> = { park: 'code', stage: 'stage', industry: 'slug' };

/**
 * getStaticPaths for one route file of a list kind, in both languages: `first` serves page 1
 * (…/{slug}/), `rest` serves pages 2… (…/{slug}/page/{n}/).
 */
export function listPaths(kind: ListKind, which: 'first' | 'rest') {
  return langPaths(() =>
    listPages(kind)
      .filter((p) => (which === 'first' ? p.page === 1 : p.page > 1))
      .map((list) => {
        const params: Record<string, string> = { year: String(list.year) };
        if (kind !== 'national') params[PARAM[kind]] = list.slug;
        if (which === 'rest') params['page'] = String(list.page);
        return { params, props: { list } };
      }),
  );
}

const listsCache = new Map<string, { key: string; slug: string; total: number }[]>();

/** The lists of a kind that exist in a year (page 1 of each), in display order, with their sizes. */
export function listsOfYear(kind: ListKind, year: number): { key: string; slug: string; total: number }[] {
  const id = `${kind}|${year}`;
  let lists = listsCache.get(id);
  if (!lists) {
    lists = listPages(kind)
      .filter((p) => p.year === year && p.page === 1)
      .map((p) => ({ key: p.key, slug: p.slug, total: p.total }));
    listsCache.set(id, lists);
  }
  return lists;
}
