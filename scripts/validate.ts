// npm run validate -- --data <dir>: check a data folder before publishing and print a readable
// report (every error; else fill rates, stage and cohort sizes, privacy residual risks). Writes
// nothing. Exit code 0 when the folder would build, 1 otherwise.
import { parseArgs } from 'node:util';
import { fillRates } from '../src/ingest/fill-rates.ts';
import { loadDataFolder } from '../src/ingest/load.ts';
import { modelColumnUses } from '../src/ingest/model-columns.ts';
import { loadShowcase } from '../src/ingest/showcase.ts';
import { loadSiteConfig } from '../src/ingest/site-config.ts';
import { privacyReport, residualRisks } from '../src/publish/publish.ts';
import { scoreDataset } from '../src/scoring/score.ts';

const { values } = parseArgs({ options: { data: { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
if (values.help || !values.data) {
  console.error('usage: npm run validate -- --data <data folder>');
  process.exit(values.help ? 0 : 1);
}
const dir = values.data;

/** How many risk rows the report lists before counting the rest. */
const LIST_LIMIT = 20;
const pct = (n: number, d: number) => (d === 0 ? '—' : `${((100 * n) / d).toFixed(1)} %`);
const section = (title: string) => console.log(`\n== ${title} ==`);
/** Left-aligned columns of text (CJK characters count as two). */
function table(rows: string[][]): void {
  const width = (s: string) => [...s].reduce((w, ch) => w + (/[\u1100-\uffff]/.test(ch) ? 2 : 1), 0);
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => width(r[c] ?? ''))));
  for (const r of rows) console.log(`  ${r.map((cell, c) => cell + ' '.repeat(widths[c]! - width(cell))).join('  ').trimEnd()}`);
}

const errors: string[] = [];
try {
  loadSiteConfig(dir);
} catch (e) {
  errors.push((e as Error).message);
}
const loaded = await loadDataFolder(dir);
if (!loaded.ok) errors.push(...loaded.errors);
else {
  const ids = new Set(loaded.data.enterprises.rows.map((e) => e.id));
  const codes = new Set(loaded.data.parks.map((p) => p.code));
  errors.push(...loadShowcase(dir, { enterprise: (id) => ids.has(id), park: (c) => codes.has(c) }).errors);
}

console.log(`Data folder ${dir}`);
if (loaded.ok) {
  const { data } = loaded;
  console.log(`Model: ${data.model.id} ${data.model.version} (${data.modelPath}); files read: ${data.inputs.map((f) => f.name).join(', ')}`);
}
section(`Errors / 错误: ${errors.length}`);
for (const e of errors) console.log(e);
if (errors.length === 0) console.log('none');

if (loaded.ok && errors.length === 0) {
  const { data } = loaded;
  const { model, enterprises } = data;
  const scored = scoreDataset(model, enterprises);
  const firms = new Set(enterprises.rows.map((r) => r.id)).size;
  section('Rows / 数据行');
  console.log(`${enterprises.rows.length} enterprise-years of ${firms} enterprises in ${data.parks.length} parks; years ${scored.years.join(', ')}`);

  section('Fill rates / 填报率 (share of enterprise-years that report the column; blank = 未填报)');
  const uses = modelColumnUses(model);
  const rates = fillRates(enterprises);
  table([
    ['column', 'read by the model', ...scored.years.map(String), 'all'],
    ...rates.map((f) => [
      f.column,
      uses.get(f.column)?.join(', ') ?? '—',
      ...f.byYear.map((y) => (f.present ? pct(y.reported, y.rows) : 'absent')),
      f.present ? pct(f.reported, f.rows) : 'absent',
    ]),
  ]);

  section(`Stages and cohorts / 阶段与同组规模 (enterprise-years per year and stage; privacy.min_cohort = ${model.privacy.min_cohort})`);
  const size = (year: number, stage: string) => scored.cohorts.find((c) => c.year === year && c.stage === stage)?.size ?? 0;
  table([
    ['year', ...model.stages.map((s) => `${s.id} ${s.name.zh}`), 'vetoed'],
    ...scored.years.map((y) => [String(y), ...model.stages.map((s) => String(size(y, s.id))), String(scored.vetoed.filter((v) => v.row.year === y).length)]),
  ]);
  const small = scored.cohorts.filter((c) => c.size > 0 && c.size < model.privacy.min_cohort);
  if (small.length) {
    console.log(`${small.length} cohort(s) have fewer than ${model.privacy.min_cohort} firms: their confidential statistics (quartiles, banded category means) are withheld:`);
    console.log(`  ${small.map((c) => `${c.year} ${c.stage} (${c.size})`).join(', ')}`);
  }

  section('Privacy / 信息披露风险 (scoring-model.md §7)');
  const risks = residualRisks(scored);
  console.log(`${risks.length} firm-year(s) have exactly one confidential indicator with points, so their published score isolates that indicator's points (residual risk).`);
  if (risks.length) {
    table([['year', 'id', 'name', 'stage', 'indicator'], ...risks.slice(0, LIST_LIMIT).map((r) => [String(r.year), r.id, r.name, r.stage, r.indicator])]);
    if (risks.length > LIST_LIMIT) console.log(`  … and ${risks.length - LIST_LIMIT} more (npm run score writes the full list to privacy-report.txt)`);
    console.log('Decide before publishing whether these firms agree, or withhold them from the data folder.');
  }
  const withheld = privacyReport(scored).text.match(/^Withheld cohort statistics: .*$/m)?.[0];
  if (withheld) console.log(withheld);
  console.log(`\nOK: ${dir} has no errors and would build.`);
  process.exit(0);
}
console.log(`\n${errors.length} problem(s) in ${dir}: fix them and run npm run validate again.`);
process.exit(1);
