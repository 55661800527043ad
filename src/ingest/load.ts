import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { detectEncoding, formatIssue, parseCsvBytes, type CsvSink } from './csv.ts';
import { achievementsValidator, enterprisesValidator, IssueList, parksValidator, type Achievement, type EnterpriseTable, type Park, type ParkCodes } from './dataset.ts';
import { parseModel, type Model } from './model.ts';
import { PROGRAMMES_FILE, readProgrammes, type Programme } from './programmes.ts';
import { readXlsx } from './xlsx.ts';

/** The model used when a data folder brings none: the project's reference model. */
export const DEFAULT_MODEL_PATH = fileURLToPath(new URL('../../data/model.json', import.meta.url));

export interface DataFolder {
  dir: string;
  parks: Park[];
  enterprises: EnterpriseTable;
  achievements: Achievement[];
  /** programmes.json's programmes (src/ingest/programmes.ts); none when the folder has no such file. */
  programmes: Programme[];
  model: Model;
  modelPath: string;
  /**
   * The input files read, with their size and SHA-256. Digests rather than contents: a national
   * enterprises.csv is hundreds of megabytes, not to be held for the rest of a run.
   */
  inputs: { name: string; bytes: number; sha256: string }[];
}

export type LoadResult = { ok: true; data: DataFolder } | { ok: false; errors: string[] };

/** The tables of a data folder, each read from TABLE.csv or TABLE.xlsx (dataset.md). */
export const TABLES = ['parks', 'enterprises', 'achievements'] as const;
export type TableName = (typeof TABLES)[number];

/**
 * Reads, decodes and validates a data folder; every problem is collected with its location.
 * Asynchronous because workbooks (.xlsx) are unzipped asynchronously.
 * Long: the tables are read in dataset.md's order (parks before enterprises and achievements,
 * which refer to them), each step collecting its problems into one list, so all are reported at once.
 */
export async function loadDataFolder(dir: string): Promise<LoadResult> {
  const issues = new IssueList();
  const errors: string[] = [];
  const inputs: DataFolder['inputs'] = [];

  const recordInput = (name: string, bytes: Uint8Array) =>
    inputs.push({ name, bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') });

  /** Reads an input file of the folder and records its digest; null when it is absent (an error if required). */
  const readInput = (name: string, required: boolean): Uint8Array | null => {
    const file = join(dir, name);
    if (!existsSync(file)) {
      if (required) errors.push(`${file}:1: the file is missing; a data folder needs parks.csv and enterprises.csv (or .xlsx workbooks)`);
      return null;
    }
    // A Buffer is a Uint8Array already; copying it would double a large file's footprint.
    const bytes: Uint8Array = readFileSync(file);
    recordInput(name, bytes);
    return bytes;
  };

  /** Streams a CSV file's bytes into a validator; false when they cannot be decoded. */
  const parseCsv = (bytes: Uint8Array | null, name: string, sink: CsvSink): boolean => {
    if (!bytes) return false;
    const file = join(dir, name);
    const detected = detectEncoding(bytes, file);
    if ('issue' in detected) {
      issues.add(detected.issue);
      return false;
    }
    parseCsvBytes(bytes, file, detected, sink);
    return true;
  };

  let model: Model | null = null;
  const ownModel = join(dir, 'model.json');
  const modelPath = existsSync(ownModel) ? ownModel : DEFAULT_MODEL_PATH;
  try {
    const bytes = new Uint8Array(readFileSync(modelPath));
    if (modelPath === ownModel) recordInput('model.json', bytes);
    const r = parseModel(JSON.parse(new TextDecoder().decode(bytes).replace(/^\uFEFF/, '')), modelPath);
    if ('errors' in r) errors.push(...r.errors);
    else model = r.model;
  } catch (e) {
    errors.push(`${modelPath}:1: is not valid JSON: ${(e as Error).message}`);
  }

  /** The file holding a table: TABLE.csv or TABLE.xlsx, never both; TABLE.csv when neither is there. */
  const tableFile = (table: TableName): string => {
    const old = join(dir, `${table}.xls`);
    if (existsSync(old)) errors.push(`${old}:1: the old Excel format .xls cannot be read; save the workbook as "Excel 工作簿 (*.xlsx)"`);
    const [csv, xlsx] = [`${table}.csv`, `${table}.xlsx`];
    if (!existsSync(join(dir, xlsx))) return csv;
    if (existsSync(join(dir, csv))) errors.push(`${join(dir, xlsx)}:1: ${csv} is in the folder too; keep one of the two`);
    return xlsx;
  };
  /** Streams a table's file, CSV or workbook, into a validator; false when it is absent or cannot be read. */
  const readTable = async (table: TableName, name: string, bytes: Uint8Array | null, sink: CsvSink): Promise<boolean> => {
    if (!name.endsWith('.xlsx')) return parseCsv(bytes, name, sink);
    if (!bytes) return false;
    return readXlsx(bytes, join(dir, name), model?.sheets?.[table], sink);
  };

  const parksFile = tableFile('parks');
  const parksSink = parksValidator(join(dir, parksFile), issues);
  const parksRead = await readTable('parks', parksFile, readInput(parksFile, true), parksSink);
  const parks = parksRead ? parksSink.result() : [];
  // Against a broken parks.csv, unknown-park checks would only add noise.
  const parksOk = parksRead && issues.count === 0;
  const codes = new Set(parks.map((p) => p.code));
  // A park may also be named: by its Chinese or English name, when no other park has it.
  const names = new Map<string, string | null>();
  for (const p of parks) for (const n of new Set([p.name, p.nameEn].filter((x) => x !== ''))) names.set(n, names.has(n) ? null : p.code);
  const known: ParkCodes = parksOk ? { has: (c) => codes.has(c), codeOfName: (n) => names.get(n) ?? undefined } : { has: () => true };
  const entFile = tableFile('enterprises');
  const entBytes = readInput(entFile, true);
  // A CSV file has no more rows than lines: a bound that sizes the numeric slab once.
  const entSink = enterprisesValidator(join(dir, entFile), known, issues, entBytes && entFile.endsWith('.csv') ? countLines(entBytes) : undefined, model ?? undefined);
  const enterprises = (await readTable('enterprises', entFile, entBytes, entSink)) ? entSink.result() : { rows: [], columns: [], width: 0, raw: new Float64Array(0), absent: [] };
  const achFile = tableFile('achievements');
  const achSink = achievementsValidator(join(dir, achFile), known, issues);
  const achievements = (await readTable('achievements', achFile, readInput(achFile, false), achSink)) ? achSink.result() : [];

  const programmes = readProgrammes(readInput(PROGRAMMES_FILE, false), join(dir, PROGRAMMES_FILE), model, codes, enterprises.rows, errors);
  errors.push(...issues.messages(formatIssue));
  if (errors.length || !model) return { ok: false, errors };
  inputs.sort((a, b) => (a.name < b.name ? -1 : 1));
  return { ok: true, data: { dir, parks, enterprises, achievements, programmes, model, modelPath, inputs } };
}

/** Number of lines in a file's bytes (line feeds, plus a last line without one). */
function countLines(bytes: Uint8Array): number {
  let n = 1;
  for (let i = bytes.indexOf(0x0a); i !== -1; i = bytes.indexOf(0x0a, i + 1)) n++;
  return n;
}
