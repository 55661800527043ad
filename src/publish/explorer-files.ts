/**
 * The ranking explorer's data files for one year: the chunked list (ranking-data.ts) and the
 * name index (search-index.ts), by path. The endpoints under src/pages/rankings-data/ and
 * src/pages/search/ publish exactly these; tests and scripts/explorer-sizes.ts read them here.
 */
import { fillTemplate, prepareRankingPieces, type RankableRow, type RankingPieces, type RankingTables } from '../wire/ranking-data.ts';
import { SEARCH_INDEX_VERSION, type DeepPageFile, type TopFile } from '../wire/name-search.ts';
import { buildSearchIndex, type SearchIndex, type SearchIndexOptions } from './search-index.ts';
import { TAGS } from '../core/vocabulary.ts';
import type { Park } from '../ingest/dataset.ts';
import type { Model } from '../ingest/model.ts';

/**
 * The tables every year's explorer data is encoded against (every park and stage, so indices
 * mean the same in every year): the chunk files and the hub's server-rendered first page alike.
 */
export function explorerTables(model: Pick<Model, 'stages'>, parks: readonly Pick<Park, 'code'>[]): RankingTables {
  return { parks: parks.map((p) => p.code), stages: model.stages.map((s) => s.id), tagNames: [...TAGS] };
}

/** Paths of the explorer's files (without base path), as templates with {year}, {n} and {code}. */
export const EXPLORER_PATHS = {
  meta: '/rankings-data/{year}/meta.json',
  chunk: '/rankings-data/{year}/{n}.json',
  park: '/rankings-data/{year}/park/{code}.json',
  searchMeta: '/search/{year}/meta.json',
  shard: '/search/{year}/{n}.json',
  top: '/search/{year}/top-{n}.json',
  commonPostings: '/search/{year}/cp-{n}.json',
  deepPage: '/search/{year}/dp-{n}.json',
  idBlock: '/search/{year}/id-{n}.json',
  idGram: '/search/{year}/idg-{n}.json',
} as const;

export type ExplorerPathKind = keyof typeof EXPLORER_PATHS;

/** The path of one file. */
export function explorerPath(kind: ExplorerPathKind, year: number, n: number | string = ''): string {
  return fillTemplate(EXPLORER_PATHS[kind], { year: String(year), n: String(n), code: String(n) });
}

/** Every file of a year's explorer data: [path, content], in a stable order. Tests may fix the chunk size and the index options (shards, top files, top rows). */
export function* explorerFiles(year: number, rows: readonly RankableRow[], tables: RankingTables, options: { chunkSize?: number } & SearchIndexOptions = {}): Generator<[string, unknown]> {
  const pieces: RankingPieces = prepareRankingPieces(year, rows, tables, options.chunkSize);
  yield [explorerPath('meta', year), pieces.meta];
  for (let n = 0; n < pieces.meta.chunks; n++) yield [explorerPath('chunk', year, n), pieces.chunk(n)];
  for (const code of tables.parks) yield [explorerPath('park', year, code), pieces.parkFile(code)];
  const index: SearchIndex = buildSearchIndex(year, rows, options);
  yield [explorerPath('searchMeta', year), index.meta];
  for (let n = 0; n < index.meta.shards; n++) yield [explorerPath('shard', year, n), index.shard(n)];
  for (let k = 0; k < index.meta.top.files; k++) yield [explorerPath('top', year, k), topFile(index, pieces, k)];
  for (let k = 0; k < index.meta.commonPostings.files; k++) yield [explorerPath('commonPostings', year, k), index.commonPostings(k)];
  for (let k = 0; k < index.meta.commonPostings.pageFiles; k++) yield [explorerPath('deepPage', year, k), deepPageFile(index, pieces, k)];
  for (let k = 0; k < index.meta.idGrams.files; k++) yield [explorerPath('idGram', year, k), index.idGram(k)];
  for (let k = 0; k < index.meta.idBlocks.length; k++) yield [explorerPath('idBlock', year, k), index.idBlock(k)];
}

/** Deep page file k of a year's index: its pages' rows, encoded as the year's list is. */
export function deepPageFile(index: SearchIndex, pieces: RankingPieces, k: number): DeepPageFile {
  return { v: SEARCH_INDEX_VERSION, year: index.meta.year, file: k, pages: Object.fromEntries(index.deepPages(k).map(({ key, ordinals }) => [key, pieces.ordered(ordinals)])) };
}

/** Top file k of a year's index: its grams' first rows, encoded as the year's list is. */
export function topFile(index: SearchIndex, pieces: RankingPieces, k: number): TopFile {
  const list = index.topGrams(k);
  const grams = Object.fromEntries(list.map(({ gram, ordinals }) => [gram, pieces.ordered(ordinals)]));
  const common = list.filter((g) => g.count !== undefined);
  const file: TopFile = { v: SEARCH_INDEX_VERSION, year: index.meta.year, file: k, grams };
  if (common.length > 0) file.counts = Object.fromEntries(common.map((g) => [g.gram, g.count!]));
  return file;
}
