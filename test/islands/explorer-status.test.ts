import { describe, expect, it } from 'vitest';
import { explorerPaging, explorerStatus } from '../../src/components/islands/explorer-status.ts';
import type { ExplorerResult } from '../../src/components/islands/ranking-source.ts';
import type { ExplorerRow, RankingTablesOfYear } from '../../src/wire/ranking-data.ts';

const labels = {
  preview: 'Top {n} of {total} in {year}',
  error: 'Could not load',
  loading: 'Loading {year}',
  tooShort: 'Type more',
  count: '{n} firms',
  empty: 'None',
  progress: '{n} found, {loaded}/{total} read',
  countAtLeast: 'At least {n}',
};
const tables: RankingTablesOfYear = { year: 2024, parks: [], stages: [], industries: [], tagNames: [] } as unknown as RankingTablesOfYear;
const rows = (n: number) => Array.from({ length: n }, (_, i) => ({ order: i }) as ExplorerRow);
const result = (r: Partial<ExplorerResult>): ExplorerResult => ({
  tables,
  rows: [],
  offset: 0,
  count: null,
  found: 0,
  complete: false,
  done: false,
  progress: null,
  tooShort: false,
  ...r,
});
const base = { live: true, failed: false, current: null, year: 2024, previewRows: 50, total: 12345 };

describe('explorerStatus', () => {
  it('describes the server-rendered preview until the reader interacts', () => {
    expect(explorerStatus(labels, { ...base, live: false, current: result({ count: 3 }) })).toBe('Top 50 of 12,345 in 2024');
  });

  it('names each state of a live list', () => {
    expect(explorerStatus(labels, { ...base, failed: true, current: result({ count: 3 }) })).toBe('Could not load');
    expect(explorerStatus(labels, base)).toBe('Loading 2024');
    expect(explorerStatus(labels, { ...base, current: result({ tooShort: true, count: null }) })).toBe('Type more');
    expect(explorerStatus(labels, { ...base, current: result({ count: 1234, done: true }) })).toBe('1,234 firms');
    expect(explorerStatus(labels, { ...base, current: result({ count: 0, done: true }) })).toBe('None');
    expect(explorerStatus(labels, { ...base, current: result({ found: 1500, progress: { loaded: 3, total: 12 } }) })).toBe('1,500 found, 3/12 read');
    expect(explorerStatus(labels, { ...base, current: result({}) })).toBe('Loading 2024');
    // A lazy read that stopped once page 2 was there: rows 50–149 known, more may follow.
    expect(explorerStatus(labels, { ...base, current: result({ done: true, offset: 50, rows: rows(100) }) })).toBe('At least 150');
  });
});

describe('explorerPaging', () => {
  it('counts pages when the size is known', () => {
    expect(explorerPaging(result({ count: 120, done: true }), 1, 50)).toEqual({ pages: 3, hasNext: true });
    expect(explorerPaging(result({ count: 120, done: true }), 3, 50)).toEqual({ pages: 3, hasNext: false });
    // An empty list still has its one page.
    expect(explorerPaging(result({ count: 0, done: true }), 1, 50)).toEqual({ pages: 1, hasNext: false });
  });

  it('offers a next page while more rows may follow, when the size is unknown', () => {
    // Rows 0–59 known, not complete: page 1 (rows 0–49) has a next page.
    expect(explorerPaging(result({ rows: rows(60) }), 1, 50)).toEqual({ pages: null, hasNext: true });
    // Complete at 60 rows: page 2 (rows 50–99) holds the last of them.
    expect(explorerPaging(result({ rows: rows(60), complete: true }), 2, 50)).toEqual({ pages: null, hasNext: false });
    // Complete, but more rows than page 1 shows.
    expect(explorerPaging(result({ rows: rows(60), complete: true }), 1, 50)).toEqual({ pages: null, hasNext: true });
    expect(explorerPaging(null, 1, 50)).toEqual({ pages: null, hasNext: false });
  });
});
