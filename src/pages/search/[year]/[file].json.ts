/**
 * /search/{year}/meta.json, /search/{year}/{n}.json (shards), /search/{year}/top-{k}.json (top
 * rows), /search/{year}/cp-{k}.json (common postings), /search/{year}/dp-{k}.json (deep pages),
 * /search/{year}/idg-{k}.json (id grams)
 * and /search/{year}/id-{k}.json (id blocks): a year's static name index
 * (src/wire/name-search.ts). One route for all of them so a year's files are
 * written together and its index is built once.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { jsonResponse, searchFile, searchFiles } from '../../../site/explorer.ts';
import { sharedPaths } from '../../../site/shard.ts';

export const getStaticPaths = (() =>
  sharedPaths(() => searchFiles().map(([year, file]) => ({ params: { year: String(year), file } })))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) => jsonResponse(searchFile(Number(params['year']), params['file']!));
