/** The rule of a development stage in words, from the scoring model the data was scored with. */
import type { Model } from '../../site/portal.ts';
import { describeStageRule } from '../../site/profile.ts';
import type { Lang } from '../../i18n/index.ts';

/** The model's own description of the stage when it has one; otherwise its bounds spelled out. */
export function stageRuleText(lang: Lang, stage: Model['stages'][number]): string {
  return stage.description?.[lang] ?? describeStageRule(lang, stage.rule);
}

/** A stage name inside an English sentence ("growth stage enterprises"); Chinese is unchanged. */
export function stageInSentence(lang: Lang, name: string): string {
  return lang === 'en' ? name.toLowerCase() : name;
}

/** Upper-cases the first letter, for sentences that begin with a lower-cased stage name. */
export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
