/**
 * Pure helpers for the enterprise profile and the methodology page: picking strengths and
 * weaknesses against the stage cohort, the "top x %" figure, names and band labels, and model
 * descriptions in words (methods, value derivations, stage rules, cohort benchmarks). No Astro, no data loading:
 * they take the model's pieces and the published numbers as arguments.
 */
import { localName, t, type Lang } from '../i18n/index.ts';
import { formatMoneyWan, formatNumber, formatPercent } from '../i18n/format.ts';
import type { Indicator, Stage } from '../ingest/model.ts';
import { quantilePoints } from '../scoring/normalise.ts';
import { bandLabel } from '../publish/publish.ts';

/** An indicator picked as a strength or weakness: its index (model order) and its band code (publish.ts). */
export interface BandPick {
  index: number;
  /** 0 na, 1 top10, 2 top25, 3 top50, 4 lower50. */
  code: number;
}

/**
 * The `n` indicators where an enterprise stands highest (strengths: top10 and top25 bands)
 * and lowest (weaknesses: lower50 and na) in its year and stage cohort. Bands are all that may
 * be said of a private indicator (scoring-model.md §7), so the choice reads bands only. Within
 * a band, the indicator with more points available (`weights`) comes first, then model order.
 * Indicators worth no points in the stage, and public indicators the firm earned nothing on
 * (`zeroPublic`: a tie at zero is no strength), are left out.
 */
export function selectStrengthsAndWeaknesses(
  bands: string,
  weights: readonly number[],
  zeroPublic: readonly boolean[] = [],
  n = 3,
): { strengths: BandPick[]; weaknesses: BandPick[] } {
  const picks: BandPick[] = [];
  for (let index = 0; index < bands.length; index++) {
    if (!((weights[index] ?? 0) > 0)) continue;
    picks.push({ index, code: Number(bands[index]) });
  }
  const byWeight = (a: BandPick, b: BandPick) => (weights[b.index] ?? 0) - (weights[a.index] ?? 0) || a.index - b.index;
  const strengths = picks
    .filter((p) => (p.code === 1 || p.code === 2) && !zeroPublic[p.index])
    .sort((a, b) => a.code - b.code || byWeight(a, b))
    .slice(0, n);
  // Weaknesses: the lower half first, then not reported (na), each by points at stake.
  const rankWeak = (code: number) => (code === 4 ? 0 : 1);
  const weaknesses = picks
    .filter((p) => p.code === 4 || p.code === 0)
    .sort((a, b) => rankWeak(a.code) - rankWeak(b.code) || byWeight(a, b))
    .slice(0, n);
  return { strengths, weaknesses };
}

/**
 * The share of its cohort at or above an enterprise's rank, in percent, rounded UP to one
 * decimal so it never flatters (rank 1 of 3,000 is "top 0.1 %", not "top 0.0 %").
 */
export function topPercent(rank: number, size: number): number {
  if (size <= 0 || rank <= 0) return 100;
  const share = (rank / size) * 100;
  // Subtract a hair before ceil so exact values (25.0) stay exact despite float noise.
  return Math.min(100, Math.ceil(share * 10 - 1e-9) / 10);
}

/**
 * Where a rank sits in its cohort, said the readable way round: "top x %" for the upper half,
 * "bottom y %" below it (y counts the ranks from the last one up to this one), both rounded up.
 */
export function cohortPosition(rank: number, size: number): { side: 'top' | 'bottom'; percent: number } {
  const top = topPercent(rank, size);
  if (top <= 50 || size <= 0) return { side: 'top', percent: top };
  return { side: 'bottom', percent: topPercent(size - rank + 1, size) };
}

/** A raw indicator value in its unit: 万元 money, a percentage, or a count. */
export function formatIndicatorValue(lang: Lang, x: number, unit: Indicator['unit']): string {
  switch (unit) {
    case 'wan_yuan':
      return formatMoneyWan(lang, x);
    case 'percent':
      return formatPercent(lang, x, 1);
    case 'count':
      return formatNumber(lang, x);
  }
}

/** A model parameter in the indicator's unit, without padding decimals ("10%", not "10.0%"). */
export function formatParameter(lang: Lang, x: number, unit: Indicator['unit']): string {
  return unit === 'percent' ? `${formatNumber(lang, x)}%` : formatIndicatorValue(lang, x, unit);
}

/** The quantile label used throughout: "Q0.95". */
export function quantileLabel(p: number): string {
  return `Q${String(p)}`;
}

/** The cohort probabilities a method reads (benchmark p; range lo and hi); none for fixed and steps. */
export function cohortProbabilities(method: Indicator['method']): number[] {
  return quantilePoints(method);
}

