/**
 * The ranking explorer's data and logic, kept pure so it is unit-tested and shared by the
 * build (encoding, in the /rankings-data/ endpoints) and the browser (decoding, filtering,
 * sorting, paging in RankingExplorer.tsx and ranking-source.ts).
 *
 * No imports: this module ships to the browser, so it must not pull in the scorer, zod or
 * the dictionaries. Callers pass tables (parks, stages, tags) and labels in.
 *
 * The format is columnar: one array per field, one entry per enterprise in published order
 * (national rank, then id), with parks, stages and industries as indices into small tables and
 * designations as a bitmask. Only published fields are present: name, English name, id, park,
 * industry, designations, stage, score, national rank and the changes on last year.
 *
 * A year is published in pieces so the browser fetches only what a view needs:
 * /rankings-data/{year}/meta.json (the tables and the shape), /rankings-data/{year}/{n}.json
 * (rows n·C to (n+1)·C − 1) and /rankings-data/{year}/park/{code}.json (one park's rows with
 * their ordinals). The hub's server-rendered first page uses the one-piece RankingData form.
 */

/** The version of the columnar format; bump it when fields change meaning. */
export const RANKING_DATA_VERSION = 1;

/**
 * Rows per chunk of a year's list. 500 rows are about 15 KB gzipped: small enough that the few
 * rows of a search result cost little to fetch, large enough that scanning a national list of
 * 520,000 firms takes about a thousand requests.
 */
export const CHUNK_SIZE = 100;

/** The lookup tables of one year: rows refer to them by index. */
export interface RankingTablesOfYear {
  /** Park codes; `park[i]` indexes this table. */
  parks: string[];
  /** Stage ids in model order; `stage[i]` indexes this table. */
  stages: string[];
  /** Industry names as written in the data, in order of first appearance; `industry[i]` indexes this table. */
  industries: string[];
  /** Designations; bit b of `tags[i]` set means the enterprise holds `tagNames[b]`. */
  tagNames: string[];
}

/** Rows in columnar form: one array per published field, one entry per row. */
export interface RankingColumns {
  id: string[];
  name: string[];
  /** English name, "" when the data has none. */
  nameEn: string[];
  park: number[];
  stage: number[];
  industry: number[];
  tags: number[];
  score: number[];
  /** National rank (standard competition ranking within the year). */
  rank: number[];
  /** Current − previous national rank (negative = moved up); null without a previous year. */
  rankChange: (number | null)[];
  /** Current − previous score; null without a previous year. */
  scoreChange: (number | null)[];
}

/** Rows of one year with their tables in one object (the hub's server-rendered first page). */
export interface RankingData extends RankingTablesOfYear, RankingColumns {
  v: number;
  year: number;
}

/** /rankings-data/{year}/meta.json: a year's tables and how its list is cut into pieces. */
export interface RankingMeta extends RankingTablesOfYear {
  v: number;
  year: number;
  /** Enterprises in the year. */
  rows: number;
  /** Rows per chunk; chunk n holds rows n·chunkSize to (n+1)·chunkSize − 1 in published order. */
  chunkSize: number;
  chunks: number;
  /** Enterprises per park, aligned with `parks`. */
  parkRows: number[];
}

/** /rankings-data/{year}/{n}.json: rows `start` to `start + id.length − 1` in published order. */
export interface RankingChunk extends RankingColumns {
  v: number;
  year: number;
  start: number;
}

/** Rows from anywhere in the list, in published order, with their ordinals. */
export interface OrderedColumns extends RankingColumns {
  /** Each row's position in the national list, delta-encoded: the first ordinal, then differences. */
  orderDelta: number[];
}

/** /rankings-data/{year}/park/{code}.json: one park's rows in published order. */
export interface RankingParkFile extends OrderedColumns {
  v: number;
  year: number;
  code: string;
}

/** The published fields the encoder reads (a structural subset of PublishedRow). */
export interface RankableRow {
  id: string;
  name: string;
  nameEn: string;
  park: string;
  industry: string;
  tags: readonly string[];
  stage: string;
  score: number;
  rankNational: number;
  rankChange: number | null;
  scoreChange: number | null;
}

