import { parseCount, parseDate, parseDecimal, parseIntegerIn, parseMoney, parseSignedMoney, parseYearMonth, type CellResult } from './columns.ts';
import type { CsvRow, CsvSink, DataIssue } from './csv.ts';
import {
  ACHIEVEMENT_COLUMNS,
  ENTERPRISE_COLUMNS,
  NUMERIC_COLUMNS,
  PARK_COLUMNS,
  TAGS,
  type AchievementColumn,
  type EnterpriseColumn,
  type NumericColumn,
  type ParkColumn,
  type Tag,
} from '../core/vocabulary.ts';
import { isValidUscc } from './uscc.ts';
import { ACHIEVEMENT_METRICS } from './achievement-metrics.ts';

/** The designations an enterprise may carry in `tags` (dataset.md): the vocabulary's. */
export { TAGS, type Tag } from '../core/vocabulary.ts';

/** A park (高新区) as published. */
export interface Park {
  code: string;
  name: string;
  nameEn: string;
  province: string;
  city: string;
  level: 'national' | 'provincial';
  pilotBatch: number | null;
  pilotYear: number | null;
}

/**
 * One enterprise in one evaluation year, validated. Its numeric cells are not on the row: they
 * sit in the `raw` slab of the EnterpriseTable that holds it (see there).
 */
export interface EnterpriseRow {
  line: number;
  id: string;
  name: string;
  nameEn: string;
  park: string;
  year: number;
  founded: string;
  foundedYear: number;
  industry: string;
  /** Shared by every row with the same designations: never mutate it. */
  tags: Tag[];
}

/**
 * The valid rows of enterprises.csv. Their numeric cells are kept in one Float64Array, row after
 * row, rather than in one small typed array per row: at national scale (1.4 million
 * enterprise-years) a typed array per row costs more in object headers, backing stores and
 * garbage-collector work than its twenty numbers.
 */
export interface EnterpriseTable {
  rows: EnterpriseRow[];
  /** NUMERIC_COLUMNS.length values per row, in `rows` order (row i starts at i × RAW_WIDTH); NaN = not reported. */
  raw: Float64Array;
}

/** Numbers per row in EnterpriseTable.raw. */
export const RAW_WIDTH = NUMERIC_COLUMNS.length;

/** The raw numeric cell `column` of the table's row at `index`: NaN when not reported. */
export function rawValue(table: EnterpriseTable, index: number, column: NumericColumn): number {
  return table.raw[index * RAW_WIDTH + COLUMN_INDEX[column]]!;
}

/** A figure a park reported (not computed), with its source. */
export interface Achievement {
  park: string;
  metric: string;
  value: number;
  unit: string;
  asOf: string;
  note: string;
  source: string;
}

/** The park codes rows may refer to. */
export interface ParkCodes {
  has(code: string): boolean;
}

/** Position of a numeric column within a row's slice of EnterpriseTable.raw. */
export const COLUMN_INDEX = Object.fromEntries(NUMERIC_COLUMNS.map((c, i) => [c, i])) as Record<NumericColumn, number>;

/** Largest number of issues listed per file; the rest are counted. */
export const MAX_ISSUES_PER_FILE = 200;

type ColumnSpec = { description: string; blank: boolean; parse: (text: string) => CellResult<unknown> };

// Characters are counted as code points; a string has no more code points than UTF-16 units,
// so the (allocating) count is only needed for the rare long cell.
const text = (max: number) => (t: string): CellResult<string> =>
  t.length <= max || [...t].length <= max ? { ok: true, value: t } : { ok: false, message: `is longer than ${max} characters` };

