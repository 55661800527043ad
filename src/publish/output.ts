import { mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { ChunkWriter } from './chunk-writer.ts';
import type { DataFolder } from '../ingest/load.ts';
import type { Model } from '../ingest/model.ts';
import { computeBands, privacyReport, publishCohorts, publishVetoed, toPublishBatch, type BandTable, type PublishedMeta } from './publish.ts';
import type { RowsJsonWorkerData, RowsJsonWorkerMessage, RowsJsonWorkerReply } from './rows-json-worker.ts';
import type { ScoredDataset, ScoredRow } from '../scoring/score.ts';
import { scoresCsvBodyChunks, scoresCsvHead } from './scores-csv.ts';

/** Names of the files `writeScoreOutputs` produces, relative to the output folder. */
export const OUTPUT_FILES = {
  scoresCsv: 'scores.csv',
  scoresCsvForYear: (year: number) => `scores-${year}.csv`,
  privacyReport: 'privacy-report.txt',
  meta: 'site/meta.json',
  rowsForYear: (year: number) => `site/rows-${year}.json`,
  /** The public table's lines of one year (no header), made by the privacy boundary. */
  publicCsvForYear: (year: number) => `site/public-${year}.csv`,
  /** The public table's rows of one year as JSON arrays (cells in column order), comma-separated, one per line. */
  publicJsonForYear: (year: number) => `site/public-${year}.jsonl`,
};

/** Rows handed to the JSON thread, and made into scores.csv lines, at a time. */
const BATCH_ROWS = 5000;

/**
 * The site's rows-YYYY.json, written by a worker thread (rows-json-worker.ts) while this thread
 * writes scores.csv. Batches are sent in order; sending waits while two are still unwritten, so
 * the worker always has the next one and memory holds no more than that.
 */
class RowsJsonThread {
  private readonly worker: Worker;
  private unwritten = 0;
  private wake: (() => void) | null = null;
  private failure: Error | null = null;
  private readonly closed: Promise<void>;

  constructor(staging: string, model: Model, scored: ScoredDataset, bands: BandTable, part: RowsJsonWorkerData['part']) {
    const workerData: RowsJsonWorkerData = {
      model,
      part,
      yearFiles: Object.fromEntries(
        scored.years.map((y) => [
          y,
          {
            rows: join(staging, OUTPUT_FILES.rowsForYear(y)),
            publicCsv: join(staging, OUTPUT_FILES.publicCsvForYear(y)),
            publicJson: join(staging, OUTPUT_FILES.publicJsonForYear(y)),
          },
        ]),
      ),
      figures: scored.figures,
      bands,
    };
    // Found at run time next to this module, not written `new URL('…', import.meta.url)`:
    // pages import this module (for OUTPUT_FILES), and Vite would bundle the worker into the site.
    const workerFile = fileURLToPath(import.meta.url).replace(/output\.ts$/, 'rows-json-worker.ts');
    this.worker = new Worker(workerFile, { workerData });
    let closedNow!: () => void;
    this.closed = new Promise((resolve) => (closedNow = resolve));
    const fail = (e: Error) => {
      this.failure ??= e;
      this.wake?.();
      closedNow();
    };
    this.worker.on('message', (reply: RowsJsonWorkerReply) => {
      if (reply.kind === 'written') {
        this.unwritten--;
        this.wake?.();
      } else if (reply.kind === 'closed') closedNow();
      else fail(new Error(`writing the site's JSON: ${reply.message}`));
    });
    this.worker.on('error', fail);
    this.worker.on('exit', (code) => fail(new Error(`the JSON writer thread stopped (exit ${code})`)));
  }

  /** Queues rows of one year, in published order. */
  async send(year: number, rows: readonly ScoredRow[]): Promise<void> {
    while (this.unwritten >= 2 && !this.failure) await new Promise<void>((resolve) => (this.wake = resolve));
    if (this.failure) throw this.failure;
    const batch = toPublishBatch(year, rows);
    this.unwritten++;
    this.post({ kind: 'rows', batch }, [batch.slots.buffer, batch.whole.buffer, batch.numbers.buffer]);
  }

  /** Waits until every file is written and closed. */
  async close(): Promise<void> {
    if (!this.failure) this.post({ kind: 'close' });
    await this.closed;
    if (this.failure) throw this.failure;
  }

  /** Stops the worker (after close, or on failure). */
  async stop(): Promise<void> {
    this.worker.removeAllListeners('exit');
    await this.worker.terminate();
  }

  private post(message: RowsJsonWorkerMessage, transfer: ArrayBuffer[] = []): void {
    this.worker.postMessage(message, transfer);
  }
}

/**
 * Writes scores.csv (all years and one per year, internal), privacy-report.txt (internal) and
 * the site's data (the privacy boundary's output: rows, cohorts, public table) into `outDir`.
 * Everything is first written to a staging folder inside it and moved in only when complete,
 * so a failure never leaves a half-written output.
 */
export async function writeScoreOutputs(data: DataFolder, scored: ScoredDataset, outDir: string): Promise<{ files: string[]; risks: number }> {
  mkdirSync(outDir, { recursive: true });
  const staging = join(outDir, `.staging-${process.pid}`);
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(join(staging, 'site'), { recursive: true });
  const { model } = scored;
  try {
    const byYear = new Map<number, ScoredRow[]>();
    for (const r of scored.rows) {
      const list = byYear.get(r.row.year);
      if (list) list.push(r);
      else byYear.set(r.row.year, [r]);
    }
    // scores.csv is the years' files one after another under one header: each line is made
    // once and written to both, while the JSON thread writes the same rows' JSON.
    const bands = computeBands(scored);
    // Two threads: the site's rows, and the public table; each batch goes to both.
    const threads = [new RowsJsonThread(staging, model, scored, bands, 'rows'), new RowsJsonThread(staging, model, scored, bands, 'public')];
    try {
      const head = scoresCsvHead(model);
      const allYears = new ChunkWriter(join(staging, OUTPUT_FILES.scoresCsv));
      await allYears.write(head);
      for (const [year, rows] of byYear) {
        const oneYear = new ChunkWriter(join(staging, OUTPUT_FILES.scoresCsvForYear(year)));
        await oneYear.write(head);
        for (let from = 0; from < rows.length; from += BATCH_ROWS) {
          const batch = rows.slice(from, from + BATCH_ROWS);
          for (const thread of threads) await thread.send(year, batch);
          for (const chunk of scoresCsvBodyChunks(batch)) {
            await oneYear.write(chunk);
            await allYears.write(chunk);
          }
        }
        await oneYear.close();
      }
      await allYears.close();
      for (const thread of threads) await thread.close();
    } finally {
      for (const thread of threads) await thread.stop();
    }
    const meta: PublishedMeta = {
      model,
      parks: data.parks,
      achievements: data.achievements,
      programmes: data.programmes,
      years: scored.years,
      cohorts: publishCohorts(scored),
      counts: { rows: scored.rows.length, enterprises: new Set(scored.rows.map((r) => r.row.id)).size },
      ...(model.veto ? { vetoed: publishVetoed(scored) } : {}),
    };
    writeFileSync(join(staging, OUTPUT_FILES.meta), JSON.stringify(meta, null, 1) + '\n');
    const report = privacyReport(scored);
    writeFileSync(join(staging, OUTPUT_FILES.privacyReport), report.text);
    const written: string[] = [];
    const moveAll = (rel: string) => {
      for (const entry of readdirSync(join(staging, rel), { withFileTypes: true })) {
        const path = rel ? `${rel}/${entry.name}` : entry.name;
        if (entry.isDirectory()) {
          mkdirSync(join(outDir, path), { recursive: true });
          moveAll(path);
        } else {
          renameSync(join(staging, path), join(outDir, path));
          written.push(path);
        }
      }
    };
    moveAll('');
    return { files: written.sort(), risks: report.risks };
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}
