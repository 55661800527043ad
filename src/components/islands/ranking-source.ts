/**
 * Where the ranking explorer's rows come from: the year's pieces (ranking-data.ts, name-search.ts),
 * fetched only as a view needs them and kept in memory, and the plan that decides which.
 *
 * - No filter, rank order: only the chunk(s) holding the page (reverse order: from the end).
 * - A park: that park's file; everything else is done on its rows.
 * - A search: the index pieces for the query, then the chunks holding its candidates, whose
 *   names are checked (the index gives a superset). When the index knows the count, or the
 *   candidates lie in more than EXACT_COUNT_CHUNKS chunks, only the chunks of the first page
 *   are read (a later page reads on; the count may be "at least"). A query that is itself a
 *   posted gram of more than a few rows shows its first page from the gram's top file instead
 *   (rank order, no other filter): one request in place of one per row. A query of several
 *   words does the same from the top file of whichever word's top rows hold its page (their
 *   candidates up to the last row held are all there).
 * - Other filters, and searches made only of common grams: every chunk, in rank order, so the
 *   rows found so far are the start of the result and show as they arrive, with progress.
 * - Sorts other than rank or score: every chunk the filters need, then one sort.
 * Years of at most SMALL_YEAR_ROWS rows are searched by checking every row.
 *
 * Pure apart from the fetch function it is given, so tests run it on the files the endpoints write.
 */
import {
  decodeOrdered,
  decodeRankingChunk,
  decodeRankingPark,
  fillTemplate,
  filterRows,
  matchesQuery,
  normaliseSearch,
  resolveFilters,
  sortRows,
  type ExplorerFilters,
  type ExplorerRow,
  type FilterKeys,
  type RankingChunk,
  type RankingMeta,
  type RankingParkFile,
  type RankingTablesOfYear,
  type SortContext,
  type SortDirection,
  type SortKey,
} from '../../wire/ranking-data.ts';
import { SEARCH_INDEX_VERSION, deepPageFileOf, deepPageKey, findCandidates, heldRowsOf, prefetchCandidates, topFileOf, topRowsOf, type Candidates, type CommonPostingFile, type DeepPageFile, type TopSource, type IdBlock, type IdGramFile, type SearchMeta, type SearchShard, type TopFile } from '../../wire/name-search.ts';

/** URL templates of a year's pieces, base path included: {year}, {n} (chunk, shard, top file, id block) and {code} (park). */
export interface PieceUrls {
  meta: string;
  chunk: string;
  park: string;
  searchMeta: string;
  shard: string;
  top: string;
  commonPostings: string;
  deepPage: string;
  idBlock: string;
  idGram: string;
}

/** Fetches a same-origin JSON file; rejects on a failed request. */
export type FetchJson = (url: string) => Promise<unknown>;

/** Years of at most this many rows are searched by checking every row (a few small requests). */
export const SMALL_YEAR_ROWS = 2000;
/**
 * A search whose candidates lie in at most this many chunks (about half a megabyte) checks
 * them all, for an exact count; beyond, it checks only what each page needs.
 */
export const EXACT_COUNT_CHUNKS = 128;
/** Chunks requested at once while scanning a list. */
const PARALLEL_FETCHES = 6;
/** While rows keep arriving, report at most this often (ms). */
const REPORT_EVERY_MS = 150;

/** Rows already known without fetching: the server-rendered first page of the initial year. */
export interface Seed {
  tables: RankingTablesOfYear;
  rows: ExplorerRow[];
  total: number;
}

/** A year's pieces, each fetched at most once and kept in memory (a failed fetch is forgotten, so it is retried). */
export class YearPieces {
  readonly year: number;
  readonly seed: Seed | null;
  private readonly urls: PieceUrls;
  private readonly fetchJson: FetchJson;
  private readonly cache = new Map<string, Promise<unknown>>();
  /** Pieces already fetched and read, by URL, for callers that must not wait a turn. */
  private readonly ready = new Map<string, unknown>();

  constructor(year: number, urls: PieceUrls, fetchJson: FetchJson, seed: Seed | null = null) {
    this.year = year;
    this.urls = urls;
    this.fetchJson = fetchJson;
    this.seed = seed;
  }

