/**
 * The explorer's toolbar: "Copy link" and "Export CSV" (useExplorerActions.ts), and the
 * read-only field that shows the link when the clipboard cannot be written.
 */
import type { ReactNode } from 'react';
import type { ExplorerLabels } from './explorer-types.ts';

export interface ExplorerToolbarProps {
  labels: ExplorerLabels;
  hidden: boolean;
  onCopy: () => void;
  onExport: () => void;
  exportDisabled: boolean;
  manualLink: string | null;
  linkRef: { current: HTMLInputElement | null };
}

export default function ExplorerToolbar(props: ExplorerToolbarProps): ReactNode {
  const { labels, manualLink } = props;
  return (
    <div className="explorer-actions" hidden={props.hidden}>
      <button type="button" onClick={props.onCopy}>
        {labels.copyLink}
      </button>
      <button type="button" onClick={props.onExport} disabled={props.exportDisabled}>
        {labels.exportCsv}
      </button>
      {manualLink !== null && (
        <input ref={props.linkRef} className="explorer-link" type="text" readOnly value={manualLink} aria-label={labels.linkLabel} onFocus={(e) => e.currentTarget.select()} />
      )}
    </div>
  );
}
