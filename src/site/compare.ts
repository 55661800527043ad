/**
 * The compare page's data files (src/wire/compare-data.ts), made from the published rows
 * only: each firm's years with score, ranks, changes, category points or bands, the public
 * indicators' values and points and every indicator's band (what its profile shows).
 */
import { COMPARE_DATA_VERSION, compareFileCount, compareFileOf, type CompareFile, type CompareFirm } from '../wire/compare-data.ts';
import type { PublishedRow } from '../publish/publish.ts';
import { enterprises, enterpriseTimeline } from './rows.ts';
import { routes } from './routes.ts';

/** The compare path (without language prefix). */
export const COMPARE_PATH = routes.compare();

/** One firm's entry, from its published years (oldest first). */
export function compareFirm(timeline: readonly { year: number; row: PublishedRow }[]): CompareFirm {
  const latest = timeline[timeline.length - 1]!.row;
  return {
    name: latest.name,
    nameEn: latest.nameEn,
    years: timeline.map(({ year, row }) => ({
      year,
      park: row.park,
      stage: row.stage,
      score: row.score,
      rankNational: row.rankNational,
      rankPark: row.rankPark,
      rankStage: row.rankStage,
      rankChange: row.rankChange,
      scoreChange: row.scoreChange,
      categories: [...row.categories],
      categoryBands: row.categoryBands,
      bands: row.bands,
      values: [...row.publicValues],
      points: [...row.points],
    })),
  };
}

let byFile: Map<number, string[]> | null = null;
/** The ids of each file (made once). */
function idsByFile(): Map<number, string[]> {
  if (!byFile) {
    const ids = [...new Set(enterprises().map((r) => r.id))].sort();
    const count = compareFileCount(ids.length);
    byFile = new Map(Array.from({ length: count }, (_, k) => [k, []]));
    for (const id of ids) byFile.get(compareFileOf(id, count))!.push(id);
  }
  return byFile;
}

/** The number of compare files. */
export function compareFiles(): number {
  return idsByFile().size;
}

/** Compare file k. */
export function compareFile(k: number): CompareFile {
  const ids = idsByFile().get(k);
  if (!ids) throw new Error(`compare data: no file ${k}`);
  return { v: COMPARE_DATA_VERSION, file: k, firms: Object.fromEntries(ids.map((id) => [id, compareFirm(enterpriseTimeline(id))])) };
}
