/**
 * The stages overview's view data (src/pages/[...lang]/stages/index.astro): each stage's rule,
 * firm count, median and mean score in the latest year, the points it can earn per category,
 * and its firm count in every year. Pure: the build's data comes in as a StagesSource.
 */
import { stageLabel, t, type Lang } from '../i18n/index.ts';
import type { Model, Stage } from '../ingest/model.ts';
import type { PublishedRow } from '../publish/publish.ts';
import { describeStageRule } from './profile.ts';
import { summariseRows, type ScoreSummary } from './score-summary.ts';
import { stagePointsOf, type StagePoints } from './stage-points.ts';

/** What the stages overview reads of the build's data. */
export interface StagesSource {
  model: Model;
  /** Evaluation years, ascending. */
  years: readonly number[];
  latestYear: number;
  rowsForYear(year: number): PublishedRow[];
}

/** Everything the stages overview shows, in the page's language. */
export interface StagesView {
  year: number;
  yearText: string;
  title: string;
  /** Model order: the stage, its name, its rule in words, its latest year's scores and its points. */
  stages: { stage: Stage; name: string; rule: string; stats: ScoreSummary; available: StagePoints }[];
  /** Every firm of the latest year. */
  national: ScoreSummary;
  /** Firms per stage (model order) in each year, oldest first. */
  countsByYear: { year: number; counts: number[] }[];
}

/** The model's own description of a stage when it has one; otherwise its bounds spelled out. */
export function stageRuleText(lang: Lang, stage: Stage): string {
  return stage.description?.[lang] ?? describeStageRule(lang, stage.rule);
}

/** A stage name inside an English sentence ("growth stage enterprises"); Chinese is unchanged. */
export function stageInSentence(lang: Lang, name: string): string {
  return lang === 'en' ? name.toLowerCase() : name;
}

/** The stages overview of the build's latest year. */
export function stagesView(lang: Lang, source: StagesSource): StagesView {
  const { model, latestYear: year } = source;
  const rows = source.rowsForYear(year);
  const countStages = (list: readonly PublishedRow[]) => summariseRows(list, model.stages).stageCounts;
  return {
    year,
    yearText: String(year),
    title: t(lang, 'stages.title'),
    stages: model.stages.map((stage) => ({
      stage,
      name: stageLabel(lang, stage.id, stage.name[lang]),
      rule: stageRuleText(lang, stage),
      stats: summariseRows(
        rows.filter((r) => r.stage === stage.id),
        model.stages,
      ),
      available: stagePointsOf(model, stage.id),
    })),
    national: summariseRows(rows, model.stages),
    countsByYear: source.years.map((y) => {
      const counts = countStages(source.rowsForYear(y));
      return { year: y, counts: model.stages.map((s) => counts[s.id] ?? 0) };
    }),
  };
}
