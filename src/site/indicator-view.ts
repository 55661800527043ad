/**
 * A single-indicator ranking's view data (src/pages/[...lang]/rankings/[year]/indicators/[indicator].astro):
 * the indicator's category, maximum points and method in words, its top rows with each one's
 * names, maximum points and reported value, and the other public indicators' lists. Pure: the
 * page's ranking comes in as an IndicatorPage, the build's data as an IndicatorSource
 * (site-source.ts's `siteSource`).
 */
import { categoryLabel, localName, t, type Lang } from '../i18n/index.ts';
import { formatMoneyWan, formatNumber, formatShare } from '../i18n/format.ts';
import type { Indicator, Model } from '../ingest/model.ts';
import type { PublishedRow } from '../publish/publish.ts';
import type { IndicatorRankingRow } from './indicator-ranking.ts';

/** What a single-indicator ranking reads of the build's data. */
export interface IndicatorSource {
  model: Model;
  parkName(lang: Lang, code: string): string;
  stageName(lang: Lang, stage: string): string;
}

/** One page's ranking, as getStaticPaths hands it over. */
export interface IndicatorPage {
  year: number;
  /** The indicator's index in model order. */
  k: number;
  /** The best rows by the indicator, at most `limit`. */
  top: readonly IndicatorRankingRow<PublishedRow>[];
  /** Enterprises in the year. */
  total: number;
  /** How many rows a single-indicator ranking lists. */
  limit: number;
}

/** A listed firm: its place on the indicator and what the table shows of it. */
export interface IndicatorRow extends IndicatorRankingRow<PublishedRow> {
  name: string;
  park: string;
  stage: string;
  /** The indicator's maximum points in the firm's stage. */
  max: number;
  /** The firm's reported value in the indicator's unit, else why there is none. */
  value: string;
}

/** Everything a single-indicator ranking shows, in the page's language. */
export interface IndicatorView {
  indicator: Indicator;
  /** A reverse indicator (lower is better). */
  reverse: boolean;
  yearText: string;
  name: string;
  title: string;
  description: string;
  caption: string;
  /** The indicator's category and maximum points, in one sentence. */
  about: string;
  /** How its points are given, in one sentence. */
  method: string;
  /** How many firms are listed, of `total`. */
  shown: number;
  total: number;
  rows: IndicatorRow[];
  /** Every public indicator (each has a list), model order; `current` is this one. */
  siblings: { id: string; name: string; current: boolean }[];
}

/** A threshold, bound or value in the indicator's unit. */
function inUnit(lang: Lang, indicator: Indicator, x: number): string {
  if (indicator.unit === 'percent') return `${formatNumber(lang, x)}%`;
  return indicator.unit === 'wan_yuan' ? formatMoneyWan(lang, x) : formatNumber(lang, x);
}

/** How the indicator's points are given (benchmark, range, fixed bounds or steps), in words. */
export function methodText(lang: Lang, indicator: Indicator): string {
  const percentile = (p: number) => formatNumber(lang, p * 100);
  const m = indicator.method;
  switch (m.kind) {
    case 'benchmark':
      return t(lang, 'rankings.method.benchmark', { p: percentile(m.p) });
    case 'range':
      return t(lang, 'rankings.method.range', { lo: percentile(m.lo), hi: percentile(m.hi) });
    case 'fixed':
      return t(lang, 'rankings.method.fixed', { lo: inUnit(lang, indicator, m.lo), hi: inUnit(lang, indicator, m.hi) });
    default: {
      const steps = m.steps.map((s) => t(lang, 'rankings.method.step', { at: inUnit(lang, indicator, s.at), share: formatShare(lang, s.s, 0) }));
      return t(lang, 'rankings.method.steps', { steps: steps.join(t(lang, 'home.listSeparator')) });
    }
  }
}

/**
 * The indicator's category and maximum points: one maximum for every stage is said once
 * ("各阶段满分均为 50 分"), not listed stage by stage.
 */
export function aboutText(lang: Lang, indicator: Indicator, source: IndicatorSource): string {
  const { model } = source;
  const category = model.categories.find((c) => c.id === indicator.category);
  const categoryName = categoryLabel(lang, indicator.category, category?.name[lang]);
  const weightSet = new Set(model.stages.map((s) => indicator.weights[s.id] ?? 0));
  if (weightSet.size === 1) return t(lang, 'rankings.indicator.categorySame', { category: categoryName, points: [...weightSet][0]! });
  const weights = model.stages.map((s) => t(lang, 'rankings.indicator.weight', { stage: source.stageName(lang, s.id), points: indicator.weights[s.id] ?? 0 }));
  return t(lang, 'rankings.indicator.category', { category: categoryName, weights: weights.join(t(lang, 'home.listSeparator')) });
}

/** An indicator's name: the model's own (a replaced model names its indicators). */
function indicatorName(lang: Lang, model: Model, id: string): string {
  return model.indicators.find((i) => i.id === id)?.name[lang] ?? id;
}

/** One year's ranking by one public indicator. */
export function indicatorView(lang: Lang, page: IndicatorPage, source: IndicatorSource): IndicatorView {
  const { model } = source;
  const { k, limit } = page;
  const indicator = model.indicators[k]!;
  const y = String(page.year);
  const name = indicatorName(lang, model, indicator.id);
  const valueOf = (r: PublishedRow) => {
    const v = r.publicValues[k];
    if (v !== null && v !== undefined) return inUnit(lang, indicator, v);
    return r.states[k] === 'u' ? t(lang, 'value.unbounded') : t(lang, 'value.notReported');
  };
  return {
    indicator,
    reverse: indicator.direction === 'lower',
    yearText: y,
    name,
    title: t(lang, 'rankings.indicator.title', { year: y, indicator: name }),
    description: t(lang, 'rankings.indicator.description', { year: y, indicator: name, n: limit }),
    caption: t(lang, 'rankings.indicator.caption', { year: y, indicator: name, n: limit }),
    about: aboutText(lang, indicator, source),
    method: methodText(lang, indicator),
    shown: Math.min(limit, page.top.length),
    total: page.total,
    rows: page.top.map((entry) => ({
      ...entry,
      name: localName(lang, entry.row),
      park: source.parkName(lang, entry.row.park),
      stage: source.stageName(lang, entry.row.stage),
      max: indicator.weights[entry.row.stage] ?? 0,
      value: valueOf(entry.row),
    })),
    siblings: model.indicators.filter((i) => i.public).map((i) => ({ id: i.id, name: indicatorName(lang, model, i.id), current: i.id === indicator.id })),
  };
}
