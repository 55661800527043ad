/** The compare page's form that adds a firm by its credit code (CompareView.tsx). */
import { useState, type ReactNode } from 'react';
import { MAX_COMPARED, comparedIds } from '../../wire/compare-data.ts';
import type { CompareLabels } from './compare-types.ts';

export interface CompareAddFormProps {
  labels: CompareLabels;
  /** The firms compared now. */
  ids: string[];
  onChange: (next: string[]) => void;
}

/** The credit code field and its button, disabled when MAX_COMPARED firms are compared. */
export default function CompareAddForm(props: CompareAddFormProps): ReactNode {
  const { labels, ids } = props;
  const [draft, setDraft] = useState('');
  return (
    <form
      className="compare-add"
      onSubmit={(e) => {
        e.preventDefault();
        const next = comparedIds(`?ids=${[...ids, draft].join(',')}`);
        if (next.length > ids.length) {
          props.onChange(next);
          setDraft('');
        }
      }}
    >
      <label htmlFor="compare-add-id">{labels.add}</label>
      <span className="compare-hint">{ids.length >= MAX_COMPARED ? labels.full : labels.addHint}</span>
      <span className="compare-add-row">
        <input id="compare-add-id" value={draft} maxLength={18} autoComplete="off" onChange={(e) => setDraft(e.target.value)} disabled={ids.length >= MAX_COMPARED} />
        <button type="submit" disabled={ids.length >= MAX_COMPARED}>
          {labels.addButton}
        </button>
      </span>
    </form>
  );
}
