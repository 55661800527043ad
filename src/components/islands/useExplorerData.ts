/**
 * The explorer's rows: each year's pieces (ranking-source.ts), fetched only once the reader
 * has interacted and kept; the answer to the current view, which follows progress reports;
 * and the rows on screen, which stay as they were while the next page loads.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { decodeRankingData, type ExplorerRow, type RankingData, type RankingTablesOfYear, type SortContext } from '../../wire/ranking-data.ts';
import { SMALL_YEAR_ROWS, YearPieces, covers, runExplorer, type ExplorerResult, type PieceUrls } from './ranking-source.ts';
import type { ExplorerView } from './explorer-url.ts';

/** Same-origin JSON; a failed response is an error. */
async function fetchJson(url: string): Promise<unknown> {
  const res = await fetch(url, { credentials: 'same-origin', mode: 'same-origin' });
  if (!res.ok) throw new Error(`HTTP ${res.status} for ${url}`);
  return res.json();
}

export interface ExplorerDataInput {
  view: ExplorerView;
  /** Nothing is fetched before the reader interacts. */
  touched: boolean;
  pageSize: number;
  initialYear: number;
  /** The first page of the initial year, server-rendered. */
  initial: RankingData;
  total: number;
  urls: PieceUrls;
  lang: 'zh' | 'en';
  nameOf: (row: ExplorerRow) => string;
  parkLabel: ReadonlyMap<string, string>;
}

export interface ExplorerData {
  /** The answer to the current view so far, or null while none has come. */
  current: ExplorerResult | null;
  failed: boolean;
  /** The rows on screen: the page when the answer holds it, else what was shown before. */
  shown: ExplorerRow[];
  /** The server-rendered first page, decoded. */
  initialRows: ExplorerRow[];
  /** Loading a page that is not on screen yet. */
  busy: boolean;
  /** The year's tables the shown rows refer to. */
  tables: RankingTablesOfYear;
  /** The pieces of year `y`, made once. */
  piecesOf: (y: number) => YearPieces;
  /** What sorting by name or park needs for a year's tables. */
  sortContext: (tables: RankingTablesOfYear) => SortContext;
  /** The reader interacted: retry after a failure and fetch the year's meta file early. */
  wake: () => void;
  /** The search box was focused: fetch the index's meta file early on a big year. */
  prepareSearch: () => void;
}

export function useExplorerData(input: ExplorerDataInput): ExplorerData {
  const { view, touched, pageSize, initialYear, initial, total, urls, lang, nameOf, parkLabel } = input;
  const { year, keys, sort, page } = view;
  /** The latest result, with the request it answers. */
  const [answer, setAnswer] = useState<{ request: string; result: ExplorerResult } | null>(null);
  const [failed, setFailed] = useState(false);
  /** Bumped to retry after a failed fetch. */
  const [attempt, setAttempt] = useState(0);

  const initialRows = useMemo(() => decodeRankingData(initial), [initial]);
  // Made when a sort first needs it: building a collator is slow on a phone.
  const collator = useMemo(() => {
    let made: Intl.Collator | null = null;
    return () => (made ??= new Intl.Collator(lang === 'zh' ? 'zh-CN' : 'en', { numeric: true }));
  }, [lang]);

  // Each year's pieces, fetched once and kept; the initial year knows its first page already.
  const piecesByYear = useRef(new Map<number, YearPieces>());
  const piecesOf = useCallback(
    (y: number) => {
      let pieces = piecesByYear.current.get(y);
      if (!pieces) {
        const seed = y === initialYear ? { tables: initial, rows: initialRows, total } : null;
        pieces = new YearPieces(y, urls, fetchJson, seed);
        piecesByYear.current.set(y, pieces);
      }
      return pieces;
    },
    [initialYear, initial, total, urls, initialRows],
  );

  const request = JSON.stringify({ year, keys, sort });
  const from = (page - 1) * pageSize;
  const to = page * pageSize;
  const current = answer?.request === request ? answer.result : null;
  const run = useRef(0);
  const sortContext = (tables: RankingTablesOfYear) => ({ nameOf, collator: collator(), parkLabels: tables.parks.map((code) => parkLabel.get(code) ?? code) });

  // A new request for a new view, or for a page the last answer does not hold.
  useEffect(() => {
    if (!touched) return;
    if (current && !failed && (covers(current, from, to) || !current.done)) return;
    const token = ++run.current;
    const live = () => token === run.current;
    setFailed(false);
    runExplorer(piecesOf(year), { keys, sort, from, to, sortContext }, (result) => live() && setAnswer({ request, result }), () => !live())
      .catch(() => live() && setFailed(true));
    // `current` itself is not a dependency: a report that does not cover the page yet must not start another run.
  }, [touched, request, from, to, current?.done, attempt]);

  const wake = () => {
    if (failed) setAttempt((a) => a + 1);
    piecesOf(year).meta().catch(() => {});
  };
  const prepareSearch = () => {
    const pieces = piecesOf(year);
    pieces
      .meta()
      .then((m) => (m.rows > SMALL_YEAR_ROWS ? pieces.searchMeta() : null))
      .catch(() => {});
  };

  // The rows on screen: the page when the answer holds it, else what was shown before (busy).
  const shownRef = useRef<ExplorerRow[]>(initialRows);
  const ready = current !== null && covers(current, from, to);
  if (!touched) shownRef.current = initialRows;
  else if (ready) {
    const rows = current.rows.slice(from - current.offset, to - current.offset);
    // Keep the same list while the same rows are shown (progress reports re-render the status only).
    if (rows.length !== shownRef.current.length || rows.some((r, i) => r !== shownRef.current[i])) shownRef.current = rows;
  }
  const busy = touched && !ready && !failed && !current?.tooShort;
  const tables: RankingTablesOfYear = current?.tables ?? initial;

  return { current, failed, shown: shownRef.current, initialRows, busy, tables, piecesOf, sortContext, wake, prepareSearch };
}
