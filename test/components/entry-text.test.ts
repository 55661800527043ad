import { describe, expect, it } from 'vitest';
import { entrySummary, entryTitle } from '../../src/components/showcase/entry-text.ts';
import type { ShowcaseEntry } from '../../src/ingest/showcase.ts';

const entry = (fields: Partial<ShowcaseEntry>): ShowcaseEntry =>
  ({ slug: 's', file: 's.md', title: '标题', titleEn: '', date: '2024-01-01', enterprise: 'x', park: 'p', author: 'a', source: '', summary: '', summaryEn: '', html: '', ...fields }) as ShowcaseEntry;

describe('an entry in the page language', () => {
  it('gives English pages the English summary and says when it falls back to Chinese', () => {
    expect(entrySummary('en', entry({ summary: '中文摘要', summaryEn: 'English summary' }))).toEqual({ text: 'English summary', lang: 'en' });
    expect(entrySummary('en', entry({ summary: '中文摘要' }))).toEqual({ text: '中文摘要', lang: 'zh' });
    expect(entrySummary('zh', entry({ summary: '中文摘要', summaryEn: 'English summary' }))).toEqual({ text: '中文摘要', lang: 'zh' });
    expect(entrySummary('en', entry({}))).toBeNull();
    expect(entryTitle('en', entry({ titleEn: 'Headline' }))).toEqual({ text: 'Headline', lang: 'en' });
  });
});
