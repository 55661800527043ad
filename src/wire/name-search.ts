/**
 * Name search over a year's whole list from a static index the browser fetches in pieces.
 * Shared by the build (src/publish/search-index.ts writes the index with these grams and this
 * hash) and the browser (findCandidates, called by ranking-source.ts).
 *
 * Grams are windows of each normalised name (normaliseSearch), never across the Chinese and
 * the English name. A code point from U+2E80 on counts as CJK.
 * - Base grams: every window of two code points holding a CJK character (bigrams), every
 *   window of three holding none (Latin trigrams). Posted unless common (SearchMeta.common).
 * - Unigrams: every CJK character, posted unless common, for one-character queries.
 * - Extended grams, one code point longer: every window of three holding a CJK character, and
 *   every window of four holding none, posted only when one of its two base sub-windows is
 *   common (and it is not common itself). Pinyin trigrams and words like 科技 or 生态 are
 *   common; the longer windows around them are what pins a name down.
 * - Twice-extended grams (Latin only): every window of five letters, posted only when one of
 *   its two four-letter sub-windows is a common extended gram.
 * The meta file lists every common gram, so a query knows which of its grams are posted before
 * it fetches a shard, and looks up its longest ones in a single round.
 * Whether a window is posted depends only on its content and the year's counts, so every
 * gram a query looks up is posted for every name that contains the query: intersecting the
 * postings gives a superset of the matching rows, which the caller narrows by checking each
 * candidate's names (matchesQuery in ranking-data.ts).
 *
 * A query of several words (separated by spaces) matches a row holding every word: each word
 * is planned on its own, and the candidates are the intersection of theirs.
 *
 * Ids are looked up by prefix in id blocks (ids sorted, cut into blocks), not by grams; a word
 * of ID_INFIX_MIN characters or more matches any part of an id, through the id grams: every
 * window of ID_INFIX_MIN characters of every id, posted unless common (SearchMeta.idGrams), in
 * their own files.
 *
 * A query that is itself a posted gram is answered exactly by its postings, but its rows lie
 * one to a list chunk: forty matches would take forty requests, six at a time over HTTP/1.1.
 * So each posted gram held by more than `top.minRows` rows also has its first `top.rows` rows
 * (a page of the list) in a top file, and such a query takes two requests: its shard, then its
 * top file. A common gram of two code points or more (a word such as 科技) has its first rows
 * and its count in a top file too, so such a query takes one request instead of reading the
 * list until a page is found.
 *
 * A query of several words is answered from rows scattered over the list, one chunk each, unless
 * they are gathered somewhere. So a gram holding a CJK character and held by more than
 * `top.deepMin` rows (a city, an industry word) has its first `top.deepRows` rows in its top
 * file, not only a page: among them a second word's matches usually fill the first page (天津
 * 科技: one file instead of fifty chunks). And the common grams of `commonPostings.grams` (CJK
 * words held by up to a few per cent of the rows) have their ordinals in files of their own, so
 * two such words (广州 医药) are intersected exactly instead of by reading the list until a page
 * is found. Such a word also has its rows up to a quarter of them in deep pages (400 rows each,
 * past its top rows), where the first page of a sparse intersection usually lies: a few pages
 * instead of a chunk per match. Past those, the rows come from the chunks holding them.
 *
 * Files: /search/{year}/meta.json (SearchMeta), /search/{year}/{n}.json (SearchShard: the grams
 * whose hash modulo the shard count is n), /search/{year}/top-{k}.json (TopFile: the grams whose
 * hash modulo the number of top files is k), /search/{year}/idg-{k}.json (IdGramFile: the id
 * grams whose hash modulo meta.idGrams.files is k), /search/{year}/cp-{k}.json (CommonPostingFile:
 * the common grams of meta.commonPostings.grams whose hash modulo its `files` is k),
 * /search/{year}/dp-{k}.json (DeepPageFile: the deep pages whose key's hash modulo
 * commonPostings.pageFiles is k) and
 * /search/{year}/id-{k}.json (IdBlock). An
 * ordinal is a row's position in the year's published order (national rank, then id), the
 * order of the /rankings-data/ chunks.
 *
 * No imports but ranking-data.ts: this module ships to the browser.
 */
