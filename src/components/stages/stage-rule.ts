/** Stage wording shared by the stage pages and the showcase. */
/**
 * The rule of a development stage in words (the model's description, else its bounds), and a
 * stage name inside an English sentence ("growth stage enterprises"; Chinese is unchanged).
 */
export { stageInSentence, stageRuleText } from '../../site/stages-view.ts';

/** Upper-cases the first letter, for sentences that begin with a lower-cased stage name. */
export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
