// A unified line diff (like `diff -u`) for golden-file failures: the lines that changed, with
// three lines of context, numbered as in the expected and the actual text.

/** One step of the edit script: a line kept, removed from `expected` or added in `actual`. */
type Op = { kind: ' ' | '-' | '+'; line: string; a: number; b: number };

/** The shortest edit script from `a` to `b` by longest common subsequence (files here are small). */
function editScript(a: readonly string[], b: readonly string[]): Op[] {
  const n = a.length;
  const m = b.length;
  // lcs[i][j]: length of the longest common subsequence of a[i..] and b[j..].
  const lcs = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
    }
  }
  const ops: Op[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) ops.push({ kind: ' ', line: a[i]!, a: i++, b: j++ });
    // Removals before additions, as diff -u prints them.
    else if (i < n && (j === m || lcs[i + 1]![j]! >= lcs[i]![j + 1]!)) ops.push({ kind: '-', line: a[i]!, a: i++, b: j });
    else ops.push({ kind: '+', line: b[j]!, a: i, b: j++ });
  }
  return ops;
}

/** Splits text into lines; a final newline does not make an empty last line. */
export function splitLines(text: string): string[] {
  const lines = text.split(/\r?\n/);
  if (lines.at(-1) === '') lines.pop();
  return lines;
}

/**
 * The differences between two texts as unified-diff hunks ('' when the lines are equal).
 * Line endings and a byte-order mark are compared too, and named when they are the only change.
 */
export function lineDiff(expected: string, actual: string, context = 3): string {
  const a = splitLines(expected);
  const b = splitLines(actual);
  const ops = editScript(a, b);
  const changed = ops.flatMap((op, k) => (op.kind === ' ' ? [] : [k]));
  if (changed.length === 0) {
    if (expected === actual) return '';
    const ending = (s: string) => (s.includes('\r\n') ? 'CRLF' : 'LF') + (s.endsWith('\n') ? ', final newline' : ', no final newline');
    const bom = (s: string) => (s.startsWith('\uFEFF') ? 'BOM' : 'no BOM');
    return `same lines, different bytes: expected ${bom(expected)}, ${ending(expected)}; actual ${bom(actual)}, ${ending(actual)}`;
  }
  // Group changed steps whose context windows overlap into hunks.
  const hunks: Array<[number, number]> = [];
  for (const k of changed) {
    const from = Math.max(0, k - context);
    const to = Math.min(ops.length - 1, k + context);
    const last = hunks.at(-1);
    if (last && from <= last[1] + 1) last[1] = to;
    else hunks.push([from, to]);
  }
  const out: string[] = [];
  for (const [from, to] of hunks) {
    const part = ops.slice(from, to + 1);
    const aCount = part.filter((op) => op.kind !== '+').length;
    const bCount = part.filter((op) => op.kind !== '-').length;
    out.push(`@@ -${part[0]!.a + 1},${aCount} +${part[0]!.b + 1},${bCount} @@`);
    for (const op of part) out.push(`${op.kind}${op.line}`);
  }
  return out.join('\n');
}