import { ID_INFIX_MIN, normaliseSearch, type OrderedColumns } from './ranking-data.ts';

/** The version of the index files; bump it when their meaning changes. */
export const SEARCH_INDEX_VERSION = 5;

/** /search/{year}/meta.json: what a query needs before it fetches a shard. */
export interface SearchMeta {
  v: number;
  year: number;
  rows: number;
  /** A gram lives in shard gramShard(gram, shards). */
  shards: number;
  /**
   * Grams of every level (characters, base and extended grams) held by so many rows that they
   * are not posted (sorted). With it a query knows, before fetching any shard, which of its
   * grams are posted. A query made only of common grams is answered by checking every row.
   */
  common: string[];
  /** The first id (normalised) of each id block; block k holds the ids from idBlocks[k] up to idBlocks[k + 1]. */
  idBlocks: string[];
  /**
   * The top files: a posted gram held by more than `minRows` rows, and a common gram of two code
   * points or more, has its first rows in top file topFileOf(gram, meta), of `files`: `rows` of
   * them, or `deepRows` for a gram holding a CJK character held by more than `deepMin` rows
   * (topRowsOf), or all, when fewer.
   */
  top: { files: number; minRows: number; rows: number; deepMin: number; deepRows: number };
  /**
   * The common grams whose ordinals are in common posting files (sorted), and the number of
   * those files: a gram is in file commonPostingFileOf(gram, meta). Such a gram also has rows
   * past its top rows, up to `deepShare` of its rows (heldRowsOf), in deep pages of
   * `top.deepRows` rows: page p ≥ 1 in deep page file deepPageFileOf(gram, p, meta), of `pageFiles`.
   */
  commonPostings: { files: number; grams: string[]; deepShare: number; pageFiles: number };
  /**
   * The id grams (every window of ID_INFIX_MIN characters of each normalised id): the number
   * of their files, and those held by so many rows that they are not posted (sorted).
   */
  idGrams: { files: number; common: string[] };
}

/** /search/{year}/idg-{k}.json: the posted id grams of one file. */
export interface IdGramFile {
  v: number;
  year: number;
  file: number;
  /** Id gram → ordinals, delta-encoded. */
  grams: Record<string, number[]>;
}

/** /search/{year}/cp-{k}.json: the ordinals of the common grams of one common posting file. */
export interface CommonPostingFile {
  v: number;
  year: number;
  file: number;
  /** Common gram → ordinals, delta-encoded. */
  grams: Record<string, number[]>;
}

/** /search/{year}/dp-{k}.json: deep pages of common grams with postings (see SearchMeta.commonPostings). */
export interface DeepPageFile {
  v: number;
  year: number;
  file: number;
  /** `${p}:${gram}` → rows p × top.deepRows onwards of the gram, in published order. */
  pages: Record<string, OrderedColumns>;
}

/** /search/{year}/{n}.json: the posted grams of one shard. */
export interface SearchShard {
  v: number;
  year: number;
  shard: number;
  /** Gram → ordinals, delta-encoded (the first ordinal, then differences). */
  grams: Record<string, number[]>;
}

/** /search/{year}/top-{k}.json: the first rows of the grams of one top file, with their ordinals. */
export interface TopFile {
  v: number;
  year: number;
  file: number;
  /** Gram → its first rows in published order (the ordinals ascending). */
  grams: Record<string, OrderedColumns>;
  /** For the common grams of this file: how many rows hold each (their rows are not posted anywhere). */
  counts?: Record<string, number>;
}

/** /search/{year}/id-{k}.json: ids (normalised, ascending) with their ordinals. */
export interface IdBlock {
  v: number;
  year: number;
  block: number;
  id: string[];
  order: number[];
}

/** The first code point treated as CJK (CJK radicals onwards: Han, kana, Hangul, CJK symbols). */
export const CJK_FROM = 0x2e80;

