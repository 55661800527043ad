// Writes a SYNTHETIC data folder (parks.csv, enterprises.csv; achievements.csv for the
// default sample). Usage:
//   node scripts/generate-sample.ts --out <dir> [--firms N] [--parks N] [--years 2021,2022,2023] [--seed S]
// Without --firms: the four reported pilot parks (the bundled sample in data/).

import { once } from 'node:events';
import { copyFileSync, createWriteStream, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import {
  DEFAULT_SEED,
  DEFAULT_YEARS,
  formatParksCsv,
  generateEnterpriseCsvChunks,
  planSample,
} from '../src/sample/generate.ts';

const USAGE =
  'usage: node scripts/generate-sample.ts --out <dir> [--firms N] [--parks N] [--years 2021,2022,2023] [--seed S]';

const BUNDLED_DATA = fileURLToPath(new URL('../data/', import.meta.url));

function parseCount(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^[0-9]+$/.test(value)) throw new Error(`${flag} must be a positive integer (got "${value}")`);
  return Number(value);
}

function parseYears(value: string | undefined): number[] {
  if (value === undefined) return [...DEFAULT_YEARS];
  return value.split(',').map((part) => {
    const trimmed = part.trim();
    if (!/^[0-9]{4}$/.test(trimmed)) throw new Error(`--years takes four-digit years separated by commas (got "${part}")`);
    return Number(trimmed);
  });
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      out: { type: 'string' },
      firms: { type: 'string' },
      parks: { type: 'string' },
      years: { type: 'string' },
      seed: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  if (values.out === undefined) throw new Error(`--out is required\n${USAGE}`);

  const started = performance.now();
  const plan = planSample({
    seed: values.seed ?? DEFAULT_SEED,
    years: parseYears(values.years),
    firms: parseCount('--firms', values.firms),
    parks: parseCount('--parks', values.parks),
  });
  const out = resolve(values.out);
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'parks.csv'), formatParksCsv(plan));

  const stream = createWriteStream(join(out, 'enterprises.csv'));
  let rows = -1; // the header is not a row
  for (const chunk of generateEnterpriseCsvChunks(plan)) {
    const bytes = Buffer.from(chunk, 'utf8');
    rows += countLines(bytes);
    if (!stream.write(bytes)) await once(stream, 'drain');
  }
  stream.end();
  await once(stream, 'finish');

  // The achievements are reported facts, kept by hand in data/; they describe the four pilot parks only.
  const achievements = join(BUNDLED_DATA, 'achievements.csv');
  if (values.firms === undefined && resolve(BUNDLED_DATA) !== out && existsSync(achievements)) {
    copyFileSync(achievements, join(out, 'achievements.csv'));
  }

  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`${plan.parks.length} parks, ${rows} enterprise rows (${plan.years.join(', ')}) → ${out} in ${seconds} s`);
}

function countLines(bytes: Buffer): number {
  let n = 0;
  for (let i = bytes.indexOf(10); i !== -1; i = bytes.indexOf(10, i + 1)) n++;
  return n;
}

main().catch((error: unknown) => {
  console.error(`generate-sample: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
