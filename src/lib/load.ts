import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { detectEncoding, formatIssue, parseCsvBytes, type CsvSink } from './csv.ts';
import { achievementsValidator, enterprisesValidator, IssueList, parksValidator, type Achievement, type EnterpriseRow, type Park, type ParkCodes } from './dataset.ts';
import { parseModel, type Model } from './model.ts';

/** The model used when a data folder brings none: the project's reference model. */
export const DEFAULT_MODEL_PATH = fileURLToPath(new URL('../../data/model.json', import.meta.url));

export interface DataFolder {
  dir: string;
  parks: Park[];
  enterprises: EnterpriseRow[];
  achievements: Achievement[];
  model: Model;
  modelPath: string;
  /** The input files read, for checksums: name → bytes. */
  inputs: { name: string; bytes: Uint8Array }[];
}

export type LoadResult = { ok: true; data: DataFolder } | { ok: false; errors: string[] };

/** Reads, decodes and validates a data folder; every problem is collected with its location. */
export function loadDataFolder(dir: string): LoadResult {
  const issues = new IssueList();
  const errors: string[] = [];
  const inputs: DataFolder['inputs'] = [];

  /** Streams a CSV file of the folder into a validator; false when the file is absent. */
  const readCsv = (name: string, required: boolean, sink: CsvSink): boolean => {
    const file = join(dir, name);
    if (!existsSync(file)) {
      if (required) errors.push(`${file}:1: the file is missing; a data folder needs parks.csv and enterprises.csv`);
      return false;
    }
    const bytes = new Uint8Array(readFileSync(file));
    inputs.push({ name, bytes });
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
    if (modelPath === ownModel) inputs.push({ name: 'model.json', bytes });
    const r = parseModel(JSON.parse(new TextDecoder().decode(bytes).replace(/^\uFEFF/, '')), modelPath);
    if ('errors' in r) errors.push(...r.errors);
    else model = r.model;
  } catch (e) {
    errors.push(`${modelPath}:1: is not valid JSON: ${(e as Error).message}`);
  }

  const parksFile = join(dir, 'parks.csv');
  const parksSink = parksValidator(parksFile, issues);
  const parksRead = readCsv('parks.csv', true, parksSink);
  const parks = parksRead ? parksSink.result() : [];
  // Against a broken parks.csv, unknown-park checks would only add noise.
  const parksOk = parksRead && issues.count === 0;
  const codes = new Set(parks.map((p) => p.code));
  const known: ParkCodes = parksOk ? codes : { has: () => true };
  const entSink = enterprisesValidator(join(dir, 'enterprises.csv'), known, issues);
  const enterprises = readCsv('enterprises.csv', true, entSink) ? entSink.result() : [];
  const achSink = achievementsValidator(join(dir, 'achievements.csv'), known, issues);
  const achievements = readCsv('achievements.csv', false, achSink) ? achSink.result() : [];

  errors.push(...issues.messages(formatIssue));
  if (errors.length || !model) return { ok: false, errors };
  inputs.sort((a, b) => (a.name < b.name ? -1 : 1));
  return { ok: true, data: { dir, parks, enterprises, achievements, model, modelPath, inputs } };
}

