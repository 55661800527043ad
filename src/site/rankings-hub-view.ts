/**
 * The rankings hub's view data (src/pages/[...lang]/rankings/index.astro): the latest year and
 * the earlier ones (each with its lists), and the filter island's props: its first page of the
 * latest year, the URLs of the pieces it fetches, its option lists and every visible string.
 * Pure: the build's data comes in as a RankingsHubSource (site-source.ts's `siteSource`).
 */
import { TAGS } from '../core/vocabulary.ts';
import { href, industryLabel, localName, t, tagLabel, withBase, type Lang } from '../i18n/index.ts';
import type { Park } from '../ingest/dataset.ts';
import type { Model } from '../ingest/model.ts';
import { EXPLORER_PATHS, explorerTables, type ExplorerPathKind } from '../publish/explorer-files.ts';
import type { PublishedRow } from '../publish/publish.ts';
import { encodeRankingData, type ChangePhrases, type RankingData } from '../wire/ranking-data.ts';
import { routes } from './routes.ts';

/** What the rankings hub reads of the build's data. */
export interface RankingsHubSource {
  model: Model;
  parks: readonly Park[];
  /** Evaluation years, ascending. */
  years: readonly number[];
  latestYear: number;
  /** Rows per page of a ranking list (site.json's page_size). */
  pageSize: number;
  rowsForYear(year: number): PublishedRow[];
  /** Industries present in a year, in display order (largest first). */
  industriesOf(year: number): readonly { name: string }[];
  stageName(lang: Lang, stage: string): string;
}

/** The island's visible strings (RankingExplorer's ExplorerLabels); `{n}`, `{year}` … are left for it to fill. */
export type ExplorerLabelTexts = ReturnType<typeof explorerLabels>;

/** The filter island's props (RankingExplorer's RankingExplorerProps). */
export interface HubExplorer {
  lang: Lang;
  years: number[];
  initialYear: number;
  /** The first page of the latest year, server-rendered before any data loads. */
  initial: RankingData;
  /** Enterprises in the latest year. */
  total: number;
  /** URLs of a year's pieces, base path included. */
  urls: Record<ExplorerPathKind, string>;
  /** URL of an enterprise profile with an `{id}` placeholder. */
  profileUrl: string;
  /** Each year's static national list. */
  listUrls: Record<string, string>;
  pageSize: number;
  labels: ExplorerLabelTexts;
  /** [key, label] in display order; industries of every year, latest year's order first. */
  parkOptions: [string, string][];
  stageOptions: [string, string][];
  industryOptions: [string, string][];
  /** Empty when the model keeps designations private. */
  tagOptions: [string, string][];
  anchor: string;
}

/** Everything the rankings hub shows, in the page's language. */
export interface RankingsHubView {
  year: number;
  yearText: string;
  /** The years before the latest, newest first. */
  earlier: number[];
  explorer: HubExplorer;
}

/** The change phrases of the island's change columns. */
function changePhrases(lang: Lang): ChangePhrases {
  return {
    rankUp: t(lang, 'change.rankUp', { n: '{n}' }),
    rankDown: t(lang, 'change.rankDown', { n: '{n}' }),
    rankUpOne: t(lang, 'change.rankUpOne'),
    rankDownOne: t(lang, 'change.rankDownOne'),
    rankSame: t(lang, 'change.rankSame'),
    scoreUp: t(lang, 'change.scoreUp', { n: '{n}' }),
    scoreDown: t(lang, 'change.scoreDown', { n: '{n}' }),
    scoreSame: t(lang, 'change.scoreSame'),
    none: t(lang, 'change.none'),
    newMark: t(lang, 'change.newMark'),
  };
}

/** The headings of the island's CSV export; a designations column only when they are public. */
function csvHeadings(lang: Lang, publicTags: boolean) {
  return {
    rank: t(lang, 'table.rankNational'),
    id: t(lang, 'profile.id'),
    name: t(lang, 'table.name'),
    nameEn: t(lang, 'rankings.explorer.csvNameEn'),
    park: t(lang, 'table.park'),
    stage: t(lang, 'table.stage'),
    industry: t(lang, 'table.industry'),
    ...(publicTags ? { tags: t(lang, 'table.tags') } : {}),
    score: t(lang, 'table.score'),
    rankChange: t(lang, 'rankings.explorer.csvRankChange'),
    scoreChange: t(lang, 'rankings.explorer.csvScoreChange'),
  };
}

