// The checksums of the programme CSVs: /programmes/SHA256SUMS (`sha256sum -c SHA256SUMS` in a
// folder holding the programme folders' CSVs). Only when the data folder declares programmes.
import type { APIRoute } from 'astro';
import { programmeChecksums } from '../../components/programmes/programme-csv.ts';
import { programmes } from '../../site/programme-pages.ts';
import { sharedPaths } from '../../site/shard.ts';

export const getStaticPaths = () => sharedPaths(() => (programmes.length ? [{ params: { sums: 'SHA256SUMS' } }] : []));

export const GET: APIRoute = () => new Response(programmeChecksums(programmes), { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
