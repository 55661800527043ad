/**
 * The open-data page's view data (src/pages/[...lang]/data/index.astro): the downloads in
 * reading order with what each holds and its size, and the input files' checksums. Pure.
 */
import { t, type Lang, type TranslationKey } from '../i18n/index.ts';
import { formatNumber } from '../i18n/format.ts';
import type { FileDigest } from '../publish/prepare.ts';

/** A file of the page's tables: its digest, what it holds and its size in words. */
export interface FileRow extends FileDigest {
  description: string;
  size: string;
}

/** Everything the open-data page lists, in the page's language. */
export interface OpenDataView {
  title: string;
  files: FileRow[];
  /** All downloads together. */
  totalSize: string;
  inputs: FileRow[];
}

const FILE_KEYS: Readonly<Record<string, TranslationKey>> = {
  'public-scores.csv': 'openData.file.scores',
  'public-scores.json': 'openData.file.scoresJson',
  'model.json': 'openData.file.model',
  'data-dictionary.csv': 'openData.file.dictionary',
  'parks.csv': 'openData.file.parks',
  'achievements.csv': 'openData.file.achievements',
  'vetoed.csv': 'openData.file.vetoed',
  'README.txt': 'openData.file.readme',
  SHA256SUMS: 'openData.file.checksums',
};

/** What a download holds, from its file name ("—" for a file the page does not know). */
export function describeDownload(lang: Lang, file: string): string {
  const year = /^public-scores-(\d{4})\.(csv|json)$/.exec(file);
  if (year) return t(lang, year[2] === 'csv' ? 'openData.file.scoresYearCsv' : 'openData.file.scoresYearJson', { year: year[1]! });
  const key = Object.hasOwn(FILE_KEYS, file) ? FILE_KEYS[file] : undefined;
  return key ? t(lang, key) : '—';
}

/** A byte count for readers: "845 B", "12.4 KB", "5.13 MB" (1 KB = 1,024 bytes). */
export function formatBytes(lang: Lang, bytes: number): string {
  if (bytes < 1024) return `${formatNumber(lang, bytes, 0)} B`;
  if (bytes < 1024 * 1024) return `${formatNumber(lang, bytes / 1024, 1)} KB`;
  return `${formatNumber(lang, bytes / (1024 * 1024), 2)} MB`;
}

const ALL_YEARS = /^public-scores\.(csv|json)$/;
const ONE_YEAR = /^public-scores-(\d{4})\./;
const group = (d: FileDigest) => (ALL_YEARS.test(d.file) ? 0 : ONE_YEAR.test(d.file) ? 1 : d.file === 'SHA256SUMS' ? 3 : 2);
const yearOf = (d: FileDigest) => ONE_YEAR.exec(d.file)?.[1] ?? '';

/** The downloads in reading order: the all-years tables, the years newest first (CSV before JSON), the rest by name, SHA256SUMS last. */
export function orderDownloads(downloads: readonly FileDigest[]): FileDigest[] {
  return [...downloads].sort((a, b) => {
    if (group(a) !== group(b)) return group(a) - group(b);
    if (group(a) === 1 && yearOf(a) !== yearOf(b)) return yearOf(a) < yearOf(b) ? 1 : -1;
    return a.file < b.file ? -1 : 1;
  });
}

/** The open-data page of a build's downloads and input checksums. */
export function openDataView(lang: Lang, downloads: readonly FileDigest[], inputs: readonly FileDigest[]): OpenDataView {
  const row = (d: FileDigest): FileRow => ({ ...d, description: describeDownload(lang, d.file), size: formatBytes(lang, d.bytes) });
  return {
    title: t(lang, 'openData.title'),
    files: orderDownloads(downloads).map(row),
    totalSize: formatBytes(lang, downloads.reduce((sum, d) => sum + d.bytes, 0)),
    inputs: inputs.map(row),
  };
}
