/**
 * Builds a year's static name index (the files described in
 * src/wire/name-search.ts) from its rows in published order.
 *
 * Flat typed arrays instead of a list per gram: one pass over the names per level of gram
 * counts the rows holding each (an extended gram only next to a common gram of the level
 * below), a last pass writes the ordinals of the posted grams into one Int32Array. Memory
 * beyond the rows is the normalised names, one int per posted (gram, row) pair, a few ints
 * per distinct gram and the sorted ids.
 */
import { BASE_GRAM, CJK_FROM, EXTENDED_GRAM, SEARCH_INDEX_VERSION, TWICE_EXTENDED_GRAM, UNIGRAM, commonPostingFileOf, deepPageFileOf, deepPageKey, gramShard, hasCjk, heldRowsOf, idGramFileOf, topFileOf, topRowsOf, type CommonPostingFile, type GramKind, type IdBlock, type IdGramFile, type SearchMeta, type SearchShard } from '../wire/name-search.ts';
import { ID_INFIX_MIN, normaliseSearch } from '../wire/ranking-data.ts';

/**
 * A gram held by more than this share of a year's rows (and by more than COMMON_MIN_ROWS) is
 * common: not posted. Posting lists stay under ~6 KB gzipped at 520,000 rows, and a query of
 * common grams only is dense enough that checking rows in rank order fills a page quickly.
 */
export const COMMON_SHARE = 0.01;
/** Below this many rows no gram is common (small years post everything). */
export const COMMON_MIN_ROWS = 1000;
/**
 * Rows per index shard: shards of about 5 KB gzipped on synthetic data of any size, so a
 * query of a few grams costs a few tens of KB, and a slow phone parses each quickly.
 */
export const ROWS_PER_SHARD = 125;
/** Ids per id block: about 25 KB gzipped. */
export const ID_BLOCK_SIZE = 2048;
/**
 * A posted gram held by more than this many rows has top rows (see name-search.ts): a page of
 * its matches would otherwise cost more than a few list chunks, one request each. Grams of a
 * few rows add little to the files (at 520,000 rows, 59,383 grams have top rows with this
 * threshold, 58,948 with 6).
 */
export const TOP_MIN_ROWS = 3;
/**
 * One top file per this many rows of the year: about 8 KB gzipped each on synthetic data of
 * 520,000 rows (about 3.7 grams of up to 50 rows each), 13 KB at 10,000.
 */
export const ROWS_PER_TOP_FILE = 32;
/** Top rows per gram unless the caller says otherwise: the site's default page size. */
export const DEFAULT_TOP_ROWS = 50;
/**
 * At most this many top rows per gram, whatever the page size: the files grow with it (about
 * 1.1 GB for three national years at 50 rows). A page larger than the top rows of a gram held by
 * more rows is read from the list chunks instead.
 */
export const MAX_TOP_ROWS = 100;

/**
 * Top rows of a gram holding a CJK character and held by more than DEEP_MIN_SHARE of the
 * year's rows (and by more than twice the top rows): deep enough that a second word's matches
 * among them fill a first page (a word held by a quarter of these rows leaves a hundred). Such
 * grams are a few hundred whatever the year's size (cities, industry words: 476 in a year of
 * 100,000 firms), so the top files grow by about 150,000 rows a year at any scale: 22 MB raw a
 * year at 100,000 firms (12 % more search data), a smaller share nationally.
 */
export const DEEP_ROWS = 400;
export const DEEP_MIN_SHARE = 0.002;
/**
 * A common gram holding a CJK character and held by at most this share of the rows has its
 * ordinals in a common posting file (at 520,000 rows at most 26,000 ordinals, about 30 KB
 * gzipped): two such words are intersected exactly. Denser words narrow a query too little
 * to be worth their postings; they are checked on the candidates' names. (See commonPosted.)
 */
export const COMMON_POSTED_MAX_SHARE = 0.05;
/** One common posting file per this many rows of the year, at most MAX_COMMON_POSTING_FILES: about one gram per file. */
export const ROWS_PER_COMMON_POSTING_FILE = 400;
export const MAX_COMMON_POSTING_FILES = 256;

