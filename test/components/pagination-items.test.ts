import { describe, expect, it } from 'vitest';
import { paginationItems } from '../../src/components/pagination-items.ts';

const show = (current: number, total: number) =>
  paginationItems(current, total)
    .map((i) => (i.kind === 'gap' ? '…' : i.current ? `[${i.page}]` : String(i.page)))
    .join(' ');

describe('paginationItems', () => {
  it('shows all pages when there are few', () => {
    expect(show(1, 1)).toBe('[1]');
    expect(show(2, 5)).toBe('1 [2] 3 4 5');
  });

  it('keeps first, last and two either side of the current page', () => {
    expect(show(10, 20)).toBe('1 … 8 9 [10] 11 12 … 20');
    expect(show(1, 20)).toBe('[1] 2 3 … 20');
    expect(show(20, 20)).toBe('1 … 18 19 [20]');
  });

  it('shows a single skipped page instead of a gap', () => {
    expect(show(5, 20)).toBe('1 2 3 4 [5] 6 7 … 20');
  });

  it('returns nothing for no pages', () => {
    expect(paginationItems(1, 0)).toEqual([]);
  });
});
