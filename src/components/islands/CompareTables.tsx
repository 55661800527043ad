/** The compare page's tables (CompareView.tsx): one row per year, or one row per indicator of each firm's latest year. */
import type { ReactNode } from 'react';
import type { CompareYear } from '../../wire/compare-data.ts';
import { latest, nameLang, nameOf, yearOf, type CompareRow } from './compare-format.ts';
import type { ShownFirm } from './compare-types.ts';

/** A compare table in its scrolling region, captioned: the frame both tables share. */
function CompareFrame({ caption, children }: { caption: string; children: ReactNode }): ReactNode {
  return (
    <div className="table-scroll" role="region" aria-label={caption} tabIndex={0}>
      <table className="data-table compare-table">
        <caption>{caption}</caption>
        {children}
      </table>
    </div>
  );
}

export interface CompareByYearProps {
  lang: 'zh' | 'en';
  caption: string;
  /** The first column's header. */
  yearLabel: string;
  /** A year the firm was not scored. */
  notScored: string;
  years: number[];
  firms: ShownFirm[];
  cell: (y: CompareYear) => string;
}

/** A table of the years, one column per firm: `cell` of the firm's year, or notScored. */
export function CompareByYear(props: CompareByYearProps): ReactNode {
  const { lang, caption, firms } = props;
  return (
    <CompareFrame caption={caption}>
      <thead>
        <tr>
          <th scope="col">{props.yearLabel}</th>
          {firms.map(({ id, firm }) => (
            <th scope="col" className="num" key={id} lang={nameLang(firm, lang)}>
              {nameOf(firm, lang)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {props.years.map((year) => (
          <tr key={year}>
            <th scope="row">{year}</th>
            {firms.map(({ id, firm }) => {
              const y = yearOf(firm, year);
              return (
                <td className="num" key={id}>
                  {y ? props.cell(y) : props.notScored}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </CompareFrame>
  );
}

export interface CompareByRowProps {
  lang: 'zh' | 'en';
  caption: string;
  /** The first column's header. */
  first: string;
  firms: ShownFirm[];
  rows: CompareRow[];
}

/** A table of `rows`, one column per firm, each of the firm's latest year. */
export function CompareByRow(props: CompareByRowProps): ReactNode {
  const { lang, caption, firms } = props;
  return (
    <CompareFrame caption={caption}>
      <thead>
        <tr>
          <th scope="col">{props.first}</th>
          {firms.map(({ id, firm }) => (
            <th scope="col" key={id} lang={nameLang(firm, lang)}>
              {nameOf(firm, lang)} ({latest(firm).year})
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {props.rows.map((r) => (
          <tr key={r.name}>
            <th scope="row">{r.name}</th>
            {firms.map(({ id, firm }) => (
              <td key={id}>{r.cell(latest(firm))}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </CompareFrame>
  );
}
