/**
 * The filterable ranking list: filters by park, stage, industry and designation, search by
 * name or id, sort by any column and page through a year's whole list in the browser.
 *
 * Progressive enhancement: the server renders the first page of the default year as a plain
 * table (with a link to the static paginated list), and the controls stay hidden until the
 * island hydrates. Nothing is fetched until the reader interacts; then only the pieces a view
 * needs (ranking-source.ts): the chunk holding a page, a park's file, the search index's
 * shards and the chunks of a search's first page, or every chunk in rank order with progress
 * for other filters and sorts. Logic lives in ranking-data.ts, name-search.ts and
 * ranking-source.ts (pure, unit-tested); visible text comes from the dictionaries through `labels`.
 *
 * The view (year, filters, query, sort, page) lives in the URL's query string (explorer-url.ts):
 * read on hydration and on Back/Forward (popstate), written with pushState for a discrete change
 * and replaceState while typing. "Copy link" copies it; "Export CSV" downloads every row of the
 * current list (explorer-csv.ts).
 */
import { memo, useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import {
  NO_FILTER_KEYS,
  decodeRankingData,
  defaultDirection,
  describeChange,
  fillTemplate,
  formatFixed,
  pageCount,
  type ChangePhrases,
  type ExplorerRow,
  type FilterKeys,
  type RankingData,
  type RankingTablesOfYear,
  type SortDirection,
  type SortKey,
} from '../../wire/ranking-data.ts';
import { SMALL_YEAR_ROWS, YearPieces, covers, prefetchSearch, runExplorer, type ExplorerResult, type PieceUrls } from './ranking-source.ts';
import { decodeView, defaultView, encodeView, sameView, type ExplorerView, type ViewChoices } from './explorer-url.ts';
import { csvFileName, explorerCsv, type CsvHeadings, type CsvLabels } from './explorer-csv.ts';

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
  change: string;
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

type HistoryMode = 'push' | 'replace';

const HEADERS: { key: SortKey; numeric: boolean }[] = [
  { key: 'rank', numeric: true },
  { key: 'name', numeric: false },
  { key: 'park', numeric: false },
  { key: 'stage', numeric: false },
  { key: 'score', numeric: true },
  { key: 'change', numeric: true },
];

/** Same-origin JSON; a failed response is an error. */
async function fetchJson(url: string): Promise<unknown> {
  const res = await fetch(url, { credentials: 'same-origin', mode: 'same-origin' });
  if (!res.ok) throw new Error(`HTTP ${res.status} for ${url}`);
  return res.json();
}

/** The filters chosen from a list (the query is typed). */
type FilterField = Exclude<keyof FilterKeys, 'query'>;

/**
 * A labelled <select> over [key, label] options for one filter; '' is "all". Rendered again
 * only when its value changes: a national list has 178 parks, and typing in the search box
 * re-renders the explorer on every input event, on slow phones too.
 */
const Select = memo(function Select(props: {
  id: string;
  label: string;
  all: string;
  options: [string, string][];
  field: FilterField;
  value: string | null;
  onChange: (field: FilterField, value: string | null) => void;
}): ReactNode {
  const { id, label, all, options, field, value, onChange } = props;
  const index = value === null ? '' : String(options.findIndex(([k]) => k === value));
  return (
    <div className="explorer-field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={index} onChange={(e) => onChange(field, e.target.value === '' ? null : (options[Number(e.target.value)]?.[0] ?? null))}>
        <option value="">{all}</option>
        {options.map(([key, text], i) => (
          <option key={key} value={String(i)}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
});

export default function RankingExplorer(props: RankingExplorerProps): ReactNode {
  const { lang, labels, pageSize } = props;
  const [hydrated, setHydrated] = useState(false);
  /** The reader has interacted: from now on the view follows the controls. */
  const [touched, setTouched] = useState(false);
  const [year, setYear] = useState(props.initialYear);
  const [keys, setKeys] = useState<FilterKeys>(NO_FILTER_KEYS);
  /** The search box's text; it becomes the query except while an input method is composing. */
  const [typed, setTyped] = useState('');
  const composing = useRef(false);
  const [sort, setSort] = useState<{ key: SortKey; dir: SortDirection }>({ key: 'rank', dir: 'asc' });
  const [page, setPage] = useState(1);
  /** The latest result, with the request it answers. */
  const [answer, setAnswer] = useState<{ request: string; result: ExplorerResult } | null>(null);
  const [failed, setFailed] = useState(false);
  /** Bumped to retry after a failed fetch. */
  const [attempt, setAttempt] = useState(0);
  const tableRef = useRef<HTMLElement>(null);
  /** The polite live region's text (copy link, export) and the link field shown when the clipboard is unavailable. */
  const [notice, setNotice] = useState('');
  const [manualLink, setManualLink] = useState<string | null>(null);
  const linkRef = useRef<HTMLInputElement>(null);
  const [exporting, setExporting] = useState(false);

  // The view lives in the URL (explorer-url.ts): read on hydration and on Back/Forward, written on every change.
  const choices = useMemo<ViewChoices>(
    () => ({
      years: props.years,
      defaultYear: props.initialYear,
      parks: props.parkOptions.map(([k]) => k),
      stages: props.stageOptions.map(([k]) => k),
      industries: props.industryOptions.map(([k]) => k),
      tags: props.tagOptions.map(([k]) => k),
    }),
    [props.years, props.initialYear, props.parkOptions, props.stageOptions, props.industryOptions, props.tagOptions],
  );
  const view: ExplorerView = { year, keys, sort, page };
  const viewRef = useRef(view);
  viewRef.current = view;
  const apply = (v: ExplorerView) => {
    setYear(v.year);
    setKeys(v.keys);
    setSort(v.sort);
    setPage(v.page);
  };
  /** The URL of a view: the page's path, the query string, and the anchor when the view is not the default one. */
  const urlOf = (v: ExplorerView) => {
    const qs = encodeView(v, choices);
    return location.pathname + (qs ? `?${qs}#${props.anchor}` : '');
  };
  /** Shows a view and records it in the history: a new entry for a discrete change, the same one while typing. */
  const goRef = useRef((_v: ExplorerView, _mode: HistoryMode) => {});
  goRef.current = (next, mode) => {
    apply(next);
    setTouched(true);
    setManualLink(null);
    const url = urlOf(next);
    if (url === location.pathname + location.search + location.hash) return;
    try {
      if (mode === 'push') history.pushState(null, '', url);
      else history.replaceState(history.state, '', url);
    } catch {
      // A sandboxed frame may refuse; the view is shown all the same.
    }
  };
  const go = useCallback((next: ExplorerView, mode: HistoryMode) => goRef.current(next, mode), []);

  useEffect(() => {
    setHydrated(true);
    const fromUrl = (initial: boolean) => {
      const v = decodeView(location.search, choices);
      if (sameView(v, initial ? defaultView(choices) : viewRef.current)) return;
      apply(v);
      setTyped(v.keys.query);
      setManualLink(null);
      setTouched(true);
    };
    fromUrl(true);
    const onPopState = () => fromUrl(false);
    addEventListener('popstate', onPopState);
    return () => removeEventListener('popstate', onPopState);
  }, []);

  const initialRows = useMemo(() => decodeRankingData(props.initial), [props.initial]);
  const nameOf = useCallback((r: ExplorerRow) => (lang === 'en' && r.nameEn ? r.nameEn : r.name), [lang]);
  const parkLabel = useMemo(() => new Map(props.parkOptions), [props.parkOptions]);
  const stageLabel = useMemo(() => new Map(props.stageOptions), [props.stageOptions]);
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
        const seed = y === props.initialYear ? { tables: props.initial, rows: initialRows, total: props.total } : null;
        pieces = new YearPieces(y, props.urls, fetchJson, seed);
        piecesByYear.current.set(y, pieces);
      }
      return pieces;
    },
    [props.initialYear, props.initial, props.total, props.urls, initialRows],
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

  /** First interaction: start following the controls and fetch the year's meta file early. */
  const touch = () => {
    if (!touched) setTouched(true);
    if (failed) setAttempt((a) => a + 1);
    piecesOf(year).meta().catch(() => {});
  };
  /** The search box was focused: fetch the index's meta file early on a big year. */
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
  const shown = shownRef.current;
  const busy = touched && !ready && !failed && !current?.tooShort;
  const tables: RankingTablesOfYear = current?.tables ?? props.initial;

  // The table's rows, made again only when the rows on screen change (not while busy or on status updates).
  const body = useMemo(
    () =>
      shown.map((r) => {
        const change = describeChange(r.rankChange, r.scoreChange, labels.changes);
        return (
          <tr key={r.id}>
            <td className="num">{formatFixed(r.rank, 0)}</td>
            <th scope="row">
              <a href={fillTemplate(props.profileUrl, { id: r.id })}>{nameOf(r)}</a>
              {lang === 'en' && r.nameEn && (
                <>
                  {' '}
                  <span className="alt-name" lang="zh-CN">
                    {r.name}
                  </span>
                </>
              )}
            </th>
            <td>{parkLabel.get(tables.parks[r.park] ?? '') ?? tables.parks[r.park]}</td>
            <td>{stageLabel.get(tables.stages[r.stage] ?? '') ?? tables.stages[r.stage]}</td>
            <td className="num">{formatFixed(r.score, 2)}</td>
            <td className={`num change change-${change.direction}`}>
              <span aria-hidden="true">{change.text}</span>
              <span className="visually-hidden">{change.label}</span>
            </td>
          </tr>
        );
      }),
    [shown, tables, lang, nameOf, parkLabel, stageLabel, labels.changes, props.profileUrl],
  );

  const update = useCallback((next: Partial<FilterKeys>, mode: HistoryMode) => {
    const v = viewRef.current;
    go({ ...v, keys: { ...v.keys, ...next }, page: 1 }, mode);
  }, [go]);
  const setFilter = useCallback((field: FilterField, value: string | null) => update({ [field]: value }, 'push'), [update]);
  /** A new query: its first index pieces are requested before the page re-renders. */
  const search = (query: string) => {
    prefetchSearch(piecesOf(year), query);
    update({ query }, 'replace');
  };
  const chooseSort = (key: SortKey) => {
    const s = sort.key === key ? { key, dir: sort.dir === 'asc' ? ('desc' as const) : ('asc' as const) } : { key, dir: defaultDirection(key) };
    go({ ...view, sort: s, page: 1 }, 'push');
  };
  const goTo = (p: number) => {
    go({ ...view, page: p }, 'push');
    const top = tableRef.current?.getBoundingClientRect().top;
    if (top !== undefined && top < 0) tableRef.current?.scrollIntoView({ block: 'start' });
  };
  const reset = () => {
    setTyped('');
    go({ ...defaultView(choices), year }, 'push');
  };

  /** Copies the view's full URL; without a clipboard, shows it selected in a read-only field. */
  const copyLink = async () => {
    const url = new URL(urlOf(view), location.href).href;
    try {
      await navigator.clipboard.writeText(url);
      setManualLink(null);
      setNotice(labels.copied);
    } catch {
      setManualLink(url);
      setNotice(labels.copyManual);
    }
  };
  useEffect(() => {
    if (manualLink !== null) linkRef.current?.select();
  }, [manualLink]);

  const csvLabels = useMemo<CsvLabels>(
    () => ({ park: parkLabel, stage: stageLabel, industry: new Map(props.industryOptions), tag: new Map(props.tagOptions) }),
    [parkLabel, stageLabel, props.industryOptions, props.tagOptions],
  );
  /** Downloads every row of the current list (not just the page) as CSV, fetching what the view has not loaded. */
  const exportCsv = async () => {
    const v = view;
    setExporting(true);
    setNotice(labels.exporting);
    try {
      let result: ExplorerResult | null = current && current.done && current.complete && current.offset === 0 ? current : null;
      if (!result) {
        await runExplorer(piecesOf(v.year), { keys: v.keys, sort: v.sort, from: 0, to: Infinity, sortContext }, (r) => {
          if (r.done && r.complete) result = r;
        }, () => false);
      }
      if (!result) throw new Error('incomplete');
      const { rows, tables } = result as ExplorerResult;
      const blob = new Blob([explorerCsv(rows, tables, labels.csvHeadings, csvLabels)], { type: 'text/csv;charset=utf-8' });
      const link = document.createElement('a');
      link.href = URL.createObjectURL(blob);
      link.download = csvFileName(labels.csvName, v.year, v.keys, csvLabels);
      link.hidden = true;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(link.href), 60_000);
      setNotice(fillTemplate(labels.exported, { n: formatFixed(rows.length, 0) }));
    } catch {
      setNotice(labels.exportFailed);
    } finally {
      setExporting(false);
    }
  };

  const n = (x: number) => formatFixed(x, 0);
  const y = String(year);
  let status: string;
  if (!hydrated || !touched) status = fillTemplate(labels.preview, { year: y, n: n(initialRows.length), total: n(props.total) });
  else if (failed) status = labels.error;
  else if (!current) status = fillTemplate(labels.loading, { year: y });
  else if (current.tooShort) status = labels.tooShort;
  else if (current.count !== null) status = current.count ? fillTemplate(labels.count, { n: n(current.count) }) : labels.empty;
  else if (!current.done && current.progress) status = fillTemplate(labels.progress, { n: n(current.found), loaded: n(current.progress.loaded), total: n(current.progress.total) });
  else if (!current.done) status = fillTemplate(labels.loading, { year: y });
  else status = fillTemplate(labels.countAtLeast, { n: n(current.offset + current.rows.length) });

  // Pages: counted when the result's size is known; otherwise "next" while more may follow.
  const pages = current?.count != null ? pageCount(current.count, pageSize) : null;
  // A page past the end (an old link, a shorter list after Back): the last page instead.
  useEffect(() => {
    if (pages !== null && page > Math.max(1, pages)) go({ ...viewRef.current, page: Math.max(1, pages) }, 'replace');
  }, [pages, page, go]);
  const hasNext = current !== null && (pages !== null ? page < pages : !(current.complete && current.offset + current.rows.length <= to));
  const showPagination = hydrated && touched && current !== null && !current.tooShort && (page > 1 || hasNext);

  const headerText: Record<SortKey, string> = {
    rank: labels.rank,
    name: labels.name,
    park: labels.park,
    stage: labels.stage,
    score: labels.score,
    change: labels.change,
  };
  const captionId = 'explorer-caption';
  const listUrl = props.listUrls[y];

  return (
    <div className="ranking-explorer" onFocus={hydrated ? touch : undefined} onPointerDown={hydrated ? touch : undefined}>
      <fieldset className="explorer-controls" hidden={!hydrated}>
        <legend className="visually-hidden">{labels.controls}</legend>
        <div className="explorer-field explorer-search">
          <label htmlFor="explorer-query">{labels.search}</label>
          <input
            id="explorer-query"
            type="search"
            value={typed}
           
            aria-describedby="explorer-query-hint"
            onFocus={prepareSearch}
            onChange={(e) => {
              setTyped(e.target.value);
              if (!composing.current) search(e.target.value);
            }}
            onCompositionStart={() => {
              composing.current = true;
            }}
            onCompositionEnd={(e) => {
              composing.current = false;
              search(e.currentTarget.value);
            }}
          />
          <span id="explorer-query-hint" className="explorer-hint">
            {labels.searchHint}
          </span>
        </div>
        {props.years.length > 1 && (
          <div className="explorer-field">
            <label htmlFor="explorer-year">{labels.year}</label>
            <select
              id="explorer-year"
              value={y}
             
              onChange={(e) => go({ ...view, year: Number(e.target.value), page: 1 }, 'push')}
            >
              {[...props.years].reverse().map((yy) => (
                <option key={yy} value={String(yy)}>
                  {yy}
                </option>
              ))}
            </select>
          </div>
        )}
        <Select id="explorer-park" label={labels.park} all={labels.parkAll} options={props.parkOptions} field="park" value={keys.park} onChange={setFilter} />
        <Select id="explorer-stage" label={labels.stage} all={labels.stageAll} options={props.stageOptions} field="stage" value={keys.stage} onChange={setFilter} />
        <Select
          id="explorer-industry"
          label={labels.industry}
          all={labels.industryAll}
          options={props.industryOptions}
          field="industry"
          value={keys.industry}
          onChange={setFilter}
        />
        {props.tagOptions.length > 0 && (
          <Select id="explorer-tag" label={labels.tag} all={labels.tagAll} options={props.tagOptions} field="tag" value={keys.tag} onChange={setFilter} />
        )}
        <div className="explorer-field explorer-reset">
          <button type="button" onClick={reset}>
            {labels.reset}
          </button>
        </div>
      </fieldset>

      {/* Above the status, whose text changes height on the first touch: a tap must not move its target. */}
      <div className="explorer-actions" hidden={!hydrated}>
        <button type="button" onClick={copyLink}>
          {labels.copyLink}
        </button>
        <button type="button" onClick={exportCsv} disabled={exporting || current?.tooShort === true}>
          {labels.exportCsv}
        </button>
        {manualLink !== null && (
          <input ref={linkRef} className="explorer-link" type="text" readOnly value={manualLink} aria-label={labels.linkLabel} onFocus={(e) => e.currentTarget.select()} />
        )}
      </div>
      <p className="explorer-status" role="status">
        {status}
      </p>

      <p className="explorer-notice" aria-live="polite">
        {notice}
      </p>

      <section className="table-scroll" tabIndex={0} aria-labelledby={captionId} ref={tableRef}>
        <table className="data-table ranking-table" aria-busy={busy ? true : undefined}>
          <caption id={captionId} className="visually-hidden">
            {fillTemplate(labels.caption, { year: y })}
          </caption>
          <thead>
            <tr>
              {HEADERS.map(({ key, numeric }) => {
                const active = hydrated && sort.key === key;
                return (
                  <th
                    key={key}
                    scope="col"
                    className={numeric ? 'num' : undefined}
                    aria-sort={active ? (sort.dir === 'asc' ? 'ascending' : 'descending') : undefined}
                  >
                    {hydrated ? (
                      <button type="button" className="explorer-sort" onClick={() => chooseSort(key)}>
                        {headerText[key]}
                        <span aria-hidden="true" className="explorer-sort-mark">
                          {active ? (sort.dir === 'asc' ? ' ▲' : ' ▼') : ' ↕'}
                        </span>
                      </button>
                    ) : (
                      headerText[key]
                    )}
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {body}
          </tbody>
        </table>
      </section>

      {showPagination && (
        <nav className="pagination explorer-pagination" aria-label={labels.pagination}>
          <p className="pagination-status">
            {pages !== null ? fillTemplate(labels.pageStatus, { n: n(page), total: n(pages) }) : fillTemplate(labels.page, { n: n(page) })}
          </p>
          <ul>
            <li>
              <button type="button" disabled={page <= 1} onClick={() => goTo(page - 1)}>
                {labels.previous}
              </button>
            </li>
            <li>
              <button type="button" disabled={!hasNext} onClick={() => goTo(page + 1)}>
                {labels.next}
              </button>
            </li>
          </ul>
        </nav>
      )}
      {listUrl && (
        <p className="explorer-fallback">
          <a href={listUrl}>{fillTemplate(labels.fullList, { year: y })}</a>
        </p>
      )}
    </div>
  );
}