/** What a gram is (see the module comment): its level of extension. */
export const UNIGRAM = 0;
export const BASE_GRAM = 1;
/** One code point longer than a base gram, posted only next to a common base gram. */
export const EXTENDED_GRAM = 2;
/** Latin only: two code points longer, posted only next to a common extended gram. */
export const TWICE_EXTENDED_GRAM = 3;
export type GramKind = typeof UNIGRAM | typeof BASE_GRAM | typeof EXTENDED_GRAM | typeof TWICE_EXTENDED_GRAM;

/** Any UTF-16 surrogate: text without them can be cut by code unit. */
const SURROGATE = /[\uD800-\uDFFF]/;

/**
 * Calls `emit` with every gram of a normalised text up to level `upTo`, left to right
 * (duplicates included). For an extended gram, `left` and `right` are its first and last
 * windows one shorter when those are grams of the level below, '' otherwise.
 */
export function forEachGram(text: string, emit: (gram: string, kind: GramKind, left: string, right: string) => void, upTo: GramKind = TWICE_EXTENDED_GRAM): void {
  const points = SURROGATE.test(text) ? Array.from(text) : null;
  const n = points ? points.length : text.length;
  const win = points ? (i: number, len: number) => points.slice(i, i + len).join('') : (i: number, len: number) => text.slice(i, i + len);
  const cjk = new Uint8Array(n);
  for (let i = 0; i < n; i++) cjk[i] = (points ? points[i]!.codePointAt(0)! : text.charCodeAt(i)) >= CJK_FROM ? 1 : 0;
  for (let i = 0; i < n; i++) {
    if (cjk[i]) emit(win(i, 1), UNIGRAM, '', '');
    if (i + 1 >= n) continue;
    if (cjk[i] || cjk[i + 1]) {
      emit(win(i, 2), BASE_GRAM, '', '');
      if (upTo >= EXTENDED_GRAM && i + 2 < n) emit(win(i, 3), EXTENDED_GRAM, win(i, 2), cjk[i + 1] || cjk[i + 2] ? win(i + 1, 2) : '');
    } else if (i + 2 < n) {
      if (cjk[i + 2]) {
        if (upTo >= EXTENDED_GRAM) emit(win(i, 3), EXTENDED_GRAM, '', win(i + 1, 2));
        continue;
      }
      emit(win(i, 3), BASE_GRAM, '', '');
      if (upTo < EXTENDED_GRAM || i + 3 >= n || cjk[i + 3]) continue;
      emit(win(i, 4), EXTENDED_GRAM, win(i, 3), win(i + 1, 3));
      if (upTo >= TWICE_EXTENDED_GRAM && i + 4 < n && !cjk[i + 4]) emit(win(i, 5), TWICE_EXTENDED_GRAM, win(i, 4), win(i + 1, 4));
    }
  }
}

/** The shard of a gram: FNV-1a over its UTF-16 code units, modulo the shard count (the same in Node and browsers). */
export function gramShard(gram: string, shards: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < gram.length; i++) {
    h ^= gram.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) % shards;
}

/** The top file holding a gram's first rows (when it is posted with more than meta.top.minRows rows, or common). */
export function topFileOf(gram: string, meta: Pick<SearchMeta, 'top'>): number {
  return gramShard(gram, meta.top.files);
}

/** Whether a gram holds a CJK character (only such grams have deep top rows and common postings). */
export function hasCjk(gram: string): boolean {
  for (let i = 0; i < gram.length; i++) if (gram.charCodeAt(i) >= CJK_FROM) return true;
  return false;
}

/** How many of its first rows the top file holds for a gram held by `count` rows (one that has a top entry). */
export function topRowsOf(gram: string, count: number, meta: Pick<SearchMeta, 'top'>): number {
  return Math.min(count, hasCjk(gram) && count > meta.top.deepMin ? meta.top.deepRows : meta.top.rows);
}

/**
 * How many of its first rows the index holds for a gram held by `count` rows (one with a top
 * entry): its top rows, and for a common gram with postings, rows up to commonPostings.deepShare
 * of its count in deep pages.
 */
