import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodeCsvBytes, formatIssue, parseCsvText } from './csv.ts';
import { IssueList, validateAchievements, validateEnterprises, validateParks, type Achievement, type EnterpriseRow, type Park, type ParkCodes } from './dataset.ts';
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

  const readCsv = (name: string, required: boolean) => {
    const file = join(dir, name);
    if (!existsSync(file)) {
      if (required) errors.push(`${file}:1: the file is missing; a data folder needs parks.csv and enterprises.csv`);
      return null;
    }
    const bytes = new Uint8Array(readFileSync(file));
    inputs.push({ name, bytes });
    const decoded = decodeCsvBytes(bytes, file);
    if ('issue' in decoded) {
      issues.add(decoded.issue);
      return null;
    }
    const parsed = parseCsvText(decoded.text, file);
    for (const i of parsed.issues) issues.add(i);
    return parsed.issues.length ? null : parsed;
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

  const parksCsv = readCsv('parks.csv', true);
  const parks = parksCsv ? validateParks(parksCsv, join(dir, 'parks.csv'), issues) : [];
  const codes = new Set(parks.map((p) => p.code));
  const entCsv = readCsv('enterprises.csv', true);
  // Against a broken parks.csv, unknown-park checks would only add noise.
  const parksOk = parksCsv !== null && issues.count === 0;
  const known: ParkCodes = parksOk ? codes : { has: () => true };
  const enterprises = entCsv ? validateEnterprises(entCsv, join(dir, 'enterprises.csv'), known, issues) : [];
  const achCsv = readCsv('achievements.csv', false);
  const achievements = achCsv ? validateAchievements(achCsv, join(dir, 'achievements.csv'), known, issues) : [];

  errors.push(...issues.messages(formatIssue));
  if (errors.length || !model) return { ok: false, errors };
  inputs.sort((a, b) => (a.name < b.name ? -1 : 1));
  return { ok: true, data: { dir, parks, enterprises, achievements, model, modelPath, inputs } };
}

