/** Stage wording shared by the stage pages and the showcase. */
import type { Lang } from '../../i18n/index.ts';

/** The rule of a development stage in words (the model's description, else its bounds). */
export { stageRuleText } from '../../site/stages-view.ts';

/** A stage name inside an English sentence ("growth stage enterprises"); Chinese is unchanged. */
export function stageInSentence(lang: Lang, name: string): string {
  return lang === 'en' ? name.toLowerCase() : name;
}

/** Upper-cases the first letter, for sentences that begin with a lower-cased stage name. */
export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
