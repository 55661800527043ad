/**
 * The methodology page's view data (src/pages/[...lang]/methodology/index.astro): the scoring
 * model in words and table rows, generated from the model the scores were computed with and the
 * published cohort statistics, so text and calculation cannot drift apart. Pure: the build's
 * years and cohorts come in as arguments.
 */
import { isTranslationKey, t, type Lang } from '../i18n/index.ts';
import { indicatorCategoryIndexes, type Indicator, type Model } from '../ingest/model.ts';
import type { PublishedCohort } from '../publish/publish.ts';
import { describeMethod, describeStageRule, describeValue, inSentence, methodName } from './profile.ts';
import { routes } from './routes.ts';
import { stagePointsOf } from './stage-points.ts';

/** The page's sections in order: anchor id and heading key. */
export const METHODOLOGY_SECTIONS = [
  { id: 'scheme', key: 'methodology.scheme.heading' },
  { id: 'model', key: 'methodology.model.heading' },
  { id: 'stages', key: 'methodology.stages.heading' },
  { id: 'categories', key: 'methodology.categories.heading' },
  { id: 'indicators', key: 'methodology.indicators.heading' },
  { id: 'normalisation', key: 'methodology.norm.heading' },
  { id: 'weights', key: 'methodology.weights.heading' },
  { id: 'score', key: 'methodology.score.heading' },
  { id: 'ranks', key: 'methodology.ranks.heading' },
  { id: 'benchmarks', key: 'methodology.bench.heading' },
  { id: 'privacy', key: 'methodology.privacy.heading' },
  { id: 'objections', key: 'objection.heading' },
  { id: 'downloads', key: 'methodology.downloads.heading' },
] as const;
export type MethodologySection = (typeof METHODOLOGY_SECTIONS)[number]['id'];

const METHOD_KINDS: Indicator['method']['kind'][] = ['benchmark', 'range', 'fixed', 'steps'];

/** Everything the methodology page shows, in the page's language. */
export interface MethodologyView {
  path: string;
  title: string;
  description: string;
  crumbs: { label: string; path?: string }[];
  sections: readonly { id: MethodologySection; key: string }[];
  heading: Record<MethodologySection, string>;
  /** The separator between names in a list (、 or , ). */
  separator: string;
  stageRows: { order: number; id: string; name: string; rule: string; description: string }[];
  /** Per category: its indicator count and the points it carries in each stage (model order). */
  categoryRows: { name: string; count: number; points: number[] }[];
  indicatorRows: { ind: Indicator; category: string; unit: string; value: string; method: string }[];
  /** Each normalisation method with its explanation and the indicators using it. */
  methods: { kind: Indicator['method']['kind']; name: string; text: string; users: string[] }[];
  /** Indicators under each rule for a benchmark ≤ 0 and for growth without base, as name lists ('' = none). */
  zeroBenchmark: { positive: string; full: string };
  withoutBase: { impute: string; full: string };
  publicNames: string[];
  privateNames: string[];
  /** The deduction's name as it reads inside a sentence. */
  deductionName: string;
  /** Each year's cohort statistics per stage, newest year first. */
  benchmarkYears: { year: number; cohorts: { stageId: string; stageName: string; cohort: PublishedCohort | undefined }[] }[];
}

/** The methodology page of a model, with the cohorts of the given years (ascending). */
export function methodologyView(
  lang: Lang,
  model: Model,
  years: readonly number[],
  cohortFor: (year: number, stage: string) => PublishedCohort | undefined,
): MethodologyView {
  const separator = t(lang, 'methodology.nameSeparator');
  const names = (test: (ind: Indicator) => boolean) => model.indicators.filter(test).map((ind) => ind.name[lang]);
  const title = t(lang, 'methodology.title');
  return {
    path: routes.methodology(),
    title,
    description: t(lang, 'methodology.description', { count: model.indicators.length }),
    crumbs: [{ label: t(lang, 'nav.home'), path: routes.home() }, { label: title }],
    sections: METHODOLOGY_SECTIONS,
    heading: Object.fromEntries(METHODOLOGY_SECTIONS.map((s) => [s.id, t(lang, s.key)])) as Record<MethodologySection, string>,
    separator,
    stageRows: model.stages.map((stage, i) => ({
      order: i + 1,
      id: stage.id,
      name: stage.name[lang],
      rule: describeStageRule(lang, stage.rule),
      description: stage.description?.[lang] ?? '',
    })),
    categoryRows: categoryRows(lang, model),
    indicatorRows: indicatorRows(lang, model),
    methods: METHOD_KINDS.map((kind) => ({
      kind,
      name: methodName(lang, kind),
      text: t(lang, `methodology.norm.${kind}`),
      users: names((ind) => ind.method.kind === kind),
    })),
    // Model 1.1's two rules, each chosen per indicator by the model file (1.0 files keep the old ones).
    zeroBenchmark: {
      positive: names((ind) => ind.method.kind === 'benchmark' && ind.method.zero_benchmark === 'positive_values').join(separator),
      full: names((ind) => ind.method.kind === 'benchmark' && ind.method.zero_benchmark !== 'positive_values').join(separator),
    },
    withoutBase: {
      impute: names((ind) => ind.value.kind === 'growth' && ind.value.without_base === 'impute_median').join(separator),
      full: names((ind) => ind.value.kind === 'growth' && ind.value.without_base !== 'impute_median').join(separator),
    },
    publicNames: names((ind) => ind.public),
    privateNames: names((ind) => !ind.public),
    deductionName: inSentence(lang, model.deduction.name[lang]),
    benchmarkYears: [...years].reverse().map((year) => ({
      year,
      cohorts: model.stages.map((s) => ({ stageId: s.id, stageName: s.name[lang], cohort: cohortFor(year, s.id) })),
    })),
  };
}

/** Each category's number of indicators and points per stage. */
function categoryRows(lang: Lang, model: Model): MethodologyView['categoryRows'] {
  const categoryOf = indicatorCategoryIndexes(model);
  const points = model.stages.map((s) => stagePointsOf(model, s.id));
  return model.categories.map((c, ci) => ({
    name: c.name[lang],
    count: categoryOf.filter((x) => x === ci).length,
    points: points.map((p) => p.categories[ci] ?? 0),
  }));
}

/** Each indicator's category, unit, value derivation and method in words. */
function indicatorRows(lang: Lang, model: Model): MethodologyView['indicatorRows'] {
  const categoryOf = indicatorCategoryIndexes(model);
  // A built-in column by the dictionary's name, a column the model declares by the model's.
  const declared = new Map((model.columns ?? []).map((c) => [c.id, c.name[lang]]));
  const columnLabel = (column: string) => {
    const key = `methodology.column.${column}`;
    return isTranslationKey(key) ? t(lang, key) : (declared.get(column) ?? column);
  };
  return model.indicators.map((ind, k) => ({
    ind,
    category: model.categories[categoryOf[k]!]?.name[lang] ?? ind.category,
    unit: t(lang, `methodology.unit.${ind.unit}`),
    value: describeValue(lang, ind.value, columnLabel),
    method: describeMethod(lang, ind),
  }));
}