  private get<T>(template: string, vars: Record<string, string>, decode: (json: unknown) => T | Promise<T>): Promise<T> {
    const url = fillTemplate(template, { year: String(this.year), ...vars });
    let p = this.cache.get(url) as Promise<T> | undefined;
    if (!p) {
      p = this.fetchJson(url).then(decode);
      p.then(
        (value) => this.ready.set(url, value),
        () => this.cache.delete(url),
      );
      this.cache.set(url, p);
    }
    return p;
  }

  /** The year's two meta files when both are already here. */
  metaFilesNow(): { meta: RankingMeta; search: SearchMeta | undefined } | undefined {
    const meta = this.ready.get(fillTemplate(this.urls.meta, { year: String(this.year) })) as RankingMeta | undefined;
    return meta && { meta, search: this.ready.get(fillTemplate(this.urls.searchMeta, { year: String(this.year) })) as SearchMeta | undefined };
  }

  meta(): Promise<RankingMeta> {
    return this.get(this.urls.meta, {}, (j) => j as RankingMeta);
  }
  chunk(n: number): Promise<ExplorerRow[]> {
    return this.get(this.urls.chunk, { n: String(n) }, async (j) => decodeRankingChunk(await this.meta(), j as RankingChunk));
  }
  park(code: string): Promise<ExplorerRow[]> {
    return this.get(this.urls.park, { code }, async (j) => decodeRankingPark(await this.meta(), j as RankingParkFile));
  }
  searchMeta(): Promise<SearchMeta> {
    return this.get(this.urls.searchMeta, {}, (j) => j as SearchMeta);
  }
  shard(n: number): Promise<SearchShard> {
    return this.get(this.urls.shard, { n: String(n) }, (j) => j as SearchShard);
  }
  idBlock(k: number): Promise<IdBlock> {
    return this.get(this.urls.idBlock, { n: String(k) }, (j) => j as IdBlock);
  }
  idGram(k: number): Promise<IdGramFile> {
    return this.get(this.urls.idGram, { n: String(k) }, (j) => j as IdGramFile);
  }
  commonPostings(k: number): Promise<CommonPostingFile> {
    return this.get(this.urls.commonPostings, { n: String(k) }, (j) => j as CommonPostingFile);
  }
  /** A deep page file's pages' rows, by key (deepPageKey). */
  deepPages(k: number): Promise<Map<string, ExplorerRow[]>> {
    return this.get(this.urls.deepPage, { n: String(k) }, (j) => {
      const file = j as DeepPageFile;
      if (file.v !== SEARCH_INDEX_VERSION || file.year !== this.year) throw new Error(`search index: deep page file ${k} is not of version ${SEARCH_INDEX_VERSION} for ${this.year}`);
      return new Map(Object.entries(file.pages).map(([key, columns]) => [key, decodeOrdered(columns, `deep page file ${k}, ${key}`)]));
    });
  }
  /** A top file's rows, by gram, and the counts of its common grams. */
  top(k: number): Promise<{ rows: Map<string, ExplorerRow[]>; counts: Map<string, number> }> {
    return this.get(this.urls.top, { n: String(k) }, (j) => {
      const file = j as TopFile;
      if (file.v !== SEARCH_INDEX_VERSION || file.year !== this.year) throw new Error(`search index: top file ${k} is not of version ${SEARCH_INDEX_VERSION} for ${this.year}`);
      return {
        rows: new Map(Object.entries(file.grams).map(([gram, columns]) => [gram, decodeOrdered(columns, `top file ${k}, ${gram}`)])),
        counts: new Map(Object.entries(file.counts ?? {})),
      };
    });
  }
}

/**
 * Starts fetching the index pieces a search will need first, ahead of the request that runs
 * it: at once when the meta files are here (before the page re-renders), else after them.
 */
export function prefetchSearch(pieces: YearPieces, query: string): void {
  const now = pieces.metaFilesNow();
  if (now && now.meta.rows <= SMALL_YEAR_ROWS) return;
  if (now?.search) return prefetchCandidates(query, now.search, pieces);
  pieces
    .meta()
    .then(async (meta) => {
      if (meta.rows > SMALL_YEAR_ROWS) prefetchCandidates(query, await pieces.searchMeta(), pieces);
    })
    .catch(() => {});
}

/** What the explorer asks for. */
export interface ExplorerRequest {
  keys: FilterKeys;
  sort: { key: SortKey; dir: SortDirection };
  /** The first row the page shows (0-based) and one past its last: (page − 1) × size and page × size. */
  from: number;
  to: number;
  /** Sorting by name or park needs labels, which depend on the year's tables. */
  sortContext: (tables: RankingTablesOfYear) => SortContext;
}

