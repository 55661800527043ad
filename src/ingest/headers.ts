import type { DataIssue } from './csv.ts';

/**
 * Header matching (dataset.md, "Headers"): a header cell names a column by its id or by any of
 * its aliases (the Chinese names a park's own workbook uses), so a file exported from a park's
 * system can be read as it is. Matching ignores spaces and the difference between full-width
 * and half-width characters (NFKC), and accepts the column's unit in brackets after the name,
 * `研发费用（万元）`; a different unit there is an error, never a silent factor of 10,000.
 */

/** What a header cell may name. */
export interface HeaderColumn {
  id: string;
  /** Other names the column goes by (the id always matches). */
  aliases: readonly string[];
  /** Units a bracketed suffix may give, e.g. ['万元']; none: a bracketed suffix never matches. */
  units?: readonly string[];
  /** Whether the file must have this column; an optional one that is absent reads as blank in every row. */
  required: boolean;
  /** Why a required column is needed, e.g. "read by indicator rd_expense" (said when it is missing). */
  neededBy?: string;
}

/** The header as resolved: each present column's cell index, and how the file wrote its name. */
export interface ResolvedHeader {
  index: Map<string, number>;
  /** The header text the file uses for each present column (for messages). */
  label: Map<string, string>;
}

/** A header text as compared: NFKC (full-width to half-width), without any white space. */
export function normaliseHeader(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, '');
}

/** Splits "名称(单位)" into the name and the unit; null when the text has no bracketed suffix. */
function splitUnit(text: string): { base: string; unit: string } | null {
  const m = /^(.+?)[([]([^()[\]]*)[)\]]$/.exec(text);
  return m ? { base: m[1]!, unit: m[2]! } : null;
}

/**
 * Matches a header row against the columns a file may have. Reports unknown, repeated and empty
 * header cells, units that differ from the column's, and missing required columns, each on
 * `line` (1 for a CSV file; the header's row in a sheet). Returns null when any is found.
 */
export function resolveHeader(
  cells: readonly string[],
  columns: readonly HeaderColumn[],
  file: string,
  line: number,
  add: (issue: DataIssue, cell?: number) => void,
): ResolvedHeader | null {
  const byName = new Map<string, HeaderColumn>();
  for (const c of columns) {
    byName.set(normaliseHeader(c.id), c);
    for (const a of c.aliases) if (!byName.has(normaliseHeader(a))) byName.set(normaliseHeader(a), c);
  }
  const index = new Map<string, number>();
  const label = new Map<string, string>();
  /** Columns a header names but whose cell is refused (a wrong unit): reported there, not again as missing. */
  const refused = new Set<string>();
  let bad = false;
  const fileName = file.split(/[\\/]/).pop()!;
  cells.forEach((raw, i) => {
    const text = raw.trim();
    if (text === '') {
      add({ file, line, column: text, message: 'a header cell is empty', value: raw }, i);
      bad = true;
      return;
    }
    const key = normaliseHeader(text);
    let column = byName.get(key);
    if (!column) {
      const parts = splitUnit(key);
      const base = parts ? byName.get(parts.base) : undefined;
      if (parts && base) {
        if (!base.units?.includes(parts.unit)) {
          const want = base.units?.length ? `${base.units[0]}` : '';
          add({
            file,
            line,
            column: text,
            message: want
              ? `gives the unit “${parts.unit}”, but the column ${base.id} is in ${want}: convert the figures to ${want} and write the header as “${parts.base}（${want}）”`
              : `gives the unit “${parts.unit}”, but the column ${base.id} takes plain numbers: remove the bracketed unit`,
            value: raw,
          }, i);
          refused.add(base.id);
          bad = true;
          return;
        }
        column = base;
      }
    }
    if (!column) {
      add({ file, line, column: text, message: `is not a column of ${fileName}${hintFor(key, columns)}`, value: raw }, i);
      bad = true;
      return;
    }
    const earlier = label.get(column.id);
    if (earlier !== undefined) {
      add({
        file,
        line,
        column: text,
        message: earlier === text ? 'appears twice in the header' : `names the same column (${column.id}) as “${earlier}” does`,
      }, i);
      bad = true;
      return;
    }
    index.set(column.id, i);
    label.set(column.id, text);
  });
  for (const c of columns) {
    if (c.required && !index.has(c.id) && !refused.has(c.id)) {
      add({ file, line, column: c.id, message: `required column is missing from the header${c.neededBy ? ` (${c.neededBy})` : ''}` });
      bad = true;
    }
  }
  return bad ? null : { index, label };
}

/** "; did you mean …?" for a header that differs from a column's id by case or separators, or contains one of its names. */
function hintFor(key: string, columns: readonly HeaderColumn[]): string {
  const folded = key.toLowerCase().replace(/[\s-]/g, '_');
  const byId = columns.find((c) => c.id.toLowerCase() === folded);
  if (byId) return `; did you mean "${byId.id}"?`;
  const near = columns.filter((c) => c.aliases.some((a) => normaliseHeader(a).length >= 2 && (key.includes(normaliseHeader(a)) || normaliseHeader(a).includes(key))));
  if (near.length === 1) return `; did you mean “${near[0]!.aliases[0]}” (${near[0]!.id})?`;
  return '';
}
