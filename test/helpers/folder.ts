import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Copies a fixture data folder to a fresh temporary folder and returns its path. */
export function copyFixture(name = 'hand'): string {
  const dir = mkdtempSync(join(tmpdir(), `portal-${name}-`));
  cpSync(join('test/fixtures', name), dir, { recursive: true });
  return dir;
}

/** Sets one cell of a CSV file in place (line 1 = header), keeping everything else byte-identical. */
export function setCell(dir: string, file: string, line: number, column: string, value: string): void {
  const path = join(dir, file);
  const lines = readFileSync(path, 'utf8').split('\n');
  const header = lines[0]!.split(',');
  const col = header.indexOf(column);
  if (col < 0) throw new Error(`no column ${column}`);
  const cells = lines[line - 1]!.split(',');
  cells[col] = value;
  lines[line - 1] = cells.join(',');
  writeFileSync(path, lines.join('\n'));
}

/** Applies a text edit to a file of the folder. */
export function editFile(dir: string, file: string, edit: (text: string) => string): void {
  const path = join(dir, file);
  writeFileSync(path, edit(readFileSync(path, 'utf8')));
}
