/**
 * What the explorer says about its list (the status line) and which pages it offers. Pure,
 * so the wording of every state is unit-tested without a browser.
 */
import { fillTemplate, formatFixed, pageCount } from '../../wire/ranking-data.ts';
import type { ExplorerResult } from './ranking-source.ts';
import type { ExplorerLabels } from './explorer-types.ts';

type StatusLabels = Pick<ExplorerLabels, 'preview' | 'error' | 'loading' | 'tooShort' | 'count' | 'empty' | 'progress' | 'countAtLeast'>;

export interface StatusInput {
  /** The island is live: hydrated and the reader has interacted. Until then the preview is described. */
  live: boolean;
  failed: boolean;
  current: ExplorerResult | null;
  year: number;
  /** Rows of the server-rendered preview, and the year's total. */
  previewRows: number;
  total: number;
}

/** The status line: the preview, an error, loading, progress, or how many rows the list holds. */
export function explorerStatus(labels: StatusLabels, s: StatusInput): string {
  const n = (x: number) => formatFixed(x, 0);
  const year = String(s.year);
  const { current } = s;
  if (!s.live) return fillTemplate(labels.preview, { year, n: n(s.previewRows), total: n(s.total) });
  if (s.failed) return labels.error;
  if (!current) return fillTemplate(labels.loading, { year });
  if (current.tooShort) return labels.tooShort;
  if (current.count !== null) return current.count ? fillTemplate(labels.count, { n: n(current.count) }) : labels.empty;
  if (!current.done && current.progress) {
    return fillTemplate(labels.progress, { n: n(current.found), loaded: n(current.progress.loaded), total: n(current.progress.total) });
  }
  if (!current.done) return fillTemplate(labels.loading, { year });
  return fillTemplate(labels.countAtLeast, { n: n(current.offset + current.rows.length) });
}

/**
 * Pages of the answer: counted when its size is known (`pages`); otherwise there is a next
 * page while more rows may follow page `page`.
 */
export function explorerPaging(current: ExplorerResult | null, page: number, pageSize: number): { pages: number | null; hasNext: boolean } {
  const pages = current?.count != null ? pageCount(current.count, pageSize) : null;
  const to = page * pageSize;
  const hasNext = current !== null && (pages !== null ? page < pages : !(current.complete && current.offset + current.rows.length <= to));
  return { pages, hasNext };
}
