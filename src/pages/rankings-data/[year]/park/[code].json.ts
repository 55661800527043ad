/**
 * /rankings-data/{year}/park/{code}.json: one park's rows of a year in published order with
 * each row's place in the national list, so a park filter fetches only its park.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { parks, years } from '../../../../site/portal.ts';
import { jsonResponse, rankingPieces } from '../../../../site/explorer.ts';
import { sharedPaths } from '../../../../site/shard.ts';

export const getStaticPaths = (() =>
  sharedPaths(() => years.flatMap((year) => parks.map((p) => ({ params: { year: String(year), code: p.code } }))))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) => jsonResponse(rankingPieces(Number(params['year'])).parkFile(params['code']!));
