/**
 * The enterprise profile's view data (src/pages/[...lang]/enterprise/[id].astro), in the
 * spirit of Starlight's route-data.ts: everything the page shows of an enterprise's latest
 * year, worked out and worded here so the page only lays it out. It reads only what the
 * privacy boundary publishes (scoring-model.md §7). Pure: the build's data comes in as a
 * ProfileSource (profile-text.ts's `profileSource`), so tests pass a hand-made one.
 */
import { href, industryLabel, t, tagLabel, type Lang } from '../i18n/index.ts';
import { formatNumber, formatScore } from '../i18n/format.ts';
import type { Model } from '../ingest/model.ts';
import { bandedCategories, type PublishedRow } from '../publish/publish.ts';
import { BAND_COLUMNS, bandColumn, describeStageRule, enterpriseName, inSentence, otherEnterpriseName, selectStrengthsAndWeaknesses, type BandPick } from './profile.ts';
import { routes } from './routes.ts';
import type { StagePoints } from './stage-points.ts';

/** What every profile of one cohort (year and stage) shows alike, formatted once per language. */
export interface CohortTexts {
  /** Per indicator: the cohort benchmark of a public indicator; for a private one, only that it is not published (§7). */
  benchmarks: { parts: string[]; kind: 'values' | 'withheld' | 'none' | 'fixed' | 'private' }[];
  weights: string[];
}

/** How many enterprises the rankings an enterprise-year is placed in have. */
export interface RankingSizes {
  national: number;
  park: number;
  stage: number;
}

/** The data a profile reads besides the enterprise's own rows. */
export interface ProfileSource {
  model: Model;
  latestYear: number;
  parkName(lang: Lang, code: string): string;
  stageName(lang: Lang, stage: string): string;
  industrySlug(industry: string): string;
  rankingSizes(year: number, park: string, stage: string): RankingSizes;
  stagePoints(stage: string): StagePoints;
  cohortTexts(lang: Lang, year: number, stage: string): CohortTexts;
  publicIndicatorList(lang: Lang): string;
}

/** A bar of the score-composition chart: public points exactly, private points as one sum (§7). */
export interface CompositionBar {
  key: string;
  label: string;
  value: number | null;
  max: number;
}

/** A category under the composition chart: its band when it holds a private indicator, else its points. */
export interface CategoryItem {
  key: string;
  name: string;
  banded: boolean;
  code: string;
  points: number | null;
  max: number;
}

/** A row of the band strip: a category (group) or one of its indicators (private ones marked *). */
export interface StripRow {
  key: string;
  label: string;
  column: number;
  group?: boolean;
}

/** Everything the profile page shows, in the page's language. */
export interface EnterpriseView {
  year: number;
  yearText: string;
  row: PublishedRow;
  timeline: readonly { year: number; row: PublishedRow }[];
  path: string;
  name: string;
  altName: string | null;
  park: string;
  stageName: string;
  industry: { label: string; href: string } | null;
  tags: string[];
  foundedYear: string;
  /** The notice on a firm not scored in the latest year, else null. */
  notLatest: string | null;
  sizes: RankingSizes;
  available: StagePoints;
  texts: CohortTexts;
  strengths: BandPick[];
  weaknesses: BandPick[];
  title: string;
  description: string;
  /** "How the score is made up" in one paragraph. */
  how: string;
  /** The deduction notice's sentence, and whether the deduction hit its cap; null without a deduction. */
  deduction: { text: string; capped: boolean } | null;
  composition: { bars: CompositionBar[]; description: string; domainMax: number };
  categoryItems: CategoryItem[];
  strip: { rows: StripRow[]; columns: string[]; labels: string[] };
  /** The indicators whose growth had no base year, by name (for a note), possibly none. */
  withoutBase: string[];
  publicIndicatorList: string;
  crumbs: { label: string; path?: string }[];
}

/** The profile of the enterprise with this timeline (its rows, oldest first; at least one). */
export function enterpriseView(lang: Lang, timeline: readonly { year: number; row: PublishedRow }[], source: ProfileSource): EnterpriseView {
  const { model } = source;
  const { year, row } = timeline[timeline.length - 1]!;
  const yearText = String(year);
  const name = enterpriseName(lang, row);
  const park = source.parkName(lang, row.park);
  const stageName = source.stageName(lang, row.stage);
  const available = source.stagePoints(row.stage);
  const sizes = source.rankingSizes(year, row.park, row.stage);
  const zeroPublic = model.indicators.map((ind, k) => ind.public && (row.points[k] ?? 0) === 0);
  const { strengths, weaknesses } = selectStrengthsAndWeaknesses(row.bands, available.indicators, zeroPublic);
  return {
    year,
    yearText,
    row,
    timeline,
    path: routes.enterprise(row.id),
    name,
    altName: otherEnterpriseName(lang, row),
    park,
    stageName,
    industry: row.industry ? { label: industryLabel(lang, row.industry), href: href(lang, routes.industryRanking(year, source.industrySlug(row.industry))) } : null,
    tags: row.tags.map((tag) => tagLabel(lang, tag)),
    foundedYear: row.founded.slice(0, 4),
    notLatest: year < source.latestYear ? t(lang, 'profile.notLatest', { latest: String(source.latestYear), year: yearText }) : null,
    sizes,
    available,
    texts: source.cohortTexts(lang, year, row.stage),
    strengths,
    weaknesses,
    title: t(lang, 'profile.title', { name, year: yearText }),
    description: t(lang, 'profile.description', {
      name,
      park,
      year: yearText,
      score: formatScore(lang, row.score),
      rank: formatNumber(lang, row.rankNational, 0),
      count: model.indicators.length,
    }),
    how: howText(lang, model, year, row, stageName, sizes.stage),
    deduction: deductionNotice(lang, model, row),
    composition: composition(lang, row, available),
    categoryItems: categoryItems(lang, model, row, available),
    strip: bandStrip(lang, model, row),
    withoutBase: model.indicators.filter((_, k) => row.states[k] === 'w').map((ind) => ind.name[lang]),
    publicIndicatorList: source.publicIndicatorList(lang),
    crumbs: [
      { label: t(lang, 'nav.home'), path: routes.home() },
      { label: t(lang, 'nav.rankings'), path: routes.rankings() },
      { label: t(lang, 'profile.crumbRanking', { year: yearText }), path: routes.national(year) },
      { label: name },
    ],
  };
}

