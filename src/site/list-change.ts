/**
 * Change within a list (issue 14 §5): on a park's, a stage's or an industry's list, how a
 * firm's rank in that list moved since the previous year's same list, not its national rank.
 * Like rank_change, the change is this year's rank minus last year's (negative = moved up);
 * null when the firm was not on the same list the previous year (absent that year, or then in
 * another park, stage or industry), which the lists mark as new to the list.
 */
import { competitionRanks } from '../wire/ranking-data.ts';
import type { PublishedRow } from '../publish/publish.ts';

/** The lists whose change is computed within the list. */
export type ListScope = 'park' | 'stage' | 'industry';

/** The group a row belongs to in a scope. */
function keyOf(scope: ListScope, r: PublishedRow): string {
  return scope === 'park' ? r.park : scope === 'stage' ? r.stage : r.industry;
}

/** Each firm's rank within its group of a scope, for one year's rows (in published order). */
export function ranksWithin(scope: ListScope, rows: readonly PublishedRow[]): Map<string, number> {
  if (scope === 'park') return new Map(rows.map((r) => [r.id, r.rankPark]));
  if (scope === 'stage') return new Map(rows.map((r) => [r.id, r.rankStage]));
  // Industries have no published rank: competition ranks on score within each, as their lists show.
  const groups = new Map<string, PublishedRow[]>();
  for (const r of rows) {
    const g = groups.get(r.industry);
    if (g) g.push(r);
    else groups.set(r.industry, [r]);
  }
  const out = new Map<string, number>();
  for (const list of groups.values()) {
    const ranks = competitionRanks(list.map((r) => r.score));
    list.forEach((r, i) => out.set(r.id, ranks[i]!));
  }
  return out;
}

/**
 * The change within the list for each row of `rows` (this year's rows of one group, any
 * order), against the previous year's rows: a firm counts as on the same list when the
 * previous year's row has the same group key.
 */
export function changesWithin(scope: ListScope, rows: readonly PublishedRow[], previous: readonly PublishedRow[] | null, currentRanks: ReadonlyMap<string, number>): (number | null)[] {
  if (!previous) return rows.map(() => null);
  const before = new Map(previous.map((r) => [r.id, r]));
  const beforeRanks = ranksWithin(scope, previous);
  return rows.map((r) => {
    const old = before.get(r.id);
    if (!old || keyOf(scope, old) !== keyOf(scope, r)) return null;
    return currentRanks.get(r.id)! - beforeRanks.get(r.id)!;
  });
}

/** Per year's rows (the array rowsForYear returns, kept for the build), each scope's changes by id. */
const cache = new WeakMap<readonly PublishedRow[], Map<ListScope, Map<string, number | null>>>();

/**
 * Each firm's change within its list of `scope` (by id), for a year's whole list `rows`
 * against the previous year's whole list (null when that year is not published). Computed
 * once per year's rows and scope.
 */
export function listChanges(scope: ListScope, rows: readonly PublishedRow[], previous: readonly PublishedRow[] | null): Map<string, number | null> {
  let byScope = cache.get(rows);
  if (!byScope) cache.set(rows, (byScope = new Map()));
  let out = byScope.get(scope);
  if (!out) {
    const changes = changesWithin(scope, rows, previous, ranksWithin(scope, rows));
    out = new Map(rows.map((r, i) => [r.id, changes[i]!]));
    byScope.set(scope, out);
  }
  return out;
}
