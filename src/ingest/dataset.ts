import { parseCount, parseDate, parseDecimal, parseIntegerIn, parseMoney, parseSignedMoney, parseYearMonth, type CellResult } from './columns.ts';
import type { CsvRow, CsvSink, DataIssue, SheetPlace } from './csv.ts';
import { resolveHeader, type HeaderColumn } from './headers.ts';
import type { DeclaredColumn, Model } from './model.ts';
import { modelColumnUses } from './model-columns.ts';
import {
  ACHIEVEMENT_COLUMNS,
  COLUMN_ALIASES,
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
  /**
   * The numeric columns in slab order: the built-in NUMERIC_COLUMNS (at their COLUMN_INDEX),
   * then the columns the model declares, in model order.
   */
  columns: readonly string[];
  /** Numbers per row in `raw`: columns.length. */
  width: number;
  /** `width` values per row, in `rows` order (row i starts at i × width); NaN = not reported. */
  raw: Float64Array;
  /** Optional columns the file left out (blank in every row), in contract order. */
  absent: readonly string[];
}

/** Numbers per row of the built-in columns (a table's width when the model declares none). */
export const RAW_WIDTH = NUMERIC_COLUMNS.length;

/** Each numeric column's position in a row of a table with these columns; an unknown column is a programming error. */
export function columnPositions(columns: readonly string[]): (column: string) => number {
  const at = new Map(columns.map((c, i) => [c, i]));
  return (column) => {
    const i = at.get(column);
    if (i === undefined) throw new Error(`the enterprise table has no numeric column "${column}" (the model read is not the one the table was validated with)`);
    return i;
  };
}

/** The raw numeric cell `column` of the table's row at `index`: NaN when not reported. */
export function rawValue(table: EnterpriseTable, index: number, column: string): number {
  return table.raw[index * table.width + columnPositions(table.columns)(column)]!;
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
  /** The cited article's title, its date (YYYY-MM-DD) and its address (http or https); '' when not given. */
  sourceTitle: string;
  sourceDate: string;
  sourceUrl: string;
}

/** The park codes rows may refer to. */
export interface ParkCodes {
  has(code: string): boolean;
  /** The code of the park with this name (a workbook often names the park rather than coding it), if exactly one has it. */
  codeOfName?(name: string): string | undefined;
}

/** A cell of a `park` column as a park code: the code itself, or the code of the park it names; null when neither. */
function parkCodeOf(parkCodes: ParkCodes, text: string): string | null {
  return parkCodes.has(text) ? text : (parkCodes.codeOfName?.(text) ?? null);
}

/** Position of a numeric column within a row's slice of EnterpriseTable.raw. */
export const COLUMN_INDEX = Object.fromEntries(NUMERIC_COLUMNS.map((c, i) => [c, i])) as Record<NumericColumn, number>;

/** Largest number of issues listed per file; the rest are counted. */
export const MAX_ISSUES_PER_FILE = 200;

type ColumnSpec = {
  description: string;
  blank: boolean;
  parse: (text: string) => CellResult<unknown>;
  /** Units a header may give in brackets after the name (dataset.md, "Headers"). */
  units?: readonly string[];
};

/** The unit a money column's header may state: 万元. */
const MONEY = ['万元'] as const;
/** The units a count column's header may state. */
const COUNT = ['个', '人', '件', '项', '家', '次', '名'] as const;

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
    description: 'national or provincial (国家级 or 省级)',
    blank: false,
    parse: (t) =>
      t === 'national' || t === '国家级'
        ? { ok: true, value: 'national' }
        : t === 'provincial' || t === '省级'
          ? { ok: true, value: 'provincial' }
          : { ok: false, message: 'must be "national" or "provincial" (国家级 or 省级)' },
  },
  pilot_batch: { description: 'batch of the pilot it joined, integer ≥ 1 (may be blank)', blank: true, parse: parseIntegerIn(1, 1000) },
  pilot_year: { description: 'year it joined the pilot (may be blank)', blank: true, parse: parseIntegerIn(2000, 2100) },
};

