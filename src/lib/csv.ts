import Papa from 'papaparse';

/** A problem found in an input file, located for the person who maintains the data. */
export interface DataIssue {
  file: string;
  line: number;
  column?: string;
  message: string;
  value?: string;
}

/** Renders an issue as `FILE:LINE: column "COL": what is wrong (got "VALUE")` (dataset.md). */
export function formatIssue(issue: DataIssue): string {
  const col = issue.column !== undefined ? ` column "${issue.column}":` : '';
  const got = issue.value !== undefined ? ` (got "${truncateForMessage(issue.value)}")` : '';
  return `${issue.file}:${issue.line}:${col} ${issue.message}${got}`;
}

function truncateForMessage(value: string): string {
  const clean = value.replace(/[\r\n\t]/g, ' ');
  return clean.length > 80 ? `${clean.slice(0, 77)}...` : clean;
}

export type Encoding = 'utf-8' | 'utf-8-bom' | 'gb18030';

/**
 * Decodes a CSV file's bytes: UTF-8 with or without BOM, else GB18030 (a superset of GBK,
 * what Chinese Excel writes). A UTF-8 BOM in front of bytes that are not UTF-8 is an error,
 * not a cue to guess: the file claims one encoding and holds another.
 */
export function decodeCsvBytes(bytes: Uint8Array, file: string): { text: string; encoding: Encoding } | { issue: DataIssue } {
  if (bytes.length === 0) return { issue: { file, line: 1, message: 'the file is empty; it needs at least a header line' } };
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return {
      issue: { file, line: 1, message: 'the file is UTF-16 ("Unicode text"); save it as "CSV UTF-8" or as CSV in GBK' },
    };
  }
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    return {
      issue: {
        file,
        line: lineAtByte(bytes, nul),
        message: `this is not a text file: it holds a NUL byte at byte ${nul + 1} (an .xlsx or other binary file saved as .csv?)`,
      },
    };
  }
  const hasBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = hasBom ? bytes.subarray(3) : bytes;
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body);
    return { text, encoding: hasBom ? 'utf-8-bom' : 'utf-8' };
  } catch {
    if (hasBom) {
      const bad = firstInvalidUtf8(body);
      return {
        issue: {
          file,
          line: lineAtByte(body, bad),
          message: `the file starts with a UTF-8 byte-order mark but is not valid UTF-8 (byte ${bad + 4}); save it again as "CSV UTF-8", or as GBK without the mark`,
        },
      };
    }
  }
  const text = new TextDecoder('gb18030', { fatal: true }).decode(body);
  return { text, encoding: 'gb18030' };
}

function lineAtByte(bytes: Uint8Array, index: number): number {
  let line = 1;
  for (let i = 0; i < index && i < bytes.length; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

/** Index of the first byte that breaks UTF-8 well-formedness (a small decoder, for messages only). */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const len = b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
    if (len === 0) return i;
    for (let k = 1; k < len; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
    }
    i += len;
  }
  return i;
}

/** One data row of a CSV file, with the line it starts on (the header is line 1). */
export interface CsvRow {
  line: number;
  cells: string[];
}

export interface ParsedCsv {
  header: string[];
  rows: CsvRow[];
  issues: DataIssue[];
}

/**
 * Parses RFC 4180 CSV text with papaparse, keeping each row's physical line number
 * (quoted cells may span lines). Blank lines, and lines whose cells are all empty, are skipped.
 */
export function parseCsvText(text: string, file: string): ParsedCsv {
  const issues: DataIssue[] = [];
  const rows: CsvRow[] = [];
  let header: string[] | null = null;
  let lineAtCursor = 1;
  let cursor = 0;
  const advance = (to: number) => {
    for (let i = cursor; i < to; i++) if (text.charCodeAt(i) === 10) lineAtCursor++;
    cursor = to;
  };
  Papa.parse<string[]>(text, {
    header: false,
    skipEmptyLines: false,
    delimiter: ',',
    newline: detectNewline(text),
    quoteChar: '"',
    escapeChar: '"',
    step: (result) => {
      // The row starts where the previous one ended, after its line break.
      let start = cursor;
      while (start < text.length && (text.charCodeAt(start) === 13 || text.charCodeAt(start) === 10)) {
        if (text.charCodeAt(start) === 10) lineAtCursor++;
        start++;
      }
      cursor = start;
      const line = lineAtCursor;
      advance(result.meta.cursor);
      for (const err of result.errors) {
        issues.push({
          file,
          line,
          message:
            err.code === 'MissingQuotes'
              ? 'a quoted cell is never closed: a double quote (") opens it and no closing quote follows'
              : err.code === 'InvalidQuotes'
                ? 'a double quote (") stands inside a cell that is not wholly quoted; quote the cell and double the inner quote ("")'
                : `the line is not valid CSV: ${err.message}`,
        });
      }
      const cells = result.data;
      if (cells.every((c) => c.trim() === '')) return;
      if (header === null) header = cells.map((c) => c.trim());
      else rows.push({ line, cells });
    },
  });
  if (header === null) {
    issues.push({ file, line: 1, message: 'the file has no header line (it is empty or blank)' });
    return { header: [], rows, issues };
  }
  return { header, rows, issues };
}

function detectNewline(text: string): '\r\n' | '\n' | '\r' {
  const lf = text.indexOf('\n');
  if (lf === -1) return text.includes('\r') ? '\r' : '\n';
  return lf > 0 && text[lf - 1] === '\r' ? '\r\n' : '\n';
}
