/**
 * Small pieces (issue 12 §5): no function in src/ or scripts/ runs over 80 lines unless the
 * comment right above it gives a reason, on a line starting "Long:". The length counts from the
 * function's first line to its closing brace, as an editor shows it. A planted long function
 * proves the check can fail.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
export const MAX_FUNCTION_LINES = 80;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

/** The name a function is known by: its own, its variable's or property's, else "(anonymous)". */
function nameOf(node: ts.FunctionLikeDeclaration): string {
  if (node.name) return node.name.getText();
  const parent = node.parent;
  if (ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent)) return parent.name.getText();
  return '(anonymous)';
}

/** The comment text just above a function, or above the statement that declares it. */
function leadingComment(node: ts.Node, text: string): string {
  let holder: ts.Node = node;
  while (holder.parent && !ts.isSourceFile(holder.parent) && !ts.isBlock(holder.parent) && !ts.isClassDeclaration(holder.parent) && !ts.isModuleBlock(holder.parent)) {
    holder = holder.parent;
  }
  const ranges = ts.getLeadingCommentRanges(text, holder.getFullStart()) ?? [];
  return ranges.map((r) => text.slice(r.pos, r.end)).join('\n');
}

/** Every function of a source text longer than `max` lines without a "Long:" reason above it. */
export function longFunctions(file: string, text: string, max = MAX_FUNCTION_LINES): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if ((ts.isFunctionDeclaration(node) || ts.isMethodDeclaration(node) || ts.isArrowFunction(node) || ts.isFunctionExpression(node)) && node.body) {
      const first = source.getLineAndCharacterOfPosition(node.getStart()).line;
      const last = source.getLineAndCharacterOfPosition(node.end).line;
      const lines = last - first + 1;
      if (lines > max && !/^\s*(\/\/|\*)\s*Long:/m.test(leadingComment(node, text))) {
        found.push(`${file}:${first + 1}: ${nameOf(node)} is ${lines} lines (over ${max}; split it, or give the reason in a "Long:" comment above it)`);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('function length', () => {
  it(`no function in src/ or scripts/ is over ${MAX_FUNCTION_LINES} lines without a reason`, () => {
    const files = [...sourceFiles(join(ROOT, 'src')), ...sourceFiles(join(ROOT, 'scripts'))];
    expect(files.length).toBeGreaterThan(100);
    const found = files.flatMap((f) => longFunctions(relative(ROOT, f), readFileSync(f, 'utf8')));
    expect(found.join('\n')).toBe('');
  });

  it('finds a planted long function, of every kind, unless its reason is given', () => {
    const body = Array.from({ length: 6 }, (_, i) => `  const v${i} = ${i};`).join('\n');
    const planted = [
      `function named() {\n${body}\n}`,
      `export const arrow = () => {\n${body}\n};`,
      `class K {\n  method() {\n${body}\n  }\n}`,
      `// Long: one pass over the rows, kept together so the steps read in order.\nfunction excused() {\n${body}\n}`,
    ].join('\n\n');
    const found = longFunctions('planted.ts', planted, 5);
    expect(found.map((f) => f.split(': ')[1]!.split(' is ')[0])).toEqual(['named', 'arrow', 'method']);
    expect(longFunctions('planted.ts', planted, 8)).toEqual([]);
  });
});
