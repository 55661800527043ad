/**
 * Name search over a year's whole list from a static index the browser fetches in pieces.
 * Shared by the build (src/lib/search-index.ts writes the index with these grams and this
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
 * Whether a window is posted depends only on its content and the year's counts, so every
 * gram a query looks up is posted for every name that contains the query: intersecting the
 * postings gives a superset of the matching rows, which the caller narrows by checking each
 * candidate's names (matchesQuery in ranking-data.ts).
 *
 * Ids are looked up by prefix in id blocks (ids sorted, cut into blocks), not by grams.
 *
 * Files: /search/{year}/meta.json (SearchMeta), /search/{year}/{n}.json (SearchShard: the grams
 * whose hash modulo the shard count is n) and /search/{year}/id-{k}.json (IdBlock). An ordinal
 * is a row's position in the year's published order (national rank, then id), the order of
 * the /rankings-data/ chunks.
 *
 * No imports but ranking-data.ts: this module ships to the browser.
 */
import { normaliseSearch } from './ranking-data.ts';

/** The version of the index files; bump it when their meaning changes. */
export const SEARCH_INDEX_VERSION = 1;

/** /search/{year}/meta.json: what a query needs before it fetches a shard. */
export interface SearchMeta {
  v: number;
  year: number;
  rows: number;
  /** A gram lives in shard gramShard(gram, shards). */
  shards: number;
  /**
   * Base grams and characters held by so many rows that they are not posted (sorted). A query
   * skips them when it has other grams; a query made only of them is answered by checking
   * every row. (Common extended grams are listed in their shards.)
   */
  common: string[];
  /** The first id (normalised) of each id block; block k holds the ids from idBlocks[k] up to idBlocks[k + 1]. */
  idBlocks: string[];
}

