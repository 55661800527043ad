/**
 * The explorer's toolbar actions: "Copy link" (the view's full URL; without a clipboard, the
 * link is shown selected in a read-only field) and "Export CSV" (every row of the current
 * list, not just the page, fetching what the view has not loaded; explorer-csv.ts). Both
 * report in a polite live region (`notice`).
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { fillTemplate, formatFixed, type RankingTablesOfYear, type SortContext } from '../../wire/ranking-data.ts';
import { runExplorer, type ExplorerResult, type YearPieces } from './ranking-source.ts';
import { csvFileName, explorerCsv, type CsvLabels } from './explorer-csv.ts';
import type { ExplorerView } from './explorer-url.ts';
import type { ExplorerLabels } from './explorer-types.ts';

type ActionLabels = Pick<ExplorerLabels, 'copied' | 'copyManual' | 'exporting' | 'exported' | 'exportFailed' | 'csvName' | 'csvHeadings'>;

/** What an export needs: the view, its answer so far, and how to load the rest. */
export interface ExportJob {
  view: ExplorerView;
  current: ExplorerResult | null;
  pieces: YearPieces;
  sortContext: (tables: RankingTablesOfYear) => SortContext;
}

/** The filters' options in display order, [key, label], which name the CSV's cells and file. */
export interface CsvOptions {
  parkOptions: [string, string][];
  stageOptions: [string, string][];
  industryOptions: [string, string][];
  tagOptions: [string, string][];
}

export interface ExplorerActions {
  /** The live region's text. */
  notice: string;
  /** The link shown when the clipboard cannot be written, else null. */
  manualLink: string | null;
  linkRef: { current: HTMLInputElement | null };
  exporting: boolean;
  copyLink: (url: string) => Promise<void>;
  exportCsv: (job: ExportJob) => Promise<void>;
  /** Forgets the shown link (the view changed). Stable across renders. */
  clearLink: () => void;
}

/** The whole list of a view: the answer when it already holds every row, else a new run to the end. */
async function wholeList(job: ExportJob): Promise<ExplorerResult> {
  const { view, current } = job;
  let result: ExplorerResult | null = current && current.done && current.complete && current.offset === 0 ? current : null;
  if (!result) {
    await runExplorer(job.pieces, { keys: view.keys, sort: view.sort, from: 0, to: Infinity, sortContext: job.sortContext }, (r) => {
      if (r.done && r.complete) result = r;
    }, () => false);
  }
  if (!result) throw new Error('incomplete');
  return result;
}

/** Offers `text` as a file download named `name`. */
function download(text: string, name: string): void {
  const blob = new Blob([text], { type: 'text/csv;charset=utf-8' });
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 60_000);
}

export function useExplorerActions(labels: ActionLabels, options: CsvOptions): ExplorerActions {
  const { parkOptions, stageOptions, industryOptions, tagOptions } = options;
  const csvLabels = useMemo<CsvLabels>(
    () => ({ park: new Map(parkOptions), stage: new Map(stageOptions), industry: new Map(industryOptions), tag: new Map(tagOptions) }),
    [parkOptions, stageOptions, industryOptions, tagOptions],
  );
  const [notice, setNotice] = useState('');
  const [manualLink, setManualLink] = useState<string | null>(null);
  const linkRef = useRef<HTMLInputElement>(null);
  const [exporting, setExporting] = useState(false);

  const copyLink = async (url: string) => {
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

  const exportCsv = async (job: ExportJob) => {
    setExporting(true);
    setNotice(labels.exporting);
    try {
      const { rows, tables } = await wholeList(job);
      download(explorerCsv(rows, tables, labels.csvHeadings, csvLabels), csvFileName(labels.csvName, job.view.year, job.view.keys, csvLabels));
      setNotice(fillTemplate(labels.exported, { n: formatFixed(rows.length, 0) }));
    } catch {
      setNotice(labels.exportFailed);
    } finally {
      setExporting(false);
    }
  };

  const clearLink = useCallback(() => setManualLink(null), []);
  return { notice, manualLink, linkRef, exporting, copyLink, exportCsv, clearLink };
}
