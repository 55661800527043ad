/**
 * Parsing one year's rows file (src/publish/output.ts): a JSON array with one row per line,
 * parsed line by line so the file never becomes one string (at 520,000 firms a year is 360 MB
 * of UTF-8, twice that as a string). Pure: the caller says which rows it keeps.
 */
import type { PublishedRow } from '../publish/publish.ts';

/** A year's rows that a process keeps, and the sizes of the year's rankings over all rows. */
export interface ParsedRowsFile {
  /** The kept rows, in file order (the published order: rank, then id). */
  rows: PublishedRow[];
  /** How many rows the file has. */
  national: number;
  /** How many rows each park has. */
  parks: Map<string, number>;
}

const ROW_START = Buffer.from('{"id":"');
const PARK_KEY = Buffer.from('"park":"');

/**
 * Parses the rows of a rows file. `owns` says whether a row with this id is kept (null: every
 * row); a row that is not kept is not parsed at all when its line starts with its id: only its
 * park is read from the text, to count the park's size. `share` is applied to every parsed row
 * (intern.ts).
 */
export function parseRowsFile(
  bytes: Buffer,
  owns: ((id: string) => boolean) | null,
  share: (row: PublishedRow) => PublishedRow = (row) => row,
): ParsedRowsFile {
  const rows: PublishedRow[] = [];
  const parks = new Map<string, number>();
  let national = 0;
  for (let start = 0; start < bytes.length; ) {
    let end = bytes.indexOf(0x0a, start);
    if (end === -1) end = bytes.length;
    const stop = bytes[end - 1] === 0x2c ? end - 1 : end; // without the comma between rows
    if (bytes[start] === 0x7b) {
      national++;
      const idEnd = bytes.indexOf(0x22, start + ROW_START.length);
      const keyed = bytes.compare(ROW_START, 0, ROW_START.length, start, start + ROW_START.length) === 0 && idEnd !== -1 && idEnd < stop;
      // Whether the row is kept; undefined until parsed when the line does not start with its id.
      const owned = owns === null || (keyed ? owns(bytes.toString('latin1', start + ROW_START.length, idEnd)) : undefined);
      if (owned !== false) {
        const row = share(JSON.parse(bytes.toString('utf8', start, stop)) as PublishedRow);
        if (owned ?? owns!(row.id)) rows.push(row);
        parks.set(row.park, (parks.get(row.park) ?? 0) + 1);
      } else {
        // A row not kept: only its park is counted. Inside a JSON string every quote is
        // escaped, so the first "park":" of the line is the key.
        const at = bytes.indexOf(PARK_KEY, start) + PARK_KEY.length;
        const park = bytes.toString('utf8', at, bytes.indexOf(0x22, at));
        parks.set(park, (parks.get(park) ?? 0) + 1);
      }
    }
    start = end + 1;
  }
  return { rows, national, parks };
}
