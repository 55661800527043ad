/**
 * Per-language texts an enterprise profile repeats on every one of its thousands of pages
 * (method sentences, names), computed once per build rather than once per page.
 */
import { cohortFor, model, parkByCode, stagePoints, type EnterpriseYear } from '../../site/portal.ts';
import { cohortProbabilities, describeBenchmark, describeMethod } from '../../site/profile.ts';
import { bandLabel } from '../../publish/publish.ts';
import { t } from '../../i18n/index.ts';
import { formatNumber } from '../../i18n/format.ts';
import type { Lang } from '../../i18n/index.ts';

const methodCache = new Map<Lang, string[]>();
/** The short method sentence of every indicator, in model order. */
export function methodTexts(lang: Lang): string[] {
  let texts = methodCache.get(lang);
  if (!texts) {
    texts = model.indicators.map((ind) => describeMethod(lang, ind));
    methodCache.set(lang, texts);
  }
  return texts;
}

/** The enterprise's name in the page language (English falls back to the Chinese name). */
export function enterpriseName(lang: Lang, row: Pick<EnterpriseYear, 'name' | 'nameEn'>): string {
  return lang === 'en' && row.nameEn ? row.nameEn : row.name;
}

/** The name in the other language, when there is a distinct one. */
export function otherEnterpriseName(lang: Lang, row: Pick<EnterpriseYear, 'name' | 'nameEn'>): string | null {
  if (lang === 'en') return row.nameEn ? row.name : null;
  return row.nameEn || null;
}

/** A park's name in the page language. */
export function parkName(lang: Lang, code: string): string {
  const park = parkByCode(code);
  return lang === 'en' && park.nameEn ? park.nameEn : park.name;
}

/** A model stage's name in the page language (the model names its stages). */
export function modelStageName(lang: Lang, stageId: string): string {
  return model.stages.find((s) => s.id === stageId)?.name[lang] ?? stageId;
}

const publicListCache = new Map<Lang, string>();
/** The names of the indicators whose raw values the model publishes, as one list. */
export function publicIndicatorList(lang: Lang): string {
  let list = publicListCache.get(lang);
  if (list === undefined) {
    list = model.indicators
      .filter((ind) => ind.public)
      .map((ind) => ind.name[lang])
      .join(lang === 'zh' ? '、' : ', ');
    publicListCache.set(lang, list);
  }
  return list;
}

/** A name used inside an English sentence starts lower-case ("serious violations of …"). */
export function inSentence(lang: Lang, text: string): string {
  return lang === 'en' ? text.charAt(0).toLowerCase() + text.slice(1) : text;
}

/** What every profile of one cohort (year and stage) shows alike, formatted once per language. */
export interface CohortTexts {
  /** Per indicator: the cohort benchmark of a public indicator; for a private one, only that it is not published (§7). */
  benchmarks: { parts: string[]; kind: 'values' | 'withheld' | 'none' | 'fixed' | 'private' }[];
  weights: string[];
}
const cohortTextCache = new Map<string, CohortTexts>();
/** The cohort texts of a year and stage in a language, cached. */
export function cohortTexts(lang: Lang, year: number, stage: string): CohortTexts {
  const key = `${lang}|${year}|${stage}`;
  let texts = cohortTextCache.get(key);
  if (!texts) {
    const cohort = cohortFor(year, stage);
    const points = stagePoints(stage);
    const privateText = t(lang, 'benchmarkDesc.private');
    texts = {
      benchmarks: model.indicators.map((ind, k) => {
        if (!ind.public && cohortProbabilities(ind.method).length > 0) return { parts: [privateText], kind: 'private' as const };
        return describeBenchmark(lang, ind, cohort?.indicators[k]?.q ?? null, cohort?.indicators[k]?.positive);
      }),
      weights: points.indicators.map((w) => formatNumber(lang, w)),
    };
    cohortTextCache.set(key, texts);
  }
  return texts;
}

/** A band code of a published row ('0'–'4') as its short label (前 10% …). */
export function bandText(lang: Lang, code: string | number | undefined): string {
  return t(lang, `band.${bandLabel(String(code))}`);
}

/** The band columns of the profile's band strip, in order, and the column of a band code. */
export const BAND_COLUMNS = ['top10', 'top25', 'top50', 'lower50', 'na'] as const;
export function bandColumn(code: string | number | undefined): number {
  const n = Number(code);
  return n >= 1 && n <= 4 ? n - 1 : 4;
}