/** The lookup tables an encoding uses; pass every park and stage so indices are stable across years. */
export interface RankingTables {
  parks: readonly string[];
  stages: readonly string[];
  tagNames: readonly string[];
}

/**
 * An encoder of rows into columns against fixed tables. Industries are tabulated in order of
 * first appearance in `rows`. Throws on a park, stage or designation missing from the tables,
 * and on more than 31 designations (the bitmask is a 32-bit integer).
 */
function columnEncoder(rows: readonly RankableRow[], tables: RankingTables): { tables: RankingTablesOfYear; encode: (rows: readonly RankableRow[]) => RankingColumns } {
  if (tables.tagNames.length > 31) throw new Error('ranking data: at most 31 designations fit the bitmask');
  const indexer = (list: readonly string[], what: string) => {
    const map = new Map(list.map((x, i) => [x, i]));
    return (key: string) => {
      const i = map.get(key);
      if (i === undefined) throw new Error(`ranking data: unknown ${what} "${key}"`);
      return i;
    };
  };
  const parkOf = indexer(tables.parks, 'park');
  const stageOf = indexer(tables.stages, 'stage');
  const tagOf = indexer(tables.tagNames, 'designation');
  const industries: string[] = [];
  const industryIndex = new Map<string, number>();
  for (const r of rows) {
    if (!industryIndex.has(r.industry)) {
      industryIndex.set(r.industry, industries.length);
      industries.push(r.industry);
    }
  }
  const encode = (list: readonly RankableRow[]): RankingColumns => {
    const c: RankingColumns = { id: [], name: [], nameEn: [], park: [], stage: [], industry: [], tags: [], score: [], rank: [], rankChange: [], scoreChange: [] };
    for (const r of list) {
      const industry = industryIndex.get(r.industry);
      if (industry === undefined) throw new Error(`ranking data: unknown industry "${r.industry}"`);
      c.id.push(r.id);
      c.name.push(r.name);
      c.nameEn.push(r.nameEn);
      c.park.push(parkOf(r.park));
      c.stage.push(stageOf(r.stage));
      c.industry.push(industry);
      c.tags.push(r.tags.reduce((bits, tag) => bits | (1 << tagOf(tag)), 0));
      c.score.push(r.score);
      c.rank.push(r.rankNational);
      c.rankChange.push(r.rankChange);
      c.scoreChange.push(r.scoreChange);
    }
    return c;
  };
  return { tables: { parks: [...tables.parks], stages: [...tables.stages], industries, tagNames: [...tables.tagNames] }, encode };
}

/**
 * Encodes a year's rows (in published order) into one columnar object. Industries are
 * tabulated in order of first appearance. Throws on a park, stage or designation missing from
 * the tables, and on more than 31 designations (the bitmask is a 32-bit integer).
 */
export function encodeRankingData(year: number, rows: readonly RankableRow[], tables: RankingTables): RankingData {
  const encoder = columnEncoder(rows, tables);
  return { v: RANKING_DATA_VERSION, year, ...encoder.tables, ...encoder.encode(rows) };
}

/** The pieces of one year's list, made on demand (each endpoint asks for one). */
export interface RankingPieces {
  meta: RankingMeta;
  chunk(n: number): RankingChunk;
  /** Throws on a park that is not in the tables. */
  parkFile(code: string): RankingParkFile;
  /** The rows at these ordinals (ascending), with the ordinals. */
  ordered(ordinals: readonly number[]): OrderedColumns;
}

/**
 * Cuts a year's rows (in published order) into the pieces the explorer fetches: the meta
 * file, chunks of `chunkSize` rows and one file per park (every park in the tables, empty
 * when it has no enterprise that year). Holds only the rows and one ordinal per row.
 */