/** The score's make-up in one paragraph: public points, the private sum, the deduction (or the clamp at 0). */
function howText(lang: Lang, model: Model, year: number, row: PublishedRow, stageName: string, cohortSize: number): string {
  const clamped = row.privatePts === null;
  const deductionPart =
    row.deduction <= 0 ? '' : t(lang, clamped ? 'profile.howClamped' : 'profile.howDeduction', { points: formatScore(lang, row.deduction) });
  // Stages by age alone: the age says why. When any stage is bounded by revenue (confidential),
  // the stage's rule says it instead, without the firm's figure.
  const stage = model.stages.find((s) => s.id === row.stage);
  const byRevenue = model.stages.some((s) => s.rule.revenue);
  const stageSentence =
    byRevenue && stage
      ? t(lang, 'profile.stageByRule', { year: String(year), stage: stageName, rule: stage.description?.[lang] ?? describeStageRule(lang, stage.rule) })
      : t(lang, 'profile.stageByAge', { year: String(year), age: row.age, stage: stageName });
  return t(lang, clamped ? 'profile.howClampedTotal' : 'profile.how', {
    stageSentence,
    year: String(year),
    stage: stageName,
    count: model.indicators.length,
    cohort: formatNumber(lang, cohortSize, 0),
    publicPts: formatScore(lang, row.publicPts),
    privatePts: formatScore(lang, row.privatePts ?? 0),
    deduction: deductionPart,
    score: formatScore(lang, row.score),
  });
}

/** The deduction notice: the points taken off, for what, and whether the cap was reached. */
function deductionNotice(lang: Lang, model: Model, row: PublishedRow): EnterpriseView['deduction'] {
  if (row.deduction <= 0) return null;
  const ded = model.deduction;
  return {
    text: t(lang, 'profile.deductionText', {
      points: formatScore(lang, row.deduction),
      name: inSentence(lang, ded.name[lang]),
      each: formatNumber(lang, ded.points_each),
      max: formatNumber(lang, ded.max),
    }),
    capped: row.deduction >= ded.max,
  };
}

/** The composition chart's two bars (public points, private sum) and their description. */
function composition(lang: Lang, row: PublishedRow, available: StagePoints): EnterpriseView['composition'] {
  const bars: CompositionBar[] = [
    { key: 'public', label: t(lang, 'profile.publicPointsRow'), value: row.publicPts, max: available.publicTotal },
    { key: 'private', label: t(lang, 'profile.privatePointsRow'), value: row.privatePts, max: available.privateTotal },
  ];
  const description = bars
    .map((b) =>
      t(lang, 'common.labelValue', {
        label: b.label,
        value: b.value === null ? t(lang, 'profile.privateClamped') : t(lang, 'value.outOf', { points: formatScore(lang, b.value), max: formatNumber(lang, b.max) }),
      }),
    )
    .join(t(lang, 'profile.listSeparator'));
  return { bars, description, domainMax: Math.max(available.publicTotal, available.privateTotal) };
}

/** Each category's band (when it holds a private indicator) or points, in model order. */
function categoryItems(lang: Lang, model: Model, row: PublishedRow, available: StagePoints): CategoryItem[] {
  const banded = bandedCategories(model);
  return model.categories.map((c, i) => ({
    key: c.id,
    name: c.name[lang],
    banded: banded[i]!,
    code: row.categoryBands[i] ?? '0',
    points: row.categories[i] ?? null,
    max: available.categories[i] ?? 0,
  }));
}

/** The band strip: each category, then its indicators, each in the column of its band. */
function bandStrip(lang: Lang, model: Model, row: PublishedRow): EnterpriseView['strip'] {
  const rows = model.categories.flatMap((c, ci): StripRow[] => [
    { key: `category-${c.id}`, label: c.name[lang], column: bandColumn(row.categoryBands[ci]), group: true },
    ...model.indicators.flatMap((ind, k) =>
      ind.category === c.id ? [{ key: ind.id, label: ind.public ? ind.name[lang] : `${ind.name[lang]} *`, column: bandColumn(row.bands[k]) }] : [],
    ),
  ]);
  return { rows, columns: BAND_COLUMNS.map((b) => t(lang, `bandShort.${b}`)), labels: BAND_COLUMNS.map((b) => t(lang, `band.${b}`)) };
}
