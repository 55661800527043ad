/**
 * The filterable ranking list: filters by park, stage, industry and designation, search by
 * name or id, sort by any column and page through the whole year's list in the browser.
 *
 * Progressive enhancement: the server renders the first page of the default year as a plain
 * table (with a link to the static paginated list), and the controls stay hidden until the
 * island hydrates. The year's full list is fetched from /rankings-data/{year}.json only when
 * the reader first interacts. Logic lives in ranking-data.ts (pure, unit-tested); visible text
 * comes from the dictionaries through `labels`.
 */
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import {
  NO_FILTER_KEYS,
  decodeRankingData,
  defaultDirection,
  describeChange,
  filterRows,
  fillTemplate,
  formatFixed,
  pageCount,
  pageRows,
  resolveFilters,
  sortRows,
  type ChangePhrases,
  type ExplorerRow,
  type FilterKeys,
  type RankingData,
  type SortDirection,
  type SortKey,
} from './ranking-data.ts';

/** Visible strings, from the dictionaries; `{n}`, `{total}`, `{year}` are filled in here. */
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
  previous: string;
  next: string;
  changes: ChangePhrases;
}

export interface RankingExplorerProps {
  lang: 'zh' | 'en';
  /** Evaluation years, ascending. */
  years: number[];
  initialYear: number;
  /** The first page of the initial year (server-rendered and shown before the data loads). */
  initial: RankingData;
  /** Enterprises in the initial year. */
  total: number;
  /** URL of a year's data with a `{year}` placeholder. */
  dataUrl: string;
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
}

type Loaded = { status: 'loading' } | { status: 'error' } | { status: 'ready'; data: RankingData; rows: ExplorerRow[] };

const HEADERS: { key: SortKey; numeric: boolean }[] = [
  { key: 'rank', numeric: true },
  { key: 'name', numeric: false },
  { key: 'park', numeric: false },
  { key: 'stage', numeric: false },
  { key: 'score', numeric: true },
  { key: 'change', numeric: true },
];