export function prepareRankingPieces(year: number, rows: readonly RankableRow[], tables: RankingTables, chunkSize = CHUNK_SIZE): RankingPieces {
  const encoder = columnEncoder(rows, tables);
  const parkIndex = new Map(tables.parks.map((code, i) => [code, i]));
  const ordinalsByPark: number[][] = tables.parks.map(() => []);
  rows.forEach((r, i) => {
    const p = parkIndex.get(r.park);
    if (p === undefined) throw new Error(`ranking data: unknown park "${r.park}"`);
    ordinalsByPark[p]!.push(i);
  });
  const meta: RankingMeta = {
    v: RANKING_DATA_VERSION,
    year,
    ...encoder.tables,
    rows: rows.length,
    chunkSize,
    chunks: Math.ceil(rows.length / chunkSize),
    parkRows: ordinalsByPark.map((o) => o.length),
  };
  const ordered = (ordinals: readonly number[]): OrderedColumns => {
    for (let i = 0; i < ordinals.length; i++) {
      const o = ordinals[i]!;
      if (!(Number.isInteger(o) && o >= (i === 0 ? 0 : ordinals[i - 1]! + 1) && o < rows.length)) throw new Error(`ranking data: ordinals of ${year} must ascend within the list, not reach ${o}`);
    }
    return { orderDelta: ordinals.map((o, i) => (i === 0 ? o : o - ordinals[i - 1]!)), ...encoder.encode(ordinals.map((o) => rows[o]!)) };
  };
  return {
    meta,
    chunk(n) {
      if (!(Number.isInteger(n) && n >= 0 && n < meta.chunks)) throw new Error(`ranking data: no chunk ${n} in ${year}`);
      return { v: RANKING_DATA_VERSION, year, start: n * chunkSize, ...encoder.encode(rows.slice(n * chunkSize, (n + 1) * chunkSize)) };
    },
    parkFile(code) {
      const p = parkIndex.get(code);
      if (p === undefined) throw new Error(`ranking data: unknown park "${code}"`);
      return { v: RANKING_DATA_VERSION, year, code, ...ordered(ordinalsByPark[p]!) };
    },
    ordered,
  };
}

/** One enterprise as the explorer handles it. */
export interface ExplorerRow {
  /** Position in published order (the national list): the final tie-break of every sort. */
  order: number;
  id: string;
  name: string;
  nameEn: string;
  park: number;
  stage: number;
  industry: number;
  tags: number;
  score: number;
  rank: number;
  rankChange: number | null;
  scoreChange: number | null;
}

