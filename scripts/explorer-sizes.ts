// node scripts/explorer-sizes.ts --scored <dir> [--year YYYY]: the ranking explorer's data files
// for one year of a scored output folder (npm run score -- --out <dir>), made by the same code as
// the site's endpoints, with build time and sizes (raw and gzipped) per kind of file. Prints
// figures only; use it to check the index at national scale without building a site.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { OUTPUT_FILES } from '../src/publish/output.ts';
import type { PublishedMeta, PublishedRow } from '../src/publish/publish.ts';
import { prepareRankingPieces } from '../src/wire/ranking-data.ts';
import { buildSearchIndex } from '../src/publish/search-index.ts';
import { explorerTables, topFile } from '../src/publish/explorer-files.ts';

const { values } = parseArgs({ options: { scored: { type: 'string' }, year: { type: 'string' } } });
if (!values.scored) {
  console.error('usage: node scripts/explorer-sizes.ts --scored <dir> [--year YYYY]');
  process.exit(2);
}
const meta = JSON.parse(readFileSync(join(values.scored, OUTPUT_FILES.meta), 'utf8')) as PublishedMeta;
const year = values.year ? Number(values.year) : meta.years[meta.years.length - 1]!;
const rows = JSON.parse(readFileSync(join(values.scored, OUTPUT_FILES.rowsForYear(year)), 'utf8')) as PublishedRow[];
const tables = explorerTables(meta.model, meta.parks);

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;

/** Sizes of a list of JSON documents: count, totals, median and largest gzipped. */
function report(label: string, docs: Iterable<unknown>): void {
  const gz: number[] = [];
  let raw = 0;
  for (const d of docs) {
    const text = JSON.stringify(d);
    raw += Buffer.byteLength(text);
    gz.push(gzipSync(text).length);
  }
  gz.sort((a, b) => a - b);
  const total = gz.reduce((a, b) => a + b, 0);
  console.log(
    `${label.padEnd(22)} ${String(gz.length).padStart(6)} files  raw ${mb(raw).padStart(9)}  gzip ${mb(total).padStart(8)}  ` +
      `gzip per file: median ${kb(quantile(gz, 0.5))}, p90 ${kb(quantile(gz, 0.9))}, largest ${kb(gz.at(-1) ?? 0)}`,
  );
}

console.log(`${rows.length.toLocaleString('en-US')} rows of ${year} from ${values.scored}`);
/** Memory held (heap and array buffers), after a collection when node runs with --expose-gc. */
const held = () => {
  (globalThis as { gc?: () => void }).gc?.();
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
};
const heap0 = held();
let t = performance.now();
const pieces = prepareRankingPieces(year, rows, tables);
console.log(`list pieces prepared in ${(performance.now() - t).toFixed(0)} ms`);
t = performance.now();
const index = buildSearchIndex(year, rows);
const ms = performance.now() - t;
const heap1 = held();
console.log(
  `name index built in ${ms.toFixed(0)} ms (${((ms / rows.length) * 100_000).toFixed(0)} ms per 100,000 rows), ` +
    `${mb(heap1 - heap0)} more memory held (rows: ${mb(heap0)} with everything else)`,
);
console.log(`${index.meta.shards} shards, ${index.meta.common.length} common grams, ${index.meta.top.files} top files, ${index.meta.idBlocks.length} id blocks`);

report('list meta', [pieces.meta]);
report('list chunks', (function* () {
  for (let n = 0; n < pieces.meta.chunks; n++) yield pieces.chunk(n);
})());
report('park files', tables.parks.map((c) => pieces.parkFile(c)));
report('search meta', [index.meta]);
report('search shards', (function* () {
  for (let n = 0; n < index.meta.shards; n++) yield index.shard(n);
})());
report('top files', (function* () {
  for (let k = 0; k < index.meta.top.files; k++) yield topFile(index, pieces, k);
})());
report('id blocks', (function* () {
  for (let k = 0; k < index.meta.idBlocks.length; k++) yield index.idBlock(k);
})());
