/**
 * The explorer's results: a ranking table whose column headers sort the list once the island
 * has hydrated (plain headers before), and whose rows link to the profiles. Its columns and
 * classes are RankingTable's (rank, name, park, stage, score, rank change, score change), so
 * the static lists' phone layout applies: on narrow screens each row is a compact card.
 */
import { memo, type ReactNode } from 'react';
import {
  describeRankChange,
  describeScoreChange,
  fillTemplate,
  formatFixed,
  type ChangePhrases,
  type ExplorerRow,
  type RankingTablesOfYear,
  type SortDirection,
  type SortKey,
} from '../../wire/ranking-data.ts';
import type { ExplorerLabels } from './explorer-types.ts';

/** The columns, each sortable, with RankingTable's class for the phone layout. */
const HEADERS: { key: SortKey; numeric: boolean; cell: string }[] = [
  { key: 'rank', numeric: true, cell: 'rt-rank' },
  { key: 'name', numeric: false, cell: 'rt-name' },
  { key: 'park', numeric: false, cell: 'rt-park' },
  { key: 'stage', numeric: false, cell: 'rt-stage' },
  { key: 'score', numeric: true, cell: 'rt-score' },
  { key: 'change', numeric: true, cell: 'rt-change' },
  { key: 'scoreChange', numeric: true, cell: 'rt-score-change' },
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
    const change = describeRankChange(r.rankChange, props.changes);
    const scoreChange = describeScoreChange(r.scoreChange, props.changes);
    return (
      <tr key={r.id}>
        <td className="num rt-rank">{formatFixed(r.rank, 0)}</td>
        <th scope="row" className="rt-name">
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
        <td className="rt-park">{parkLabel.get(tables.parks[r.park] ?? '') ?? tables.parks[r.park]}</td>
        <td className="rt-stage">{stageLabel.get(tables.stages[r.stage] ?? '') ?? tables.stages[r.stage]}</td>
        <td className="num rt-score">{formatFixed(r.score, 2)}</td>
        <td className={`num rt-change change change-${change.direction}`}>
          <span aria-hidden="true">{change.text}</span>
          <span className="visually-hidden">{change.label}</span>
        </td>
        <td className={`num rt-score-change change change-${scoreChange.direction}`}>
          <span aria-hidden="true">{scoreChange.text}</span>
          <span className="visually-hidden">{scoreChange.label}</span>
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
    scoreChange: labels.scoreChange,
  };
  const captionId = 'explorer-caption';
  const noteId = 'explorer-sort-note';
  return (
    <>
      <section className="table-scroll ranking-table" tabIndex={0} aria-labelledby={captionId} ref={props.sectionRef}>
        <table className="data-table" aria-busy={props.busy ? true : undefined} aria-describedby={noteId}>
          <caption id={captionId} className="visually-hidden">
            {fillTemplate(labels.caption, { year: String(props.year) })}
          </caption>
          <thead>
            <tr>
              {HEADERS.map(({ key, numeric, cell }) => {
                const active = hydrated && sort.key === key;
                return (
                  <th
                    key={key}
                    scope="col"
                    className={numeric ? `num ${cell}` : cell}
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
      <p id={noteId} className="explorer-note">
        {labels.sortNote}
      </p>
    </>
  );
}
