// Worker thread that writes the site's rows-YYYY.json and the public scores table of each year
// while the main thread writes scores.csv (see RowsJsonThread in output.ts): at national scale
// both take many seconds, and JSON encoding is the larger share, so it gets a thread, and a
// heap, of its own. Batches arrive in published order, one year after another; the files are
// byte for byte what one thread would write. Everything written here is made by publish.ts
// (the privacy boundary) from PublishedRow values only.
import { parentPort, workerData } from 'node:worker_threads';
import { ChunkWriter } from './chunk-writer.ts';
import { csvLine, numberCell, textCell } from './csv-write.ts';
import type { Model } from './model.ts';
import { publicTableCells, publicTableColumns, publishBatchRows, publishRow, type BandTable, type PublishBatch } from './publish.ts';
import type { ScoreFigures } from './score.ts';

/** Each year's files. */
export interface YearFiles {
  /** The site's rows (PublishedRow per line). */
  rows: string;
  /** The public table's CSV lines (no header). */
  publicCsv: string;
  /** The public table's rows as JSON objects, one per line, comma-separated (no brackets). */
  publicJson: string;
}

/** What the worker is started with. */
export interface RowsJsonWorkerData {
  model: Model;
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
const { model, yearFiles, figures, bands } = workerData as RowsJsonWorkerData;
// Each public-table row as a JSON object, written by hand from its cells: building an object
// per row and stringifying it costs as much again at national scale.
const keyPrefixes = publicTableColumns(model).map((c, i) => (i === 0 ? '{' : ',') + JSON.stringify(c) + ':');
const jsonCell = (v: string | number | null) => (v === null ? 'null' : typeof v === 'number' ? String(v) : JSON.stringify(v));
let year: number | null = null;
let out: { rows: ChunkWriter; publicCsv: ChunkWriter; publicJson: ChunkWriter } | null = null;
let first = true;

/** Ends the current year's files: rows as a JSON array, one row per line. */
async function closeYear(): Promise<void> {
  if (!out) return;
  await out.rows.write('\n]\n');
  await Promise.all([out.rows.close(), out.publicCsv.close(), out.publicJson.close()]);
  out = null;
}

const csvCell = (v: string | number | null) => (v === null ? '' : typeof v === 'number' ? numberCell(v) : textCell(v));

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
    out = { rows: new ChunkWriter(files.rows), publicCsv: new ChunkWriter(files.publicCsv), publicJson: new ChunkWriter(files.publicJson) };
    await out.rows.write('[');
    first = true;
  }
  let text = '';
  let csv = '';
  let json = '';
  for (const r of publishBatchRows(batch, figures)) {
    const row = publishRow(model, r, bands);
    text += (first ? '\n' : ',\n') + JSON.stringify(row);
    const cells = publicTableCells(model, batch.year, row);
    csv += csvLine(cells.map(csvCell));
    let record = '';
    for (let i = 0; i < cells.length; i++) record += keyPrefixes[i]! + jsonCell(cells[i]!);
    json += (first ? '' : ',\n') + record + '}';
    first = false;
  }
  await out!.rows.write(text);
  await out!.publicCsv.write(csv);
  await out!.publicJson.write(json);
  port.postMessage({ kind: 'written' } satisfies RowsJsonWorkerReply);
}

// Messages are handled strictly one after another, in the order sent.
let queue = Promise.resolve();
port.on('message', (message: RowsJsonWorkerMessage) => {
  queue = queue
    .then(() => handle(message))
    .catch((e: unknown) => port.postMessage({ kind: 'error', message: e instanceof Error ? e.message : String(e) } satisfies RowsJsonWorkerReply));
});