/** /search/{year}/{n}.json: the posted grams of one shard and the extended grams of it that are too common to post. */
export interface SearchShard {
  v: number;
  year: number;
  shard: number;
  /** Gram → ordinals, delta-encoded (the first ordinal, then differences). */
  grams: Record<string, number[]>;
  /** Extended grams held by too many rows to post (sorted). */
  common: string[];
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

/** At most this many grams of a query are looked up (each may cost a shard). */
const MAX_QUERY_GRAMS = 6;
/** Candidates above this many (a page) are narrowed down with twice-extended grams when the query has them. */
const REFINE_ABOVE = 50;
/** An id prefix is looked up only when it falls in at most this many id blocks. */
const MAX_ID_BLOCKS = 2;

/** What the index says about a query. */
export type Candidates =
  /**
   * Ascending ordinals: every match is among them. `exact` when they are all matches (the
   * query is itself a posted gram, or an id prefix); otherwise their names are still to be checked.
   */
  | { kind: 'ordinals'; ordinals: number[]; exact: boolean }
  /** Every gram of the query is common: check every row. */
  | { kind: 'scan' }
  /** Too little to look up: one common character, fewer than three letters, or too short an id prefix. */
  | { kind: 'tooShort' };

/** Where the index pieces come from (fetched once and cached by the caller). */
export interface SearchPieces {
  shard(n: number): Promise<SearchShard>;
  idBlock(k: number): Promise<IdBlock>;
}

/**
 * The grams to look up: all of a query's non-common grams, or MAX_QUERY_GRAMS of them spread
 * from its first to its last. Overlapping grams are kept: pinyin trigrams are individually
 * weak, and only together do they pin a name down.
 */
function chooseGrams(grams: readonly string[]): string[] {
  if (grams.length <= MAX_QUERY_GRAMS) return [...grams];
  const step = (grams.length - 1) / (MAX_QUERY_GRAMS - 1);
  return Array.from({ length: MAX_QUERY_GRAMS }, (_, k) => grams[Math.round(k * step)]!);
}

/** Whether a normalised query is looked up as an id: letters and digits only, with at least two digits. */
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

/** How a normalised query is looked up: its grams by round, and what else decides the answer. */
function planQuery(q: string, meta: SearchMeta) {
  const common = new Set(meta.common);
  /** Grams the meta file says are posted or may be: rare base grams and extended grams next to a common one. */
  const first: string[] = [];
  /** Twice-extended grams: posted only next to an extended gram its shard says is common. */
  const second: { gram: string; left: string; right: string }[] = [];
  const unigrams: string[] = [];
  let baseGrams = 0;
  forEachGram(q, (gram, kind, left, right) => {
    if (kind === UNIGRAM) unigrams.push(gram);
    else if (kind === TWICE_EXTENDED_GRAM) second.push({ gram, left, right });
    else if (kind === BASE_GRAM ? !common.has(gram) : common.has(left) || common.has(right)) {
      if (!first.includes(gram)) first.push(gram);
    }
    if (kind === BASE_GRAM) baseGrams++;
  });
  return { first: chooseGrams(first), second, unigrams, baseGrams, common };
}

/**
 * Starts fetching the pieces a query will look up first (its first round of shards, or its
 * id blocks), so they are on their way before the page has even re-rendered.
 */
export function prefetchCandidates(query: string, meta: SearchMeta, pieces: SearchPieces): void {
  const q = normaliseSearch(query);
  if (q === '') return;
  const quiet = (p: Promise<unknown>) => void p.catch(() => {});
  if (isIdQuery(q)) {
    const blocks = idBlocksFor(q, meta.idBlocks);
    if (blocks.length <= MAX_ID_BLOCKS) for (const k of blocks) quiet(pieces.idBlock(k));
    return;
  }
  const { first, unigrams, common } = planQuery(q, meta);
  const single = unigrams.length === 1 && !common.has(unigrams[0]!) ? unigrams : [];
  for (const g of first.length > 0 ? first : single) quiet(pieces.shard(gramShard(g, meta.shards)));
}

/**
 * The candidates for a query (any text; it is normalised here), from the fewest pieces: for
 * an id query (isIdQuery) the id blocks it falls in, whose ids are checked here; otherwise
 * the shards of its grams, common ones skipped while others remain. An empty query gives no
 * candidates (the caller shows every row).
 */
export async function findCandidates(query: string, meta: SearchMeta, pieces: SearchPieces): Promise<Candidates> {
  const q = normaliseSearch(query);
  if (q === '') return { kind: 'ordinals', ordinals: [], exact: true };
  const { first, second, unigrams, baseGrams, common } = planQuery(q, meta);

  /** A posted gram that is the whole query has exactly the matching rows. */
  let exact = false;
  /** The ordinals of each posted gram of `list`, and the grams of it that their shards list as too common to post. */
  const lookUp = async (list: readonly string[]) => {
    const shards = await Promise.all(list.map((g) => pieces.shard(gramShard(g, meta.shards))));
    const lists: number[][] = [];
    const tooCommon = new Set<string>();
    shards.forEach((s, i) => {
      const g = list[i]!;
      if (s.common.includes(g)) tooCommon.add(g);
      else {
        lists.push(Object.hasOwn(s.grams, g) ? decodeDeltas(s.grams[g]!) : []);
        if (g === q) exact = true;
      }
    });
    return { lists, tooCommon };
  };

  const byName = async (): Promise<Candidates> => {
    let ordinals: number[] | null = null;
    let tooCommon = new Set<string>();
    if (first.length > 0) {
      const found = await lookUp(first);
      tooCommon = found.tooCommon;
      if (found.lists.length > 0) ordinals = intersectSorted(found.lists);
    }
    // Still nothing, or more than a page: narrow down with the longer grams next to common ones.
    if (ordinals === null || ordinals.length > REFINE_ABOVE) {
      const more = [...new Set(second.filter((t) => tooCommon.has(t.left) || tooCommon.has(t.right)).map((t) => t.gram))];
      if (more.length > 0) {
        const found = await lookUp(chooseGrams(more));
        if (found.lists.length > 0) ordinals = intersectSorted(ordinals ? [ordinals, ...found.lists] : found.lists);
      }
    }
    if (ordinals) return { kind: 'ordinals', ordinals, exact };
    // Nothing posted narrows it down: check every row, unless the query is too short for that to help.
    if (baseGrams > 0) return { kind: 'scan' };
    const [unigram] = unigrams;
    if (unigrams.length === 1 && !common.has(unigram!)) return { kind: 'ordinals', ordinals: (await lookUp(unigrams)).lists[0] ?? [], exact: true };
    return { kind: 'tooShort' };
  };

  const byId = async (): Promise<Candidates> => {
    const blocks = idBlocksFor(q, meta.idBlocks);
    if (blocks.length > MAX_ID_BLOCKS) return { kind: 'tooShort' };
    const found: number[] = [];
    for (const block of await Promise.all(blocks.map((k) => pieces.idBlock(k)))) {
      block.id.forEach((id, i) => {
        if (id.startsWith(q)) found.push(block.order[i]!);
      });
    }
    return { kind: 'ordinals', ordinals: found.sort((x, y) => x - y), exact: true };
  };

  return isIdQuery(q) ? byId() : byName();
}
