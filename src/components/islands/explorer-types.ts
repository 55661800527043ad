/**
 * The ranking explorer's props and visible strings: what the rankings page (src/pages/[...lang]/rankings/index.astro)
 * passes to the island. Shared by RankingExplorer.tsx and its parts.
 */
import type { ChangePhrases, RankingData } from '../../wire/ranking-data.ts';
import type { PieceUrls } from './ranking-source.ts';
import type { CsvHeadings } from './explorer-csv.ts';

/** Visible strings, from the dictionaries; `{n}`, `{total}`, `{year}`, `{loaded}` are filled in here. */
export interface ExplorerLabels {
  controls: string;
  year: string;
  search: string;
  searchHint: string;
  park: string;
  parkAll: string;
  stage: string;
  stageAll: string;
  industry: string;
  industryAll: string;
  tag: string;
  tagAll: string;
  reset: string;
  count: string;
  countAtLeast: string;
  progress: string;
  tooShort: string;
  preview: string;
  loading: string;
  error: string;
  empty: string;
  caption: string;
  fullList: string;
  rank: string;
  name: string;
  score: string;
  /** Headers of the rank change and score change columns. */
  change: string;
  scoreChange: string;
  /** How a sort by a change column orders firms without a previous year and ties. */
  sortNote: string;
  pagination: string;
  pageStatus: string;
  page: string;
  previous: string;
  next: string;
  changes: ChangePhrases;
  copyLink: string;
  /** Label of the read-only field showing the link when the clipboard cannot be written. */
  linkLabel: string;
  copied: string;
  copyManual: string;
  exportCsv: string;
  exporting: string;
  /** `{n}`: rows written. */
  exported: string;
  exportFailed: string;
  /** The CSV file's name before its filters, with `{year}`. */
  csvName: string;
  csvHeadings: CsvHeadings;
}

export interface RankingExplorerProps {
  lang: 'zh' | 'en';
  /** Evaluation years, ascending. */
  years: number[];
  initialYear: number;
  /** The first page of the initial year (server-rendered and shown before any data loads). */
  initial: RankingData;
  /** Enterprises in the initial year. */
  total: number;
  /** URLs of a year's pieces, base path included. */
  urls: PieceUrls;
  /** URL of an enterprise profile with an `{id}` placeholder. */
  profileUrl: string;
  /** The static paginated national list of each year (the no-JavaScript route). */
  listUrls: Record<string, string>;
  pageSize: number;
  labels: ExplorerLabels;
  /** Options in display order: [key, label]. Industries cover every year. */
  parkOptions: [string, string][];
  stageOptions: [string, string][];
  industryOptions: [string, string][];
  tagOptions: [string, string][];
  /** The id of the heading a shared link scrolls to (so the island is in view and hydrates). */
  anchor: string;
}
