import { createWriteStream, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { once } from 'node:events';
import type { DataFolder } from './load.ts';
import { publishCohorts, publishRow, type PublishedMeta } from './publish.ts';
import type { ScoredDataset, ScoredRow } from './score.ts';
import { scoresCsvBodyChunks, scoresCsvHead } from './scores-csv.ts';

/** Names of the files `writeScoreOutputs` produces, relative to the output folder. */
export const OUTPUT_FILES = {
  scoresCsv: 'scores.csv',
  scoresCsvForYear: (year: number) => `scores-${year}.csv`,
  meta: 'site/meta.json',
  rowsForYear: (year: number) => `site/rows-${year}.json`,
};

/** A file written in chunks, waiting whenever the stream's buffer is full. */
class ChunkWriter {
  private readonly out;
  constructor(file: string) {
    this.out = createWriteStream(file);
  }
  async write(chunk: string): Promise<void> {
    if (!this.out.write(chunk)) await once(this.out, 'drain');
  }
  async close(): Promise<void> {
    this.out.end();
    await once(this.out, 'finish');
  }
}

async function writeChunks(file: string, chunks: Iterable<string>): Promise<void> {
  const out = new ChunkWriter(file);
  for (const chunk of chunks) await out.write(chunk);
  await out.close();
}

function* jsonArrayChunks<T>(items: Iterable<T>, map: (item: T) => unknown): Generator<string> {
  let buf = '[';
  let first = true;
  let n = 0;
  for (const item of items) {
    buf += (first ? '\n' : ',\n') + JSON.stringify(map(item));
    first = false;
    if (++n % 2000 === 0) {
      yield buf;
      buf = '';
    }
  }
  yield buf + '\n]\n';
}

/**
 * Writes scores.csv (all years and one per year) and the site's JSON into `outDir`.
 * Everything is first written to a staging folder inside it and moved in only when complete,
 * so a failure never leaves a half-written output.
 */
export async function writeScoreOutputs(data: DataFolder, scored: ScoredDataset, outDir: string): Promise<string[]> {
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
    // once and written to both.
    const head = scoresCsvHead(model);
    const allYears = new ChunkWriter(join(staging, OUTPUT_FILES.scoresCsv));
    await allYears.write(head);
    for (const [year, rows] of byYear) {
      const oneYear = new ChunkWriter(join(staging, OUTPUT_FILES.scoresCsvForYear(year)));
      await oneYear.write(head);
      for (const chunk of scoresCsvBodyChunks(rows)) {
        await oneYear.write(chunk);
        await allYears.write(chunk);
      }
      await oneYear.close();
      await writeChunks(join(staging, OUTPUT_FILES.rowsForYear(year)), jsonArrayChunks(rows, (r) => publishRow(model, r)));
    }
    await allYears.close();
    const meta: PublishedMeta = {
      model,
      parks: data.parks,
      achievements: data.achievements,
      years: scored.years,
      cohorts: publishCohorts(scored),
      counts: { rows: scored.rows.length, enterprises: new Set(scored.rows.map((r) => r.row.id)).size },
    };
    writeFileSync(join(staging, OUTPUT_FILES.meta), JSON.stringify(meta, null, 1) + '\n');
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
    return written.sort();
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}
