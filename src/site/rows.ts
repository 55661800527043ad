/**
 * The enterprise rows of every year, read from the rows files on first use and kept for the
 * build, with the lookups profiles make thousands of times (by id, by year). In a process that
 * builds only profiles (shard.ts), only its own enterprises' rows are kept; the rankings'
 * sizes are counted over every row in every process.
 */
import { OUTPUT_FILES } from '../publish/output.ts';
import type { PublishedRow } from '../publish/publish.ts';
import { createRowInterner } from './intern.ts';
import { readScored, years } from './load.ts';
import { parseRowsFile } from './rows-file.ts';
import { buildsSharedPages, ownsProfile } from './shard.ts';

const rowsCache = new Map<number, PublishedRow[]>();
const sizesCache = new Map<number, { national: number; parks: Map<string, number> }>();
/** One interner for the whole build: rows of different years share their values too. */
const share = createRowInterner();

function loadYear(year: number): PublishedRow[] {
  const { rows, national, parks } = parseRowsFile(readScored(OUTPUT_FILES.rowsForYear(year)), buildsSharedPages ? null : ownsProfile, share);
  sizesCache.set(year, { national, parks });
  rowsCache.set(year, rows);
  return rows;
}

/**
 * All enterprise rows of a year in published order (rank, then id). In a process that builds
 * only profiles (shard.ts), only the rows of the enterprises it profiles: such a process builds
 * no list pages, and yearSizes() keeps the full counts.
 */
export function rowsForYear(year: number): PublishedRow[] {
  return rowsCache.get(year) ?? loadYear(year);
}

/** How many enterprises a year has, nationally and per park (in every process, all of them). */
export function yearSizes(year: number): { national: number; parks: Map<string, number> } {
  if (!sizesCache.has(year)) loadYear(year);
  return sizesCache.get(year)!;
}

let timelineIndex: Map<string, { year: number; row: PublishedRow }[]> | null = null;
/** Every enterprise's rows with their years, oldest first: one index for profiles and the id list. */
function timelines(): Map<string, { year: number; row: PublishedRow }[]> {
  if (!timelineIndex) {
    timelineIndex = new Map();
    for (const year of years) {
      for (const row of rowsForYear(year)) {
        const list = timelineIndex.get(row.id);
        if (list) list.push({ year, row });
        else timelineIndex.set(row.id, [{ year, row }]);
      }
    }
  }
  return timelineIndex;
}

/** An enterprise's rows with their years, oldest first (a firm may skip a year). */
export function enterpriseTimeline(id: string): { year: number; row: PublishedRow }[] {
  return timelines().get(id) ?? [];
}

/** Every enterprise id with its latest row (name and park are the latest year's). */
export function enterprises(): PublishedRow[] {
  return [...timelines().values()].map((list) => list[list.length - 1]!.row).sort((a, b) => (a.id < b.id ? -1 : 1));
}

const rowIndexCache = new Map<number, Map<string, PublishedRow>>();
/** An enterprise's row in a year, by map lookup (undefined when it was not scored that year). */
export function rowOfYear(year: number, id: string): PublishedRow | undefined {
  let index = rowIndexCache.get(year);
  if (!index) {
    index = new Map(rowsForYear(year).map((r) => [r.id, r]));
    rowIndexCache.set(year, index);
  }
  return index.get(id);
}

/** An enterprise's most recent scored year and row. */
export function latestRowOf(id: string): { year: number; row: PublishedRow } | undefined {
  for (let i = years.length - 1; i >= 0; i--) {
    const row = rowOfYear(years[i]!, id);
    if (row) return { year: years[i]!, row };
  }
  return undefined;
}
