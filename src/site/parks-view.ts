/**
 * The parks pages' view data: the comparison of every pilot park on the latest year's scores
 * (src/pages/[...lang]/parks/index.astro) and one park's page (parks/[code].astro): its
 * reported achievements, the statistics computed from its firms' scores in the latest and every
 * year, and its top 10. Pure: the build's data comes in as a ParksSource (site-source.ts's
 * `siteSource`).
 */
import { localName, stageLabel, t, type Lang } from '../i18n/index.ts';
import { formatNumber, formatScore, formatScoreChange, formatShare, type ChangeDisplay } from '../i18n/format.ts';
import type { Achievement, Park } from '../ingest/dataset.ts';
import type { Model } from '../ingest/model.ts';
import type { PublishedRow } from '../publish/publish.ts';
import type { ScoreSummary } from './score-summary.ts';
import { stageInSentence } from './stages-view.ts';
import type { ParkStats } from './statistics.ts';

/** What the parks pages read of the build's data. */
export interface ParksSource {
  model: Model;
  parks: readonly Park[];
  /** Evaluation years, ascending. */
  years: readonly number[];
  latestYear: number;
  /** A park's statistics in a year, with the previous year's summary when there is one. */
  parkStats(year: number, code: string): ParkStats;
  /** The summary of every firm of a year. */
  nationalSummary(year: number): ScoreSummary;
  /** A park's reported achievements, in file order. */
  achievementsOf(code: string): readonly Achievement[];
  /** A park's rows of a year, in park rank order. */
  rowsOfPark(year: number, code: string): PublishedRow[];
}

/** A model stage's id and name. */
export interface StageName {
  id: string;
  name: string;
}

/** A park's row of the comparison. */
export interface ParkRow {
  park: Park;
  name: string;
  stats: ParkStats;
  /** The median's change on the previous year; null when either year has no firms. */
  medianChange: ChangeDisplay | null;
  /** How many achievements the park reported. */
  reported: number;
}

/** Everything the parks comparison shows, in the page's language. */
export interface ParksIndexView {
  year: number;
  yearText: string;
  title: string;
  /** Every firm of the latest year, and how many make its national top 10 %. */
  national: ScoreSummary;
  top10Cut: number;
  stages: StageName[];
  /** Parks with firms first, best median first (ties by code); parks without firms last. */
  rows: ParkRow[];
  /** The model's maximum score. */
  scale: number;
}

/** A year of a park's history with the median's change on the previous year. */
export type ParkYear = { year: number } & ParkStats & { medianChange: ChangeDisplay | null };

/** Everything one park's page shows, in the page's language. */
export interface ParkView {
  park: Park;
  name: string;
  year: number;
  yearText: string;
  /** The latest year's statistics (the last evaluation year's). */
  stats: ParkYear;
  national: ScoreSummary;
  top10Cut: number;
  reported: readonly Achievement[];
  /** The park's ten best firms of the latest year. */
  top: PublishedRow[];
  /** Each stage with its link text ("Enterprises of the start-up stage"). */
  stages: (StageName & { link: string })[];
  /** The headline figures: firms, median, mean, in the national top 10 % and top 500. */
  figures: { label: string; value: string; note: string }[];
  /** Every evaluation year, newest first. */
  history: ParkYear[];
  scale: number;
}

/** The median's change on the previous year, when both years have firms. */
function medianChange(lang: Lang, stats: ParkStats): ChangeDisplay | null {
  return stats.previous && stats.previous.count > 0 && stats.count > 0 ? formatScoreChange(lang, stats.median - stats.previous.median) : null;
}

function stageNames(lang: Lang, model: Model): StageName[] {
  return model.stages.map((s) => ({ id: s.id, name: stageLabel(lang, s.id, s.name[lang]) }));
}

/** The parks compared on the latest year's scores. */
export function parksIndexView(lang: Lang, source: ParksSource): ParksIndexView {
  const { model, latestYear: year } = source;
  const national = source.nationalSummary(year);
  const rows = source.parks
    .map((park) => ({ park, stats: source.parkStats(year, park.code) }))
    .sort((a, b) => {
      // Parks without firms this year go last; then by median, highest first; then by code.
      if ((a.stats.count === 0) !== (b.stats.count === 0)) return a.stats.count === 0 ? 1 : -1;
      return b.stats.median - a.stats.median || (a.park.code < b.park.code ? -1 : 1);
    });
  return {
    year,
    yearText: String(year),
    title: t(lang, 'parks.title'),
    national,
    top10Cut: Math.ceil(national.count * 0.1),
    stages: stageNames(lang, model),
    rows: rows.map(({ park, stats }) => ({
      park,
      name: localName(lang, park),
      stats,
      medianChange: medianChange(lang, stats),
      reported: source.achievementsOf(park.code).length,
    })),
    scale: model.scale,
  };
}

/** A park's headline figures of a year, each with its note (change, national median, share). */
function parkFigures(lang: Lang, stats: ParkStats, national: ScoreSummary): ParkView['figures'] {
  const score = (n: number) => formatScore(lang, n);
  const prev = stats.previous && stats.previous.count > 0 ? stats.previous : null;
  const countChange = prev ? stats.count - prev.count : null;
  const change = medianChange(lang, stats);
  const signed = (n: number) => (n > 0 ? `+${formatNumber(lang, n, 0)}` : formatNumber(lang, n, 0));
  const shareOfPark = (share: number) => t(lang, 'parks.shareOfPark', { share: formatShare(lang, share) });
  return [
    {
      label: t(lang, 'parks.firmsScored'),
      value: formatNumber(lang, stats.count, 0),
      note: countChange === null ? t(lang, 'change.none') : t(lang, 'parks.countChange', { n: signed(countChange) }),
    },
    { label: t(lang, 'table.median'), value: score(stats.median), note: change ? change.label : t(lang, 'change.none') },
    { label: t(lang, 'parks.mean'), value: score(stats.mean), note: t(lang, 'parks.nationalMedianNote', { median: score(national.median) }) },
    { label: t(lang, 'parks.inTop10'), value: formatNumber(lang, stats.inTop10, 0), note: shareOfPark(stats.top10Share) },
    { label: t(lang, 'parks.inTop500'), value: formatNumber(lang, stats.inTop500, 0), note: shareOfPark(stats.count ? stats.inTop500 / stats.count : 0) },
  ];
}

/** One park's page over the latest year, with its history. */
export function parkView(lang: Lang, park: Park, source: ParksSource): ParkView {
  const { model, latestYear: year } = source;
  const history = source.years.map((y): ParkYear => {
    const stats = source.parkStats(y, park.code);
    return { year: y, ...stats, medianChange: medianChange(lang, stats) };
  });
  const stats = history[history.length - 1]!;
  const national = source.nationalSummary(year);
  return {
    park,
    name: localName(lang, park),
    year,
    yearText: String(year),
    stats,
    national,
    top10Cut: Math.ceil(national.count * 0.1),
    reported: source.achievementsOf(park.code),
    top: source.rowsOfPark(year, park.code).slice(0, 10),
    stages: stageNames(lang, model).map((s) => ({ ...s, link: t(lang, 'parks.stageLink', { stage: stageInSentence(lang, s.name) }) })),
    figures: parkFigures(lang, stats, national),
    history: [...history].reverse(),
    scale: model.scale,
  };
}
