/**
 * Standard competition ranking (1, 2, 2, 4), the one rule of every rank on the site: the
 * scorer's national, park and stage ranks (src/scoring/rank.ts), the single-indicator and
 * programme lists, and the ranks of lists whose rank is not stored (an industry's).
 */

/**
 * The rank of the item at 1-based `position` of a list in rank order: its position, unless it
 * ties the item before it, whose rank (`previousRank`) it then shares. The first item is 1.
 */
export function competitionRank(position: number, tiesPrevious: boolean, previousRank: number): number {
  return tiesPrevious && position > 1 ? previousRank : position;
}

/** Competition ranks of items already in rank order; `tie(previous, item)` says two neighbours share a rank. */
export function competitionRanksBy<T>(items: readonly T[], tie: (previous: T, item: T) => boolean): number[] {
  let rank = 0;
  return items.map((item, i) => (rank = competitionRank(i + 1, i > 0 && tie(items[i - 1]!, item), rank)));
}

/** Competition ranks of scores already in list order (highest first): equal scores share a rank. */
export function competitionRanks(scores: readonly number[]): number[] {
  return competitionRanksBy(scores, (a, b) => a === b);
}
