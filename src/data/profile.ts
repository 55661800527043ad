/**
 * Pure helpers for the enterprise profile and the methodology page: picking strengths and
 * weaknesses against the stage cohort, the "top x %" figure, and model descriptions in words
 * (methods, value derivations, stage rules, cohort benchmarks). No Astro, no data loading:
 * they take the model's pieces and the published numbers as arguments.
 */
import { t, type Lang } from '../i18n/index.ts';
import { formatMoneyWan, formatNumber, formatPercent } from '../lib/format.ts';
import type { Indicator, Stage } from '../lib/model.ts';

/** An indicator compared with its stage cohort: its index (model order) and s − median s. */
export interface CohortGap {
  index: number;
  s: number;
  medianS: number;
  gap: number;
}

/**
 * The `n` indicators where an enterprise is furthest above (strengths) and below (weaknesses)
 * its stage cohort's median s. Indicators where both the firm's s and the median are 0 say
 * nothing about the firm and are ignored ("ties at zero"); only real gaps count (strengths
 * > 0, weaknesses < 0). Equal gaps go to the indicator with more points available (`weights`),
 * then to model order, so the choice is deterministic.
 */
export function selectStrengthsAndWeaknesses(
  s: readonly number[],
  medianS: readonly number[],
  weights: readonly number[],
  n = 3,
): { strengths: CohortGap[]; weaknesses: CohortGap[] } {
  const gaps: CohortGap[] = [];
  s.forEach((value, index) => {
    const median = medianS[index] ?? 0;
    if (value === 0 && median === 0) return;
    // s and medians are published to 4 decimals; round the difference the same way so
    // float noise never decides an order.
    const gap = Math.round((value - median) * 1e4) / 1e4;
    gaps.push({ index, s: value, medianS: median, gap });
  });
  const tieBreak = (a: CohortGap, b: CohortGap) => (weights[b.index] ?? 0) - (weights[a.index] ?? 0) || a.index - b.index;
  const strengths = gaps
    .filter((g) => g.gap > 0)
    .sort((a, b) => b.gap - a.gap || tieBreak(a, b))
    .slice(0, n);
  const weaknesses = gaps
    .filter((g) => g.gap < 0)
    .sort((a, b) => a.gap - b.gap || tieBreak(a, b))
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
  if (method.kind === 'benchmark') return [method.p];
  if (method.kind === 'range') return [method.lo, method.hi];
  return [];
}

/** A normalisation method with its parameters, in one short sentence. */
export function describeMethod(lang: Lang, indicator: Pick<Indicator, 'method' | 'unit'>): string {
  const m = indicator.method;
  switch (m.kind) {
    case 'benchmark':
      return t(lang, 'methodDesc.benchmark', { q: quantileLabel(m.p) });
    case 'range':
      return t(lang, 'methodDesc.range', { lo: quantileLabel(m.lo), hi: quantileLabel(m.hi) });
    case 'fixed':
      return t(lang, 'methodDesc.fixed', {
        lo: formatParameter(lang, m.lo, indicator.unit),
        hi: formatParameter(lang, m.hi, indicator.unit),
      });
    case 'steps':
      return t(lang, 'methodDesc.steps', {
        steps: m.steps
          .map((step) => t(lang, 'methodDesc.step', { at: formatNumber(lang, step.at), s: formatNumber(lang, step.s, 1) }))
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