const NUMERIC_SPECS: Record<NumericColumn, ColumnSpec> = {
  rd_expense: { description: '研发费用金额, 万元 ≥ 0', blank: true, parse: parseMoney, units: MONEY },
  rd_expense_prev: { description: "previous year's 研发费用, 万元 ≥ 0", blank: true, parse: parseMoney, units: MONEY },
  revenue: { description: '营业收入, 万元 ≥ 0', blank: true, parse: parseMoney, units: MONEY },
  revenue_prev: { description: "previous year's 营业收入, 万元 ≥ 0", blank: true, parse: parseMoney, units: MONEY },
  employees: { description: '职工总数, count', blank: true, parse: parseCount, units: COUNT },
  st_staff: { description: '科技人员数, count ≤ employees', blank: true, parse: parseCount, units: COUNT },
  postgrad_staff: { description: '研究生以上学历人员数, count ≤ employees', blank: true, parse: parseCount, units: COUNT },
  invention_patent_apps: { description: '发明专利申请量, count', blank: true, parse: parseCount, units: COUNT },
  pct_apps: { description: 'PCT 专利申请量, count', blank: true, parse: parseCount, units: COUNT },
  tech_contract_value: { description: '技术合同成交额, 万元 ≥ 0', blank: true, parse: parseMoney, units: MONEY },
  high_tech_revenue: { description: '高新技术产品收入, 万元 ≥ 0, ≤ revenue', blank: true, parse: parseMoney, units: MONEY },
  rd_tax_deduction: { description: '研发费用加计扣除所得税减免额, 万元 ≥ 0', blank: true, parse: parseMoney, units: MONEY },
  net_profit: { description: '净利润, 万元 (may be negative)', blank: true, parse: parseSignedMoney, units: MONEY },
  net_assets: { description: '净资产, 万元 (may be negative)', blank: true, parse: parseSignedMoney, units: MONEY },
  graduates_hired: { description: '吸纳应届毕业生人数, count', blank: true, parse: parseCount, units: COUNT },
  platforms: { description: '省级及以上研发或创新平台数量 (近两年), count', blank: true, parse: parseCount, units: COUNT },
  awards: { description: '省级及以上科技奖励数量 (近两年), count', blank: true, parse: parseCount, units: COUNT },
  vc_investment: { description: '获得风险投资额, 万元 ≥ 0', blank: true, parse: parseMoney, units: MONEY },
  standards: { description: '主持或参与制定标准数量, count', blank: true, parse: parseCount, units: COUNT },
  serious_violations: { description: '严重违法失信记录数, count (deduction)', blank: true, parse: parseCount, units: COUNT },
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
  source_title: { description: 'title of the cited article (optional)', blank: true, parse: text(200) },
  source_date: { description: 'date of the cited article, YYYY-MM-DD (optional)', blank: true, parse: (t) => { const r = parseDate(t); return r.ok ? { ok: true, value: r.value.iso } : r; } },
  source_url: { description: 'address of the cited article, http:// or https:// (optional)', blank: true, parse: parseSourceUrl },
};

