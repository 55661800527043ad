/**
 * The showcase's view data (src/pages/[...lang]/showcase/index.astro): the editorial entries
 * and the lists computed from the latest year's scores (national top 10, the start-up stage's
 * top 10, the biggest risers on the previous year, the top 3 of each park), with the page's
 * table of contents. Pure: the build's data comes in as a ShowcaseSource (site-source.ts's
 * `siteSource`).
 */
import { localName, stageLabel, t, type Lang } from '../i18n/index.ts';
import { formatScoreChange } from '../i18n/format.ts';
import type { Park } from '../ingest/dataset.ts';
import type { Stage } from '../ingest/model.ts';
import type { ShowcaseEntry } from '../ingest/showcase.ts';
import type { PublishedRow } from '../publish/publish.ts';
import { stageInSentence, stageRuleText } from './stages-view.ts';

/** What the showcase reads of the build's data. */
export interface ShowcaseSource {
  /** Evaluation years, ascending. */
  years: readonly number[];
  latestYear: number;
  /** Editorial entries, newest first. */
  showcaseEntries: readonly ShowcaseEntry[];
  /** A year's rows, in national rank order. */
  rowsForYear(year: number): PublishedRow[];
  /** A year's rows of a stage, in stage rank order. */
  rowsOfStage(year: number, stage: string): PublishedRow[];
  /** The n firms of a year that gained the most points on the previous year, most first (ties by id). */
  risers(year: number, n: number): PublishedRow[];
  /** The stage of the start-up list (the model's `startup`, else its first). */
  startupStage: Stage;
  /** Each park's n best rows of a year, parks in parks.csv order. */
  topOfEachPark(year: number, n: number): { park: Park; rows: PublishedRow[] }[];
}

/** Everything the showcase shows, in the page's language. */
export interface ShowcaseView {
  year: number;
  yearText: string;
  title: string;
  /** The year before, when it was evaluated (the risers list needs it); else null. */
  previousYear: number | null;
  entries: readonly ShowcaseEntry[];
  top10: PublishedRow[];
  /** The start-up stage, its name as it reads inside a sentence, its rule in words and its top 10. */
  startup: { stage: Stage; name: string; rule: string; rows: PublishedRow[] };
  /**
   * The ten biggest risers (none without a previous year), ranked 1–n by their own order (equal
   * gains share a rank), with each one's gain in words.
   */
  risers: { rows: PublishedRow[]; ranks: number[]; changes: string[] };
  /** The top 3 of each park with firms, parks in parks.csv order. */
  parkTops: { park: Park; name: string; rows: PublishedRow[] }[];
  /** The page's sections: anchor and label. */
  toc: { id: string; label: string }[];
}

/** Standard competition ranks by position in a list ordered by score gained. */
function riserRanks(rows: readonly PublishedRow[]): number[] {
  return rows.reduce<number[]>((ranks, r, i) => {
    ranks.push(i > 0 && r.scoreChange === rows[i - 1]!.scoreChange ? ranks[i - 1]! : i + 1);
    return ranks;
  }, []);
}

/** The showcase of the build's latest year. */
export function showcaseView(lang: Lang, source: ShowcaseSource): ShowcaseView {
  const { latestYear: year, startupStage } = source;
  const previousYear = source.years.includes(year - 1) ? year - 1 : null;
  const startupName = stageInSentence(lang, stageLabel(lang, startupStage.id, startupStage.name[lang]));
  // The risers list ranks 1–n by its own order (score gained), not by national rank (which
  // would read 2, 3, 160 … here).
  const rising = previousYear ? source.risers(year, 10) : [];
  return {
    year,
    yearText: String(year),
    title: t(lang, 'showcase.title'),
    previousYear,
    entries: source.showcaseEntries,
    top10: source.rowsForYear(year).slice(0, 10),
    startup: { stage: startupStage, name: startupName, rule: stageRuleText(lang, startupStage), rows: source.rowsOfStage(year, startupStage.id).slice(0, 10) },
    risers: { rows: rising, ranks: riserRanks(rising), changes: rising.map((r) => formatScoreChange(lang, r.scoreChange).text) },
    parkTops: source
      .topOfEachPark(year, 3)
      .filter((p) => p.rows.length > 0)
      .map(({ park, rows }) => ({ park, name: localName(lang, park), rows })),
    toc: [
      { id: 'entries', label: t(lang, 'showcase.entriesHeading') },
      { id: 'top10', label: t(lang, 'showcase.top10Heading') },
      { id: 'startups', label: t(lang, 'showcase.startupsHeading', { stage: startupName }) },
      ...(rising.length ? [{ id: 'risers', label: t(lang, 'showcase.risersHeading') }] : []),
      { id: 'parks', label: t(lang, 'showcase.parkTopHeading') },
    ],
  };
}
