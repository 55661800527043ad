import { columnPositions, type EnterpriseRow, type EnterpriseTable } from './dataset.ts';

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
 * The fill rate of each optional text column and each numeric column of a validated table
 * (built-in, then declared), in file-contract order. A blank cell is "not reported"
 * (dataset.md); a column the file left out is reported as absent.
 */
export function fillRates(table: EnterpriseTable): FillRate[] {
  const position = columnPositions(table.columns);
  const present = (column: string) => !table.absent.includes(column);
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
    ...table.columns.map((c) => {
      const at = position(c);
      return measure(c, (_, i) => !Number.isNaN(table.raw[i * table.width + at]!));
    }),
  ];
}
