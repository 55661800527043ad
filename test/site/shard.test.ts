import { describe, expect, it } from 'vitest';
import { idFraction, mainShare, profileShardOf } from '../../src/site/shard.ts';

// Ids shaped like unified social credit codes, as the profiles use them.
const ids = Array.from({ length: 20000 }, (_, i) => `91${String(110000 + (i % 900)).padStart(6, '0')}MA${i.toString(36).toUpperCase().padStart(8, '0')}`);

describe('sharing profiles among build processes', () => {
  it('FNV-1a of the id, as a fraction of 2^32 (hand-computed for "a" and "")', () => {
    // FNV-1a 32-bit: offset basis 0x811c9dc5; "a" → 0xe40c292c.
    expect(idFraction('')).toBe(0x811c9dc5 / 2 ** 32);
    expect(idFraction('a')).toBe(0xe40c292c / 2 ** 32);
  });

  it('one process builds every profile', () => {
    expect(mainShare(1)).toBe(1);
    expect(ids.every((id) => profileShardOf(id, 1) === 0)).toBe(true);
  });

  it("process 0's share leaves room for the other pages: (1 − 0.25 × (n − 1)) / n", () => {
    expect(mainShare(2)).toBeCloseTo(0.375, 12);
    expect(mainShare(4)).toBeCloseTo(0.0625, 12);
  });

  it('gives every profile to exactly one process, in the intended proportions', () => {
    for (const n of [2, 3, 4]) {
      const counts = new Array<number>(n).fill(0);
      for (const id of ids) {
        const k = profileShardOf(id, n);
        expect(k).toBeGreaterThanOrEqual(0);
        expect(k).toBeLessThan(n);
        counts[k]!++;
      }
      const main = mainShare(n);
      expect(counts[0]! / ids.length).toBeCloseTo(main, 1);
      for (let k = 1; k < n; k++) expect(counts[k]! / ids.length).toBeCloseTo((1 - main) / (n - 1), 1);
    }
  });

  it('is stable: the same id always goes to the same process', () => {
    expect(ids.map((id) => profileShardOf(id, 2))).toEqual(ids.map((id) => profileShardOf(id, 2)));
  });
});
