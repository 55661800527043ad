/**
 * Which share of the site this Astro process renders.
 *
 * Astro renders pages on one thread, so scripts/build.ts runs several Astro processes side by
 * side when the machine has cores to spare and merges their output (PORTAL_SHARD="k/n", set
 * by the build script; unset means one process building everything). Process 0 builds every
 * page except part of the enterprise profiles; processes 1 … n−1 build only profiles, each
 * holding only its own enterprises' rows. Profiles are given out by a hash of the enterprise id,
 * so every process agrees on the split without seeing the others' data.
 */

import { buildEnv } from '../build/env.ts';

/** This process's number and the number of processes building the site (PORTAL_SHARD, checked by build/env.ts). */
export const shard = buildEnv().shard;

/** Whether this process builds the pages other than profiles (lists, parks, downloads …). */
export const buildsSharedPages = shard.index === 0;

/**
 * The share of profiles process 0 builds, besides all other pages. Counting the other pages
 * (lists, the explorer's and search's data files, share images, compare files …) and process 0's
 * longer preparation as this share of the profiles' rendering time per extra process balances
 * the processes' finishing times. Measured on 2026-12-05 with two processes: process 0 finished
 * 63 s after process 1 at 100,000 firms (411 s against 348 s) and 6 s after at 10,000 (44 s
 * against 38 s) with 0.15 (the share measured on 2026-11-23, before the readers' work); both
 * point to about 0.25.
 */
const OTHER_PAGES_COST = 0.25;
export function mainShare(count: number): number {
  if (count <= 1) return 1;
  return Math.max(0, (1 - OTHER_PAGES_COST * (count - 1)) / count);
}

/** A number in [0, 1) from an enterprise id (FNV-1a, 32 bits): stable across processes and runs. */
export function idFraction(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    h ^= id.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) / 2 ** 32;
}

/** The process that builds an enterprise's profile pages (both languages). */
export function profileShardOf(id: string, count = shard.count): number {
  if (count <= 1) return 0;
  const f = idFraction(id);
  const main = mainShare(count);
  if (f < main) return 0;
  return 1 + Math.min(count - 2, Math.floor(((f - main) / (1 - main)) * (count - 1)));
}

/** Whether this process builds the profile of the enterprise with this id. */
export function ownsProfile(id: string): boolean {
  return profileShardOf(id) === shard.index;
}

/** A route's static paths in the process that builds shared pages; none in the others. */
export function sharedPaths<T>(make: () => T[]): T[] {
  return buildsSharedPages ? make() : [];
}
