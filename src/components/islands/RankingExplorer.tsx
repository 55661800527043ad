/**
 * The filterable ranking list: filters by park, stage, industry and designation, search by
 * name or id, sort by any column and page through a year's whole list in the browser.
 *
 * Progressive enhancement: the server renders the first page of the default year as a plain
 * table (with a link to the static paginated list), and the controls stay hidden until the
 * island hydrates. Nothing is fetched until the reader interacts; then only the pieces a view
 * needs (ranking-source.ts). Logic lives in ranking-data.ts, name-search.ts, ranking-source.ts
 * and explorer-status.ts (pure, unit-tested); visible text comes from the dictionaries through `labels`.
 *
 * This component wires its parts together:
 * - useExplorerView.ts: the view (year, filters, query, sort, page) and the URL's query string
 *   (explorer-url.ts), read on hydration and on Back/Forward, written on every change;
 * - useExplorerData.ts: the year's pieces, the answer to the view and the rows on screen;
 * - useExplorerActions.ts: "Copy link" and "Export CSV" (explorer-csv.ts);
 * - ExplorerFilters, ExplorerToolbar, ExplorerTable and ExplorerPagination: the markup.
 */
import { useCallback, useMemo, useRef, type ReactNode } from 'react';
import { fillTemplate, type ExplorerRow } from '../../wire/ranking-data.ts';
import { prefetchSearch } from './ranking-source.ts';
import type { ViewChoices } from './explorer-url.ts';
import type { RankingExplorerProps } from './explorer-types.ts';
import { explorerPaging, explorerStatus } from './explorer-status.ts';
import { useExplorerView, useLastPageLimit, useViewControls } from './useExplorerView.ts';
import { useExplorerData } from './useExplorerData.ts';
import { useExplorerActions } from './useExplorerActions.ts';
import ExplorerFilters from './ExplorerFilters.tsx';
import ExplorerToolbar from './ExplorerToolbar.tsx';
import ExplorerTable from './ExplorerTable.tsx';
import ExplorerPagination from './ExplorerPagination.tsx';
import { localName } from '../../i18n/index.ts';

export type { ExplorerLabels, RankingExplorerProps } from './explorer-types.ts';

/** The values a URL may name: the years and the options of each filter. */
function viewChoices(props: RankingExplorerProps): ViewChoices {
  return {
    years: props.years,
    defaultYear: props.initialYear,
    parks: props.parkOptions.map(([k]) => k),
    stages: props.stageOptions.map(([k]) => k),
    industries: props.industryOptions.map(([k]) => k),
    tags: props.tagOptions.map(([k]) => k),
  };
}

// Long: wiring only (the hooks, then each part's props in page order); a further split would
// pass the same dozen values through one more layer without making any step clearer.
export default function RankingExplorer(props: RankingExplorerProps): ReactNode {
  const { lang, labels, pageSize } = props;
  const choices = useMemo(() => viewChoices(props), [props.years, props.initialYear, props.parkOptions, props.stageOptions, props.industryOptions, props.tagOptions]);
  const actions = useExplorerActions(labels, props);
  const nav = useExplorerView(choices, props.anchor, actions.clearLink);
  const { view, hydrated, touched } = nav;
  const { year, keys, sort, page } = view;

  const nameOf = useCallback((r: ExplorerRow) => localName(lang, r), [lang]);
  const parkLabel = useMemo(() => new Map(props.parkOptions), [props.parkOptions]);
  const stageLabel = useMemo(() => new Map(props.stageOptions), [props.stageOptions]);
  const data = useExplorerData({ view, touched, pageSize, initialYear: props.initialYear, initial: props.initial, total: props.total, urls: props.urls, lang, nameOf, parkLabel });
  const { current } = data;
  const tableRef = useRef<HTMLElement>(null);

  /** First interaction: start following the controls and fetch the year's meta file early. */
  const touch = () => {
    nav.markTouched();
    data.wake();
  };
  const controls = useViewControls(nav, choices, (query) => prefetchSearch(data.piecesOf(year), query), tableRef);

  const status = explorerStatus(labels, { live: hydrated && touched, failed: data.failed, current, year, previewRows: data.initialRows.length, total: props.total });
  const { pages, hasNext } = explorerPaging(current, page, pageSize);
  useLastPageLimit(nav, pages);
  const showPagination = hydrated && touched && current !== null && !current.tooShort && (page > 1 || hasNext);
  const listUrl = props.listUrls[String(year)];

  return (
    <div className="ranking-explorer" onFocus={hydrated ? touch : undefined} onPointerDown={hydrated ? touch : undefined}>
      <ExplorerFilters
        {...props}
        hidden={!hydrated}
        year={year}
        keys={keys}
        typed={nav.typed}
        onType={nav.setTyped}
        onSearch={controls.search}
        onSearchFocus={data.prepareSearch}
        onYear={controls.chooseYear}
        onFilter={controls.setFilter}
        onReset={controls.reset}
      />

      {/* Above the status, whose text changes height on the first touch: a tap must not move its target. */}
      <ExplorerToolbar
        labels={labels}
        hidden={!hydrated}
        onCopy={() => actions.copyLink(new URL(nav.urlOf(view), location.href).href)}
        onExport={() => actions.exportCsv({ view, current, pieces: data.piecesOf(year), sortContext: data.sortContext })}
        exportDisabled={actions.exporting || current?.tooShort === true}
        manualLink={actions.manualLink}
        linkRef={actions.linkRef}
      />
      <p className="explorer-status" role="status">
        {status}
      </p>

      <p className="explorer-notice" aria-live="polite">
        {actions.notice}
      </p>

      <ExplorerTable
        {...props}
        hydrated={hydrated}
        sort={sort}
        onSort={controls.chooseSort}
        busy={data.busy}
        year={year}
        sectionRef={tableRef}
        rows={data.shown}
        tables={data.tables}
        nameOf={nameOf}
        parkLabel={parkLabel}
        stageLabel={stageLabel}
      />

      {showPagination && <ExplorerPagination labels={labels} page={page} pages={pages} hasNext={hasNext} onPage={controls.goTo} />}
      {listUrl && (
        <p className="explorer-fallback">
          <a href={listUrl}>{fillTemplate(labels.fullList, { year: String(year) })}</a>
        </p>
      )}
    </div>
  );
}