/** What is known of the result so far. */
export interface ExplorerResult {
  tables: RankingTablesOfYear;
  /** Rows of the result in its order, starting at row `offset` (0 unless only one page was fetched); a copy, never changed later. */
  rows: readonly ExplorerRow[];
  offset: number;
  /** The number of rows in the result, when known. */
  count: number | null;
  /** Matching rows found so far (in any order; for progress while a whole-list sort waits). */
  found: number;
  /** `rows` run to the end of the result. */
  complete: boolean;
  /** Nothing more will be loaded for this request (a later page may need a new one). */
  done: boolean;
  /** Chunks read of those the request may need, while it needs more than one. */
  progress: { loaded: number; total: number } | null;
  /** The query is too short to look up (see findCandidates); no rows. */
  tooShort: boolean;
}

/** Whether `result` holds rows `from` to `to` (or up to the end of the result). */
export function covers(result: ExplorerResult, from: number, to: number): boolean {
  const end = result.offset + result.rows.length;
  return result.offset <= from && (end >= to || result.complete);
}

/**
 * How a sort relates to published order: 'asc' is published order itself (rank ascending,
 * or score descending: ranks come from scores), 'desc' its reverse with ties kept in id order
 * (rank descending, score ascending), 'whole' anything that needs every row first.
 */
export function sortClass(sort: { key: SortKey; dir: SortDirection }): 'asc' | 'desc' | 'whole' {
  if (sort.key === 'rank') return sort.dir === 'asc' ? 'asc' : 'desc';
  if (sort.key === 'score') return sort.dir === 'desc' ? 'asc' : 'desc';
  return 'whole';
}

const range = (from: number, to: number) => Array.from({ length: Math.max(0, to - from) }, (_, i) => from + i);

/**
 * Loads `list[i]` in order, calling `each` with each in turn, with `ahead(i)` loads under way
 * from i on; stops when `each` returns false or `cancelled()` is true. Rejects with the first
 * failed load.
 */
async function loadInOrder<T>(
  list: readonly number[],
  load: (n: number) => Promise<T>,
  each: (i: number, value: T) => boolean,
  cancelled: () => boolean,
  ahead: (i: number) => number,
): Promise<void> {
  const started = new Map<number, Promise<T>>();
  for (let i = 0; i < list.length; i++) {
    for (let j = i; j < Math.min(list.length, i + Math.max(1, ahead(i))); j++) {
      if (!started.has(j)) {
        const p = load(list[j]!);
        p.catch(() => {}); // awaited below in turn; not an unhandled rejection if we stop first
        started.set(j, p);
      }
    }
    const value = await started.get(i)!;
    started.delete(i);
    if (cancelled() || !each(i, value)) return;
  }
}

/** What every report starts from: the result begins at row 0, no progress, not too short. */
const BASE = { offset: 0, progress: null, tooShort: false } as const;

type Report = (r: ExplorerResult) => void;

/**
 * Answers a request, reporting what is known as rows arrive (`report` is called at least once,
 * last with `done`). Stops early when `cancelled()` turns true. Rejects when a piece cannot be
 * fetched or read.
 */
export async function runExplorer(pieces: YearPieces, req: ExplorerRequest, report: Report, cancelled: () => boolean): Promise<void> {
  const { keys } = req;
  const query = normaliseSearch(keys.query);
  const filtered = keys.park !== null || keys.stage !== null || keys.industry !== null || keys.tag !== null;
  const order = sortClass(req.sort);

  // The list in rank order: only the rows of the page.
  if (!filtered && query === '' && order === 'asc') return rankOrderPage(pieces, req, report);

  const meta = await pieces.meta();
  const filters = resolveFilters(meta, keys);
  const finish = (rows: readonly ExplorerRow[], extra: Partial<ExplorerResult> = {}) =>
    report({ ...BASE, tables: meta, rows, count: rows.length, found: rows.length, complete: true, done: true, ...extra });
  if (!filters) return finish([]);
  const sort = (rows: readonly ExplorerRow[]) => sortRows(rows, req.sort.key, req.sort.dir, req.sortContext(meta));

  // One park: its own file.
  if (keys.park !== null) return finish(sort(filterRows(await pieces.park(keys.park), filters)));

  // The chunks to read and, for a search through the index, the candidates among their rows.
  let plan: ScanPlan = { chunks: range(0, meta.chunks), candidates: null, known: !filtered && query === '' ? meta.rows : null };
  if (query !== '' && meta.rows > SMALL_YEAR_ROWS) {
    const searched = await searchPlan(pieces, meta, query, req, { filtered, order }, report, cancelled);
    if (searched === 'stop') return;
    if (searched === 'tooShort') return finish([], { count: null, tooShort: true });
    plan = searched;
  }
  await scanChunks(pieces, meta, plan, req, { filters, filtered, order, sort, finish }, report, cancelled);
}

