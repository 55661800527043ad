import { isUtf8 } from 'node:buffer';
import Papa from 'papaparse';

/** A problem found in an input file, located for the person who maintains the data. */
export interface DataIssue {
  file: string;
  /** The line of a CSV file (the header is line 1), or the row number of a sheet as Excel shows it. */
  line: number;
  /** The column's header as the file writes it (its id or an alias). */
  column?: string;
  message: string;
  value?: string;
  /** For a workbook: the sheet, and the column's letter. */
  sheet?: string;
  cell?: string;
}

/**
 * Renders an issue (dataset.md, "Errors"): `FILE:LINE: column "COL": what is wrong (got "VALUE")`
 * for a CSV file; for a workbook the place as its user sees it,
 * `FILE: 工作表“SHEET”: 第 ROW 行: 列 C“COL”: what is wrong (got "VALUE")`.
 */
export function formatIssue(issue: DataIssue): string {
  const got = issue.value !== undefined ? ` (got "${truncateForMessage(issue.value)}")` : '';
  if (issue.sheet !== undefined) {
    const name = issue.column !== undefined && issue.column !== '' ? `“${issue.column}”` : '';
    const col = issue.cell !== undefined || name ? ` 列 ${issue.cell ?? ''}${name}:` : '';
    return `${issue.file}: 工作表“${issue.sheet}”: 第 ${issue.line} 行:${col} ${issue.message}${got}`;
  }
  const col = issue.column !== undefined ? ` column "${issue.column}":` : '';
  return `${issue.file}:${issue.line}:${col} ${issue.message}${got}`;
}

function truncateForMessage(value: string): string {
  const clean = value.replace(/[\r\n\t]/g, ' ');
  return clean.length > 80 ? `${clean.slice(0, 77)}...` : clean;
}

export type Encoding = 'utf-8' | 'gb18030';

/** Where a CSV file's text starts and how it is encoded. */
export interface DetectedEncoding {
  encoding: Encoding;
  /** Bytes to skip: 3 for a UTF-8 byte-order mark. */
  start: number;
}

/**
 * Decides how a CSV file is encoded: UTF-8 with or without BOM, else GB18030 (a superset of
 * GBK, what Chinese Excel writes). A UTF-8 BOM in front of bytes that are not UTF-8 is an
 * error, not a cue to guess: the file claims one encoding and holds another.
 */
export function detectEncoding(bytes: Uint8Array, file: string): DetectedEncoding | { issue: DataIssue } {
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
  if (isUtf8(body)) return { encoding: 'utf-8', start: hasBom ? 3 : 0 };
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
  return { encoding: 'gb18030', start: 0 };
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
  /** Cells (indexes) whose problem the reader has reported already (a workbook's error values): invalid, without a second message. */
  reported?: number[];
}

/** Where a table's columns stand when it comes from a workbook sheet (src/ingest/xlsx.ts). */
export interface SheetPlace {
  sheet: string;
  /** The header's row number. */
  line: number;
  /** Each header cell's column letter. */
  letters: string[];
}

/** Receives a CSV file's (or a sheet's) header, then its rows, one at a time. */
export interface CsvSink {
  header(cells: string[], place?: SheetPlace): void;
  row(row: CsvRow): void;
  issue(issue: DataIssue): void;
}

/** Bytes decoded and parsed per step: large files are never held as one string. */
const CHUNK_BYTES = 8 * 1024 * 1024;

/**
 * Decodes and parses a CSV file's bytes with papaparse (RFC 4180), streaming rows to `sink`
 * with each row's physical line number (quoted cells may span lines). Blank lines, and lines
 * whose cells are all empty, are skipped. The text is cut into chunks at line breaks outside
 * quotes; a line feed or a double quote byte never occurs inside a UTF-8 or GB18030 multi-byte
 * character, so cutting on bytes is safe in both encodings.
 */
export function parseCsvBytes(bytes: Uint8Array, file: string, detected: DetectedEncoding, sink: CsvSink): void {
  const decoder = new TextDecoder(detected.encoding, { fatal: detected.encoding === 'gb18030', ignoreBOM: true });
  let sawHeader = false;
  let line = 1;
  let pos = detected.start;
  let quotes = 0;
  while (pos < bytes.length) {
    let end = Math.min(bytes.length, pos + CHUNK_BYTES);
    if (end < bytes.length) {
      // Extend to a line feed with an even number of quotes before it.
      let i = pos;
      let cut = -1;
      for (; i < bytes.length; i++) {
        const b = bytes[i]!;
        if (b === 0x22) quotes++;
        else if (b === 0x0a && i >= end - 1 && (quotes & 1) === 0) {
          cut = i + 1;
          break;
        }
      }
      end = cut === -1 ? bytes.length : cut;
    }
    const text = decoder.decode(bytes.subarray(pos, end));
    line = parseChunk(text, file, line, sink, () => sawHeader, () => (sawHeader = true));
    pos = end;
  }
  if (!sawHeader) sink.issue({ file, line: 1, message: 'the file has no header line (it is empty or blank)' });
}

/** Parses one chunk that starts at `firstLine`; returns the line number after it. */
function parseChunk(text: string, file: string, firstLine: number, sink: CsvSink, sawHeader: () => boolean, markHeader: () => void): number {
  let lineAtCursor = firstLine;
  let cursor = 0;
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
      const line = lineAtCursor;
      const to = result.meta.cursor;
      for (let i = start; i < to; i++) if (text.charCodeAt(i) === 10) lineAtCursor++;
      cursor = to;
      for (const err of result.errors) {
        sink.issue({
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
      // A row that is not valid CSV has no trustworthy cells to validate.
      if (result.errors.length) return;
      const cells = result.data;
      let blank = true;
      for (const c of cells) {
        if (c !== '' && c.trim() !== '') {
          blank = false;
          break;
        }
      }
      if (blank) return;
      if (!sawHeader()) {
        markHeader();
        sink.header(cells.map((c) => c.trim()));
      } else sink.row({ line, cells });
    },
  });
  for (let i = cursor; i < text.length; i++) if (text.charCodeAt(i) === 10) lineAtCursor++;
  return lineAtCursor;
}

function detectNewline(text: string): '\r\n' | '\n' | '\r' {
  const lf = text.indexOf('\n');
  if (lf === -1) return text.includes('\r') ? '\r' : '\n';
  return lf > 0 && text[lf - 1] === '\r' ? '\r\n' : '\n';
}