/**
 * A common gram with postings has its rows up to this share of them in deep pages (at least its
 * top rows): two such words whose matches are one in a few hundred rows still find their first
 * page among the first quarter of either's rows, a few pages of 400 instead of a chunk per match.
 * At 520,000 rows about 0.9 of a year's list again; at 100,000, a third of one.
 */
export const DEEP_SHARE = 0.25;
/** One deep page file per this many rows of the year, at most MAX_DEEP_PAGE_FILES: about one page per file at national scale. */
export const ROWS_PER_DEEP_PAGE_FILE = 400;
export const MAX_DEEP_PAGE_FILES = 2048;

/** The number of deep page files for a year of `rows` rows. */
export function deepPageFileCount(rows: number): number {
  return Math.max(1, Math.min(MAX_DEEP_PAGE_FILES, Math.ceil(rows / ROWS_PER_DEEP_PAGE_FILE)));
}

/** The number of common posting files for a year of `rows` rows. */
export function commonPostingFileCount(rows: number): number {
  return Math.max(1, Math.min(MAX_COMMON_POSTING_FILES, Math.ceil(rows / ROWS_PER_COMMON_POSTING_FILE)));
}

/**
 * One id gram file per this many rows of the year: each row posts up to 13 windows of its
 * 18-character code, about 12 KB raw per file.
 */
export const ROWS_PER_ID_GRAM_FILE = 250;

/** The number of id gram files for a year of `rows` rows. */
export function idGramFileCount(rows: number): number {
  return Math.max(1, Math.ceil(rows / ROWS_PER_ID_GRAM_FILE));
}

/** The number of top files for a year of `rows` rows. */
export function topFileCount(rows: number): number {
  return Math.max(1, Math.ceil(rows / ROWS_PER_TOP_FILE));
}

/** The number of shards for a year of `rows` rows. */
export function shardCount(rows: number): number {
  return Math.max(1, Math.ceil(rows / ROWS_PER_SHARD));
}

/** The files of a year's index, by name under /search/{year}/ (without .json): known from the row count alone. */
export function searchFileNames(rows: number): string[] {
  const list = (count: number, name: (k: number) => string) => Array.from({ length: count }, (_, k) => name(k));
  return ['meta', ...list(shardCount(rows), String), ...list(topFileCount(rows), (k) => `top-${k}`), ...list(commonPostingFileCount(rows), (k) => `cp-${k}`), ...list(deepPageFileCount(rows), (k) => `dp-${k}`), ...list(idGramFileCount(rows), (k) => `idg-${k}`), ...list(Math.ceil(rows / ID_BLOCK_SIZE), (k) => `id-${k}`)];
}

/** Rows a gram may be held by and still be posted. */
export function commonThreshold(rows: number): number {
  return Math.max(COMMON_MIN_ROWS, Math.ceil(rows * COMMON_SHARE));
}

/** A gram as the builder counts it: a number (or, for unusual alphabets, the gram itself). */
type GramKey = number | string;

/** The builder's view of names: their grams as keys, level by level, and a gram's text when first met. */
export interface GramWalker {
  /**
   * Calls `emit` with every gram of `text` up to level `upTo`: exactly the grams of
   * forEachGram (name-search.ts), but each level's after the level below and each as a key.
   * `at` and `length` say where the gram is (for gramText); for an extended gram, `left` and
   * `right` are where its first and last sub-windows of the level below start, or -1 when
   * that sub-window is not a gram.
   */
  walk(text: string, upTo: GramKind, emit: (key: GramKey, kind: GramKind, at: number, length: number, left: number, right: number) => void): void;
  /** The text of a gram of the text walked last. */
  gramText(at: number, length: number): string;
}

/** Dense indices of the code points in a set of names, from 1 (0: not in the names). */
interface CodePointIndices {
  /** Every code point's index: a table for the BMP, a map for the rest. */
  allBmp: Int32Array;
  allAstral: Map<number, number>;
  /** The non-CJK code points' second, smaller index. */
  latinBmp: Int32Array;
  /** The number of indices of each kind. */
  allSize: number;
  latinSize: number;
}

