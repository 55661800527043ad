import { createHash } from 'node:crypto';
import { appendFileSync, cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { csvLine, numberCell, textCell, UTF8_BOM } from '../core/csv-write.ts';
import { ACHIEVEMENT_COLUMNS, PARK_COLUMNS } from '../core/vocabulary.ts';
import type { Achievement, Park } from '../ingest/dataset.ts';
import { loadDataFolder } from '../ingest/load.ts';
import { isPublicBonus, type Model } from '../ingest/model.ts';
import { OUTPUT_FILES, writeScoreOutputs } from './output.ts';
import { bandedCategories, BANDS, publicTableColumns, publishVetoed, type PublishedVeto } from './publish.ts';
import { scoreDataset } from '../scoring/score.ts';
import { loadShowcase, type ShowcaseEntry } from '../ingest/showcase.ts';
import { loadSiteConfig, type SiteConfig } from '../ingest/site-config.ts';

/** One published file with its checksum, as listed on the open-data page. */
export interface FileDigest {
  file: string;
  bytes: number;
  sha256: string;
}

/** What the build hands to Astro besides the scored data: identity, showcase, downloads. */
export interface BuildManifest {
  site: SiteConfig;
  showcase: ShowcaseEntry[];
  downloads: FileDigest[];
  inputs: FileDigest[];
  /** The latest date found in the data (showcase dates, evaluation year): the site's "as of", never the clock. */
  asOf: string;
}

export const MANIFEST_FILE = 'site/manifest.json';
export const DOWNLOADS_DIR = 'downloads';

/** The notice every download carries: sample data, or the publisher and licence. */
export function downloadNotice(site: SiteConfig): string {
  const asOf = site.data_as_of ? ` 数据更新于 ${site.data_as_of} / Data as of ${site.data_as_of}.` : '';
  const who = `${site.publisher.zh} / ${site.publisher.en}. ${site.licence.zh} / ${site.licence.en}.${asOf}`;
  return site.sample_data
    ? `示例数据：本数据中的企业均为合成的虚构企业，不代表任何真实企业。Sample data: every enterprise here is synthetic and fictional. ${who}`
    : who;
}

/** The public scores table's file names in the downloads folder (outputs.md, "The site's open data"). */
export const PUBLIC_TABLE_FILES = {
  csv: 'public-scores.csv',
  json: 'public-scores.json',
  csvForYear: (year: number) => `public-scores-${year}.csv`,
  jsonForYear: (year: number) => `public-scores-${year}.json`,
};

const DOWNLOADS_README = `public-scores.csv       all years: one row per enterprise and year (UTF-8 with BOM; columns in data-dictionary.csv)
public-scores-YYYY.csv  the same for one year
public-scores.json      all years as JSON: "columns" names the cells of each row of "rows" (as the CSV)
public-scores-YYYY.json one year as JSON
model.json              the scoring model used
data-dictionary.csv     what each column of the public tables means (zh, en)
parks.csv               the parks; achievements.csv: figures the parks reported, with sources
vetoed.csv              (models with veto rules only) firm-years a veto rule excluded, with its reason
SHA256SUMS              checksums: run \`sha256sum -c SHA256SUMS\` in this folder to verify

Confidential figures (revenue, R&D spending, profit, assets, staff, venture capital) are not
published: for the indicators built on them the tables give only a band, the enterprise's
position in its year and stage cohort (${BANDS.slice(1).join(', ')}; na = not reported). See the
methodology page, "What we publish and why".
`;

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** One column of the public table described in both languages: [column, zh, en]. */
export type DataDictionaryRow = [column: string, zh: string, en: string];

const BAND_ZH = 'top10=前 10%，top25=前 10–25%，top50=前 25–50%，lower50=后 50%，na=未填报或无法计算';
const BAND_EN = 'top10 = top 10 %, top25 = 10–25 %, top50 = 25–50 %, lower50 = lower half, na = not reported or not computable';

/** The columns of the public scores table in file order, described in both languages (the download and the open-data page). */
export function dataDictionaryRows(model: Model): DataDictionaryRow[] {
  const banded = bandedCategories(model);
  const rows: DataDictionaryRow[] = [
    ['year', '评价年度', 'Evaluation year'],
    ['id', '统一社会信用代码', 'Unified social credit identifier'],
    ['name', '企业名称（该年度）', 'Enterprise name (that year)'],
    ['name_en', '企业英文名称', 'Enterprise name in English'],
    ['park', '园区代码（见 parks.csv）', 'Park code'],
    ['industry', '所属行业', 'Industry'],
    ['tags', '资质认定（以 ; 分隔）', 'Designations (separated by ;)'],
    ['founded', '成立日期', 'Date founded'],
    ['stage', `发展阶段：${model.stages.map((s) => `${s.id}=${s.name.zh}`).join('，')}`, `Development stage: ${model.stages.map((s) => `${s.id}=${s.name.en}`).join(', ')}`],
    ['score', `积分（满分 ${model.scale}，保留两位小数）`, `Score out of ${model.scale}, rounded to cents`],
    ['rank_national', '全部企业中的名次（同分同名次）', 'Rank among all enterprises (ties share a rank)'],
    ['rank_park', '园区内名次', 'Rank within the park'],
    ['rank_stage', '同一发展阶段内名次', 'Rank within the stage'],
    ['score_change', '较上年积分变化（无上年数据为空）', 'Score change on the previous year (blank if none)'],
    ['rank_change', '全国名次变化 = 本年名次 − 上年名次（负数表示上升）', 'Change of national rank = this year − last year (negative = moved up)'],
    ['deduction', `${model.deduction.name.zh}扣分`, `${model.deduction.name.en}: points deducted`],
    ['public_pts', '公开指标得分合计', 'Sum of the public indicators’ points'],
    ['private_pts', '非公开指标得分合计 = 积分 + 扣分 − 公开指标得分（积分因扣分归零时为空）', 'Sum of the confidential indicators’ points = score + deduction − public points (blank when the deduction brought the score to 0)'],
  ];
  model.categories.forEach((c, i) => {
    rows.push(
      banded[i]
        ? [`${c.id}_band`, `${c.name.zh}：在同年度同阶段企业中的位置（${BAND_ZH}）`, `${c.name.en}: position in the year and stage cohort (${BAND_EN})`]
        : [`${c.id}_pts`, `${c.name.zh}小计`, `${c.name.en} subtotal`],
    );
  });
  for (const ind of model.indicators) {
    if (ind.public) {
      rows.push(
        [`${ind.id}_value`, `${ind.name.zh}：填报值（未填报为空）`, `${ind.name.en}: reported value (blank if not reported)`],
        [`${ind.id}_s`, `${ind.name.zh}：标准化得分率 s（0–1）`, `${ind.name.en}: normalised value s (0–1)`],
        [`${ind.id}_pts`, `${ind.name.zh}得分`, `${ind.name.en}: points`],
      );
    } else {
      rows.push([`${ind.id}_band`, `${ind.name.zh}（非公开指标）：在同年度同阶段企业中的位置（${BAND_ZH}）`, `${ind.name.en} (confidential): position in the year and stage cohort (${BAND_EN})`]);
    }
  }
  if (model.bonus) {
    rows.push(['bonus_pts', `公开加分项得分合计（上限 ${model.bonus.max}；非公开加分项计入 private_pts）`, `Public bonus items’ points (at most ${model.bonus.max}; confidential bonus items count in private_pts)`]);
    for (const item of model.bonus.items.filter((b) => isPublicBonus(model, b))) rows.push([`${item.id}_bonus`, `加分项：${item.name.zh}`, `Bonus item: ${item.name.en}`]);
  }
  const expected = publicTableColumns(model);
  if (rows.length !== expected.length || rows.some((r, i) => r[0] !== expected[i])) throw new Error('data dictionary out of step with the public table');
  return rows;
}

/** The data dictionary of the public tables, in both languages, as a CSV download. */
export function dataDictionaryCsv(model: Model): string {
  return UTF8_BOM + csvLine(['column', 'zh', 'en']) + dataDictionaryRows(model).map((r) => csvLine(r.map(textCell))).join('');
}

/**
 * parks.csv as published: re-written from the validated rows (whatever the input's encoding)
 * as UTF-8 with BOM and formula-safe text cells, never a raw copy of the operator's file.
 */
export function parksCsv(parks: Park[]): string {
  const header = [...PARK_COLUMNS];
  const rows = parks.map((p) => [
    ...[p.code, p.name, p.nameEn, p.province, p.city, p.level].map(textCell),
    numberCell(p.pilotBatch),
    numberCell(p.pilotYear),
  ]);
  return UTF8_BOM + csvLine(header) + rows.map(csvLine).join('');
}

/**
 * vetoed.csv (models with veto rules): each firm-year a veto rule excluded from scoring and
 * ranking, with the matching rules' ids and reasons in the model's words; no score, rank or
 * figure (publishVetoed is the boundary). UTF-8 with BOM, formula-safe text cells.
 */
export function vetoedCsv(model: Model, vetoed: readonly PublishedVeto[]): string {
  const reasons = new Map((model.veto ?? []).map((v) => [v.id, v.reason]));
  const header = ['year', 'id', 'name', 'name_en', 'park', 'industry', 'stage', 'rules', 'reason_zh', 'reason_en'];
  const rows = [...vetoed]
    .sort((a, b) => a.year - b.year || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((v) => [
      numberCell(v.year),
      ...[v.id, v.name, v.nameEn, v.park, v.industry, v.stage, v.rules.join(';')].map(textCell),
      textCell(v.rules.map((r) => reasons.get(r)?.zh ?? r).join('；')),
      textCell(v.rules.map((r) => reasons.get(r)?.en ?? r).join('; ')),
    ]);
  return UTF8_BOM + csvLine(header) + rows.map(csvLine).join('');
}

/** achievements.csv as published: UTF-8 with BOM, formula-safe text cells (see parksCsv). */
export function achievementsCsv(achievements: Achievement[]): string {
  const header = [...ACHIEVEMENT_COLUMNS];
  const rows = achievements.map((a) => [
    textCell(a.park),
    textCell(a.metric),
    numberCell(a.value),
    ...[a.unit, a.asOf, a.note, a.source, a.sourceTitle ?? '', a.sourceDate ?? '', a.sourceUrl ?? ''].map(textCell),
  ]);
  return UTF8_BOM + csvLine(header) + rows.map(csvLine).join('');
}

/**
 * Validates a data folder, scores it and writes everything the Astro build reads into `workDir`
 * (scored data, manifest, downloads). Returns every problem found when the folder is not fit to publish.
 */
export async function preparePortal(
  dataDir: string,
  workDir: string,
  projectPublicDir?: string,
): Promise<{ ok: true; risks: number } | { ok: false; errors: string[] }> {
  const errors: string[] = [];
  let site: SiteConfig | null = null;
  try {
    site = loadSiteConfig(dataDir);
  } catch (e) {
    errors.push((e as Error).message);
  }
  const loaded = await loadDataFolder(dataDir);
  if (!loaded.ok) return { ok: false, errors: [...errors, ...loaded.errors] };
  const data = loaded.data;
  const ids = new Set(data.enterprises.rows.map((e) => e.id));
  const codes = new Set(data.parks.map((p) => p.code));
  const showcase = loadShowcase(dataDir, { enterprise: (id) => ids.has(id), park: (c) => codes.has(c) });
  errors.push(...showcase.errors);
  if (errors.length || !site) return { ok: false, errors };

  const scored = scoreDataset(data.model, data.enterprises);
  // The site's "as of": site.json's data_as_of, else the latest date found in the data (showcase
  // dates, the end of the latest evaluation year), never the clock.
  const latestYear = scored.years[scored.years.length - 1]!;
  const asOf = [`${latestYear}-12-31`, ...showcase.entries.map((e) => e.date)].sort().at(-1)!;
  site = { ...site, data_as_of: site.data_as_of ?? asOf };
  rmSync(workDir, { recursive: true, force: true });
  const scoredDir = join(workDir, 'scored');
  const { risks } = await writeScoreOutputs(data, scored, scoredDir);

  const publicDir = join(workDir, 'public');
  mkdirSync(join(publicDir, DOWNLOADS_DIR), { recursive: true });
  if (projectPublicDir && existsSync(projectPublicDir)) cpSync(projectPublicDir, publicDir, { recursive: true });
  const dl = (name: string) => join(publicDir, DOWNLOADS_DIR, name);
  // The public tables, made by the privacy boundary (publish.ts) in the scoring step: the
  // internal scores.csv never goes into the site. Each JSON file says what it is in itself.
  const columns = publicTableColumns(data.model);
  const header = Buffer.from(UTF8_BOM + csvLine(columns));
  const model = `${data.model.id} ${data.model.version}`;
  const notice = downloadNotice(site);
  writeFileSync(dl(PUBLIC_TABLE_FILES.csv), header);
  writeFileSync(dl(PUBLIC_TABLE_FILES.json), `${JSON.stringify({ notice, years: scored.years, model, columns }).slice(0, -1)},"rows":[`);
  scored.years.forEach((year, i) => {
    const csv = readFileSync(join(scoredDir, OUTPUT_FILES.publicCsvForYear(year)));
    writeFileSync(dl(PUBLIC_TABLE_FILES.csvForYear(year)), header);
    appendFileSync(dl(PUBLIC_TABLE_FILES.csvForYear(year)), csv);
    appendFileSync(dl(PUBLIC_TABLE_FILES.csv), csv);
    const json = readFileSync(join(scoredDir, OUTPUT_FILES.publicJsonForYear(year)));
    writeFileSync(dl(PUBLIC_TABLE_FILES.jsonForYear(year)), `${JSON.stringify({ notice, year, model, columns }).slice(0, -1)},"rows":[\n`);
    appendFileSync(dl(PUBLIC_TABLE_FILES.jsonForYear(year)), json);
    appendFileSync(dl(PUBLIC_TABLE_FILES.jsonForYear(year)), '\n]}\n');
    if (json.length) appendFileSync(dl(PUBLIC_TABLE_FILES.json), i === 0 ? '\n' : ',\n');
    appendFileSync(dl(PUBLIC_TABLE_FILES.json), json);
  });
  appendFileSync(dl(PUBLIC_TABLE_FILES.json), '\n]}\n');
  writeFileSync(dl('model.json'), JSON.stringify(data.model, null, 2) + '\n');
  writeFileSync(dl('README.txt'), `${downloadNotice(site)}\n\n${DOWNLOADS_README}`);
  writeFileSync(dl('data-dictionary.csv'), dataDictionaryCsv(data.model));
  writeFileSync(dl('parks.csv'), parksCsv(data.parks));
  if (existsSync(join(dataDir, 'achievements.csv'))) writeFileSync(dl('achievements.csv'), achievementsCsv(data.achievements));
  if (data.model.veto?.length) writeFileSync(dl('vetoed.csv'), vetoedCsv(data.model, publishVetoed(scored)));

  const downloads: FileDigest[] = readdirSync(join(publicDir, DOWNLOADS_DIR))
    .sort()
    .map((file) => {
      const bytes = readFileSync(dl(file));
      return { file, bytes: statSync(dl(file)).size, sha256: sha256(bytes) };
    });
  const inputs: FileDigest[] = data.inputs.map((i) => ({ file: i.name, bytes: i.bytes, sha256: i.sha256 }));
  writeFileSync(dl('SHA256SUMS'), downloads.map((d) => `${d.sha256}  ${d.file}\n`).join(''));
  // The checksum list cannot name itself; the open-data page still shows its size and digest.
  const sums = readFileSync(dl('SHA256SUMS'));
  downloads.push({ file: 'SHA256SUMS', bytes: sums.length, sha256: sha256(sums) });

  const manifest: BuildManifest = { site, showcase: showcase.entries, downloads, inputs, asOf };
  writeFileSync(join(scoredDir, MANIFEST_FILE), JSON.stringify(manifest, null, 1) + '\n');
  return { ok: true, risks };
}
