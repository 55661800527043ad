/**
 * The explorer's results: a ranking table whose column headers sort the list once the island
 * has hydrated (plain headers before), and whose rows link to the profiles. The markup is the
 * static lists' (`ranking-table`), so the same phone layout applies.
 */
import { memo, type ReactNode } from 'react';
import {
  describeChange,
  fillTemplate,
  formatFixed,
  type ChangePhrases,
  type ExplorerRow,
  type RankingTablesOfYear,
  type SortDirection,
  type SortKey,
} from '../../wire/ranking-data.ts';
import type { ExplorerLabels } from './explorer-types.ts';

const HEADERS: { key: SortKey; numeric: boolean }[] = [
  { key: 'rank', numeric: true },
  { key: 'name', numeric: false },
  { key: 'park', numeric: false },
  { key: 'stage', numeric: false },
  { key: 'score', numeric: true },
  { key: 'change', numeric: true },
];

interface RowsProps {
  rows: ExplorerRow[];
  tables: RankingTablesOfYear;
  lang: 'zh' | 'en';
  nameOf: (row: ExplorerRow) => string;
  parkLabel: ReadonlyMap<string, string>;
  stageLabel: ReadonlyMap<string, string>;
  changes: ChangePhrases;
  profileUrl: string;
}

/** The rows, rendered again only when the rows on screen change (not while busy or on status updates). */
const Rows = memo(function Rows(props: RowsProps): ReactNode {
  const { tables, lang, nameOf, parkLabel, stageLabel } = props;
  return props.rows.map((r) => {
    const change = describeChange(r.rankChange, r.scoreChange, props.changes);
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
  });
});

export interface ExplorerTableProps extends Omit<RowsProps, 'changes'> {
  labels: ExplorerLabels;
  /** Sorting works only once hydrated. */
  hydrated: boolean;
  sort: { key: SortKey; dir: SortDirection };
  onSort: (key: SortKey) => void;
  busy: boolean;
  year: number;
  /** The scrolling region, so a page change can bring the table's top into view. */
  sectionRef: { current: HTMLElement | null };
}

export default function ExplorerTable(props: ExplorerTableProps): ReactNode {
  const { labels, hydrated, sort } = props;
  const headerText: Record<SortKey, string> = {
    rank: labels.rank,
    name: labels.name,
    park: labels.park,
    stage: labels.stage,
    score: labels.score,
    change: labels.change,
  };
  const captionId = 'explorer-caption';
  return (
    <section className="table-scroll" tabIndex={0} aria-labelledby={captionId} ref={props.sectionRef}>
      <table className="data-table ranking-table" aria-busy={props.busy ? true : undefined}>
        <caption id={captionId} className="visually-hidden">
          {fillTemplate(labels.caption, { year: String(props.year) })}
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
                    <button type="button" className="explorer-sort" onClick={() => props.onSort(key)}>
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
          <Rows
            rows={props.rows}
            tables={props.tables}
            lang={props.lang}
            nameOf={props.nameOf}
            parkLabel={props.parkLabel}
            stageLabel={props.stageLabel}
            changes={labels.changes}
            profileUrl={props.profileUrl}
          />
        </tbody>
      </table>
    </section>
  );
}