/** Gives every code point in the names a dense index, and every non-CJK one a second, smaller one. */
function codePointIndices(names: readonly string[]): CodePointIndices {
  // Dense indices from 1: tables for the BMP, a map for the rest.
  const allBmp = new Int32Array(0x10000);
  const latinBmp = new Int32Array(CJK_FROM);
  const allAstral = new Map<number, number>();
  let allSize = 0;
  let latinSize = 0;
  for (const s of names) {
    for (const c of s) {
      const cp = c.codePointAt(0)!;
      if (cp > 0xffff) {
        if (!allAstral.has(cp)) allAstral.set(cp, ++allSize);
      } else if (allBmp[cp] === 0) {
        allBmp[cp] = ++allSize;
        if (cp < CJK_FROM) latinBmp[cp] = ++latinSize;
      }
    }
  }
  return { allBmp, allAstral, latinBmp, allSize, latinSize };
}

/**
 * A gram walker for a set of names. Grams become numbers so counting never makes a string:
 * every code point in the names gets a dense index (non-CJK ones a second, smaller one) and a
 * gram packs the indices of its code points under a tag for its length and script. When the
 * names hold too many distinct code points for that to fit 53 bits, the keys are the grams.
 */
export function gramWalker(names: readonly string[]): GramWalker {
  const { allBmp, latinBmp, allAstral, allSize, latinSize } = codePointIndices(names);
  const bits = (size: number) => Math.max(1, Math.ceil(Math.log2(size + 1)));
  const a = 2 ** bits(allSize);
  const l = 2 ** bits(latinSize);
  // CJK windows: up to 3 code points of the whole alphabet; Latin windows: up to 5 of the small one.
  const TAG = 2 ** 46;
  const numeric = a ** 3 <= TAG && l ** 5 <= TAG;
  let cps = new Int32Array(64);
  let ia = new Float64Array(64);
  let il = new Float64Array(64);
  let cjk = new Uint8Array(64);
  let n = 0;
  const text = (at: number, length: number) => String.fromCodePoint(...cps.subarray(at, at + length));
  // Tags: 0 unigram, 1–2 CJK windows of 2–3, 3–5 Latin windows of 3–5.
  const key = numeric
    ? (tag: number, at: number, length: number): GramKey => {
        let k = 0;
        if (tag < 3) for (let j = at; j < at + length; j++) k = k * a + ia[j]!;
        else for (let j = at; j < at + length; j++) k = k * l + il[j]!;
        return tag * TAG + k;
      }
    : (_tag: number, at: number, length: number): GramKey => text(at, length);
  return {
    gramText: text,
    walk(s, upTo, emit) {
      if (s.length > cps.length) {
        cps = new Int32Array(s.length * 2);
        ia = new Float64Array(s.length * 2);
        il = new Float64Array(s.length * 2);
        cjk = new Uint8Array(s.length * 2);
      }
      n = 0;
      for (let u = 0; u < s.length; u++) {
        let cp = s.charCodeAt(u);
        if (cp >= 0xd800 && cp <= 0xdbff && u + 1 < s.length) {
          const low = s.charCodeAt(u + 1);
          if (low >= 0xdc00 && low <= 0xdfff) {
            cp = (cp - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
            u++;
          }
        }
        cps[n] = cp;
        ia[n] = cp > 0xffff ? allAstral.get(cp)! : allBmp[cp]!;
        il[n] = cp < CJK_FROM ? latinBmp[cp]! : 0;
        cjk[n] = cp >= CJK_FROM ? 1 : 0;
        n++;
      }
      // The windows are those of forEachGram: a CJK window of 2 is a base gram and of 3 an
      // extended one; a Latin window (no CJK) of 3 is a base gram, of 4 extended, of 5 twice.
      for (let i = 0; i < n; i++) {
        if (cjk[i]) emit(key(0, i, 1), UNIGRAM, i, 1, -1, -1);
        if (i + 1 < n && (cjk[i] || cjk[i + 1])) emit(key(1, i, 2), BASE_GRAM, i, 2, -1, -1);
        else if (i + 2 < n && !cjk[i + 2]) emit(key(3, i, 3), BASE_GRAM, i, 3, -1, -1);
      }
      if (upTo < EXTENDED_GRAM) return;
      for (let i = 0; i + 2 < n; i++) {
        if (cjk[i] || cjk[i + 1] || cjk[i + 2]) emit(key(2, i, 3), EXTENDED_GRAM, i, 3, cjk[i] || cjk[i + 1] ? i : -1, cjk[i + 1] || cjk[i + 2] ? i + 1 : -1);
        else if (i + 3 < n && !cjk[i + 3]) emit(key(4, i, 4), EXTENDED_GRAM, i, 4, i, i + 1);
      }
      if (upTo < TWICE_EXTENDED_GRAM) return;
      for (let i = 0; i + 4 < n; i++) {
        if (!(cjk[i] || cjk[i + 1] || cjk[i + 2] || cjk[i + 3] || cjk[i + 4])) emit(key(5, i, 5), TWICE_EXTENDED_GRAM, i, 5, i, i + 1);
      }
    },
  };
}

/** The fields the index reads (a structural subset of PublishedRow). */
export interface SearchableRow {
  id: string;
  name: string;
  nameEn: string;
}

/** A year's index, its files made on demand. */
export interface SearchIndex {
  meta: SearchMeta;
  shard(n: number): SearchShard;
  /**
   * The grams of top file k (in code-unit order) with the ordinals of their top rows; the
   * caller adds the rows. A common gram (not posted) also has `count`, the rows holding it.
   */
  topGrams(k: number): { gram: string; ordinals: number[]; count?: number }[];
  commonPostings(k: number): CommonPostingFile;
  /** Deep page file k: `${p}:${gram}` → the ordinals of the page (the caller adds the rows). */
  deepPages(k: number): { key: string; ordinals: number[] }[];
  idGram(k: number): IdGramFile;
  idBlock(k: number): IdBlock;
}

/** What a caller may fix: the number of shards and of top files (tests), top rows per gram (the site's page size; at most MAX_TOP_ROWS), deep top rows and deep pages' share (tests). */
export interface SearchIndexOptions {
  shards?: number;
  topFiles?: number;
  idGramFiles?: number;
  commonPostingFiles?: number;
  deepPageFiles?: number;
  deepShare?: number;
  topRows?: number;
  deepRows?: number;
}

/** Builds the index of a year's rows, given in published order (row i has ordinal i). */
export function buildSearchIndex(year: number, rows: readonly SearchableRow[], options: SearchIndexOptions = {}): SearchIndex {
  const n = rows.length;
  const threshold = commonThreshold(n);
  const shards = options.shards ?? shardCount(n);
  const topRows = Math.min(MAX_TOP_ROWS, options.topRows ?? DEFAULT_TOP_ROWS);
  const deepRows = Math.max(topRows, options.deepRows ?? DEEP_ROWS);
  const top = { files: options.topFiles ?? topFileCount(n), minRows: TOP_MIN_ROWS, rows: topRows, deepMin: Math.max(2 * topRows, Math.ceil(n * DEEP_MIN_SHARE)), deepRows };
  const names = rows.flatMap((r) => [normaliseSearch(r.name), normaliseSearch(r.nameEn)]);
  const passes = countGrams(names, n, threshold);
  const { start, postings, commonFirst } = postGrams(passes, (gram, count) => (commonPosted(gram, count, n) ? count : topRowsOf(gram, count, { top })));
  const { postedByShard, common, commonTop } = gramsByShard(passes, start, commonFirst, shards);
  const { idTexts, order, idBlocks } = sortedIds(rows);
  const ids = buildIdGrams(idTexts, threshold, options.idGramFiles ?? idGramFileCount(n));
  const commonPostings = {
    files: options.commonPostingFiles ?? commonPostingFileCount(n),
    grams: commonTop.filter((c) => commonPosted(c.gram, c.count, n)).map((c) => c.gram),
    deepShare: options.deepShare ?? DEEP_SHARE,
    pageFiles: options.deepPageFiles ?? deepPageFileCount(n),
  };
  const meta: SearchMeta = { v: SEARCH_INDEX_VERSION, year, rows: n, shards, common, idBlocks, top, commonPostings, idGrams: { files: ids.files.length, common: ids.common } };
  return indexFiles(meta, postedByShard, postings, commonTop, ids.files, order.map((i) => idTexts[i]!), Int32Array.from(order));
}

/**
 * Whether a common gram held by `count` of a year's `rows` rows has its ordinals in a common
 * posting file: one holding a CJK character, held by at most COMMON_POSTED_MAX_SHARE of the
 * rows or twice the common threshold (in years of under 100,000 rows, where a gram must be held
 * by 1,000 rows to be common, so that some are).
 */
function commonPosted(gram: string, count: number, rows: number): boolean {
  return hasCjk(gram) && count <= Math.max(rows * COMMON_POSTED_MAX_SHARE, 2 * commonThreshold(rows));
}

/** Code-unit order of two strings, so the files are reproducible. */
function byText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** What the passes over a year's names share, and where the walk is. */
interface GramPasses {
  /** Two names per row: the Chinese one, then the English one, normalised. */
  names: readonly string[];
  rows: number;
  threshold: number;
  walker: GramWalker;
  // Grams are numbered as first met; per gram, the rows holding it and the last row counted.
  gramIds: Map<GramKey, number>;
  grams: string[];
  rowsOf: Int32Array;
  lastRow: Int32Array;
  // The base gram starting at each position of each name (one at most), numbered in the first
  // pass so later passes need not look base grams up again; the extended gram there, per name.
  baseAt: Int32Array;
  extendedAt: Int32Array;
  /** The row walked, and where its name starts in baseAt. */
  current: number;
  offset: number;
}

/** The passes' shared state before the first pass: no gram met yet. */
function gramPasses(names: readonly string[], rows: number, threshold: number): GramPasses {
  let positions = 0;
  for (const s of names) positions += s.length;
  return {
    names,
    rows,
    threshold,
    walker: gramWalker(names),
    gramIds: new Map<GramKey, number>(),
    grams: [],
    rowsOf: new Int32Array(1024),
    lastRow: new Int32Array(1024).fill(-1),
    baseAt: new Int32Array(positions).fill(-1),
    extendedAt: new Int32Array(64),
    current: 0,
    offset: 0,
  };
}

/** The number of a gram, given when first met (with room for its counts). */
function idOf(p: GramPasses, key: GramKey, at: number, length: number): number {
  let id = p.gramIds.get(key);
  if (id === undefined) {
    id = p.grams.length;
    p.gramIds.set(key, id);
    p.grams.push(p.walker.gramText(at, length));
    if (id === p.rowsOf.length) {
      const counts = new Int32Array(id * 2);
      counts.set(p.rowsOf);
      p.rowsOf = counts;
      const last = new Int32Array(id * 2).fill(-1);
      last.set(p.lastRow);
      p.lastRow = last;
    }
  }
  return id;
}

/** Whether a gram is held by more rows than the threshold: common, not posted. */
function isCommon(p: GramPasses, id: number): boolean {
  return p.rowsOf[id]! > p.threshold;
}

/** Counts the row walked as holding a gram, once per row. */
function count(p: GramPasses, id: number): void {
  if (p.lastRow[id] !== p.current) {
    p.lastRow[id] = p.current;
    p.rowsOf[id]!++;
  }
}

/** Calls `visit` with every gram up to level `upTo` of every row's names, `current` the row and `offset` where the name starts in baseAt. */
function walkRows(p: GramPasses, upTo: GramKind, visit: Parameters<GramWalker['walk']>[2]): void {
  p.lastRow.fill(-1);
  p.offset = 0;
  for (p.current = 0; p.current < p.rows; p.current++) {
    for (const name of [p.names[2 * p.current]!, p.names[2 * p.current + 1]!]) {
      if (name.length > p.extendedAt.length) p.extendedAt = new Int32Array(name.length * 2);
      p.walker.walk(name, upTo, visit);
      p.offset += name.length;
    }
  }
}

/** Whether the extended gram with these sub-windows is counted and posted (unless common itself): one of them is common. */
function nextToCommonBase(p: GramPasses, left: number, right: number): boolean {
  return (left >= 0 && isCommon(p, p.baseAt[p.offset + left]!)) || (right >= 0 && isCommon(p, p.baseAt[p.offset + right]!));
}

/** The same for a twice-extended gram, whose sub-windows are extended grams. */
function nextToCommonExtended(p: GramPasses, left: number, right: number): boolean {
  return (p.extendedAt[left]! >= 0 && isCommon(p, p.extendedAt[left]!)) || (p.extendedAt[right]! >= 0 && isCommon(p, p.extendedAt[right]!));
}

/** Numbers the grams of a year's names and counts the rows holding each, level by level. */
function countGrams(names: readonly string[], rows: number, threshold: number): GramPasses {
  const p = gramPasses(names, rows, threshold);
  // One pass per level: an extended gram is counted only next to a common gram of the level below.
  walkRows(p, BASE_GRAM, (key, kind, at, length) => {
    const id = idOf(p, key, at, length);
    if (kind === BASE_GRAM) p.baseAt[p.offset + at] = id;
    count(p, id);
  });
  walkRows(p, EXTENDED_GRAM, (key, kind, at, length, left, right) => {
    if (kind === EXTENDED_GRAM && nextToCommonBase(p, left, right)) count(p, idOf(p, key, at, length));
  });
  walkRows(p, TWICE_EXTENDED_GRAM, (key, kind, at, length, left, right) => {
    if (kind === EXTENDED_GRAM) p.extendedAt[at] = nextToCommonBase(p, left, right) ? p.gramIds.get(key)! : -1;
    else if (kind === TWICE_EXTENDED_GRAM && nextToCommonExtended(p, left, right)) count(p, idOf(p, key, at, length));
  });
  return p;
}

/** The number of a gram met in the last pass, or -1 for an extended gram that was not counted. */
function countedId(p: GramPasses, key: GramKey, kind: GramKind, at: number, left: number, right: number): number {
  if (kind === UNIGRAM) return p.gramIds.get(key)!;
  if (kind === BASE_GRAM) return p.baseAt[p.offset + at]!;
  if (kind === EXTENDED_GRAM) {
    const id = nextToCommonBase(p, left, right) ? p.gramIds.get(key)! : -1;
    p.extendedAt[at] = id;
    return id;
  }
  return nextToCommonExtended(p, left, right) ? p.gramIds.get(key)! : -1;
}

/** The postings (`start[id]` to `start[id + 1]` a gram's ordinals) and each common gram's first rows, as many as `keep(gram, count)` says. */
function postGrams(p: GramPasses, keep: (gram: string, count: number) => number): { start: Int32Array; postings: Int32Array; commonFirst: Map<number, number[]> } {
  // Last pass: the ordinals of every posted gram, gram after gram, rows ascending within a gram.
  const g = p.grams.length;
  const start = new Int32Array(g + 1);
  for (let id = 0; id < g; id++) start[id + 1] = start[id]! + (isCommon(p, id) ? 0 : p.rowsOf[id]!);
  const postings = new Int32Array(start[g]!);
  const cursor = start.slice(0, g);
  /** Common grams of two code points or more: their first rows (as many as `keep` says). */
  const commonFirst = new Map<number, number[]>();
  const kept = new Map<number, number>();
  walkRows(p, TWICE_EXTENDED_GRAM, (key, kind, at, _length, left, right) => {
    const id = countedId(p, key, kind, at, left, right);
    if (id < 0 || p.lastRow[id] === p.current) return;
    if (!isCommon(p, id)) {
      p.lastRow[id] = p.current;
      postings[cursor[id]!++] = p.current;
    } else if (kind !== UNIGRAM) {
      // A common word's first rows, for its top file (all of them, for its common postings).
      p.lastRow[id] = p.current;
      let first = commonFirst.get(id);
      if (!first) {
        commonFirst.set(id, (first = []));
        kept.set(id, keep(p.grams[id]!, p.rowsOf[id]!));
      }
      if (first.length < kept.get(id)!) first.push(p.current);
    }
  });
  return { start, postings, commonFirst };
}

/** The posted grams by shard, where their ordinals are, and the common grams, with the first rows of those that have them. */
function gramsByShard(p: GramPasses, start: Int32Array, commonFirst: Map<number, number[]>, shards: number): { postedByShard: PostedGram[][]; common: string[]; commonTop: CommonGram[] } {
  // Grams by shard, in code-unit order so the files are reproducible; every common gram, of
  // whatever level, in the meta file, so a query knows before any shard what is posted.
  const postedByShard: PostedGram[][] = Array.from({ length: shards }, () => []);
  const common: string[] = [];
  const commonTop: CommonGram[] = [];
  for (let id = 0; id < p.grams.length; id++) {
    const gram = p.grams[id]!;
    if (!isCommon(p, id)) postedByShard[gramShard(gram, shards)]!.push({ gram, from: start[id]!, to: start[id + 1]! });
    else {
      common.push(gram);
      const first = commonFirst.get(id);
      if (first) commonTop.push({ gram, first, count: p.rowsOf[id]! });
    }
  }
  for (const list of postedByShard) list.sort((a, b) => byText(a.gram, b.gram));
  common.sort(byText);
  commonTop.sort((a, b) => byText(a.gram, b.gram));
  return { postedByShard, common, commonTop };
}

/** The rows' normalised ids, the ordinals in id order, and the first id of each id block. */
function sortedIds(rows: readonly SearchableRow[]): { idTexts: string[]; order: number[]; idBlocks: string[] } {
  // Ids, normalised and sorted, cut into blocks.
  const order = rows.map((_, i) => i);
  const idTexts = rows.map((r) => normaliseSearch(r.id));
  order.sort((a, b) => byText(idTexts[a]!, idTexts[b]!) || a - b);
  const idBlocks: string[] = [];
  for (let k = 0; k < rows.length; k += ID_BLOCK_SIZE) idBlocks.push(idTexts[order[k]!]!);
  return { idTexts, order, idBlocks };
}

/** A common gram of two code points or more, with its first rows (all, when it has common postings) and the number of rows holding it. */
interface CommonGram {
  gram: string;
  first: number[];
  count: number;
}

/** One id gram file: its grams (in code-unit order) with their ordinals (ascending). */
type IdGramList = { gram: string; ordinals: Int32Array }[];

/**
 * The id grams of a year's normalised ids (row i has ordinal i): every window of
 * ID_INFIX_MIN characters, those held by more than `threshold` rows common, the rest by file.
 * A window of digits and lower-case letters (every window of a valid credit code) is a
 * base-36 number, so the (window, row) pairs sort as numbers; others go through a map.
 */
function buildIdGrams(ids: readonly string[], threshold: number, fileCount: number): { common: string[]; files: IdGramList[] } {
  const ROW_BITS = 2 ** 21;
  const pairs: number[] = [];
  const other = new Map<string, number[]>();
  for (let row = 0; row < ids.length; row++) {
    const id = ids[row]!;
    const numeric = /^[0-9a-z]+$/.test(id);
    for (let i = 0; i + ID_INFIX_MIN <= id.length; i++) {
      const w = id.slice(i, i + ID_INFIX_MIN);
      if (numeric && row < ROW_BITS) pairs.push(parseInt(w, 36) * ROW_BITS + row);
      else {
        let list = other.get(w);
        if (!list) other.set(w, (list = []));
        if (list[list.length - 1] !== row) list.push(row);
      }
    }
  }
  const sorted = Float64Array.from(pairs).sort();
  const grams: { gram: string; ordinals: number[] }[] = [];
  for (let k = 0; k < sorted.length; ) {
    const key = Math.floor(sorted[k]! / ROW_BITS);
    const ordinals: number[] = [];
    for (; k < sorted.length && Math.floor(sorted[k]! / ROW_BITS) === key; k++) {
      const row = sorted[k]! - key * ROW_BITS;
      if (ordinals[ordinals.length - 1] !== row) ordinals.push(row);
    }
    grams.push({ gram: key.toString(36).padStart(ID_INFIX_MIN, '0'), ordinals });
  }
  for (const [gram, ordinals] of other) grams.push({ gram, ordinals });
  const common: string[] = [];
  const files: IdGramList[] = Array.from({ length: fileCount }, () => []);
  const meta = { idGrams: { files: fileCount, common: [] } };
  for (const { gram, ordinals } of grams) {
    if (ordinals.length > threshold) common.push(gram);
    else files[idGramFileOf(gram, meta)]!.push({ gram, ordinals: Int32Array.from(ordinals) });
  }
  for (const list of files) list.sort((a, b) => byText(a.gram, b.gram));
  return { common: common.sort(byText), files };
}

/** A posted gram and where its ordinals are in the postings array. */
interface PostedGram {
  gram: string;
  from: number;
  to: number;
}

/**
 * The index's files, made on demand from what the build keeps. A function of its own so the
 * files' closures hold only these, not the build's working arrays.
 */
function indexFiles(meta: SearchMeta, postedByShard: PostedGram[][], postings: Int32Array, commonTop: CommonGram[], idGramFiles: IdGramList[], ids: string[], orders: Int32Array): SearchIndex {
  const { year, shards, idBlocks, top } = meta;
  const posted = new Set(meta.commonPostings.grams);
  /** The grams of each top file, in code-unit order (made when first asked for). */
  let byTopFile: { gram: string; ordinals: number[]; count?: number }[][] | null = null;
  const topFiles = () => {
    if (!byTopFile) {
      const files: { gram: string; ordinals: number[]; count?: number }[][] = Array.from({ length: top.files }, () => []);
      for (const list of postedByShard) {
        for (const p of list) if (p.to - p.from > top.minRows) files[topFileOf(p.gram, meta)]!.push({ gram: p.gram, ordinals: Array.from(postings.subarray(p.from, p.from + topRowsOf(p.gram, p.to - p.from, meta))) });
      }
      for (const c of commonTop) files[topFileOf(c.gram, meta)]!.push({ gram: c.gram, ordinals: c.first.slice(0, topRowsOf(c.gram, c.count, meta)), count: c.count });
      for (const list of files) list.sort((a, b) => (a.gram < b.gram ? -1 : a.gram > b.gram ? 1 : 0));
      byTopFile = files;
    }
    return byTopFile;
  };
  return {
    meta,
    shard(s) {
      if (!(Number.isInteger(s) && s >= 0 && s < shards)) throw new Error(`search index: no shard ${s} in ${year}`);
      const out: Record<string, number[]> = {};
      for (const { gram, from, to } of postedByShard[s]!) {
        const deltas: number[] = [];
        for (let k = from; k < to; k++) deltas.push(k === from ? postings[k]! : postings[k]! - postings[k - 1]!);
        out[gram] = deltas;
      }
      return { v: SEARCH_INDEX_VERSION, year, shard: s, grams: out };
    },
    topGrams(k) {
      if (!(Number.isInteger(k) && k >= 0 && k < top.files)) throw new Error(`search index: no top file ${k} in ${year}`);
      return topFiles()[k]!;
    },
    commonPostings(k) {
      if (!(Number.isInteger(k) && k >= 0 && k < meta.commonPostings.files)) throw new Error(`search index: no common posting file ${k} in ${year}`);
      const out: Record<string, number[]> = {};
      for (const c of commonTop) {
        if (posted.has(c.gram) && commonPostingFileOf(c.gram, meta) === k) out[c.gram] = c.first.map((o, i) => (i === 0 ? o : o - c.first[i - 1]!));
      }
      return { v: SEARCH_INDEX_VERSION, year, file: k, grams: out };
    },
    deepPages(k) {
      if (!(Number.isInteger(k) && k >= 0 && k < meta.commonPostings.pageFiles)) throw new Error(`search index: no deep page file ${k} in ${year}`);
      const out: { key: string; ordinals: number[] }[] = [];
      for (const c of commonTop) {
        if (!posted.has(c.gram)) continue;
        const held = heldRowsOf(c.gram, c.count, meta);
        for (let p = 1; p * top.deepRows < held; p++) {
          if (deepPageFileOf(c.gram, p, meta) === k) out.push({ key: deepPageKey(c.gram, p), ordinals: c.first.slice(p * top.deepRows, Math.min(held, (p + 1) * top.deepRows)) });
        }
      }
      return out;
    },
    idGram(k) {
      if (!(Number.isInteger(k) && k >= 0 && k < idGramFiles.length)) throw new Error(`search index: no id gram file ${k} in ${year}`);
      const out: Record<string, number[]> = {};
      for (const { gram, ordinals } of idGramFiles[k]!) out[gram] = Array.from(ordinals, (o, i) => (i === 0 ? o : o - ordinals[i - 1]!));
      return { v: SEARCH_INDEX_VERSION, year, file: k, grams: out };
    },
    idBlock(k) {
      if (!(Number.isInteger(k) && k >= 0 && k < idBlocks.length)) throw new Error(`search index: no id block ${k} in ${year}`);
      const from = k * ID_BLOCK_SIZE;
      const to = Math.min(ids.length, from + ID_BLOCK_SIZE);
      return { v: SEARCH_INDEX_VERSION, year, block: k, id: ids.slice(from, to), order: Array.from(orders.subarray(from, to)) };
    },
  };
}
