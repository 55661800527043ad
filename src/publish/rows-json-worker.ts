// Worker thread that writes the site's rows-YYYY.json, or the public scores table of each year
// (two such workers side by side), while the main thread writes scores.csv (see RowsJsonThread in
// output.ts): at national scale each takes many seconds, and encoding is the larger share, so
// each part gets a thread, and a heap, of its own. Batches arrive in published order, one year after another; the files are
// byte for byte what one thread would write. Everything written here is made by publish.ts
// (the privacy boundary) from PublishedRow values only.
import { parentPort, workerData } from 'node:worker_threads';
import { ChunkWriter } from './chunk-writer.ts';
import { centsCell, textCell } from '../core/csv-write.ts';
import type { Model } from '../ingest/model.ts';
import { publicTableCells, publishBatchRows, publishRow, type BandTable, type PublishBatch } from './publish.ts';
import type { ScoreFigures } from '../scoring/score.ts';

/** Each year's files. */
export interface YearFiles {
  /** The site's rows (PublishedRow per line). */
  rows: string;
  /** The public table's CSV lines (no header). */
  publicCsv: string;
  /** The public table's rows as JSON arrays (cells in column order), one per line, comma-separated (no brackets). */
  publicJson: string;
}

/** What the worker is started with. */
export interface RowsJsonWorkerData {
  model: Model;
  /** Which files this worker writes: the site's rows, or the public table (CSV and JSON). Two workers share the work. */
  part: 'rows' | 'public';
  yearFiles: Record<number, YearFiles>;
  /** The shared figures (SharedArrayBuffer-backed) the batches' slots point into. */
  figures: ScoreFigures;
  /** The shared band codes (publish.ts computeBands). */
  bands: BandTable;
}

/** Messages to the worker: a batch of rows, or the end. */
export type RowsJsonWorkerMessage = { kind: 'rows'; batch: PublishBatch } | { kind: 'close' };
/** Messages from the worker: a batch written, all files closed, or a failure. */
export type RowsJsonWorkerReply = { kind: 'written' } | { kind: 'closed' } | { kind: 'error'; message: string };

const port = parentPort!;
const { model, part, yearFiles, figures, bands } = workerData as RowsJsonWorkerData;
let year: number | null = null;
let out: ChunkWriter[] = [];
let first = true;

/** Ends the current year's files (the rows file is a JSON array, one row per line). */
async function closeYear(): Promise<void> {
  if (!out.length) return;
  if (part === 'rows') await out[0]!.write('\n]\n');
  await Promise.all(out.map((w) => w.close()));
  out = [];
}

/** One public-table CSV line (centsCell prints whole cents fast and falls back to numberCell). */
const csvParts: string[] = [];
function csvRow(cells: (string | number | null)[]): string {
  // Joined from an array: appending cell by cell made millions of short-lived string pieces, and
  // the collector then took as long as the encoding.
  csvParts.length = cells.length;
  for (let i = 0; i < cells.length; i++) {
    const v = cells[i]!;
    csvParts[i] = v === null ? '' : typeof v === 'number' ? centsCell(v) : textCell(v);
  }
  return csvParts.join(',');
}

async function handle(message: RowsJsonWorkerMessage): Promise<void> {
  if (message.kind === 'close') {
    await closeYear();
    port.postMessage({ kind: 'closed' } satisfies RowsJsonWorkerReply);
    return;
  }
  const { batch } = message;
  if (batch.year !== year) {
    await closeYear();
    year = batch.year;
    const files = yearFiles[year]!;
    out = part === 'rows' ? [new ChunkWriter(files.rows)] : [new ChunkWriter(files.publicCsv), new ChunkWriter(files.publicJson)];
    if (part === 'rows') await out[0]!.write('[');
    first = true;
  }
  if (part === 'rows') {
    let text = '';
    for (const r of publishBatchRows(batch, figures)) {
      text += (first ? '\n' : ',\n') + JSON.stringify(publishRow(model, r, bands));
      first = false;
    }
    await out[0]!.write(text);
  } else {
    const csv: string[] = [];
    let json = '';
    for (const r of publishBatchRows(batch, figures)) {
      const cells = publicTableCells(model, batch.year, publishRow(model, r, bands));
      csv.push(csvRow(cells));
      // A JSON row is the array of the CSV's cells, in the order of the file's `columns`.
      json += (first ? '' : ',\n') + JSON.stringify(cells);
      first = false;
    }
    await out[0]!.write(csv.join('\r\n') + '\r\n');
    await out[1]!.write(json);
  }
  port.postMessage({ kind: 'written' } satisfies RowsJsonWorkerReply);
}

// Messages are handled strictly one after another, in the order sent.
let queue = Promise.resolve();
port.on('message', (message: RowsJsonWorkerMessage) => {
  queue = queue
    .then(() => handle(message))
    .catch((e: unknown) => port.postMessage({ kind: 'error', message: e instanceof Error ? e.message : String(e) } satisfies RowsJsonWorkerReply));
});
