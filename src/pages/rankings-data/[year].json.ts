/**
 * /rankings-data/{year}.json: one year's whole ranking list in the explorer's compact columnar
 * form, fetched by the RankingExplorer island on demand. Language-neutral (labels come from
 * the page), and limited to published fields (no raw values at all).
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { model, parks, rowsForYear, years } from '../../data/portal.ts';
import { TAGS } from '../../lib/dataset.ts';
import { encodeRankingData } from '../../components/islands/ranking-data.ts';

export const getStaticPaths = (() => years.map((year) => ({ params: { year: String(year) } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) => {
  const year = Number(params['year']);
  const data = encodeRankingData(year, rowsForYear(year), {
    parks: parks.map((p) => p.code),
    stages: model.stages.map((s) => s.id),
    tagNames: [...TAGS],
  });
  return new Response(JSON.stringify(data), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
