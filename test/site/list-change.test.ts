// Change within a list (issue 14 §5): park, stage and industry lists compare a firm's rank in
// that list with its rank in the previous year's same list.
import { describe, expect, it } from 'vitest';
import type { PublishedRow } from '../../src/publish/publish.ts';
import { changesWithin, listChanges, ranksWithin } from '../../src/site/list-change.ts';

/** A row with only what the change needs; the rest is irrelevant here. */
const row = (id: string, park: string, stage: string, industry: string, score: number, rankPark: number, rankStage: number, rankChange: number | null = null): PublishedRow =>
  ({ id, park, stage, industry, score, rankPark, rankStage, rankNational: 0, rankChange } as PublishedRow);

// Last year: park A had a (1st), b (2nd), c (3rd); park B had d (1st).
const before = [row('a', 'A', 'startup', '医药', 90, 1, 1), row('d', 'B', 'growth', '医药', 85, 1, 1), row('b', 'A', 'growth', '装备', 80, 2, 2), row('c', 'A', 'startup', '医药', 70, 3, 2)];
// This year: c rose to 1st in A, a fell to 3rd, d moved from park B to park A (2nd), e is new.
const now = [row('c', 'A', 'growth', '医药', 95, 1, 1, -2), row('d', 'A', 'growth', '医药', 88, 2, 2, 0), row('a', 'A', 'startup', '医药', 60, 3, 1, 2), row('e', 'B', 'startup', '装备', 50, 1, 2)];

describe('change within a list', () => {
  it('compares park ranks with the same park last year, and marks a firm from another park as new to the list', () => {
    expect(changesWithin('park', now, before, ranksWithin('park', now))).toEqual([1 - 3, null, 3 - 1, null]);
  });

  it('compares stage ranks only within the same stage: a firm that changed stage is new to the list', () => {
    // c was a start-up (2nd), now growth: new to the growth list. d stayed growth: 2nd − 1st = +1 (down one).
    // a stayed a start-up: 1st both years.
    expect(changesWithin('stage', now, before, ranksWithin('stage', now))).toEqual([null, 1, 0, null]);
  });

  it('ranks industries by score within each (competition ranks), as their lists do', () => {
    // 医药 this year: c 95, d 88, a 60 → 1, 2, 3; last year a 90, d 85, c 70 → 1, 2, 3.
    expect([...ranksWithin('industry', now)]).toEqual([['c', 1], ['d', 2], ['a', 3], ['e', 1]]);
    expect(changesWithin('industry', now, before, ranksWithin('industry', now))).toEqual([1 - 3, 0, 3 - 1, null]);
  });

  it('has no change without a previous year, and keys the year’s changes by id once', () => {
    expect(changesWithin('park', now, null, ranksWithin('park', now))).toEqual([null, null, null, null]);
    const byId = listChanges('park', now, before);
    expect(byId.get('c')).toBe(-2);
    expect(byId.get('d')).toBeNull();
    expect(listChanges('park', now, before)).toBe(byId);
  });
});