export function heldRowsOf(gram: string, count: number, meta: Pick<SearchMeta, 'top' | 'commonPostings'>): number {
  const top = topRowsOf(gram, count, meta);
  return commonPostedSet(meta).has(gram) ? Math.min(count, Math.max(top, Math.ceil(count * meta.commonPostings.deepShare))) : top;
}

/** The deep page file holding page p (≥ 1) of a common gram with postings. */
export function deepPageFileOf(gram: string, p: number, meta: Pick<SearchMeta, 'commonPostings'>): number {
  return gramShard(deepPageKey(gram, p), meta.commonPostings.pageFiles);
}

/** The key of page p of a gram in its deep page file. */
export function deepPageKey(gram: string, p: number): string {
  return `${p}:${gram}`;
}

const postedSets = new WeakMap<object, Set<string>>();
function commonPostedSet(meta: Pick<SearchMeta, 'commonPostings'>): Set<string> {
  let set = postedSets.get(meta.commonPostings);
  if (!set) postedSets.set(meta.commonPostings, (set = new Set(meta.commonPostings.grams)));
  return set;
}

/** The common posting file of a gram of meta.commonPostings.grams. */
export function commonPostingFileOf(gram: string, meta: Pick<SearchMeta, 'commonPostings'>): number {
  return gramShard(gram, meta.commonPostings.files);
}

/** The file of an id gram. */
export function idGramFileOf(gram: string, meta: Pick<SearchMeta, 'idGrams'>): number {
  return gramShard(gram, meta.idGrams.files);
}

/** Every window of ID_INFIX_MIN characters of a normalised id (or id word), left to right, duplicates included. */
export function idGramsOf(id: string): string[] {
  const out: string[] = [];
  for (let i = 0; i + ID_INFIX_MIN <= id.length; i++) out.push(id.slice(i, i + ID_INFIX_MIN));
  return out;
}

/** The words of a normalised query: split at spaces, each once, in order. */
export function queryWords(q: string): string[] {
  return [...new Set(q.split(' ').filter((w) => w !== ''))];
}

/** Ordinals from their delta encoding. */
export function decodeDeltas(deltas: readonly number[]): number[] {
  const out = new Array<number>(deltas.length);
  let o = 0;
  for (let i = 0; i < deltas.length; i++) out[i] = o = i === 0 ? deltas[0]! : o + deltas[i]!;
  return out;
}

/** The intersection of ascending lists (ascending). */
export function intersectSorted(lists: readonly (readonly number[])[]): number[] {
  if (lists.length === 0) return [];
  const [first, ...rest] = [...lists].sort((x, y) => x.length - y.length);
  let out = [...first!];
  for (const list of rest) {
    const next: number[] = [];
    let j = 0;
    for (const x of out) {
      while (j < list.length && list[j]! < x) j++;
      if (j === list.length) break;
      if (list[j] === x) next.push(x);
    }
    out = next;
    if (out.length === 0) break;
  }
  return out;
}

/** At most this many grams of a query are looked up (each may cost a shard), shared among its words. */
const MAX_QUERY_GRAMS = 4;
/** An id prefix is looked up only when it falls in at most this many id blocks. */
const MAX_ID_BLOCKS = 2;

/** What the index says about a query. */
export type Candidates =
  /**
   * Ascending ordinals: every match is among them. `exact` when they are all matches (the
   * query is itself a posted gram, or an id prefix); otherwise their names are still to be
   * checked. `top`, when set, is the posted gram (the query) whose top file holds the first rows.
   * `sources`, for a query of several words, are the words that are grams with top entries,
   * each with all its ordinals: the first topRowsOf(gram, ordinals.length) of them are in its
   * top file, so the candidates up to the last of those are there too.
   */
  | { kind: 'ordinals'; ordinals: number[]; exact: boolean; top?: string; sources?: TopSource[] }
  /**
   * Every gram of the query is common: check every row. `top`, when set, is the common gram
   * (the query) whose top file holds its first rows and its count.
   */
  | { kind: 'scan'; top?: string }
  /** Too little to look up: one common character, fewer than three letters, or too short an id prefix. */
  | { kind: 'tooShort' };