/** The page of the whole list in rank order: from the server-rendered rows, else from the chunks holding it. */
async function rankOrderPage(pieces: YearPieces, req: ExplorerRequest, report: Report): Promise<void> {
  const seed = pieces.seed;
  if (seed && req.to <= seed.rows.length) {
    report({ ...BASE, tables: seed.tables, rows: seed.rows.slice(req.from, req.to), offset: req.from, count: seed.total, found: seed.total, complete: req.to >= seed.total, done: true });
    return;
  }
  const meta = await pieces.meta();
  const from = Math.min(req.from, meta.rows);
  const to = Math.min(req.to, meta.rows);
  const c = meta.chunkSize;
  const chunks = await Promise.all(range(Math.floor(from / c), Math.ceil(to / c)).map((n) => pieces.chunk(n)));
  const first = Math.floor(from / c) * c;
  report({ ...BASE, tables: meta, rows: chunks.flat().slice(from - first, to - first), offset: from, count: meta.rows, found: meta.rows, complete: to >= meta.rows, done: true });
}

/** The chunks a request reads, the candidates among their rows (a search through the index), and the result's size when known before reading. */
interface ScanPlan {
  chunks: number[];
  candidates: Set<number> | null;
  known: number | null;
}

/**
 * A search through the index: the page straight from a top file when it holds it ('stop',
 * reported), 'tooShort', or the plan of the chunks to read. 'stop' also when cancelled.
 */
async function searchPlan(
  pieces: YearPieces,
  meta: RankingMeta,
  query: string,
  req: ExplorerRequest,
  c: { filtered: boolean; order: 'asc' | 'desc' | 'whole' },
  report: Report,
  cancelled: () => boolean,
): Promise<ScanPlan | 'stop' | 'tooShort'> {
  const { filtered, order } = c;
  const plan: ScanPlan = { chunks: range(0, meta.chunks), candidates: null, known: null };
  const searchMeta = await pieces.searchMeta();
  const found = await findCandidates(query, searchMeta, pieces);
  if (cancelled()) return 'stop';
  if (found.kind === 'tooShort') return 'tooShort';
  const page = (rows: readonly ExplorerRow[], count: number) =>
    report({ ...BASE, tables: meta, rows: rows.slice(req.from, req.to), offset: req.from, count, found: count, complete: req.to >= count, done: true });
  // A query that is a posted gram: its first rows, when they hold the page, from its top file.
  if (found.kind === 'ordinals' && found.top !== undefined && !filtered && order === 'asc') {
    const count = found.ordinals.length;
    const held = topRowsOf(found.top, count, searchMeta);
    const rows = req.to <= held || held === count ? (await pieces.top(topFileOf(found.top, searchMeta))).rows.get(found.top) : undefined;
    if (cancelled()) return 'stop';
    // A top file that does not hold the gram's first rows is not trusted: the chunks are read instead.
    if (rows && rows.length === held && rows.every((r, i) => r.order === found.ordinals[i])) {
      page(rows, count);
      return 'stop';
    }
  }
  // Several words: the page from the top file of one of them, when its first rows hold the page's candidates.
  if (found.kind === 'ordinals' && found.sources && !filtered && order === 'asc') {
    const served = await pageFromSources(pieces, searchMeta, found, query, req);
    if (cancelled()) return 'stop';
    if (served) {
      report({ ...BASE, tables: meta, ...served });
      return 'stop';
    }
  }
  // A common word: its first rows and its count from its top file; a later page reads the list on.
  if (found.kind === 'scan' && found.top !== undefined && !filtered && order !== 'whole') {
    const file = await pieces.top(topFileOf(found.top, searchMeta));
    if (cancelled()) return 'stop';
    const rows = file.rows.get(found.top);
    const count = file.counts.get(found.top);
    if (rows && count !== undefined) {
      if (order === 'asc' && (req.to <= rows.length || rows.length === count)) {
        page(rows, count);
        return 'stop';
      }
      plan.known = count;
    }
  }
  if (found.kind === 'ordinals') {
    plan.candidates = new Set(found.ordinals);
    plan.chunks = [...new Set(found.ordinals.map((o) => Math.floor(o / meta.chunkSize)))];
    if (found.exact && !filtered) plan.known = found.ordinals.length;
  }
  return plan;
}

