/**
 * The words of the programme pages: a rule as a list of clauses, kinds, score bands and the
 * 公示期's state, all from the dictionaries.
 */
import { indicatorLabel, industryLabel, localName, stageLabel, t, tagLabel, type Lang, type TranslationKey } from '../../i18n/index.ts';
import { formatDate, formatNumber, formatScore } from '../../i18n/format.ts';
import { model, parkByCode } from '../../site/portal.ts';
import type { Programme, ScoreBandCount } from '../../site/programmes.ts';

/** A park's name in a language. */
export function parkLabel(lang: Lang, code: string): string {
  const p = parkByCode(code);
  return localName(lang, p);
}

/** A programme's name in a language. */
export function programmeName(lang: Lang, p: Programme): string {
  return p.name[lang];
}

export function kindLabel(lang: Lang, kind: Programme['kind']): string {
  return t(lang, `programmes.kind.${kind}` as TranslationKey);
}

const list = (lang: Lang, items: string[]) => items.join(lang === 'zh' ? '、' : ', ');

/** A number of a rule as written (percentages and thresholds may have decimals). */
const num = (lang: Lang, n: number) => formatNumber(lang, n);

/** The rule's conditions in words, in a fixed order (all must hold). */
export function ruleClauses(lang: Lang, p: Programme): string[] {
  const r = p.rule;
  const out: string[] = [];
  if (r.parks) out.push(t(lang, 'programmes.rule.parks', { list: list(lang, r.parks.map((c) => parkLabel(lang, c))) }));
  if (r.stages) {
    const names = r.stages.map((s) => stageLabel(lang, s, model.stages.find((x) => x.id === s)?.name[lang]));
    out.push(t(lang, 'programmes.rule.stages', { list: list(lang, names) }));
  }
  if (r.industries) out.push(t(lang, 'programmes.rule.industries', { list: list(lang, r.industries.map((i) => industryLabel(lang, i))) }));
  if (r.stage_top_percent) {
    const [from, to] = r.stage_top_percent;
    out.push(
      from === 0
        ? t(lang, 'programmes.rule.stageTop', { to: num(lang, to) })
        : t(lang, 'programmes.rule.stageBand', { from: num(lang, from), to: num(lang, to) }),
    );
  }
  if (r.min_score !== undefined) out.push(t(lang, 'programmes.rule.minScore', { score: formatScore(lang, r.min_score) }));
  if (r.max_score !== undefined) out.push(t(lang, 'programmes.rule.maxScore', { score: formatScore(lang, r.max_score) }));
  if (r.max_rank_national !== undefined) out.push(t(lang, 'programmes.rule.rankNational', { n: r.max_rank_national }));
  if (r.max_rank_park !== undefined) out.push(t(lang, 'programmes.rule.rankPark', { n: r.max_rank_park }));
  if (r.max_rank_stage !== undefined) out.push(t(lang, 'programmes.rule.rankStage', { n: r.max_rank_stage }));
  if (r.tags_any) out.push(t(lang, 'programmes.rule.tagsAny', { list: list(lang, r.tags_any.map((x) => tagLabel(lang, x))) }));
  if (r.tags_all) out.push(t(lang, 'programmes.rule.tagsAll', { list: list(lang, r.tags_all.map((x) => tagLabel(lang, x))) }));
  if (r.min_years !== undefined) out.push(t(lang, 'programmes.rule.minYears', { n: r.min_years }));
  if (r.min_score_change !== undefined) {
    out.push(
      r.min_score_change > 0
        ? t(lang, 'programmes.rule.minScoreChange', { change: formatScore(lang, r.min_score_change) })
        : t(lang, 'programmes.rule.minScoreChangeAny', { change: formatScore(lang, r.min_score_change) }),
    );
  }
  for (const c of r.indicators ?? []) {
    const ind = model.indicators.find((x) => x.id === c.id);
    const indicator = indicatorLabel(lang, c.id, ind?.name[lang]);
    if (c.min_value !== undefined) out.push(t(lang, 'programmes.rule.indicatorValue', { indicator, value: num(lang, c.min_value) }));
    if (c.min_s !== undefined) out.push(t(lang, 'programmes.rule.indicatorS', { indicator, value: num(lang, c.min_s) }));
    if (c.min_points !== undefined) out.push(t(lang, 'programmes.rule.indicatorPoints', { indicator, value: num(lang, c.min_points) }));
  }
  return out;
}

/** A score band's label: "60–70 分（不含 70）" / "60 to under 70", the last "90 分及以上" / "90 and above". */
export function scoreBandLabel(lang: Lang, band: ScoreBandCount): string {
  return band.to === null
    ? t(lang, 'programmes.bandOpen', { from: formatNumber(lang, band.from) })
    : t(lang, 'programmes.band', { from: formatNumber(lang, band.from), to: formatNumber(lang, band.to) });
}

/** A date for readers. */
export const dateText = formatDate;
