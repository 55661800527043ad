/** Display names of the things ranking lists are grouped by, in the reader's language. */
import { model, parkByCode } from '../../site/portal.ts';
import { industryLabel, localName, stageLabel, t, type Lang } from '../../i18n/index.ts';
import type { ListKind } from './list-paths.ts';

/** A park's name in the language (the Chinese name when the data has no English one). */
export function parkName(lang: Lang, code: string): string {
  const p = parkByCode(code);
  return localName(lang, p);
}

/** A stage's name: the model's, else the dictionary's (stageLabel). */
export function stageName(lang: Lang, id: string): string {
  return stageLabel(lang, id, model.stages.find((s) => s.id === id)?.name[lang]);
}

/** An industry's name; the blank industry reads as "unclassified" (industryLabel). */
export function industryName(lang: Lang, industry: string): string {
  return industryLabel(lang, industry);
}

/** An indicator's name: the model's own (a replaced model names its indicators). */
export function indicatorName(lang: Lang, id: string): string {
  return model.indicators.find((i) => i.id === id)?.name[lang] ?? id;
}

/** The name of a list's group: park, stage or industry ('' for the national list). */
export function groupName(lang: Lang, kind: ListKind, key: string): string {
  switch (kind) {
    case 'national':
      return '';
    case 'park':
      return parkName(lang, key);
    case 'stage':
      return stageName(lang, key);
    case 'industry':
      return industryName(lang, key);
  }
}

/** A year as text ("2023年" / "2023"); years must never get a thousands separator. */
export function yearText(lang: Lang, year: number): string {
  return t(lang, 'common.year', { year: String(year) });
}
