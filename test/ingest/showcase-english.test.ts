// Showcase entries with an English body (issue 14 §6): a line "::: en" splits the body; the
// English part is rendered apart and its first paragraph is the English excerpt.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { firstParagraph, loadShowcase, splitEnglishBody } from '../../src/ingest/showcase.ts';

const FRONT = ['---', 'title: 标题', 'date: 2024-05-20', 'enterprise: 91130100MA3UXQ1A91', 'park: alpha', 'author: 编辑', '---'].join('\n');

function folder(body: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'showcase-'));
  mkdirSync(join(dir, 'showcase'));
  writeFileSync(join(dir, 'showcase', 'entry.md'), `${FRONT}\n${body}`);
  return dir;
}
const known = { enterprise: () => true, park: () => true };

describe('the English body of a showcase entry', () => {
  it('splits the body at a line "::: en"', () => {
    expect(splitEnglishBody('中文\n\n::: en\n\nEnglish')).toEqual({ zh: '中文\n\n', en: '\n\nEnglish', markers: 1 });
    expect(splitEnglishBody('中文 ::: en 不是标记')).toEqual({ zh: '中文 ::: en 不是标记', en: '', markers: 0 });
  });

  it('takes the first plain paragraph as the excerpt, without Markdown', () => {
    expect(firstParagraph('> a quote\n\n## Heading\n\nThe **first** [paragraph](https://x.org)\nwraps.\n\nSecond.')).toBe('The first paragraph wraps.');
    expect(firstParagraph('')).toBe('');
    expect(firstParagraph('x'.repeat(300))).toHaveLength(280);
  });

  it('renders both bodies apart, and the excerpt', () => {
    const { entries, errors } = loadShowcase(folder('正文第一段。\n\n::: en\n\n> Sample.\n\nThe English text.\n'), known);
    expect(errors).toEqual([]);
    expect(entries[0]!.html).toContain('正文第一段。');
    expect(entries[0]!.html).not.toContain('English');
    expect(entries[0]!.htmlEn).toContain('<p>The English text.</p>');
    expect(entries[0]!.excerptEn).toBe('The English text.');
    const plain = loadShowcase(folder('只有中文。\n'), known).entries[0]!;
    expect([plain.htmlEn, plain.excerptEn]).toEqual(['', '']);
  });

  it('refuses a marker with nothing after it, or two markers, at the marker’s line', () => {
    const empty = loadShowcase(folder('中文。\n\n::: en\n\n'), known);
    expect(empty.entries).toEqual([]);
    expect(empty.errors[0]).toMatch(/entry\.md:10: a line "::: en" starts the English text/);
    expect(loadShowcase(folder('中文。\n::: en\nA\n::: en\nB\n'), known).errors).toHaveLength(1);
  });
});
