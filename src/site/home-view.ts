/**
 * The home page's view data (src/pages/[...lang]/index.astro): the latest year's headline
 * figures, its top 10, the stage split with each stage's median, the park leaderboard, the
 * latest showcase entries and the links into the portal. Pure: the build's data comes in as a
 * HomeSource (site-source.ts's `siteSource`).
 */
import { t, type Lang, type TranslationKey } from '../i18n/index.ts';
import { formatScore } from '../i18n/format.ts';
import type { Park } from '../ingest/dataset.ts';
import type { Model } from '../ingest/model.ts';
import type { ShowcaseEntry } from '../ingest/showcase.ts';
import type { PublishedRow } from '../publish/publish.ts';
import { routes } from './routes.ts';
import { summariseRows } from './score-summary.ts';

/** What the home page reads of the build's data. */
export interface HomeSource {
  model: Model;
  parks: readonly Park[];
  latestYear: number;
  rowsForYear(year: number): PublishedRow[];
  /** A park's firm count, median score and share of its firms in the national top 10 % in a year. */
  parkStats(year: number, code: string): { count: number; median: number; top10Share: number };
  latestShowcase(n: number): ShowcaseEntry[];
  parkName(lang: Lang, code: string): string;
  stageName(lang: Lang, stage: string): string;
}

/** Everything the home page shows, in the page's language. */
export interface HomeView {
  year: number;
  /** The year as written in headings ("2023"). */
  yearText: string;
  /** Every row of the latest year, in rank order. */
  rows: PublishedRow[];
  figures: { label: string; value: string }[];
  showcase: ShowcaseEntry[];
  /** Each model stage's firm count and median score (null when it has no firms), model order. */
  stages: { id: string; name: string; count: number; median: number | null }[];
  /** The stage split in words, for the chart's description. */
  stageParts: string;
  /** Parks with firms, best median first (ties by code). */
  leaderboard: { code: string; name: string; stats: { count: number; median: number; top10Share: number } }[];
  explore: { key: TranslationKey; text: TranslationKey; path: string }[];
}

const EXPLORE: HomeView['explore'] = [
  { key: 'nav.rankings', text: 'home.explore.rankings', path: routes.rankings() },
  { key: 'nav.showcase', text: 'home.explore.showcase', path: routes.showcase() },
  { key: 'nav.stages', text: 'home.explore.stages', path: routes.stages() },
  { key: 'nav.parks', text: 'home.explore.parks', path: routes.parks() },
  { key: 'nav.methodology', text: 'home.explore.methodology', path: routes.methodology() },
  { key: 'nav.data', text: 'home.explore.openData', path: routes.openData() },
];

/** The home page of the build's latest year. */
export function homeView(lang: Lang, source: HomeSource): HomeView {
  const { model, parks, latestYear: year } = source;
  const rows = source.rowsForYear(year);
  const summary = summariseRows(rows, model.stages);
  const stages = model.stages.map((s) => {
    const count = summary.stageCounts[s.id] ?? 0;
    const median = count ? summariseRows(rows.filter((r) => r.stage === s.id), model.stages).median : null;
    return { id: s.id, name: source.stageName(lang, s.id), count, median };
  });
  return {
    year,
    yearText: String(year),
    rows,
    figures: [
      { label: t(lang, 'home.figures.parks'), value: t(lang, 'home.figures.parksValue', { n: parks.length }) },
      { label: t(lang, 'home.figures.enterprises'), value: t(lang, 'home.figures.enterprisesValue', { n: rows.length }) },
      { label: t(lang, 'home.figures.year'), value: t(lang, 'common.year', { year: String(year) }) },
      { label: t(lang, 'home.figures.median'), value: t(lang, 'value.points', { points: formatScore(lang, summary.median) }) },
    ],
    showcase: source.latestShowcase(3),
    stages,
    stageParts: stages.map((s) => t(lang, 'home.stages.part', { stage: s.name, n: s.count })).join(t(lang, 'home.listSeparator')),
    leaderboard: parks
      .map((p) => ({ code: p.code, name: source.parkName(lang, p.code), stats: source.parkStats(year, p.code) }))
      .filter((p) => p.stats.count > 0)
      .sort((a, b) => b.stats.median - a.stats.median || (a.code < b.code ? -1 : 1)),
    explore: EXPLORE,
  };
}
