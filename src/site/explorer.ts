/**
 * The ranking explorer's data files, made at build time from the data module's rows with
 * src/publish/explorer-files.ts: each year's list cut into pieces, and its name index. The
 * endpoints under src/pages/rankings-data/ and src/pages/search/ read them here.
 */
import { prepareRankingPieces, type RankingPieces, type RankingTables } from '../wire/ranking-data.ts';
import { deepPageFile, explorerTables, topFile } from '../publish/explorer-files.ts';
import { buildSearchIndex, searchFileNames, type SearchIndex } from '../publish/search-index.ts';
import { model, parks, rowsForYear, site, years } from './portal.ts';

const tables: RankingTables = explorerTables(model, parks);

const piecesByYear = new Map<number, RankingPieces>();
/** A year's list in pieces (cheap: the rows plus one ordinal per row). */
export function rankingPieces(year: number): RankingPieces {
  let pieces = piecesByYear.get(year);
  if (!pieces) {
    pieces = prepareRankingPieces(year, rowsForYear(year), tables);
    piecesByYear.set(year, pieces);
  }
  return pieces;
}

let lastIndex: { year: number; index: SearchIndex } | null = null;
/**
 * A year's name index. Only the last year asked for is kept: the search endpoint lists a
 * year's files together, so Astro writes them one year after another.
 */
function searchIndex(year: number): SearchIndex {
  if (lastIndex?.year !== year) lastIndex = { year, index: buildSearchIndex(year, rowsForYear(year), { topRows: site.page_size }) };
  return lastIndex.index;
}

/**
 * One file of a year's name index (a name from searchFileNames). The last file of a year (its
 * last id block) lets the index go: the rest of the build does not need it, and at national
 * scale it holds hundreds of megabytes. (Asked for again, it is built again.)
 */
export function searchFile(year: number, file: string): unknown {
  const index = searchIndex(year);
  if (file === 'meta') return index.meta;
  if (file.startsWith('top-')) return topFile(index, rankingPieces(year), Number(file.slice(4)));
  if (file.startsWith('cp-')) return index.commonPostings(Number(file.slice(3)));
  if (file.startsWith('dp-')) return deepPageFile(index, rankingPieces(year), Number(file.slice(3)));
  if (file.startsWith('idg-')) return index.idGram(Number(file.slice(4)));
  if (!file.startsWith('id-')) return index.shard(Number(file));
  const block = Number(file.slice(3));
  const data = index.idBlock(block);
  if (block === index.meta.idBlocks.length - 1 && lastIndex?.year === year) lastIndex = null;
  return data;
}

/** The files of every year's index, year after year: [year, name without .json]. */
export function searchFiles(): [number, string][] {
  return years.flatMap((year) => searchFileNames(rowsForYear(year).length).map((name): [number, string] => [year, name]));
}

/** Every year's chunk numbers: [year, n]. */
export function rankingChunks(): [number, number][] {
  return years.flatMap((year) => Array.from({ length: rankingPieces(year).meta.chunks }, (_, n): [number, number] => [year, n]));
}

/** A JSON response for an endpoint. */
export function jsonResponse(data: unknown): Response {
  return new Response(JSON.stringify(data), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
}