/**
 * The page of a query of several words from the top rows of one of its words (`sources`): the
 * one whose held rows reach furthest down the list. Its rows up to the last it holds include
 * every candidate up to there, so when those candidates fill the page (or are all of them),
 * the page is there: one request, or a few deep pages, instead of one chunk per row. Exact
 * candidates may come from a common word's deep pages (only the pages holding the page's rows
 * are read); others from its top rows only, where they are checked against the query, and
 * their count is then known only when every one was held (else the result says "at least").
 * Undefined when no source holds the page, or a file does not hold what the index says (then
 * the chunks are read).
 */
async function pageFromSources(
  pieces: YearPieces,
  searchMeta: SearchMeta,
  found: Extract<Candidates, { kind: 'ordinals' }>,
  query: string,
  req: ExplorerRequest,
): Promise<Pick<ExplorerResult, 'rows' | 'offset' | 'count' | 'found' | 'complete' | 'done'> | undefined> {
  if (found.ordinals.length === 0) return undefined;
  const heldOf = (s: TopSource) => (found.exact ? heldRowsOf : topRowsOf)(s.gram, s.ordinals.length, searchMeta);
  const reach = (s: TopSource) => s.ordinals[heldOf(s) - 1] ?? -1;
  const source = found.sources!.reduce((best, s) => (reach(s) > reach(best) ? s : best));
  const upTo = reach(source);
  let held = 0;
  while (held < found.ordinals.length && found.ordinals[held]! <= upTo) held++;
  const all = held === found.ordinals.length;
  if (held < req.to && !all) return undefined;
  if (found.exact) {
    const count = found.ordinals.length;
    const rows = await sourceRows(pieces, searchMeta, source, found.ordinals.slice(req.from, Math.min(req.to, held)));
    return rows && { rows, offset: req.from, count, found: count, complete: req.to >= count, done: true };
  }
  const rows = await sourceRows(pieces, searchMeta, source, found.ordinals.slice(0, held));
  if (!rows) return undefined;
  const matches = rows.filter((r) => matchesQuery(r, query));
  if (all) return { rows: matches.slice(req.from, req.to), offset: req.from, count: matches.length, found: matches.length, complete: req.to >= matches.length, done: true };
  if (matches.length < req.to) return undefined;
  return { rows: matches, offset: 0, count: null, found: matches.length, complete: false, done: true };
}

/**
 * The rows of `wanted` (ascending ordinals, all among the source's held rows) from the source's
 * top entry (page 0) and deep pages (page p: rows p × top.deepRows onwards), reading only the
 * pages that hold them. Undefined when a page does not hold the rows the index says it does.
 */
async function sourceRows(pieces: YearPieces, searchMeta: SearchMeta, source: TopSource, wanted: readonly number[]): Promise<ExplorerRow[] | undefined> {
  const size = searchMeta.top.deepRows;
  const held = heldRowsOf(source.gram, source.ordinals.length, searchMeta);
  const top = topRowsOf(source.gram, source.ordinals.length, searchMeta);
  // Where each wanted row is in the source's rows (both ascending).
  const pages = new Set<number>();
  for (let i = 0, at = 0; i < wanted.length; i++) {
    while (at < held && source.ordinals[at]! < wanted[i]!) at++;
    if (source.ordinals[at] !== wanted[i]) return undefined;
    pages.add(at < top ? 0 : Math.floor(at / size));
  }
  const byOrder = new Map<number, ExplorerRow>();
  const read = [...pages].map(async (p) => {
    const rows = p === 0 ? (await pieces.top(topFileOf(source.gram, searchMeta))).rows.get(source.gram) : (await pieces.deepPages(deepPageFileOf(source.gram, p, searchMeta))).get(deepPageKey(source.gram, p));
    const from = p * size;
    const length = p === 0 ? top : Math.min(held, from + size) - from;
    if (!rows || rows.length !== length || !rows.every((r, i) => r.order === source.ordinals[from + i])) return false;
    for (const r of rows) byOrder.set(r.order, r);
    return true;
  });
  if (!(await Promise.all(read)).every(Boolean)) return undefined;
  return wanted.map((o) => byOrder.get(o)!);
}

