/**
 * The compare page's data (issue 14 §7): every firm's published numbers over the years, in
 * files of about COMPARE_FIRMS_PER_FILE firms each, /compare-data/{k}.json, so a comparison
 * of up to four firms costs at most four small requests. The file of a firm follows from its
 * id and the number of files alone (compareFileOf), shared by the build (src/site/compare.ts)
 * and the CompareView island. Published numbers only: score, ranks, changes, category points
 * or bands, the public indicators' values and points, and each indicator's band.
 */
import { gramShard } from './name-search.ts';

/** The version of the files; bump it when their meaning changes. */
export const COMPARE_DATA_VERSION = 1;
/** Firms per file, about: the number of files is the number of firms over this. */
export const COMPARE_FIRMS_PER_FILE = 64;
/** At most this many firms are compared at once. */
export const MAX_COMPARED = 4;

/** One year of a firm, as published. */
export interface CompareYear {
  year: number;
  park: string;
  stage: string;
  score: number;
  rankNational: number;
  rankPark: number;
  rankStage: number;
  /** This year's national rank minus last year's; null without a previous year. */
  rankChange: number | null;
  scoreChange: number | null;
  /** Points per category in model order, or null for a category published as a band only. */
  categories: (number | null)[];
  /** One band code per category and per indicator ('0' not reported, '1' top 10 % … '4' lower 50 %), model order. */
  categoryBands: string;
  bands: string;
  /** Per indicator, model order: the reported value and the points of a public indicator; null for private ones (and a value not reported or unbounded). */
  values: (number | null)[];
  points: (number | null)[];
}

/** A firm in a compare file. */
export interface CompareFirm {
  name: string;
  nameEn: string;
  years: CompareYear[];
}

/** /compare-data/{k}.json. */
export interface CompareFile {
  v: number;
  file: number;
  firms: Record<string, CompareFirm>;
}

/** The number of files for `firms` firms. */
export function compareFileCount(firms: number): number {
  return Math.max(1, Math.ceil(firms / COMPARE_FIRMS_PER_FILE));
}

/** The file holding a firm (by its id as published). */
export function compareFileOf(id: string, files: number): number {
  return gramShard(id, files);
}

/** A credit code as the compare page accepts it: 18 digits and capital letters. */
const ID = /^[0-9A-Z]{18}$/;

/**
 * The firms a compare URL names: `ids` (comma-separated, in order), then `add`, each once,
 * valid codes only (upper-cased), at most MAX_COMPARED (the first ones).
 */
export function comparedIds(search: string, stored: readonly string[] = []): string[] {
  const p = new URLSearchParams(search);
  const listed = (p.get('ids') ?? '').split(',');
  const add = p.get('add');
  // A link from a profile ("add to compare") adds to the firms already chosen (kept by the page).
  const base = p.has('ids') ? listed : add !== null ? [...stored] : listed;
  const out: string[] = [];
  for (const raw of [...base, ...(add !== null ? [add] : [])]) {
    const id = raw.trim().toUpperCase();
    if (ID.test(id) && !out.includes(id)) out.push(id);
  }
  // Adding a fifth firm drops the oldest one.
  return add !== null ? out.slice(-MAX_COMPARED) : out.slice(0, MAX_COMPARED);
}

/** The query string naming firms for the compare page ('' for none). */
export function compareQuery(ids: readonly string[]): string {
  return ids.length > 0 ? `?ids=${ids.join(',')}` : '';
}
