/**
 * /compare-data/{k}.json: the published numbers of the firms of file k, for the compare page's
 * island (src/wire/compare-data.ts, src/site/compare.ts).
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { compareFile, compareFiles } from '../../site/compare.ts';
import { jsonResponse } from '../../site/explorer.ts';
import { sharedPaths } from '../../site/shard.ts';

export const getStaticPaths = (() => sharedPaths(() => Array.from({ length: compareFiles() }, (_, k) => ({ params: { file: String(k) } })))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) => jsonResponse(compareFile(Number(params['file'])));
