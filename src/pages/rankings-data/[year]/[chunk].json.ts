/**
 * /rankings-data/{year}/{n}.json: rows n·C to (n+1)·C − 1 of a year's list in published order,
 * in the explorer's columnar form, published fields only (ranking-data.ts).
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { jsonResponse, rankingChunks, rankingPieces } from '../../../site/explorer.ts';
import { sharedPaths } from '../../../site/shard.ts';

export const getStaticPaths = (() =>
  sharedPaths(() => rankingChunks().map(([year, n]) => ({ params: { year: String(year), chunk: String(n) } })))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) => jsonResponse(rankingPieces(Number(params['year'])).chunk(Number(params['chunk'])));
