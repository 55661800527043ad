// Worker thread that writes the site's rows-YYYY.json while the main thread writes scores.csv
// (see RowsJsonThread in output.ts): at national scale both take many seconds, and JSON
// encoding is the larger share, so it gets a thread, and a heap, of its own. Batches arrive
// in published order, one year after another; the files are byte for byte what one thread
// would write.
import { parentPort, workerData } from 'node:worker_threads';
import { ChunkWriter } from './chunk-writer.ts';
import type { Model } from './model.ts';
import { publishBatchRows, publishRow, type PublishBatch } from './publish.ts';
import type { ScoreFigures } from './score.ts';

/** What the worker is started with. */
export interface RowsJsonWorkerData {
  model: Model;
  /** Each year's file. */
  yearFiles: Record<number, string>;
  /** The shared figures (SharedArrayBuffer-backed) the batches' slots point into. */
  figures: ScoreFigures;
}

/** Messages to the worker: a batch of rows, or the end. */
export type RowsJsonWorkerMessage = { kind: 'rows'; batch: PublishBatch } | { kind: 'close' };
/** Messages from the worker: a batch written, all files closed, or a failure. */
export type RowsJsonWorkerReply = { kind: 'written' } | { kind: 'closed' } | { kind: 'error'; message: string };

const port = parentPort!;
const { model, yearFiles, figures } = workerData as RowsJsonWorkerData;
let year: number | null = null;
let out: ChunkWriter | null = null;
let first = true;

/** Ends the current year's file: a JSON array, one row per line. */
async function closeYear(): Promise<void> {
  if (!out) return;
  await out.write('\n]\n');
  await out.close();
  out = null;
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
    out = new ChunkWriter(yearFiles[year]!);
    await out.write('[');
    first = true;
  }
  let text = '';
  for (const r of publishBatchRows(batch, figures)) {
    text += (first ? '\n' : ',\n') + JSON.stringify(publishRow(model, r));
    first = false;
  }
  await out!.write(text);
  port.postMessage({ kind: 'written' } satisfies RowsJsonWorkerReply);
}

// Messages are handled strictly one after another, in the order sent.
let queue = Promise.resolve();
port.on('message', (message: RowsJsonWorkerMessage) => {
  queue = queue
    .then(() => handle(message))
    .catch((e: unknown) => port.postMessage({ kind: 'error', message: e instanceof Error ? e.message : String(e) } satisfies RowsJsonWorkerReply));
});