/** A gram whose top file holds its first rows, with every ordinal of the gram. */
export interface TopSource {
  gram: string;
  ordinals: number[];
}

/** Where the index pieces come from (fetched once and cached by the caller). */
export interface SearchPieces {
  shard(n: number): Promise<SearchShard>;
  commonPostings(k: number): Promise<CommonPostingFile>;
  idBlock(k: number): Promise<IdBlock>;
  idGram(k: number): Promise<IdGramFile>;
}

/** `count` of `list`, spread from its first to its last (all of it when it is no longer). */
function spread<T>(list: readonly T[], count: number): T[] {
  if (list.length <= count) return [...list];
  if (count === 1) return [list[0]!];
  const step = (list.length - 1) / (count - 1);
  return Array.from({ length: count }, (_, k) => list[Math.round(k * step)]!);
}

/**
 * The grams to look up, of a word's posted grams by level: the longest first (a longer gram
 * is posted only next to a common shorter one, and pins a name down where that one does not),
 * each level's spread from the word's start to its end, `max` in all.
 */
function chooseGrams(byLevel: readonly (readonly string[])[], max: number): string[] {
  const chosen: string[] = [];
  for (let level = byLevel.length - 1; level >= 0 && chosen.length < max; level--) {
    chosen.push(...spread(byLevel[level]!, max - chosen.length));
  }
  return chosen;
}

/** Whether a normalised query (or word) is looked up as an id: letters and digits only, with at least two digits. */
export function isIdQuery(q: string): boolean {
  return /^[0-9a-z]+$/.test(q) && /[0-9].*[0-9]/.test(q);
}

/** The id blocks that may hold ids starting with `prefix`. */
export function idBlocksFor(prefix: string, firsts: readonly string[]): number[] {
  const blocks: number[] = [];
  const upper = `${prefix}\uffff`;
  for (let k = 0; k < firsts.length; k++) {
    const next = firsts[k + 1];
    if (firsts[k]! < upper && (next === undefined || next > prefix)) blocks.push(k);
  }
  return blocks;
}

/** Each meta file's common grams, common id grams and common grams with postings as sets, made once (thousands of grams; a query is planned on every keystroke). */
const commonSets = new WeakMap<SearchMeta, { grams: Set<string>; ids: Set<string>; posted: Set<string> }>();
function commonOf(meta: SearchMeta) {
  let c = commonSets.get(meta);
  if (!c) commonSets.set(meta, (c = { grams: new Set(meta.common), ids: new Set(meta.idGrams.common), posted: commonPostedSet(meta) }));
  return c;
}

/** How one word is looked up. */
type WordPlan =
  /** An id word of ID_INFIX_MIN characters or more: posted id grams to look up (none: every one is common). */
  | { kind: 'idGrams'; grams: string[] }
  /** A shorter id word: its prefix in the id blocks (too many blocks: too short). */
  | { kind: 'idPrefix'; blocks: number[] }
  /**
   * A name word: posted grams to look up; `whole` when the word is itself a posted gram,
   * `commonWhole` when it is a common gram of two code points or more (it has a top file entry),
   * `commonPosted` when that common gram also has its ordinals in a common posting file, which
   * a query of several words reads.
   */
  | { kind: 'name'; grams: string[]; whole: boolean; commonWhole: boolean; commonPosted: boolean; unigrams: string[]; baseGrams: number };

/** All posted grams of a name word, by level (BASE_GRAM … TWICE_EXTENDED_GRAM), each once, in word order. */
function nameGrams(w: string, common: Set<string>) {
  const byLevel: string[][] = [[], [], [], []];
  const unigrams: string[] = [];
  let baseGrams = 0;
  let commonWhole = false;
  forEachGram(w, (gram, kind, left, right) => {
    if (kind === UNIGRAM) {
      unigrams.push(gram);
      return;
    }
    if (kind === BASE_GRAM) baseGrams++;
    const counted = kind === BASE_GRAM || common.has(left) || common.has(right);
    if (gram === w && counted && common.has(gram)) commonWhole = true;
    if (counted && !common.has(gram) && !byLevel[kind]!.includes(gram)) byLevel[kind]!.push(gram);
  });
  return { byLevel, unigrams, baseGrams, commonWhole };
}