/** An http or https address, at most 500 characters. */
function parseSourceUrl(t: string): CellResult<string> {
  if (t.length > 500) return { ok: false, message: 'must be at most 500 characters' };
  let url: URL;
  try {
    url = new URL(t);
  } catch {
    return { ok: false, message: 'must be a full http:// or https:// address' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { ok: false, message: 'must be a full http:// or https:// address' };
  return { ok: true, value: url.href };
}

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

/** How a file's columns appear to its user: the header text of each column id, and in a workbook the sheet and column letters. */
interface FilePlace {
  sheet?: string;
  label: Map<string, string>;
  letter: Map<string, string>;
}

/** Collects issues for one file, up to the cap, counting the rest. */
export class IssueList {
  readonly items: DataIssue[] = [];
  private overflow = new Map<string, number>();
  private places = new Map<string, FilePlace>();
  /** From now on, issues of `file` that name a column by id show it as the file writes it (and where, in a workbook). */
  locate(file: string, place: FilePlace): void {
    this.places.set(file, place);
  }
  add(issue: DataIssue): void {
    const place = this.places.get(issue.file);
    if (place) {
      const id = issue.column;
      const label = id === undefined ? undefined : place.label.get(id);
      const letter = id === undefined ? undefined : place.letter.get(id);
      issue = {
        ...issue,
        ...(label !== undefined ? { column: label } : {}),
        ...(place.sheet !== undefined && issue.sheet === undefined ? { sheet: place.sheet } : {}),
        ...(letter !== undefined && issue.cell === undefined ? { cell: letter } : {}),
      };
    }
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

/** A table's columns as a header may name them: the vocabulary's aliases; required unless every cell may be blank. */
function headerColumns<C extends string>(columns: readonly C[], specs: Readonly<Record<C, ColumnSpec>>, aliases: Readonly<Record<C, readonly string[]>>): HeaderColumn[] {
  return columns.map((id) => ({ id, aliases: aliases[id], ...(specs[id].units ? { units: specs[id].units } : {}), required: !specs[id].blank }));
}

/**
 * Reads one cell of a row through its column spec, recording an issue when it does not parse.
 * An optional column the file left out reads as blank; a cell the reader reported already
 * (a workbook's error value) is bad without a second message.
 */
function readCell(row: CsvRow, index: Map<string, number>, column: string, spec: ColumnSpec, file: string, issues: IssueList): { value: unknown; blank: boolean; bad: boolean } {
  const at = index.get(column);
  if (at === undefined) return { value: null, blank: true, bad: false };
  if (row.reported?.includes(at)) return { value: null, blank: false, bad: true };
  const raw = row.cells[at] ?? '';
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

/**
 * Wires header matching (ids and aliases, src/ingest/headers.ts), cell counting and
 * empty-file reporting around a row validator. `index` maps each column id the file has to
 * its cell; `label` gives a column as the file writes it.
 */
function tableValidator<T>(
  file: string,
  columns: readonly HeaderColumn[],
  issues: IssueList,
  validateRow: (row: CsvRow, index: Map<string, number>, label: (column: string) => string) => T | null,
  emptyMessage: string | null,
): TableValidator<T> {
  const out: T[] = [];
  let index: Map<string, number> | null = null;
  let labels = new Map<string, string>();
  const label = (column: string) => labels.get(column) ?? column;
  let width = 0;
  let rows = 0;
  let headerLine = 1;
  let headerSeen = false;
  return {
    header(cells, place?: SheetPlace) {
      headerSeen = true;
      width = cells.length;
      headerLine = place?.line ?? 1;
      const where = (cell: number | undefined) =>
        place ? { sheet: place.sheet, ...(cell !== undefined && place.letters[cell] !== undefined ? { cell: place.letters[cell] } : {}) } : {};
      const resolved = resolveHeader(cells, columns, file, headerLine, (issue, cell) => issues.add({ ...issue, ...where(cell) }));
      if (!resolved) return;
      index = resolved.index;
      labels = resolved.label;
      const letter = new Map<string, string>();
      if (place) for (const [id, i] of index) letter.set(id, place.letters[i]!);
      issues.locate(file, { ...(place ? { sheet: place.sheet } : {}), label: labels, letter });
    },
    row(row) {
      rows++;
      if (!index || !checkFieldCount(row, width, file, issues)) return;
      const value = validateRow(row, index, label);
      if (value !== null) out.push(value);
    },
    issue(i) {
      issues.add(i);
    },
    result() {
      if (headerSeen && index && rows === 0 && emptyMessage) issues.add({ file, line: headerLine + 1, message: emptyMessage });
      return out;
    },
  };
}

/** Validates parks.csv rows as they stream in. */
export function parksValidator(file: string, issues: IssueList): TableValidator<Park> {
  const seen = new Map<string, number>();
  return tableValidator<Park>(
    file,
    headerColumns(PARK_COLUMNS, PARK_COLUMN_SPECS, COLUMN_ALIASES.parks),
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

/** What of a model shapes enterprises.* (dataset.md, "Columns the model uses" and "Columns the model declares"). */
export type ModelColumns = Pick<Model, 'indicators' | 'deduction' | 'stages'> & Partial<Pick<Model, 'bonus' | 'veto' | 'columns'>>;

/** The identity columns every enterprises file must have, whatever the model. */
const IDENTITY: readonly string[] = ['id', 'name', 'park', 'year', 'founded'];

const DECLARED_UNITS: Record<DeclaredColumn['unit'], readonly string[]> = { wan_yuan: MONEY, count: COUNT, percent: ['%'], number: [] };

/** How a declared column's cells are checked: its unit's parser, then its bounds (min 0 by default for money and counts). */
function declaredSpec(c: DeclaredColumn): ColumnSpec {
  const min = c.min === undefined ? (c.unit === 'wan_yuan' || c.unit === 'count' ? 0 : null) : c.min;
  const { max } = c;
  const parseUnit = c.unit === 'count' ? parseCount : c.unit === 'wan_yuan' && min === 0 ? parseMoney : parseDecimal;
  return {
    description: `${c.name.zh}, declared in model.json (${c.unit})`,
    blank: true,
    units: DECLARED_UNITS[c.unit],
    parse: (t) => {
      const r = parseUnit(t);
      if (!r.ok) return r;
      const x = r.value === 0 ? 0 : r.value;
      if (min !== null && x < min) return { ok: false, message: `must be at least ${min}` };
      if (max !== undefined && x > max) return { ok: false, message: `must be at most ${max}` };
      return { ok: true, value: x };
    },
  };
}

/**
 * Validates enterprises.csv rows as they stream in, including the cross-row rules (unique
 * id+year, constant founding date). The model decides which columns are required (those it
 * reads) and adds the columns it declares; without one (a model that failed to load) only
 * the identity columns are required. `expectedRows`, an upper bound such as the file's line
 * count, lets the numeric slab be allocated once instead of grown.
 * Long: the closure holds the streaming state (the slab, the firms seen, the column positions
 * found in the header) that validateRow, add and finish share; most of its length is validateRow.
 */
export function enterprisesValidator(file: string, parkCodes: ParkCodes, issues: IssueList, expectedRows = 1024, model?: ModelColumns): EnterpriseValidator {
  const firms = new Map<string, FirmSeen>();
  const declared = model?.columns ?? [];
  const numericColumns: readonly string[] = [...NUMERIC_COLUMNS, ...declared.map((c) => c.id)];
  const width = numericColumns.length;
  const numericSpecs: ColumnSpec[] = [...NUMERIC_COLUMNS.map((c) => NUMERIC_SPECS[c]), ...declared.map(declaredSpec)];
  const uses = model ? modelColumnUses(model) : new Map<string, string[]>();
  const header: HeaderColumn[] = [
    ...ENTERPRISE_COLUMNS.map((id) => ({ id, spec: E[id], aliases: COLUMN_ALIASES.enterprises[id] as readonly string[] })),
    ...declared.map((c, i) => ({ id: c.id, spec: numericSpecs[NUMERIC_COLUMNS.length + i]!, aliases: [c.name.zh, ...(c.aliases ?? [])] })),
  ].map(({ id, spec, aliases }) => {
    const by = uses.get(id);
    return {
      id,
      aliases,
      ...(spec.units ? { units: spec.units } : {}),
      required: IDENTITY.includes(id) || by !== undefined,
      ...(by ? { neededBy: `read by ${by.join(', ')}` } : {}),
    };
  });
  let numericIdx: number[] | null = null;
  let absent: string[] = [];
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
  let raw = new Float64Array(width * Math.max(1, expectedRows));
  let kept = 0;
  // Long: the per-row hot path (520,000 firms × years at national scale): every check of one row
  // in column order, writing numbers straight into the slab, without a call per column.
  const validateRow = (row: CsvRow, index: Map<string, number>, label: (column: string) => string): EnterpriseRow | null => {
    if (!numericIdx) {
      numericIdx = numericColumns.map((c) => index.get(c) ?? -1);
      absent = [...ENTERPRISE_COLUMNS, ...declared.map((c) => c.id)].filter((c) => !index.has(c));
    }
    let bad = false;
    const cell = (col: string) => {
      const c = readCell(row, index, col, specs[col]!, file, issues);
      bad ||= c.bad;
      return c.value;
    };
    const id = cell('id') as string | null;
    const name = cell('name') as string | null;
    const nameEn = (cell('name_en') as string | null) ?? '';
    const parkCell = cell('park') as string | null;
    const park = parkCell === null ? null : parkCodeOf(parkCodes, parkCell);
    const year = cell('year') as number | null;
    const founded = cell('founded') as { iso: string; year: number } | null;
    const industry = (cell('industry') as string | null) ?? '';
    const tags = (cell('tags') as Tag[] | null) ?? noTags;
    if (raw.length < (kept + 1) * width) {
      const bigger = new Float64Array(raw.length * 2);
      bigger.set(raw);
      raw = bigger;
    }
    const base = kept * width;
    for (let k = 0; k < width; k++) {
      const at = numericIdx[k]!;
      if (at < 0) {
        raw[base + k] = NaN;
        continue;
      }
      const cellText = row.cells[at]!;
      const t = cellText.trim();
      if (t === '') {
        raw[base + k] = NaN;
        if (row.reported?.includes(at)) bad = true;
        continue;
      }
      const r = numericSpecs[k]!.parse(t);
      if (r.ok) raw[base + k] = r.value as number;
      else {
        raw[base + k] = NaN;
        bad = true;
        issues.add({ file, line: row.line, column: numericColumns[k]!, message: r.message, value: cellText });
      }
    }
    if (parkCell !== null && park === null) {
      issues.add({ file, line: row.line, column: 'park', message: 'is not a code in parks.csv', value: parkCell });
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
        issues.add({ file, line: row.line, column: col, message: `must not exceed ${label(limit)} (${row.cells[index.get(limit)!]!.trim()})`, value: row.cells[index.get(col)!]! });
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
  const rows = tableValidator(file, header, issues, validateRow, 'has no enterprise rows');
  return {
    header: (cells, place) => rows.header(cells, place),
    row: (row) => rows.row(row),
    issue: (i) => rows.issue(i),
    result() {
      const used = kept * width;
      // Give back the spare room when it is worth a copy (the slab was grown, or the hint was far off).
      return {
        rows: rows.result(),
        columns: numericColumns,
        width,
        raw: raw.length - used > used / 8 ? raw.slice(0, used) : raw.subarray(0, used),
        absent,
      };
    },
  };
}

/** Validates achievements.csv rows as they stream in. */
export function achievementsValidator(file: string, parkCodes: ParkCodes, issues: IssueList): TableValidator<Achievement> {
  return tableValidator<Achievement>(
    file,
    headerColumns(ACHIEVEMENT_COLUMNS, ACHIEVEMENT_COLUMN_SPECS, COLUMN_ALIASES.achievements),
    issues,
    (row, index) => {
      const v: Record<string, unknown> = {};
      let bad = false;
      for (const col of ACHIEVEMENT_COLUMNS) {
        const c = readCell(row, index, col, ACHIEVEMENT_COLUMN_SPECS[col], file, issues);
        v[col] = c.value;
        bad ||= c.bad;
      }
      const park = v['park'] === null ? null : parkCodeOf(parkCodes, v['park'] as string);
      if (v['park'] !== null && park === null) {
        issues.add({ file, line: row.line, column: 'park', message: 'is not a code in parks.csv', value: v['park'] as string });
        bad = true;
      }
      if (bad) return null;
      return {
        park: park!,
        metric: v['metric'] as string,
        value: v['value'] as number,
        unit: v['unit'] as string,
        asOf: v['as_of'] as string,
        note: (v['note'] as string | null) ?? '',
        source: v['source'] as string,
        sourceTitle: (v['source_title'] as string | null) ?? '',
        sourceDate: (v['source_date'] as string | null) ?? '',
        sourceUrl: (v['source_url'] as string | null) ?? '',
      };
    },
    null,
  );
}
