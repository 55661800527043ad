/**
 * The one-way architecture (README, "How it works"): every relative import in src/ and
 * scripts/ is read, and an import from an inner layer into an outer one, an island importing
 * build-side code, or any import cycle fails the suite with the offending files named.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');

/** Layers, innermost first, and the layers each may import besides itself. */
export const LAYERS: Readonly<Record<string, readonly string[]>> = {
  'src/core': [],
  'src/wire': ['src/core'],
  'src/i18n': ['src/core'],
  'src/charts': ['src/core'],
  'src/ingest': ['src/core'],
  'src/scoring': ['src/core', 'src/ingest'],
  'src/publish': ['src/core', 'src/wire', 'src/ingest', 'src/scoring'],
  'src/build': ['src/core'],
  'src/sample': ['src/core', 'src/ingest'],
  'src/site': ['src/core', 'src/wire', 'src/i18n', 'src/ingest', 'src/scoring', 'src/publish', 'src/build'],
  // Islands run in the reader's browser: only pure, browser-safe layers.
  'src/components/islands': ['src/core', 'src/wire', 'src/i18n'],
  'src/components': ['src/core', 'src/wire', 'src/i18n', 'src/charts', 'src/ingest', 'src/scoring', 'src/publish', 'src/site', 'src/layouts', 'src/styles', 'src/components/islands'],
  'src/layouts': ['src/core', 'src/i18n', 'src/site', 'src/components', 'src/styles', 'src/ingest'],
  'src/pages': ['src/core', 'src/wire', 'src/i18n', 'src/charts', 'src/ingest', 'src/scoring', 'src/publish', 'src/site', 'src/layouts', 'src/styles', 'src/components', 'src/components/islands', 'src/build'],
  // Command-line entry points may use any layer but the pages and components Astro renders.
  scripts: ['src/core', 'src/wire', 'src/i18n', 'src/ingest', 'src/scoring', 'src/publish', 'src/build', 'src/sample', 'test/e2e/helpers'],
};

const SPECIFIER = /(?:\bfrom|\bimport)\s*\(?\s*['"](\.\.?\/[^'"]+)['"]/g;

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(join(ROOT, path)).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx|astro|mjs)$/.test(name) ? [path] : [];
  });
}

/** The repository-relative files a file imports by relative path. */
export function importsOf(file: string): string[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  return [...text.matchAll(SPECIFIER)].map((m) => relative(ROOT, resolve(ROOT, dirname(file), m[1]!)));
}

/** The layer a file belongs to: the longest layer path that contains it. */
export function layerOf(file: string): string | undefined {
  return Object.keys(LAYERS)
    .filter((layer) => file === layer || file.startsWith(layer + '/'))
    .sort((a, b) => b.length - a.length)[0];
}

/** Strongly connected components of more than one file (Tarjan), each a cycle to break. */
export function cycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, counter);
    low.set(v, counter++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!graph.has(w)) continue;
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1) found.push(component.sort());
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return found;
}

/** Every import of the graph that leaves its layer for one the layer may not import. */
export function upwardImports(graph: ReadonlyMap<string, readonly string[]>): string[] {
  return [...graph].flatMap(([file, imports]) => {
    const from = layerOf(file)!;
    return imports
      .filter((target) => {
        const to = layerOf(target) ?? target;
        return to !== from && !LAYERS[from]!.some((allowed) => to === allowed || target.startsWith(allowed + '/'));
      })
      .map((target) => `${file} (${from}) imports ${target}`);
  });
}

const files = [...sourceFiles('src'), ...sourceFiles('scripts')];
const graph = new Map(files.map((f) => [f, importsOf(f)]));

describe('the layering', () => {
  it('puts every source file in a layer', () => {
    expect(files.filter((f) => !layerOf(f) && !f.startsWith('src/styles/')).sort()).toEqual([]);
  });

  it('has no import from an inner layer into an outer one', () => {
    expect(upwardImports(graph)).toEqual([]);
  });

  it('has no import cycle', () => {
    expect(cycles(graph)).toEqual([]);
  });

  it('catches a planted upward import and a planted cycle', () => {
    const planted = new Map(graph);
    planted.set('src/core/round.ts', ['src/site/portal.ts']);
    planted.set('src/components/islands/explorer-url.ts', ['src/site/portal.ts', 'src/wire/ranking-data.ts']);
    expect(upwardImports(planted).sort()).toEqual([
      'src/components/islands/explorer-url.ts (src/components/islands) imports src/site/portal.ts',
      'src/core/round.ts (src/core) imports src/site/portal.ts',
    ]);
    expect(cycles(new Map([['a', ['b']], ['b', ['c']], ['c', ['a']], ['d', ['a']]]))).toEqual([['a', 'b', 'c']]);
  });
});
