/**
 * A programme's members in one year as CSV (UTF-8 with BOM, formula-safe text cells): public
 * columns only, every number one the public scores table already publishes (score, ranks,
 * score change), plus the rank within the programme and whether the firm entered this year.
 */
import { createHash } from 'node:crypto';
import { centsCell, csvLine, numberCell, textCell, UTF8_BOM } from '../../core/csv-write.ts';
import { changesOf, members } from '../../site/programme-pages.ts';
import { rankMembers, type Programme } from '../../site/programmes.ts';

export const PROGRAMME_CSV_COLUMNS = [
  'year',
  'programme',
  'programme_rank',
  'id',
  'name',
  'name_en',
  'park',
  'industry',
  'stage',
  'score',
  'rank_national',
  'rank_park',
  'rank_stage',
  'score_change',
  'status',
] as const;

/** The CSV text: `status` is "new" (not a member the year before), "continuing", or blank in the programme's first year. */
export function programmeCsv(p: Programme, year: number): string {
  const changes = changesOf(p, year);
  const entered = new Set(changes?.entered.map((r) => r.id) ?? []);
  const lines = rankMembers(members(p, year)).map(({ row: r, rank }) =>
    csvLine([
      numberCell(year),
      textCell(p.id),
      numberCell(rank),
      textCell(r.id),
      textCell(r.name),
      textCell(r.nameEn),
      textCell(r.park),
      textCell(r.industry),
      textCell(r.stage),
      centsCell(r.score),
      numberCell(r.rankNational),
      numberCell(r.rankPark),
      numberCell(r.rankStage),
      centsCell(r.scoreChange),
      changes === null ? '' : entered.has(r.id) ? 'new' : 'continuing',
    ]),
  );
  return UTF8_BOM + csvLine([...PROGRAMME_CSV_COLUMNS]) + lines.join('');
}

const digests = new Map<string, string>();

/** The SHA-256 (hex) of a programme year's CSV, as the download and the checksums file give it. */
export function programmeCsvSha256(p: Programme, year: number): string {
  const key = `${p.id}/${year}`;
  let hash = digests.get(key);
  if (!hash) {
    hash = createHash('sha256').update(programmeCsv(p, year), 'utf8').digest('hex');
    digests.set(key, hash);
  }
  return hash;
}

/** /programmes/SHA256SUMS: every programme year's CSV, by its path under /programmes/ (`sha256sum -c` format). */
export function programmeChecksums(list: readonly Programme[]): string {
  return list.flatMap((p) => p.years.map((year) => `${programmeCsvSha256(p, year)}  ${p.id}/${year}.csv\n`)).join('');
}