/** Every visible string of the island, placeholders left in. */
export function explorerLabels(lang: Lang, publicTags: boolean) {
  return {
    controls: t(lang, 'rankings.explorer.controls'),
    year: t(lang, 'rankings.explorer.year'),
    search: t(lang, 'rankings.explorer.search'),
    searchHint: t(lang, 'rankings.explorer.searchHint'),
    park: t(lang, 'table.park'),
    parkAll: t(lang, 'park.all'),
    stage: t(lang, 'table.stage'),
    stageAll: t(lang, 'stage.all'),
    industry: t(lang, 'table.industry'),
    industryAll: t(lang, 'industry.all'),
    tag: t(lang, 'table.tags'),
    tagAll: t(lang, 'rankings.explorer.tagAll'),
    reset: t(lang, 'rankings.explorer.reset'),
    count: t(lang, 'rankings.explorer.count', { n: '{n}' }),
    countAtLeast: t(lang, 'rankings.explorer.countAtLeast', { n: '{n}' }),
    progress: t(lang, 'rankings.explorer.progress', { n: '{n}', loaded: '{loaded}', total: '{total}' }),
    tooShort: t(lang, 'rankings.explorer.tooShort'),
    preview: t(lang, 'rankings.explorer.preview', { year: '{year}', n: '{n}', total: '{total}' }),
    loading: t(lang, 'rankings.explorer.loading', { year: '{year}' }),
    error: t(lang, 'rankings.explorer.error'),
    empty: t(lang, 'rankings.explorer.empty'),
    caption: t(lang, 'rankings.explorer.caption', { year: '{year}' }),
    fullList: t(lang, 'rankings.explorer.fullList', { year: '{year}' }),
    rank: t(lang, 'table.rankNational'),
    name: t(lang, 'table.name'),
    score: t(lang, 'table.score'),
    change: t(lang, 'table.rankChange'),
    scoreChange: t(lang, 'table.scoreChange'),
    sortNote: t(lang, 'rankings.explorer.sortNote'),
    pagination: t(lang, 'pagination.label'),
    pageStatus: t(lang, 'pagination.status', { n: '{n}', total: '{total}' }),
    page: t(lang, 'pagination.page', { n: '{n}' }),
    previous: t(lang, 'pagination.previous'),
    next: t(lang, 'pagination.next'),
    changes: changePhrases(lang),
    copyLink: t(lang, 'rankings.explorer.copyLink'),
    linkLabel: t(lang, 'rankings.explorer.linkLabel'),
    copied: t(lang, 'rankings.explorer.copied'),
    copyManual: t(lang, 'rankings.explorer.copyManual'),
    exportCsv: t(lang, 'rankings.explorer.exportCsv'),
    exporting: t(lang, 'rankings.explorer.exporting'),
    exported: t(lang, 'rankings.explorer.exported', { n: '{n}' }),
    exportFailed: t(lang, 'rankings.explorer.exportFailed'),
    csvName: t(lang, 'rankings.explorer.csvName', { year: '{year}' }),
    csvHeadings: csvHeadings(lang, publicTags),
  };
}

/** Every industry of any year with its name, the latest year's (largest first) before older years' leftovers. */
function industryOptions(lang: Lang, source: RankingsHubSource): [string, string][] {
  const industries = new Map<string, string>();
  for (const y of [...source.years].reverse()) {
    for (const i of source.industriesOf(y)) if (!industries.has(i.name)) industries.set(i.name, industryLabel(lang, i.name));
  }
  return [...industries];
}

/** The filter island's props over the latest year. */
export function hubExplorer(lang: Lang, source: RankingsHubSource): HubExplorer {
  const { model, parks, latestYear, pageSize } = source;
  const years = [...source.years];
  const rows = source.rowsForYear(latestYear);
  const publicTags = model.privacy.public_tags;
  return {
    lang,
    years,
    initialYear: latestYear,
    initial: encodeRankingData(latestYear, rows.slice(0, pageSize), explorerTables(model, parks)),
    total: rows.length,
    urls: Object.fromEntries(Object.entries(EXPLORER_PATHS).map(([kind, path]) => [kind, withBase(path)])) as Record<ExplorerPathKind, string>,
    profileUrl: href(lang, routes.enterprise('{id}')),
    listUrls: Object.fromEntries(years.map((y) => [String(y), href(lang, routes.national(y))])),
    pageSize,
    labels: explorerLabels(lang, publicTags),
    parkOptions: parks.map((p): [string, string] => [p.code, localName(lang, p)]),
    stageOptions: model.stages.map((s): [string, string] => [s.id, source.stageName(lang, s.id)]),
    industryOptions: industryOptions(lang, source),
    tagOptions: publicTags ? TAGS.map((tag): [string, string] => [tag, tagLabel(lang, tag)]) : [],
    anchor: 'explorer',
  };
}

/** The rankings hub of the build's latest year. */
export function rankingsHubView(lang: Lang, source: RankingsHubSource): RankingsHubView {
  const { latestYear } = source;
  return {
    year: latestYear,
    yearText: String(latestYear),
    earlier: source.years.filter((y) => y !== latestYear).reverse(),
    explorer: hubExplorer(lang, source),
  };
}
