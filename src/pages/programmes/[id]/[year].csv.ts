// A programme's members in one year as CSV: /programmes/{id}/{year}.csv (language-neutral,
// bilingual names). Built only by the process that builds the lists (shard.ts): membership
// needs every row of the year.
import type { APIRoute } from 'astro';
import { programmeCsv } from '../../../components/programmes/programme-csv.ts';
import { programmeById, programmes } from '../../../site/programme-pages.ts';
import { sharedPaths } from '../../../site/shard.ts';

export function getStaticPaths() {
  return sharedPaths(() => programmes.flatMap((p) => p.years.map((year) => ({ params: { id: p.id, year: String(year) } }))));
}

export const GET: APIRoute = ({ params }) =>
  new Response(programmeCsv(programmeById(params.id!), Number(params.year)), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
