import { rawValue, type EnterpriseRow, type EnterpriseTable } from './dataset.ts';
import { NUMERIC_COLUMNS, type NumericColumn } from './model.ts';

/** How many enterprise-years report a column, overall and per evaluation year. */
export interface FillRate {
  column: string;
  /** Whether the file has the column at all (an optional column may be absent: blank everywhere). */
  present: boolean;
  reported: number;
  rows: number;
  byYear: { year: number; reported: number; rows: number }[];
}

/**
 * The fill rate of each optional text column and each numeric column of a validated table,
 * in file-contract order. A blank cell is "not reported" (dataset.md).
 */
export function fillRates(table: EnterpriseTable, present: (column: string) => boolean = () => true): FillRate[] {
  const years = [...new Set(table.rows.map((r) => r.year))].sort((a, b) => a - b);
  const yearAt = new Map(years.map((y, i) => [y, i]));
  const measure = (column: string, has: (row: EnterpriseRow, i: number) => boolean): FillRate => {
    const perYear = years.map((year) => ({ year, reported: 0, rows: 0 }));
    let reported = 0;
    table.rows.forEach((row, i) => {
      const y = perYear[yearAt.get(row.year)!]!;
      y.rows++;
      if (has(row, i)) {
        y.reported++;
        reported++;
      }
    });
    return { column, present: present(column), reported, rows: table.rows.length, byYear: perYear };
  };
  return [
    measure('name_en', (r) => r.nameEn !== ''),
    measure('industry', (r) => r.industry !== ''),
    measure('tags', (r) => r.tags.length > 0),
    ...NUMERIC_COLUMNS.map((c: NumericColumn) => measure(c, (_, i) => !Number.isNaN(rawValue(table, i, c)))),
  ];
}