/** How each parks.csv column is checked (the columns and their order: the vocabulary's PARK_COLUMNS). */
export const PARK_COLUMN_SPECS: Readonly<Record<ParkColumn, ColumnSpec>> = {
  code: {
    description: 'unique key used in URLs: 2–40 of a-z, 0-9 and -',
    blank: false,
    parse: (t) =>
      /^[a-z0-9-]{2,40}$/.test(t)
        ? { ok: true, value: t }
        : { ok: false, message: 'must be 2–40 characters of lower-case a-z, digits 0-9 and -' },
  },
  name: { description: 'Chinese name, e.g. 石家庄高新区', blank: false, parse: text(100) },
  name_en: { description: 'English name (may be blank)', blank: true, parse: text(200) },
  province: { description: 'province, e.g. 河北', blank: false, parse: text(40) },
  city: { description: 'city (may be blank)', blank: true, parse: text(40) },
  level: {
    description: 'national or provincial',
    blank: false,
    parse: (t) =>
      t === 'national' || t === 'provincial' ? { ok: true, value: t } : { ok: false, message: 'must be "national" or "provincial"' },
  },
  pilot_batch: { description: 'batch of the pilot it joined, integer ≥ 1 (may be blank)', blank: true, parse: parseIntegerIn(1, 1000) },
  pilot_year: { description: 'year it joined the pilot (may be blank)', blank: true, parse: parseIntegerIn(2000, 2100) },
};

const NUMERIC_SPECS: Record<NumericColumn, ColumnSpec> = {
  rd_expense: { description: '研发费用金额, 万元 ≥ 0', blank: true, parse: parseMoney },
  rd_expense_prev: { description: "previous year's 研发费用, 万元 ≥ 0", blank: true, parse: parseMoney },
  revenue: { description: '营业收入, 万元 ≥ 0', blank: true, parse: parseMoney },
  revenue_prev: { description: "previous year's 营业收入, 万元 ≥ 0", blank: true, parse: parseMoney },
  employees: { description: '职工总数, count', blank: true, parse: parseCount },
  st_staff: { description: '科技人员数, count ≤ employees', blank: true, parse: parseCount },
  postgrad_staff: { description: '研究生以上学历人员数, count ≤ employees', blank: true, parse: parseCount },
  invention_patent_apps: { description: '发明专利申请量, count', blank: true, parse: parseCount },
  pct_apps: { description: 'PCT 专利申请量, count', blank: true, parse: parseCount },
  tech_contract_value: { description: '技术合同成交额, 万元 ≥ 0', blank: true, parse: parseMoney },
  high_tech_revenue: { description: '高新技术产品收入, 万元 ≥ 0, ≤ revenue', blank: true, parse: parseMoney },
  rd_tax_deduction: { description: '研发费用加计扣除所得税减免额, 万元 ≥ 0', blank: true, parse: parseMoney },
  net_profit: { description: '净利润, 万元 (may be negative)', blank: true, parse: parseSignedMoney },
  net_assets: { description: '净资产, 万元 (may be negative)', blank: true, parse: parseSignedMoney },
  graduates_hired: { description: '吸纳应届毕业生人数, count', blank: true, parse: parseCount },
  platforms: { description: '省级及以上研发或创新平台数量 (近两年), count', blank: true, parse: parseCount },
  awards: { description: '省级及以上科技奖励数量 (近两年), count', blank: true, parse: parseCount },
  vc_investment: { description: '获得风险投资额, 万元 ≥ 0', blank: true, parse: parseMoney },
  standards: { description: '主持或参与制定标准数量, count', blank: true, parse: parseCount },
  serious_violations: { description: '严重违法失信记录数, count (deduction)', blank: true, parse: parseCount },
};

/** How each enterprises.csv column is checked (the columns and their order: the vocabulary's ENTERPRISE_COLUMNS). */
export const ENTERPRISE_COLUMN_SPECS: Readonly<Record<EnterpriseColumn, ColumnSpec>> = {
  id: {
    description: '统一社会信用代码: 18 characters, check digit valid per GB 32100-2015',
    blank: false,
    parse: (t) =>
      t.length !== 18
        ? { ok: false, message: `must be an 18-character 统一社会信用代码 (this one has ${[...t].length})` }
        : isValidUscc(t)
          ? { ok: true, value: t }
          : { ok: false, message: 'is not a valid 统一社会信用代码: wrong characters or check digit (GB 32100-2015)' },
  },
  name: { description: 'Chinese name, 1–100 characters', blank: false, parse: text(100) },
  name_en: { description: 'English name (may be blank)', blank: true, parse: text(200) },
  park: { description: 'a code in parks.csv', blank: false, parse: (t) => ({ ok: true, value: t }) },
  year: { description: 'evaluation year, 2000–2100', blank: false, parse: parseIntegerIn(2000, 2100) },
  founded: { description: 'founding date YYYY-MM-DD, not after 31 Dec of year', blank: false, parse: parseDate },
  industry: { description: 'industry, free text (blank: unclassified)', blank: true, parse: text(60) },
  tags: { description: `;-separated designations among ${TAGS.join(', ')}`, blank: true, parse: parseTags },
  ...NUMERIC_SPECS,
};