/** A normalisation method with its parameters, in one short sentence. */
export function describeMethod(lang: Lang, indicator: Pick<Indicator, 'method' | 'unit' | 'direction'>): string {
  const m = indicator.method;
  // A reverse indicator (逆向指标, direction "lower") reads each rule mirrored (normalise.ts).
  const lower = indicator.direction === 'lower';
  switch (m.kind) {
    case 'benchmark':
      return t(lang, lower ? 'methodDesc.benchmarkLower' : 'methodDesc.benchmark', { q: quantileLabel(m.p) });
    case 'range':
      return t(lang, lower ? 'methodDesc.rangeLower' : 'methodDesc.range', { lo: quantileLabel(m.lo), hi: quantileLabel(m.hi) });
    case 'fixed':
      return t(lang, lower ? 'methodDesc.fixedLower' : 'methodDesc.fixed', {
        lo: formatParameter(lang, m.lo, indicator.unit),
        hi: formatParameter(lang, m.hi, indicator.unit),
      });
    case 'steps':
      return t(lang, lower ? 'methodDesc.stepsLower' : 'methodDesc.steps', {
        steps: m.steps
          .map((step) => t(lang, lower ? 'methodDesc.stepLower' : 'methodDesc.step', { at: formatNumber(lang, step.at), s: formatNumber(lang, step.s, 1) }))
          .join(t(lang, 'methodDesc.listSeparator')),
      });
  }
}

/** The name of a method kind ("基准法", "Benchmark"). */
export function methodName(lang: Lang, kind: Indicator['method']['kind']): string {
  return t(lang, `methodName.${kind}`);
}

/**
 * How a cohort's benchmark reads on a profile or in the methodology's tables.
 * `q` is the published quantiles: null = withheld for privacy (a small cohort), {} = the cohort
 * had no usable values. Fixed and steps methods do not use the cohort.
 */
export function describeBenchmark(
  lang: Lang,
  indicator: Pick<Indicator, 'method' | 'unit'>,
  q: Readonly<Record<string, number>> | null,
  positive?: { n: number; q: Readonly<Record<string, number>> },
): { text: string; parts: string[]; kind: 'values' | 'withheld' | 'none' | 'fixed' } {
  const ps = cohortProbabilities(indicator.method);
  const say = (kind: 'withheld' | 'none' | 'fixed') => {
    const text = t(lang, `benchmarkDesc.${kind}`);
    return { text, parts: [text], kind };
  };
  if (ps.length === 0) return say('fixed');
  if (q === null) return say('withheld');
  const parts: string[] = [];
  for (const p of ps) {
    const v = q[String(p)];
    if (v === undefined) return say('none');
    parts.push(`${quantileLabel(p)} = ${formatIndicatorValue(lang, v, indicator.unit)}`);
  }
  // Model 1.1's sparse fallback: the benchmark used is Q(p) of the cohort's positive values.
  if (positive && indicator.method.kind === 'benchmark') {
    const v = positive.q[String(indicator.method.p)];
    parts.push(
      v === undefined
        ? t(lang, 'benchmarkDesc.noPositive')
        : t(lang, 'benchmarkDesc.positive', { q: quantileLabel(indicator.method.p), value: formatIndicatorValue(lang, v, indicator.unit), n: formatNumber(lang, positive.n, 0) }),
    );
  }
  return { text: parts.join(t(lang, 'methodDesc.listSeparator')), parts, kind: 'values' };
}

/** How an indicator's value is derived from the raw columns, with the zero-denominator rule. */
export function describeValue(lang: Lang, value: Indicator['value'], columnLabel: (column: string) => string): string {
  switch (value.kind) {
    case 'column':
      return t(lang, 'valueDesc.column', { column: columnLabel(value.column) });
    case 'ratio':
      return t(lang, value.nonpositive_denominator === 'blank' ? 'valueDesc.ratioBlank' : 'valueDesc.ratioUnbounded', {
        a: columnLabel(value.numerator),
        b: columnLabel(value.denominator),
      });
    case 'growth':
      return t(lang, 'valueDesc.growth', { cur: columnLabel(value.current), prev: columnLabel(value.previous) });
  }
}

/** A stage's rule in words, generated from its bounds; an empty rule is the catch-all. */
export function describeStageRule(lang: Lang, rule: Stage['rule']): string {
  const parts: string[] = [];
  const bound = (what: 'age' | 'revenue', b: { min?: number | undefined; max?: number | undefined } | undefined) => {
    if (!b) return;
    const fmt = (n: number) => (what === 'revenue' ? formatMoneyWan(lang, n) : formatNumber(lang, n));
    if (b.min !== undefined) parts.push(t(lang, `stageRule.${what}Min`, { n: fmt(b.min) }));
    if (b.max !== undefined) parts.push(t(lang, `stageRule.${what}Max`, { n: fmt(b.max) }));
  };
  bound('age', rule.age);
  bound('revenue', rule.revenue);
  return parts.length ? parts.join(t(lang, 'stageRule.and')) : t(lang, 'stageRule.catchAll');
}

/** The enterprise's name in the page language (English falls back to the Chinese name). */
export function enterpriseName(lang: Lang, row: { name: string; nameEn: string }): string {
  return localName(lang, row);
}

/** The name in the other language, when there is a distinct one. */
export function otherEnterpriseName(lang: Lang, row: { name: string; nameEn: string }): string | null {
  if (lang === 'en') return row.nameEn ? row.name : null;
  return row.nameEn || null;
}

/** A name used inside an English sentence starts lower-case ("serious violations of …"). */
export function inSentence(lang: Lang, text: string): string {
  return lang === 'en' ? text.charAt(0).toLowerCase() + text.slice(1) : text;
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