/**
 * How a normalised query is looked up, word by word: the posted grams (or id grams, or id
 * blocks) of each. Whether a gram is posted follows from the meta file's common grams alone
 * (see the module comment), so one round of pieces answers any query. The grams are shared
 * out among the name words, at least one each, MAX_QUERY_GRAMS in all where the words allow.
 */
function planQuery(q: string, meta: SearchMeta): WordPlan[] {
  const common = commonOf(meta);
  const words = queryWords(q);
  const nameWords = words.filter((w) => !isIdQuery(w)).length;
  const perWord = Math.max(1, Math.floor(MAX_QUERY_GRAMS / Math.max(1, nameWords)));
  return words.map((w): WordPlan => {
    if (isIdQuery(w)) {
      if (w.length >= ID_INFIX_MIN) {
        const posted = [...new Set(idGramsOf(w))].filter((g) => !common.ids.has(g));
        // The first and last posted windows: together they pin an id down.
        return { kind: 'idGrams', grams: spread(posted, 2) };
      }
      return { kind: 'idPrefix', blocks: idBlocksFor(w, meta.idBlocks) };
    }
    const { byLevel, unigrams, baseGrams, commonWhole } = nameGrams(w, common.grams);
    // A word that is itself a posted gram needs nothing else: its postings are its answer.
    const whole = byLevel.some((level) => level.includes(w));
    const commonPosted = commonWhole && words.length > 1 && common.posted.has(w);
    return { kind: 'name', grams: whole ? [w] : chooseGrams(byLevel, perWord), whole, commonWhole, commonPosted, unigrams, baseGrams };
  });
}

/** The single character of a name word to look up when it is posted, else none. */
function postedUnigram(plan: Extract<WordPlan, { kind: 'name' }>, meta: SearchMeta): string | undefined {
  const [u] = plan.unigrams;
  return plan.grams.length === 0 && plan.baseGrams === 0 && plan.unigrams.length === 1 && !commonOf(meta).grams.has(u!) ? u : undefined;
}

/**
 * Starts fetching the pieces a query will look up first (its shards, id gram files or id
 * blocks), so they are on their way before the page has even re-rendered.
 */
export function prefetchCandidates(query: string, meta: SearchMeta, pieces: SearchPieces): void {
  const q = normaliseSearch(query);
  if (q === '') return;
  const quiet = (p: Promise<unknown>) => void p.catch(() => {});
  const words = queryWords(q);
  planQuery(q, meta).forEach((plan, i) => {
    if (plan.kind === 'idPrefix') {
      if (plan.blocks.length <= MAX_ID_BLOCKS) for (const k of plan.blocks) quiet(pieces.idBlock(k));
    } else if (plan.kind === 'idGrams') {
      for (const g of plan.grams) quiet(pieces.idGram(idGramFileOf(g, meta)));
    } else {
      if (plan.commonPosted) quiet(pieces.commonPostings(commonPostingFileOf(words[i]!, meta)));
      const u = postedUnigram(plan, meta);
      for (const g of u !== undefined ? [u] : plan.grams) quiet(pieces.shard(gramShard(g, meta.shards)));
    }
  });
}

/**
 * The candidates for a query (any text; it is normalised here), from the fewest pieces. Each
 * word gives its own: an id word of ID_INFIX_MIN characters or more the intersection of its
 * posted id grams (ids still to be checked); a shorter id word (isIdQuery) the id blocks it
 * falls in, whose ids are checked here; a name word the intersection of its posted grams'
 * shards. A query's candidates are the intersection of its words' (a word that is too short
 * or all common is checked on those rows); when no word narrows it down, every row is
 * checked (scan), unless every word is too short. An empty query gives no candidates (the
 * caller shows every row).
 */
