/**
 * Named value formats for chart components, so pages pass a word ('score') rather than a
 * function, and ticks, labels and data tables of one chart always agree.
 */
import type { Lang } from '../../i18n/index.ts';
import { formatNumber, formatPercent, formatScore, formatShare } from '../../i18n/format.ts';
import type { NumberFormat } from '../../charts/common.ts';

/**
 * score: 2 decimals (512.30) · integer: 1,234 · number: up to 2 decimals ·
 * percent: a value in percent (12.5 → 12.5%) · share: a fraction (0.125 → 12.5%).
 */
export type ValueFormat = 'score' | 'integer' | 'number' | 'percent' | 'share';

/** The formatter for a named format in a language. */
export function numberFormatter(lang: Lang, format: ValueFormat): NumberFormat {
  switch (format) {
    case 'score':
      return (n) => formatScore(lang, n);
    case 'integer':
      return (n) => formatNumber(lang, n, 0);
    case 'percent':
      return (n) => formatPercent(lang, n, 1);
    case 'share':
      return (n) => formatShare(lang, n, 0);
    case 'number':
      return (n) => formatNumber(lang, n);
  }
}

/** Tick labels: like the value format but without forced decimals (0, 200, 400 rather than 0.00). */
export function tickFormatter(lang: Lang, format: ValueFormat): NumberFormat {
  if (format === 'score' || format === 'number') return (n) => formatNumber(lang, n);
  return numberFormatter(lang, format);
}

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;

/**
 * Splits a label into lines for SVG text (which does not wrap): Chinese every `cjkChars`
 * characters, other text at spaces within about twice that many characters.
 */
export function wrapLabel(label: string, cjkChars = 7): string[] {
  if (CJK.test(label) && !label.includes(' ')) {
    const lines: string[] = [];
    for (let i = 0; i < label.length; i += cjkChars) lines.push(label.slice(i, i + cjkChars));
    return lines;
  }
  const max = cjkChars * 2;
  const lines: string[] = [];
  let line = '';
  for (const word of label.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > max) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  return lines.length ? lines : [label];
}
