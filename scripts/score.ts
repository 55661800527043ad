// npm run score -- --data <dir> --out <dir>: validate and score a data folder (outputs.md).
import { parseArgs } from 'node:util';
import { loadDataFolder } from '../src/ingest/load.ts';
import { join } from 'node:path';
import { OUTPUT_FILES, writeScoreOutputs } from '../src/publish/output.ts';
import { privacySummary } from '../src/publish/publish.ts';
import { scoreDataset } from '../src/scoring/score.ts';
import { loadShowcase } from '../src/ingest/showcase.ts';

const { values } = parseArgs({
  options: { data: { type: 'string', default: 'data' }, out: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
});
if (values.help || !values.out) {
  console.error('usage: npm run score -- --data <data folder> --out <output folder>');
  process.exit(values.help ? 0 : 2);
}

const started = performance.now();
const loaded = await loadDataFolder(values.data);
// The showcase entries are part of the data folder: refuse what the build would refuse
// (the same check as preparePortal's).
let errors = loaded.ok ? [] : loaded.errors;
if (loaded.ok) {
  const ids = new Set(loaded.data.enterprises.rows.map((e) => e.id));
  const codes = new Set(loaded.data.parks.map((p) => p.code));
  errors = loadShowcase(values.data, { enterprise: (id) => ids.has(id), park: (c) => codes.has(c) }).errors;
}
if (!loaded.ok || errors.length) {
  for (const e of errors) console.error(e);
  console.error(`\n${errors.length} problem(s) found in ${values.data}; nothing was written to ${values.out}.`);
  process.exit(1);
}
const scored = scoreDataset(loaded.data.model, loaded.data.enterprises);
const { files, risks } = await writeScoreOutputs(loaded.data, scored, values.out);
const secs = ((performance.now() - started) / 1000).toFixed(1);
console.log(
  `Scored ${scored.rows.length} enterprise-years (${scored.years.join(', ')}) from ${values.data} with model "${scored.model.id}" ${scored.model.version} in ${secs} s.`,
);
console.log(`Wrote ${files.length} files to ${values.out}: ${files.filter((f) => !f.startsWith('site/')).join(', ')} and site data.`);
console.log(privacySummary(risks, join(values.out, OUTPUT_FILES.privacyReport)));