export async function findCandidates(query: string, meta: SearchMeta, pieces: SearchPieces): Promise<Candidates> {
  const q = normaliseSearch(query);
  if (q === '') return { kind: 'ordinals', ordinals: [], exact: true };
  const plans = planQuery(q, meta);

  /** The ordinals of each gram of `list` (all posted). */
  const lookUp = async (list: readonly string[]) => {
    const shards = await Promise.all(list.map((g) => pieces.shard(gramShard(g, meta.shards))));
    return shards.map((s, i) => (Object.hasOwn(s.grams, list[i]!) ? decodeDeltas(s.grams[list[i]!]!) : []));
  };
  const lookUpIds = async (list: readonly string[]) => {
    const files = await Promise.all(list.map((g) => pieces.idGram(idGramFileOf(g, meta))));
    return files.map((f, i) => (Object.hasOwn(f.grams, list[i]!) ? decodeDeltas(f.grams[list[i]!]!) : []));
  };

  /** One word's candidates. */
  const ofWord = async (w: string, plan: WordPlan): Promise<Candidates> => {
    if (plan.kind === 'idGrams') {
      if (plan.grams.length === 0) return { kind: 'scan' };
      // A word of exactly one window is matched exactly by its postings.
      return { kind: 'ordinals', ordinals: intersectSorted(await lookUpIds(plan.grams)), exact: w.length === ID_INFIX_MIN };
    }
    if (plan.kind === 'idPrefix') {
      if (plan.blocks.length > MAX_ID_BLOCKS) return { kind: 'tooShort' };
      const found: number[] = [];
      for (const block of await Promise.all(plan.blocks.map((k) => pieces.idBlock(k)))) {
        block.id.forEach((id, i) => {
          if (id.startsWith(w)) found.push(block.order[i]!);
        });
      }
      return { kind: 'ordinals', ordinals: found.sort((x, y) => x - y), exact: true };
    }
    /** The answer for a word that is itself a posted gram: its postings, and its top file when it has one. */
    const exactly = (ordinals: number[]): Candidates => (ordinals.length > meta.top.minRows ? { kind: 'ordinals', ordinals, exact: true, top: w } : { kind: 'ordinals', ordinals, exact: true });
    // A posted gram that is the whole word has exactly the matching rows.
    if (plan.whole) return exactly((await lookUp(plan.grams))[0]!);
    if (plan.grams.length > 0) return { kind: 'ordinals', ordinals: intersectSorted(await lookUp(plan.grams)), exact: false };
    // A common word beside other words: its postings, when it has them (its top file holds its first rows).
    if (plan.commonPosted) {
      const file = await pieces.commonPostings(commonPostingFileOf(w, meta));
      if (Object.hasOwn(file.grams, w)) return { kind: 'ordinals', ordinals: decodeDeltas(file.grams[w]!), exact: true, top: w };
    }
    // Nothing posted narrows it down: check every row (a common gram's first rows are in its
    // top file), unless the word is too short for that to help.
    if (plan.commonWhole) return { kind: 'scan', top: w };
    if (plan.baseGrams > 0) return { kind: 'scan' };
    const u = postedUnigram(plan, meta);
    if (u !== undefined) return exactly((await lookUp([u]))[0]!);
    return { kind: 'tooShort' };
  };

  const words = queryWords(q);
  const each = await Promise.all(words.map((w, i) => ofWord(w, plans[i]!)));
  if (each.length === 1) return each[0]!;
  const lists = each.flatMap((c) => (c.kind === 'ordinals' ? [c] : []));
  if (lists.length > 0) {
    // Exact only when every word's candidates are exactly its matches.
    const exact = lists.length === each.length && lists.every((c) => c.exact);
    // The words whose top files hold their first rows: a page of candidates among those is there.
    const sources = lists.flatMap((c): TopSource[] => (c.top !== undefined ? [{ gram: c.top, ordinals: c.ordinals }] : []));
    const result: Candidates = { kind: 'ordinals', ordinals: intersectSorted(lists.map((c) => c.ordinals)), exact };
    if (sources.length > 0) result.sources = sources;
    return result;
  }
  return each.some((c) => c.kind === 'scan') ? { kind: 'scan' } : { kind: 'tooShort' };
}