/** A labelled <select> over [key, label] options; '' is "all". */
function Select(props: {
  id: string;
  label: string;
  all: string;
  options: [string, string][];
  value: string | null;
  onChange: (value: string | null) => void;
}): ReactNode {
  const { id, label, all, options, value, onChange } = props;
  const index = value === null ? '' : String(options.findIndex(([k]) => k === value));
  return (
    <div className="explorer-field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={index} onChange={(e) => onChange(e.target.value === '' ? null : (options[Number(e.target.value)]?.[0] ?? null))}>
        <option value="">{all}</option>
        {options.map(([key, text], i) => (
          <option key={key} value={String(i)}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
}

export default function RankingExplorer(props: RankingExplorerProps): ReactNode {
  const { lang, labels, pageSize } = props;
  const [hydrated, setHydrated] = useState(false);
  const [year, setYear] = useState(props.initialYear);
  const [keys, setKeys] = useState<FilterKeys>(NO_FILTER_KEYS);
  const [sort, setSort] = useState<{ key: SortKey; dir: SortDirection }>({ key: 'rank', dir: 'asc' });
  const [page, setPage] = useState(1);
  const [loaded, setLoaded] = useState<Record<number, Loaded>>({});
  const tableRef = useRef<HTMLElement>(null);

  useEffect(() => setHydrated(true), []);

  // Years whose data was requested (a failed request may be retried).
  const requested = useRef(new Set<number>());
  const load = useCallback(
    (y: number) => {
      if (requested.current.has(y)) return;
      requested.current.add(y);
      setLoaded((prev) => ({ ...prev, [y]: { status: 'loading' } }));
      fetch(fillTemplate(props.dataUrl, { year: String(y) }))
        .then((res) => {
          if (!res.ok) throw new Error(`HTTP ${res.status}`);
          return res.json() as Promise<RankingData>;
        })
        .then((data) => setLoaded((p) => ({ ...p, [y]: { status: 'ready', data, rows: decodeRankingData(data) } })))
        .catch(() => {
          requested.current.delete(y);
          setLoaded((p) => ({ ...p, [y]: { status: 'error' } }));
        });
    },
    [props.dataUrl],
  );
  const demand = () => load(year);

  const state = loaded[year];
  const ready = state?.status === 'ready' ? state : null;
  const nameOf = useCallback((r: ExplorerRow) => (lang === 'en' && r.nameEn ? r.nameEn : r.name), [lang]);
  const parkLabel = useMemo(() => new Map(props.parkOptions), [props.parkOptions]);
  const stageLabel = useMemo(() => new Map(props.stageOptions), [props.stageOptions]);

  const result = useMemo(() => {
    if (!ready) return null;
    const filters = resolveFilters(ready.data, keys);
    if (!filters) return [];
    const collator = new Intl.Collator(lang === 'zh' ? 'zh-CN' : 'en', { numeric: true });
    const parkLabels = ready.data.parks.map((code) => parkLabel.get(code) ?? code);
    return sortRows(filterRows(ready.rows, filters), sort.key, sort.dir, { nameOf, parkLabels, collator });
  }, [ready, keys, sort, lang, nameOf, parkLabel]);

  const initialRows = useMemo(() => decodeRankingData(props.initial), [props.initial]);
  const pages = result ? pageCount(result.length, pageSize) : 1;
  const current = Math.min(page, pages);
  const shown = result ? pageRows(result, current, pageSize) : initialRows;
  const tables = ready?.data ?? props.initial;

  const update = (next: Partial<FilterKeys>) => {
    setKeys((k) => ({ ...k, ...next }));
    setPage(1);
    demand();
  };
  const chooseSort = (key: SortKey) => {
    setSort((s) => (s.key === key ? { key, dir: s.dir === 'asc' ? 'desc' : 'asc' } : { key, dir: defaultDirection(key) }));
    setPage(1);
    demand();
  };
  const goTo = (p: number) => {
    setPage(p);
    const top = tableRef.current?.getBoundingClientRect().top;
    if (top !== undefined && top < 0) tableRef.current?.scrollIntoView({ block: 'start' });
  };
  const reset = () => {
    setKeys(NO_FILTER_KEYS);
    setSort({ key: 'rank', dir: 'asc' });
    setPage(1);
  };

  const n = (x: number) => formatFixed(x, 0);
  const y = String(year);
  let status: string;
  if (!hydrated || (!state && year === props.initialYear)) {
    status = fillTemplate(labels.preview, { year: y, n: n(initialRows.length), total: n(props.total) });
  } else if (state?.status === 'error') status = labels.error;
  else if (!result) status = fillTemplate(labels.loading, { year: y });
  else status = result.length ? fillTemplate(labels.count, { n: n(result.length) }) : labels.empty;

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
    <div className="ranking-explorer" onFocus={hydrated ? demand : undefined} onPointerDown={hydrated ? demand : undefined}>
      <fieldset className="explorer-controls" hidden={!hydrated}>
        <legend className="visually-hidden">{labels.controls}</legend>
        <div className="explorer-field explorer-search">
          <label htmlFor="explorer-query">{labels.search}</label>
          <input
            id="explorer-query"
            type="search"
            value={keys.query}
            aria-describedby="explorer-query-hint"
            onChange={(e) => update({ query: e.target.value })}
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
              onChange={(e) => {
                const next = Number(e.target.value);
                setYear(next);
                setPage(1);
                load(next);
              }}
            >
              {[...props.years].reverse().map((yy) => (
                <option key={yy} value={String(yy)}>
                  {yy}
                </option>
              ))}
            </select>
          </div>
        )}
        <Select id="explorer-park" label={labels.park} all={labels.parkAll} options={props.parkOptions} value={keys.park} onChange={(park) => update({ park })} />
        <Select id="explorer-stage" label={labels.stage} all={labels.stageAll} options={props.stageOptions} value={keys.stage} onChange={(stage) => update({ stage })} />
        <Select
          id="explorer-industry"
          label={labels.industry}
          all={labels.industryAll}
          options={props.industryOptions}
          value={keys.industry}
          onChange={(industry) => update({ industry })}
        />
        {props.tagOptions.length > 0 && (
          <Select id="explorer-tag" label={labels.tag} all={labels.tagAll} options={props.tagOptions} value={keys.tag} onChange={(tag) => update({ tag })} />
        )}
        <div className="explorer-field explorer-reset">
          <button type="button" onClick={reset}>
            {labels.reset}
          </button>
        </div>
      </fieldset>

      <p className="explorer-status" role="status">
        {status}
      </p>

      <section className="table-scroll" tabIndex={0} aria-labelledby={captionId} ref={tableRef}>
        <table className="data-table ranking-table" aria-busy={state?.status === 'loading' ? true : undefined}>
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
            {shown.map((r) => {
              const change = describeChange(r.rankChange, r.scoreChange, labels.changes);
              return (
                <tr key={r.id}>
                  <td className="num">{n(r.rank)}</td>
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
            })}
          </tbody>
        </table>
      </section>

      {hydrated && result && pages > 1 && (
        <nav className="pagination explorer-pagination" aria-label={labels.pagination}>
          <p className="pagination-status">{fillTemplate(labels.pageStatus, { n: n(current), total: n(pages) })}</p>
          <ul>
            <li>
              <button type="button" disabled={current <= 1} onClick={() => goTo(current - 1)}>
                {labels.previous}
              </button>
            </li>
            <li>
              <button type="button" disabled={current >= pages} onClick={() => goTo(current + 1)}>
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
