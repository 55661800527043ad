import { describe, expect, it } from 'vitest';
import { heapLimitsMb } from '../../src/build/build-paths.ts';

const GIB = 2 ** 30;
const MIB = 2 ** 20;

describe('heap limits of the build processes', () => {
  it('holds process 0 to five times the rows files beside other processes, profile-only processes to half the ceiling', () => {
    // The national run: 24 GiB, two processes, 903 MiB of rows files. Ceiling min(7168, 24 × 1024 × 0.75 / 2 = 9216) = 7168.
    expect(heapLimitsMb(2, 24 * GIB, 903 * MIB)).toEqual([4515, 3584]);
    // Small rows: at least 3 GB.
    expect(heapLimitsMb(2, 24 * GIB, 100 * MIB)).toEqual([3072, 3584]);
    // Never above the ceiling: 8 GiB and four processes give 8192 × 0.75 / 4 = 1536.
    expect(heapLimitsMb(4, 8 * GIB, 903 * MIB)).toEqual([1536, 768, 768, 768]);
  });

  it('keeps the ceiling for a single process, and applies an override to every process', () => {
    expect(heapLimitsMb(1, 24 * GIB, 903 * MIB)).toEqual([7168]);
    expect(heapLimitsMb(1, 4 * GIB, 903 * MIB)).toEqual([3072]);
    expect(heapLimitsMb(3, 24 * GIB, 903 * MIB, 2000)).toEqual([2000, 2000, 2000]);
  });
});
