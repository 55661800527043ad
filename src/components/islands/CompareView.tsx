/**
 * The compare page's island (issue 14 §7): reads the firms from the URL (?ids=a,b or ?add=id
 * from a profile's "add to compare" link, which adds to the firms chosen before, kept in
 * localStorage), fetches their compare files (src/wire/compare-data.ts: at most one request a
 * firm) and shows, side by side, the score and ranks over the years, the latest year's public
 * indicators and each category's and indicator's band. Firms can be removed, and one added by
 * its credit code; the URL always names the firms shown, so it can be shared.
 * Text comes from the dictionaries through `labels`; numbers are formatted with Intl.
 */
import type { ReactNode } from 'react';
import { fillTemplate } from '../../wire/ranking-data.ts';
import CompareAddForm from './CompareAddForm.tsx';
import CompareFirmList from './CompareFirmList.tsx';
import { CompareByRow, CompareByYear } from './CompareTables.tsx';
import { bandRows, numberFormat, publicRows } from './compare-format.ts';
import type { CompareViewProps } from './compare-types.ts';
import { useCompareFirms, useComparedIds } from './useCompareData.ts';

export type { CompareLabels, CompareViewProps } from './compare-types.ts';

/** The compare page: the add form, the status line and, once fetched, the firms side by side. */
export default function CompareView(props: CompareViewProps): ReactNode {
  const { lang, labels } = props;
  const { ids, change } = useComparedIds();
  const loaded = useCompareFirms(ids, props.dataUrl, props.files);
  const num = numberFormat(lang);

  if (ids === null) return <p>{labels.loading}</p>;
  const firms = loaded.state === 'ready' ? ids.flatMap((id) => (loaded.firms.get(id) ? [{ id, firm: loaded.firms.get(id)! }] : [])) : [];
  const missing = loaded.state === 'ready' ? ids.filter((id) => !loaded.firms.get(id)) : [];
  const byYear = { lang, yearLabel: labels.year, notScored: labels.notScored, years: props.years, firms };

  return (
    <div className="compare-view">
      <CompareAddForm labels={labels} ids={ids} onChange={change} />
      <p role="status" className="compare-status">
        {loaded.state === 'loading' ? labels.loading : loaded.state === 'error' ? labels.error : ids.length === 0 ? labels.none : ''}
      </p>
      {missing.length > 0 && <p className="compare-missing">{fillTemplate(labels.notFound, { ids: missing.join(', ') })}</p>}
      {firms.length > 0 && (
        <>
          <CompareFirmList lang={lang} labels={labels} firms={firms} profileUrl={props.profileUrl} parks={props.parks} stages={props.stages} num={num} onRemove={(id) => change(ids.filter((x) => x !== id))} />
          <CompareByYear {...byYear} caption={labels.scoreByYear} cell={(y) => num(y.score, 2)} />
          <CompareByYear {...byYear} caption={labels.rankByYear} cell={(y) => num(y.rankNational)} />
          <CompareByYear {...byYear} caption={labels.rankParkByYear} cell={(y) => `${num(y.rankPark)} (${props.parks[y.park] ?? y.park})`} />
          <CompareByYear {...byYear} caption={labels.rankStageByYear} cell={(y) => `${num(y.rankStage)} (${props.stages[y.stage] ?? y.stage})`} />
          <CompareByRow lang={lang} caption={labels.publicIndicators} first={labels.indicator} firms={firms} rows={publicRows(props.indicators, labels, num)} />
          <CompareByRow lang={lang} caption={labels.bands} first={labels.category} firms={firms} rows={bandRows(props.categories, props.indicators, labels, num)} />
        </>
      )}
    </div>
  );
}