/** Normalises text for search: NFKC (full-width → half-width), lower case, collapsed spaces. */
export function normaliseSearch(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** A word of a query matches any part of an id from this many characters on; a shorter one only its start. */
export const ID_INFIX_MIN = 6;

/** Whether one word of a normalised query matches a normalised id (see ID_INFIX_MIN). */
export function matchesId(id: string, word: string): boolean {
  return word.length >= ID_INFIX_MIN ? id.includes(word) : id.startsWith(word);
}

/**
 * Whether a row matches a normalised query: every word of it (words are separated by spaces)
 * occurs in the Chinese or the English name, or matches the id (matchesId). The search index
 * (name-search.ts) answers exactly this question.
 */
export function matchesQuery(row: Pick<ExplorerRow, 'id' | 'name' | 'nameEn'>, query: string): boolean {
  if (query === '') return true;
  let keys = searchKeys.get(row);
  if (keys === undefined) {
    keys = { names: `${normaliseSearch(row.name)}\n${normaliseSearch(row.nameEn)}`, id: normaliseSearch(row.id) };
    searchKeys.set(row, keys);
  }
  for (const word of query.split(' ')) if (!(keys.names.includes(word) || matchesId(keys.id, word))) return false;
  return true;
}

/**
 * A row's names (normalised, joined by a line break, which a normalised query never holds)
 * and id as a query is matched against: made when a query first checks the row, not when
 * its chunk is decoded (normalising is most of a decode's cost on a slow phone).
 */
const searchKeys = new WeakMap<object, { names: string; id: string }>();

const COLUMNS = ['id', 'name', 'nameEn', 'park', 'stage', 'industry', 'tags', 'score', 'rank', 'rankChange', 'scoreChange'] as const;

/** Decodes columns into rows; `orderOf(i)` is row i's position in the national list. */
function decodeColumns(data: RankingColumns, orderOf: (i: number) => number): ExplorerRow[] {
  const n = data.id.length;
  for (const c of COLUMNS) {
    if (!Array.isArray(data[c]) || data[c].length !== n) throw new Error(`ranking data: column "${c}" does not have ${n} entries`);
  }
  const rows: ExplorerRow[] = [];
  for (let i = 0; i < n; i++) {
    rows.push({
      order: orderOf(i),
      id: data.id[i]!,
      name: data.name[i]!,
      nameEn: data.nameEn[i]!,
      park: data.park[i]!,
      stage: data.stage[i]!,
      industry: data.industry[i]!,
      tags: data.tags[i]!,
      score: data.score[i]!,
      rank: data.rank[i]!,
      rankChange: data.rankChange[i] ?? null,
      scoreChange: data.scoreChange[i] ?? null,
    });
  }
  return rows;
}

const checkVersion = (v: unknown) => {
  if (v !== RANKING_DATA_VERSION) throw new Error(`ranking data: unsupported version ${String(v)}`);
};

/** Decodes the one-piece format into rows; throws when the file is not a version it understands. */
export function decodeRankingData(data: RankingData): ExplorerRow[] {
  checkVersion(data.v);
  return decodeColumns(data, (i) => i);
}

/** Decodes a chunk; throws on another version or a chunk that does not fit the meta file. */
export function decodeRankingChunk(meta: RankingMeta, chunk: RankingChunk): ExplorerRow[] {
  checkVersion(chunk.v);
  if (chunk.year !== meta.year || chunk.start % meta.chunkSize !== 0) throw new Error(`ranking data: chunk at ${chunk.start} does not belong to ${meta.year}`);
  return decodeColumns(chunk, (i) => chunk.start + i);
}

/** Decodes a park's file; throws on another version or a file of another year. */
export function decodeRankingPark(meta: RankingMeta, file: RankingParkFile): ExplorerRow[] {
  checkVersion(file.v);
  if (file.year !== meta.year) throw new Error(`ranking data: park file ${file.code} does not belong to ${meta.year}`);
  return decodeOrdered(file, `park file ${file.code}`);
}

/** Decodes rows given with their ordinals (a park's file, a search's top rows); `what` names them in errors. */
export function decodeOrdered(columns: OrderedColumns, what: string): ExplorerRow[] {
  if (!Array.isArray(columns.orderDelta) || !Array.isArray(columns.id) || columns.orderDelta.length !== columns.id.length) throw new Error(`ranking data: ${what} does not give one ordinal per row`);
  let order = 0;
  const orders = columns.orderDelta.map((d, i) => (order = i === 0 ? d : order + d));
  return decodeColumns(columns, (i) => orders[i] ?? -1);
}

/** The explorer's filters; -1 means "all". Indices refer to the data's tables. */
export interface ExplorerFilters {
  park: number;
  stage: number;
  industry: number;
  /** A bit position in the designation bitmask, or -1. */
  tag: number;
  /** Part of a name (Chinese or English) or the start of an id; case- and width-insensitive. */
  query: string;
}

export const NO_FILTERS: ExplorerFilters = { park: -1, stage: -1, industry: -1, tag: -1, query: '' };

/** The rows that pass every filter, in their given order. */
export function filterRows(rows: readonly ExplorerRow[], f: ExplorerFilters): ExplorerRow[] {
  const q = normaliseSearch(f.query);
  const bit = f.tag >= 0 ? 1 << f.tag : 0;
  return rows.filter(
    (r) =>
      (f.park < 0 || r.park === f.park) &&
      (f.stage < 0 || r.stage === f.stage) &&
      (f.industry < 0 || r.industry === f.industry) &&
      (bit === 0 || (r.tags & bit) !== 0) &&
      matchesQuery(r, q),
  );
}

/** The columns a reader can sort by: `change` is the rank change, `scoreChange` the score change on last year. */
export const SORT_KEYS = ['rank', 'name', 'park', 'stage', 'score', 'change', 'scoreChange'] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export type SortDirection = 'asc' | 'desc';

/** The direction a column sorts in when first chosen: best first (top rank, highest score, biggest riser, most points gained), names A→Z. */
export function defaultDirection(key: SortKey): SortDirection {
  return key === 'score' || key === 'change' || key === 'scoreChange' ? 'desc' : 'asc';
}

export interface SortContext {
  /** The displayed name of each row (Chinese or English, as the page shows it). */
  nameOf: (row: ExplorerRow) => string;
  /** Park labels by park index, compared with `collator`. */
  parkLabels: readonly string[];
  collator: { compare: (a: string, b: string) => number };
}

/**
 * Sorts a copy of `rows`. Priority: the chosen column in the chosen direction (change is
 * places gained, so "desc" puts the biggest risers first; scoreChange is points gained, so
 * "desc" puts the biggest gainers first; stage follows model order), rows without a change
 * (no previous year) last in either direction, then national rank ascending in either
 * direction (so equal changes list the higher scorer first: a sort by change never puts low
 * scorers first by accident), then published order (id), so every tie is broken and the
 * order is stable.
 */
export function sortRows(rows: readonly ExplorerRow[], key: SortKey, dir: SortDirection, ctx: SortContext): ExplorerRow[] {
  const sign = dir === 'asc' ? 1 : -1;
  const byRank = (a: ExplorerRow, b: ExplorerRow) => a.rank - b.rank || a.order - b.order;
  let primary: (a: ExplorerRow, b: ExplorerRow) => number;
  switch (key) {
    case 'rank':
      primary = (a, b) => sign * (a.rank - b.rank);
      break;
    case 'score':
      primary = (a, b) => sign * (a.score - b.score);
      break;
    case 'stage':
      primary = (a, b) => sign * (a.stage - b.stage);
      break;
    case 'park': {
      const labels = ctx.parkLabels;
      primary = (a, b) => (a.park === b.park ? 0 : sign * ctx.collator.compare(labels[a.park] ?? '', labels[b.park] ?? ''));
      break;
    }
    case 'name': {
      const names = new Map(rows.map((r) => [r, ctx.nameOf(r)]));
      primary = (a, b) => sign * ctx.collator.compare(names.get(a)!, names.get(b)!);
      break;
    }
    case 'change':
      primary = (a, b) => {
        if (a.rankChange === null || b.rankChange === null) {
          return a.rankChange === b.rankChange ? 0 : a.rankChange === null ? 1 : -1;
        }
        // Places gained = −rankChange; ascending by places gained = descending by rankChange.
        return sign * (b.rankChange - a.rankChange);
      };
      break;
    case 'scoreChange':
      primary = (a, b) => {
        if (a.scoreChange === null || b.scoreChange === null) {
          return a.scoreChange === b.scoreChange ? 0 : a.scoreChange === null ? 1 : -1;
        }
        return sign * (a.scoreChange - b.scoreChange);
      };
      break;
  }
  return [...rows].sort((a, b) => primary(a, b) || byRank(a, b));
}

/** The number of pages for `count` rows (at least 1, so an empty result has a page). */
export function pageCount(count: number, size: number): number {
  return Math.max(1, Math.ceil(count / size));
}

/** The rows of 1-based page `page` (clamped to the valid range). */
export function pageRows<T>(rows: readonly T[], page: number, size: number): T[] {
  const p = Math.min(Math.max(1, page), pageCount(rows.length, size));
  return rows.slice((p - 1) * size, p * size);
}

/**
 * A number with thousands separators and exactly `digits` decimals, rounded half away
 * from zero on the decimal representation: the same output as src/i18n/format.ts's
 * formatNumber for zh and en (which share "," and "."), without shipping the dictionaries.
 */
export function formatFixed(n: number, digits: number): string {
  if (!Number.isFinite(n)) return '—';
  const shift = (x: number, k: number) => {
    const [m, e = '0'] = String(x).split('e');
    return Number(`${m}e${Number(e) + k}`);
  };
  const abs = shift(Math.round(shift(Math.abs(n), digits)), -digits);
  const [int = '0', frac = ''] = abs.toFixed(digits).split('.');
  const sign = n < 0 && abs !== 0 ? '-' : '';
  return sign + int.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (frac ? `.${frac}` : '');
}

/** Phrases for changes, from the dictionaries (change.* keys), with {n} placeholders. */
export interface ChangePhrases {
  rankUp: string;
  rankDown: string;
  rankUpOne: string;
  rankDownOne: string;
  rankSame: string;
  scoreUp: string;
  scoreDown: string;
  scoreSame: string;
  none: string;
  /** The cell's mark for no previous year ("新" / "new"). */
  newMark: string;
}

/** A change cell: its visible mark, a direction for the colour, and the spoken phrase. */
export interface ChangeCell {
  text: string;
  direction: 'up' | 'down' | 'same' | 'none';
  label: string;
}

/**
 * The rank change cell as RankingTable shows it (format.ts formatRankChange): "↑12" / "↓3" /
 * "=" / "新", a direction for the colour, and a spoken phrase.
 */
export function describeRankChange(rankChange: number | null, p: ChangePhrases): ChangeCell {
  if (rankChange === null) return { text: p.newMark, direction: 'none', label: p.none };
  const places = formatFixed(Math.abs(rankChange), 0);
  // "=" for an unchanged rank, as RankingTable (format.ts SAME_MARK); not imported, to keep the island small.
  if (rankChange < 0) return { text: `↑${places}`, direction: 'up', label: rankChange === -1 ? p.rankUpOne : p.rankUp.replace('{n}', places) };
  if (rankChange > 0) return { text: `↓${places}`, direction: 'down', label: rankChange === 1 ? p.rankDownOne : p.rankDown.replace('{n}', places) };
  return { text: '=', direction: 'same', label: p.rankSame };
}

/**
 * The score change cell as RankingTable shows it (format.ts formatScoreChange): "+12.30" /
 * "-3.00" / "0.00" (a change that rounds to zero) / "新", a direction and a spoken phrase.
 */
export function describeScoreChange(scoreChange: number | null, p: ChangePhrases): ChangeCell {
  if (scoreChange === null || !Number.isFinite(scoreChange)) return { text: p.newMark, direction: 'none', label: p.none };
  const size = formatFixed(Math.abs(scoreChange), 2);
  if (size === formatFixed(0, 2)) return { text: size, direction: 'same', label: p.scoreSame };
  if (scoreChange > 0) return { text: `+${size}`, direction: 'up', label: p.scoreUp.replace('{n}', size) };
  return { text: `-${size}`, direction: 'down', label: p.scoreDown.replace('{n}', size) };
}

/** Standard competition ranks of scores in list order, for lists whose rank is not stored (an industry's). */
export { competitionRanks } from '../core/ranks.ts';

/** The explorer's filters by key (park code, stage id, industry name, designation); null means "all". */
export interface FilterKeys {
  park: string | null;
  stage: string | null;
  industry: string | null;
  tag: string | null;
  query: string;
}

export const NO_FILTER_KEYS: FilterKeys = { park: null, stage: null, industry: null, tag: null, query: '' };

/**
 * Turns filters by key into indices of one year's tables. Returns null when a chosen value
 * does not occur in that year (an industry with no enterprise that year): nothing matches.
 */
export function resolveFilters(
  tables: Pick<RankingData, 'parks' | 'stages' | 'industries' | 'tagNames'>,
  keys: FilterKeys,
): ExplorerFilters | null {
  const find = (list: readonly string[], key: string | null) => (key === null ? -1 : list.indexOf(key));
  const f: ExplorerFilters = {
    park: find(tables.parks, keys.park),
    stage: find(tables.stages, keys.stage),
    industry: find(tables.industries, keys.industry),
    tag: find(tables.tagNames, keys.tag),
    query: keys.query,
  };
  const missing =
    (keys.park !== null && f.park < 0) ||
    (keys.stage !== null && f.stage < 0) ||
    (keys.industry !== null && f.industry < 0) ||
    (keys.tag !== null && f.tag < 0);
  return missing ? null : f;
}

/** Fills `{name}` placeholders of a dictionary string; unknown placeholders are left as written. */
export function fillTemplate(template: string, vars: Readonly<Record<string, string>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => vars[name] ?? whole);
}
