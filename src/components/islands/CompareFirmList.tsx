/** The compare page's list of the firms shown (CompareView.tsx). */
import type { ReactNode } from 'react';
import { fillTemplate } from '../../wire/ranking-data.ts';
import { latest, nameLang, nameOf } from './compare-format.ts';
import type { CompareLabels, CompareViewProps, FormatNumber, ShownFirm } from './compare-types.ts';

export interface CompareFirmListProps {
  lang: 'zh' | 'en';
  labels: CompareLabels;
  firms: ShownFirm[];
  /** A profile's URL with {id}. */
  profileUrl: string;
  parks: CompareViewProps['parks'];
  stages: CompareViewProps['stages'];
  num: FormatNumber;
  onRemove: (id: string) => void;
}

/** Each firm with a link to its profile, its latest year's park, stage, score and rank, and a remove button. */
export default function CompareFirmList(props: CompareFirmListProps): ReactNode {
  const { lang, labels, num } = props;
  return (
    <ul className="compare-firms">
      {props.firms.map(({ id, firm }) => {
        const y = latest(firm);
        return (
          <li key={id}>
            <a href={fillTemplate(props.profileUrl, { id })} lang={nameLang(firm, lang)}>
              {nameOf(firm, lang)}
            </a>
            <span className="compare-firm-facts">
              {props.parks[y.park] ?? y.park} · {props.stages[y.stage] ?? y.stage} · {fillTemplate(labels.latestYear, { year: String(y.year), score: num(y.score, 2), rank: num(y.rankNational) })}
            </span>
            <button type="button" onClick={() => props.onRemove(id)} aria-label={`${labels.remove}: ${nameOf(firm, lang)}`}>
              {labels.remove}
            </button>
          </li>
        );
      })}
    </ul>
  );
}
