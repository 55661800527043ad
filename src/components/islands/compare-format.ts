/** Names, years and cell texts of the compare page (CompareView.tsx), shared by its parts. */
import type { CompareFirm, CompareYear } from '../../wire/compare-data.ts';
import { fillTemplate } from '../../wire/ranking-data.ts';
import { localName } from '../../i18n/lang.ts';
import type { CompareLabels, CompareViewProps, FormatNumber } from './compare-types.ts';

/** A row of a table of the latest year: its name and the text of each firm's cell. */
export interface CompareRow {
  name: string;
  cell: (y: CompareYear) => string;
}

/** Numbers formatted with Intl for the page's language. */
export function numberFormat(lang: 'zh' | 'en'): FormatNumber {
  const locale = lang === 'zh' ? 'zh-CN' : 'en-GB';
  return (n: number, digits = 0) => new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(n);
}

/** The firm's name in the page's language (the Chinese one when it has no English name). */
export function nameOf(f: CompareFirm, lang: 'zh' | 'en'): string {
  return localName(lang, f);
}

/** The lang attribute of the firm's name: Chinese on the English page when it has no English name. */
export function nameLang(f: CompareFirm, lang: 'zh' | 'en'): 'zh-CN' | undefined {
  return lang === 'en' && !f.nameEn ? 'zh-CN' : undefined;
}

/** The firm's year `y`, if it was scored then. */
export function yearOf(f: CompareFirm, y: number): CompareYear | undefined {
  return f.years.find((x) => x.year === y);
}

/** The firm's latest year. */
export function latest(f: CompareFirm): CompareYear {
  return f.years[f.years.length - 1]!;
}

/** The public indicators' rows: value and unit, and the points they earned. */
export function publicRows(indicators: CompareViewProps['indicators'], labels: CompareLabels, num: FormatNumber): CompareRow[] {
  return indicators.flatMap((ind, k) =>
    ind.public
      ? [
          {
            name: ind.name,
            cell: (y: CompareYear) =>
              `${y.values[k] === null || y.values[k] === undefined ? '—' : `${num(y.values[k]!, Number.isInteger(y.values[k]) ? 0 : 2)}${ind.unit ? ` ${ind.unit}` : ''}`} · ${fillTemplate(labels.pointsOf, { n: num(y.points[k] ?? 0, 2) })}`,
          },
        ]
      : [],
  );
}

/** The bands' rows: each category's points (or band), then each non-public indicator's band. */
export function bandRows(categories: CompareViewProps['categories'], indicators: CompareViewProps['indicators'], labels: CompareLabels, num: FormatNumber): CompareRow[] {
  return [
    ...categories.map((c, i) => ({
      name: c.name,
      cell: (y: CompareYear) => (y.categories[i] === null || y.categories[i] === undefined ? labels.band[y.categoryBands[i] ?? '0'] ?? '' : fillTemplate(labels.pointsOf, { n: num(y.categories[i]!, 2) })),
    })),
    ...indicators.flatMap((ind, k) => (ind.public ? [] : [{ name: ind.name, cell: (y: CompareYear) => labels.band[y.bands[k] ?? '0'] ?? '' }])),
  ];
}
