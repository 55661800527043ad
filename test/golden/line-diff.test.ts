import { describe, expect, it } from 'vitest';
import { lineDiff, splitLines } from './line-diff.ts';

describe('lineDiff', () => {
  it('is empty for equal texts', () => {
    expect(lineDiff('a\nb\n', 'a\nb\n')).toBe('');
  });

  it('shows a changed line with three lines of context and both line numbers', () => {
    const expected = ['1', '2', '3', '4', '5', '6', '7', '8', '9'].join('\n') + '\n';
    const actual = ['1', '2', '3', '4', 'five', '6', '7', '8', '9'].join('\n') + '\n';
    expect(lineDiff(expected, actual)).toBe(['@@ -2,7 +2,7 @@', ' 2', ' 3', ' 4', '-5', '+five', ' 6', ' 7', ' 8'].join('\n'));
  });

  it('keeps distant changes in separate hunks and counts added and removed lines', () => {
    const expected = 'a\nb\nc\nd\ne\nf\ng\nh\ni\nj\n';
    const actual = 'b\nc\nd\ne\nf\ng\nh\ni\nj\nk\n';
    expect(lineDiff(expected, actual)).toBe(['@@ -1,4 +1,3 @@', '-a', ' b', ' c', ' d', '@@ -8,3 +7,4 @@', ' h', ' i', ' j', '+k'].join('\n'));
  });

  it('names line endings and a byte-order mark when only they differ', () => {
    expect(lineDiff('a\r\nb\r\n', 'a\nb\n')).toBe('same lines, different bytes: expected no BOM, CRLF, final newline; actual no BOM, LF, final newline');
    expect(lineDiff('\uFEFFa\n', 'a\n')).toContain('-\uFEFFa');
  });

  it('splits on LF and CRLF without an empty last line', () => {
    expect(splitLines('x\r\ny\n')).toEqual(['x', 'y']);
    expect(splitLines('x')).toEqual(['x']);
  });
});
