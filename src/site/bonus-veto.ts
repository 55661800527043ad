/**
 * View data of a model's bonus items (加分项) and veto rules (一票否决) for profiles, the national
 * ranking page and the methodology: only what the privacy boundary (publish.ts) published.
 * Vetoed firm-years come from meta.json's `vetoed` (present when the model has veto rules).
 */
import { readFileSync } from 'node:fs';
import { buildEnv } from '../build/env.ts';
import { join, resolve } from 'node:path';
import { isPublicBonus, type BonusItem, type Model } from '../ingest/model.ts';
import { OUTPUT_FILES } from '../publish/output.ts';
import type { PublishedMeta, PublishedVeto } from '../publish/publish.ts';
import { isTranslationKey, t, tagLabel, type Lang } from '../i18n/index.ts';
import { formatNumber } from '../i18n/format.ts';

const scoredDir = resolve(buildEnv().workDir, 'scored');
let vetoedCache: PublishedVeto[] | null = null;

/** Every vetoed firm-year of the build, in year then id order (none when the model has no veto rules). */
export function vetoedRows(): PublishedVeto[] {
  vetoedCache ??= (JSON.parse(readFileSync(join(scoredDir, OUTPUT_FILES.meta), 'utf8')) as PublishedMeta).vetoed ?? [];
  return vetoedCache;
}

/** The vetoed firm-years of one enterprise, oldest first. */
export function vetoedOf(id: string): PublishedVeto[] {
  return vetoedRows().filter((v) => v.id === id);
}

/** The vetoed firm-years of one year, in id order. */
export function vetoedInYear(year: number): PublishedVeto[] {
  return vetoedRows().filter((v) => v.year === year);
}

/** A raw column's name: the model's declared name when it has one, else the dictionary's, else the id. */
export function columnName(lang: Lang, model: Model, column: string): string {
  const declared = model.columns?.find((c) => c.id === column);
  if (declared) return declared.name[lang];
  const key = `methodology.column.${column}`;
  return isTranslationKey(key) ? t(lang, key) : column;
}

/** The reasons of the veto rules with these ids, in the model's words, joined. */
export function vetoReasons(lang: Lang, model: Model, rules: readonly string[]): string {
  return rules.map((id) => model.veto?.find((v) => v.id === id)?.reason[lang] ?? id).join(t(lang, 'methodDesc.listSeparator'));
}

/** A bonus item's rule in one sentence ("专精特新企业：持有“专精特新”认定的企业加 15 分。"). */
export function describeBonus(lang: Lang, model: Model, item: BonusItem): string {
  const n = (x: number) => formatNumber(lang, x);
  if (item.tag !== undefined) {
    return t(lang, 'modelRules.bonusTag', { name: item.name[lang], tag: tagLabel(lang, item.tag), points: n(Math.min(item.points_each, item.max)) });
  }
  const unit = t(lang, `modelRules.unit.${columnUnit(model, item.column!)}`);
  return t(lang, 'modelRules.bonusColumn', { name: item.name[lang], column: columnName(lang, model, item.column!), unit, each: n(item.points_each), max: n(item.max) });
}

/** The built-in numeric columns measured in 万元 (dataset.md); the others are counts. */
const MONEY_COLUMNS = new Set(['rd_expense', 'rd_expense_prev', 'revenue', 'revenue_prev', 'tech_contract_value', 'high_tech_revenue', 'rd_tax_deduction', 'net_profit', 'net_assets', 'vc_investment']);

/** How a raw column is measured: a declared column's unit, else 万元 or a count for the built-in ones. */
function columnUnit(model: Model, column: string): 'count' | 'wan_yuan' | 'percent' | 'number' {
  return model.columns?.find((c) => c.id === column)?.unit ?? (MONEY_COLUMNS.has(column) ? 'wan_yuan' : 'count');
}

/** The bonus items in model order with whether each is published exactly. */
export function bonusItems(model: Model): { item: BonusItem; index: number; public: boolean }[] {
  return (model.bonus?.items ?? []).map((item, index) => ({ item, index, public: isPublicBonus(model, item) }));
}
