/**
 * /rankings-data/{year}/meta.json: a year's tables (parks, stages, industries, designations)
 * and how its list is cut into chunks, for the RankingExplorer island (ranking-data.ts).
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { years } from '../../../site/portal.ts';
import { jsonResponse, rankingPieces } from '../../../site/explorer.ts';
import { sharedPaths } from '../../../site/shard.ts';

export const getStaticPaths = (() => sharedPaths(() => years.map((year) => ({ params: { year: String(year) } })))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) => jsonResponse(rankingPieces(Number(params['year'])).meta);
