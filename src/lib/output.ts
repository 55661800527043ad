import { createWriteStream, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { once } from 'node:events';
import type { DataFolder } from './load.ts';
import { publishCohorts, publishRow, type PublishedMeta } from './publish.ts';
import type { ScoredDataset, ScoredRow } from './score.ts';
import { scoresCsvChunks } from './scores-csv.ts';

/** Names of the files `writeScoreOutputs` produces, relative to the output folder. */
export const OUTPUT_FILES = {
  scoresCsv: 'scores.csv',
  scoresCsvForYear: (year: number) => `scores-${year}.csv`,
  meta: 'site/meta.json',
  rowsForYear: (year: number) => `site/rows-${year}.json`,
};

async function writeChunks(file: string, chunks: Iterable<string>): Promise<void> {
  const out = createWriteStream(file);
  for (const chunk of chunks) if (!out.write(chunk)) await once(out, 'drain');
  out.end();
  await once(out, 'finish');
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
    await writeChunks(join(staging, OUTPUT_FILES.scoresCsv), scoresCsvChunks(model, scored.rows));
    for (const [year, rows] of byYear) {
      await writeChunks(join(staging, OUTPUT_FILES.scoresCsvForYear(year)), scoresCsvChunks(model, rows));
      await writeChunks(join(staging, OUTPUT_FILES.rowsForYear(year)), jsonArrayChunks(rows, (r) => publishRow(model, r)));
    }
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