/** How each achievements.csv column is checked (the columns and their order: the vocabulary's ACHIEVEMENT_COLUMNS). */
export const ACHIEVEMENT_COLUMN_SPECS: Readonly<Record<AchievementColumn, ColumnSpec>> = {
  park: { description: 'a code in parks.csv', blank: false, parse: (t) => ({ ok: true, value: t }) },
  metric: {
    description: 'a key of the documented metric vocabulary',
    blank: false,
    parse: (t) =>
      Object.hasOwn(ACHIEVEMENT_METRICS, t)
        ? { ok: true, value: t }
        : { ok: false, message: `is not a known metric; use one of ${Object.keys(ACHIEVEMENT_METRICS).join(', ')}` },
  },
  value: { description: 'the reported figure', blank: false, parse: parseDecimal },
  unit: { description: 'e.g. 家, 万元, 亿元, %', blank: false, parse: text(10) },
  as_of: { description: 'YYYY or YYYY-MM', blank: false, parse: parseYearMonth },
  note: { description: 'one line of context (may be blank)', blank: true, parse: text(300) },
  source: { description: 'publication and date, e.g. 科技日报 2023-07', blank: false, parse: text(200) },
};

function parseTags(t: string): CellResult<Tag[]> {
  const parts = t
    .split(/[;；]/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
  const tags: Tag[] = [];
  for (const p of parts) {
    if (!(TAGS as readonly string[]).includes(p)) {
      return { ok: false, message: `has an unknown designation "${p}"; allowed: ${TAGS.join(', ')} separated by ;` };
    }
    if (!tags.includes(p as Tag)) tags.push(p as Tag);
  }
  return { ok: true, value: tags.sort((a, b) => TAGS.indexOf(a) - TAGS.indexOf(b)) };
}

/** Collects issues for one file, up to the cap, counting the rest. */
export class IssueList {
  readonly items: DataIssue[] = [];
  private overflow = new Map<string, number>();
  add(issue: DataIssue): void {
    const inFile = this.items.filter((i) => i.file === issue.file).length;
    if (inFile < MAX_ISSUES_PER_FILE) this.items.push(issue);
    else this.overflow.set(issue.file, (this.overflow.get(issue.file) ?? 0) + 1);
  }
  get count(): number {
    let n = this.items.length;
    for (const v of this.overflow.values()) n += v;
    return n;
  }
  /** Every message, with a closing line per file whose issues passed the cap. */
  messages(format: (i: DataIssue) => string): string[] {
    const out = this.items.map(format);
    for (const [file, n] of this.overflow) out.push(`${file}: … and ${n} more problem${n === 1 ? '' : 's'} in this file`);
    return out;
  }
}

/** Checks the header against the expected columns: missing, unknown and repeated names. */
export function checkHeader(header: string[], expected: readonly string[], file: string, issues: IssueList): Map<string, number> | null {
  const index = new Map<string, number>();
  let bad = false;
  header.forEach((name, i) => {
    if (index.has(name)) {
      issues.add({ file, line: 1, column: name, message: 'appears twice in the header' });
      bad = true;
    } else if (!expected.includes(name)) {
      const hint = expected.find((e) => e.toLowerCase() === name.toLowerCase().replace(/[\s-]/g, '_'));
      issues.add({
        file,
        line: 1,
        column: name,
        message: name === '' ? 'a header cell is empty' : `is not a column of ${file.split(/[\\/]/).pop()}${hint ? `; did you mean "${hint}"?` : ''}`,
        value: name,
      });
      bad = true;
    }
    index.set(name, i);
  });
  for (const name of expected) {
    if (!index.has(name)) {
      issues.add({ file, line: 1, column: name, message: 'required column is missing from the header' });
      bad = true;
    }
  }
  return bad ? null : index;
}

/** Reads one cell of a row through its column spec, recording an issue when it does not parse. */
function readCell(row: CsvRow, index: Map<string, number>, column: string, spec: ColumnSpec, file: string, issues: IssueList): { value: unknown; blank: boolean; bad: boolean } {
  const raw = row.cells[index.get(column)!] ?? '';
  const t = raw.trim();
  if (t === '') {
    if (!spec.blank) {
      issues.add({ file, line: row.line, column, message: 'must not be blank', value: raw });
      return { value: null, blank: true, bad: true };
    }
    return { value: null, blank: true, bad: false };
  }
  const r = spec.parse(t);
  if (!r.ok) {
    issues.add({ file, line: row.line, column, message: r.message, value: raw });
    return { value: null, blank: false, bad: true };
  }
  return { value: r.value, blank: false, bad: false };
}

function checkFieldCount(row: CsvRow, width: number, file: string, issues: IssueList): boolean {
  if (row.cells.length === width) return true;
  issues.add({
    file,
    line: row.line,
    message: `has ${row.cells.length} cells but the header has ${width}${row.cells.length > width ? ' (an unquoted comma in a cell?)' : ''}`,
  });
  return false;
}


/** A CSV sink that validates a file's rows as they stream in and keeps the valid ones. */
export interface TableValidator<T> extends CsvSink {
  result(): T[];
}

/** Wires header checking, cell counting and empty-file reporting around a row validator. */
function tableValidator<T>(
  file: string,
  expected: readonly string[],
  issues: IssueList,
  validateRow: (row: CsvRow, index: Map<string, number>) => T | null,
  emptyMessage: string | null,
): TableValidator<T> {
  const out: T[] = [];
  let index: Map<string, number> | null = null;
  let width = 0;
  let rows = 0;
  let headerSeen = false;
  return {
    header(cells) {
      headerSeen = true;
      width = cells.length;
      index = checkHeader(cells, expected, file, issues);
    },
    row(row) {
      rows++;
      if (!index || !checkFieldCount(row, width, file, issues)) return;
      const value = validateRow(row, index);
      if (value !== null) out.push(value);
    },
    issue(i) {
      issues.add(i);
    },
    result() {
      if (headerSeen && index && rows === 0 && emptyMessage) issues.add({ file, line: 2, message: emptyMessage });
      return out;
    },
  };
}

/** Validates parks.csv rows as they stream in. */
export function parksValidator(file: string, issues: IssueList): TableValidator<Park> {
  const seen = new Map<string, number>();
  return tableValidator<Park>(
    file,
    PARK_COLUMNS,
    issues,
    (row, index) => {
      const v: Record<string, unknown> = {};
      let bad = false;
      for (const col of PARK_COLUMNS) {
        const c = readCell(row, index, col, PARK_COLUMN_SPECS[col], file, issues);
        v[col] = c.value;
        bad ||= c.bad;
      }
      const code = v['code'] as string | null;
      if (code !== null) {
        const prev = seen.get(code);
        if (prev !== undefined) {
          issues.add({ file, line: row.line, column: 'code', message: `duplicate park code, already used on line ${prev}`, value: code });
          bad = true;
        } else seen.set(code, row.line);
      }
      if (bad) return null;
      return {
        code: code!,
        name: v['name'] as string,
        nameEn: (v['name_en'] as string | null) ?? '',
        province: v['province'] as string,
        city: (v['city'] as string | null) ?? '',
        level: v['level'] as Park['level'],
        pilotBatch: v['pilot_batch'] as number | null,
        pilotYear: v['pilot_year'] as number | null,
      };
    },
    'has no park rows; at least one park is needed',
  );
}

const E = ENTERPRISE_COLUMN_SPECS;

/**
 * A copy of a cell that does not keep its parse chunk alive: V8 makes long substrings views
 * into the parent string, and a million ids would otherwise pin the whole file's text.
 */
function ownString(s: string): string {
  return s.length < 13 ? s : (s + ' ').slice(0, -1);
}

/**
 * What earlier rows said about one id: what the cross-row rules compare with, and the strings
 * its rows share. One per enterprise, keyed by the id itself, so that checking uniqueness needs
 * no id|year key string per row.
 */
interface FirmSeen {
  /** The one copy of the id that all the enterprise's rows share. */
  id: string;
  /** Evaluation year and line of each of its rows so far, flattened: year, line, year, line … */
  yearLines: number[];
  /** The first valid founding date given for the id, and its line. */
  founded: string | null;
  foundedLine: number;
  /** The latest name and English name: an enterprise's years usually repeat them and then share one copy. */
  name: string;
  nameEn: string;
}

/** A CSV sink that validates enterprises.csv as it streams in and keeps the valid rows. */
export interface EnterpriseValidator extends CsvSink {
  result(): EnterpriseTable;
}

/**
 * Validates enterprises.csv rows as they stream in, including the cross-row rules (unique
 * id+year, constant founding date). `expectedRows`, an upper bound such as the file's line
 * count, lets the numeric slab be allocated once instead of grown.
 */
export function enterprisesValidator(file: string, parkCodes: ParkCodes, issues: IssueList, expectedRows = 1024): EnterpriseValidator {
  const firms = new Map<string, FirmSeen>();
  let numericIdx: number[] | null = null;
  // Parks, years, founding dates, industries and designations repeat from row to row: each
  // distinct text is parsed once, and the rows share the one value it gave.
  const repeating = (spec: ColumnSpec): ColumnSpec => {
    const parsed = new Map<string, CellResult<unknown>>();
    return {
      ...spec,
      parse: (t) => {
        let r = parsed.get(t);
        if (!r) {
          const own = ownString(t);
          parsed.set(own, (r = spec.parse(own)));
        }
        return r;
      },
    };
  };
  const specs: Record<string, ColumnSpec> = { ...E };
  for (const col of ['park', 'year', 'founded', 'industry', 'tags'] as const) specs[col] = repeating(E[col]);
  const noTags: Tag[] = [];
  // A row's numbers are written straight into the slab at the next free place; a row found
  // invalid leaves them to be overwritten by the next one.
  let raw = new Float64Array(RAW_WIDTH * Math.max(1, expectedRows));
  let kept = 0;
  const validateRow = (row: CsvRow, index: Map<string, number>): EnterpriseRow | null => {
    const idx = (c: string) => index.get(c)!;
    numericIdx ??= NUMERIC_COLUMNS.map((c) => idx(c));
    let bad = false;
    const cell = (col: string) => {
      const c = readCell(row, index, col, specs[col]!, file, issues);
      bad ||= c.bad;
      return c.value;
    };
    const id = cell('id') as string | null;
    const name = cell('name') as string | null;
    const nameEn = (cell('name_en') as string | null) ?? '';
    const park = cell('park') as string | null;
    const year = cell('year') as number | null;
    const founded = cell('founded') as { iso: string; year: number } | null;
    const industry = (cell('industry') as string | null) ?? '';
    const tags = (cell('tags') as Tag[] | null) ?? noTags;
    if (raw.length < (kept + 1) * RAW_WIDTH) {
      const bigger = new Float64Array(raw.length * 2);
      bigger.set(raw);
      raw = bigger;
    }
    const base = kept * RAW_WIDTH;
    for (let k = 0; k < RAW_WIDTH; k++) {
      const col = NUMERIC_COLUMNS[k]!;
      const cellText = row.cells[numericIdx[k]!]!;
      const t = cellText.trim();
      if (t === '') {
        raw[base + k] = NaN;
        continue;
      }
      const r = NUMERIC_SPECS[col].parse(t);
      if (r.ok) raw[base + k] = r.value as number;
      else {
        raw[base + k] = NaN;
        bad = true;
        issues.add({ file, line: row.line, column: col, message: r.message, value: cellText });
      }
    }
    if (park !== null && !parkCodes.has(park)) {
      issues.add({ file, line: row.line, column: 'park', message: 'is not a code in parks.csv', value: park });
      bad = true;
    }
    if (founded && year !== null && founded.year > year) {
      issues.add({ file, line: row.line, column: 'founded', message: `is after the evaluation year ${year}`, value: founded.iso });
      bad = true;
    }
    const notAbove = (col: NumericColumn, limit: NumericColumn) => {
      const a = raw[base + COLUMN_INDEX[col]]!;
      const b = raw[base + COLUMN_INDEX[limit]]!;
      if (!Number.isNaN(a) && !Number.isNaN(b) && a > b) {
        issues.add({ file, line: row.line, column: col, message: `must not exceed ${limit} (${row.cells[idx(limit)]!.trim()})`, value: row.cells[idx(col)]! });
        bad = true;
      }
    };
    notAbove('st_staff', 'employees');
    notAbove('postgrad_staff', 'employees');
    notAbove('high_tech_revenue', 'revenue');
    let firm: FirmSeen | undefined;
    if (id !== null) {
      firm = firms.get(id);
      if (!firm) {
        const own = ownString(id);
        firm = { id: own, yearLines: [], founded: null, foundedLine: 0, name: '', nameEn: '' };
        firms.set(own, firm);
      }
      if (year !== null) {
        const seen = firm.yearLines;
        let prev: number | undefined;
        for (let i = 0; i < seen.length && prev === undefined; i += 2) if (seen[i] === year) prev = seen[i + 1];
        if (prev !== undefined) {
          issues.add({ file, line: row.line, column: 'id', message: `the same id and year ${year} already appear on line ${prev}`, value: id });
          bad = true;
        } else seen.push(year, row.line);
      }
      if (founded) {
        if (firm.founded === null) {
          firm.founded = founded.iso;
          firm.foundedLine = row.line;
        } else if (firm.founded !== founded.iso) {
          issues.add({
            file,
            line: row.line,
            column: 'founded',
            message: `differs from the founding date ${firm.founded} given for the same id on line ${firm.foundedLine}`,
            value: founded.iso,
          });
          bad = true;
        }
      }
    }
    if (bad || !firm) return null;
    kept++;
    if (firm.name !== name) firm.name = ownString(name!);
    if (firm.nameEn !== nameEn) firm.nameEn = ownString(nameEn);
    return {
      line: row.line,
      id: firm.id,
      name: firm.name,
      nameEn: firm.nameEn,
      park: park!,
      year: year!,
      founded: founded!.iso,
      foundedYear: founded!.year,
      industry,
      tags,
    };
  };
  const rows = tableValidator(file, ENTERPRISE_COLUMNS, issues, validateRow, 'has no enterprise rows');
  return {
    header: (cells) => rows.header(cells),
    row: (row) => rows.row(row),
    issue: (i) => rows.issue(i),
    result() {
      const used = kept * RAW_WIDTH;
      // Give back the spare room when it is worth a copy (the slab was grown, or the hint was far off).
      return { rows: rows.result(), raw: raw.length - used > used / 8 ? raw.slice(0, used) : raw.subarray(0, used) };
    },
  };
}

/** Validates achievements.csv rows as they stream in. */
export function achievementsValidator(file: string, parkCodes: ParkCodes, issues: IssueList): TableValidator<Achievement> {
  return tableValidator<Achievement>(
    file,
    ACHIEVEMENT_COLUMNS,
    issues,
    (row, index) => {
      const v: Record<string, unknown> = {};
      let bad = false;
      for (const col of ACHIEVEMENT_COLUMNS) {
        const c = readCell(row, index, col, ACHIEVEMENT_COLUMN_SPECS[col], file, issues);
        v[col] = c.value;
        bad ||= c.bad;
      }
      if (v['park'] !== null && !parkCodes.has(v['park'] as string)) {
        issues.add({ file, line: row.line, column: 'park', message: 'is not a code in parks.csv', value: v['park'] as string });
        bad = true;
      }
      if (bad) return null;
      return {
        park: v['park'] as string,
        metric: v['metric'] as string,
        value: v['value'] as number,
        unit: v['unit'] as string,
        asOf: v['as_of'] as string,
        note: (v['note'] as string | null) ?? '',
        source: v['source'] as string,
      };
    },
    null,
  );
}
