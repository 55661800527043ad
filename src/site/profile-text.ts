/**
 * Per-language texts an enterprise profile repeats on every one of its thousands of pages
 * (method sentences, names, cohort benchmarks), computed once per build rather than once per
 * page, and `profileSource`: this build's data as enterprise-view.ts reads it.
 */
import type { Lang } from '../i18n/index.ts';
import { localName, t } from '../i18n/index.ts';
import { formatNumber } from '../i18n/format.ts';
import type { CohortTexts, ProfileSource } from './enterprise-view.ts';
import { latestYear, model } from './load.ts';
import { cohortProbabilities, describeBenchmark, describeMethod } from './profile.ts';
import { cohortFor, industrySlug, parkByCode, rankingSizes } from './queries.ts';
import { stagePoints } from './statistics.ts';

export type { CohortTexts };

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

/** A park's name in the page language. */
export function parkName(lang: Lang, code: string): string {
  const park = parkByCode(code);
  return localName(lang, park);
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

/** This build's data, as the enterprise profile's view reads it. */
export const profileSource: ProfileSource = {
  model,
  latestYear,
  parkName,
  stageName: modelStageName,
  industrySlug,
  rankingSizes,
  stagePoints,
  cohortTexts,
  publicIndicatorList,
};