/**
 * Reads the plan's chunks in rank order (or reverse rank order), so that what is found so far
 * is the start of the result. The whole list in reverse, and a search whose count is known or
 * whose candidates are too many to check at once, stop once the page is there (a later page
 * reads on); filters read every chunk, to count; a sort by another column shows nothing until
 * every chunk is read. A search of common words only (no candidates) reads until its page is
 * there too: its rows are dense (that is what common means), so a page needs a few chunks, not
 * the whole list.
 */
async function scanChunks(
  pieces: YearPieces,
  meta: RankingMeta,
  plan: ScanPlan,
  req: ExplorerRequest,
  c: {
    filters: ExplorerFilters;
    filtered: boolean;
    order: 'asc' | 'desc' | 'whole';
    sort: (rows: readonly ExplorerRow[]) => ExplorerRow[];
    finish: (rows: readonly ExplorerRow[], extra?: Partial<ExplorerResult>) => void;
  },
  report: Report,
  cancelled: () => boolean,
): Promise<void> {
  const { chunks, candidates, known } = plan;
  const { filters, order, sort } = c;
  // The index's candidates first: only they are checked against the query.
  const matching = (rows: readonly ExplorerRow[]) => filterRows(candidates ? rows.filter((r) => candidates.has(r.order)) : rows, filters);
  const lazy = order !== 'whole' && (candidates ? known !== null || chunks.length > EXACT_COUNT_CHUNKS : !c.filtered);
  const sequence = order === 'desc' ? [...chunks].reverse() : chunks;
  // Fetch at once the chunks the page certainly needs (those of its first candidates, or
  // enough rows from the end), then one at a time for a lazy read, a few at a time otherwise.
  let needed = 0;
  if (candidates) {
    const inOrder = [...candidates].sort((x, y) => (order === 'desc' ? y - x : x - y)).slice(0, req.to);
    needed = new Set(inOrder.map((o) => Math.floor(o / meta.chunkSize))).size;
  } else if (lazy) needed = order === 'desc' ? meta.chunks - Math.floor(Math.max(0, meta.rows - req.to) / meta.chunkSize) : Math.ceil(req.to / meta.chunkSize);
  const found: ExplorerRow[] = [];
  /** The first rank of the lowest chunk read so far (reverse order: rows ranked below it are complete). */
  let lowestFirstRank = Infinity;
  let prefix: readonly ExplorerRow[] = [];
  // The first progress report comes after REPORT_EVERY_MS too: a read of a few chunks (a search's
  // candidates) ends before it, and is shown once instead of re-rendering the table for each.
  let lastReport = performance.now();
  let stopped = false;
  const progress = (loaded: number) => (sequence.length > 1 ? { loaded, total: sequence.length } : null);
  await loadInOrder(
    sequence,
    (n) => pieces.chunk(n),
    (i, rows) => {
      // Whether the page was there before this chunk (in rank order `prefix` is `found` itself).
      const filled = prefix.length >= req.to;
      for (const r of matching(rows)) found.push(r);
      if (rows.length > 0) lowestFirstRank = Math.min(lowestFirstRank, rows[0]!.rank);
      const last = i === sequence.length - 1;
      if (order === 'asc') prefix = found;
      else if (order === 'desc' && !filled) prefix = sort(found.filter((r) => r.rank > lowestFirstRank));
      if (last) return true;
      if (lazy && prefix.length >= req.to) {
        report({ ...BASE, tables: meta, rows: [...prefix], count: known, found: found.length, complete: false, done: true });
        stopped = true;
        return false;
      }
      const now = performance.now();
      if (now - lastReport >= REPORT_EVERY_MS || (!filled && prefix.length >= req.to)) {
        lastReport = now;
        report({ ...BASE, tables: meta, rows: [...prefix], count: known, found: found.length, complete: false, done: false, progress: progress(i + 1) });
      }
      return true;
    },
    cancelled,
    (i) => Math.max(needed - i, lazy ? 1 : PARALLEL_FETCHES),
  );
  if (cancelled() || stopped) return;
  c.finish(order === 'asc' ? found : sort(found), { progress: progress(sequence.length) });
}
