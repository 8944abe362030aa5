import { describe, expect, it } from 'vitest';
import { twoSidedZ } from './z.ts';

describe('twoSidedZ', () => {
  it('matches standard normal tables', () => {
    // Standard normal percentage points as printed in normal tables: z(0.975) = 1.959964,
    // z(0.995) = 2.575829, z(0.95) = 1.644854.
    expect(twoSidedZ(0.95)).toBeCloseTo(1.959964, 6);
    expect(twoSidedZ(0.99)).toBeCloseTo(2.575829, 6);
    expect(twoSidedZ(0.9)).toBeCloseTo(1.644854, 6);
  });

  it('rejects levels outside (0, 1)', () => {
    expect(() => twoSidedZ(1)).toThrow(RangeError);
    expect(() => twoSidedZ(Number.NaN)).toThrow(RangeError);
  });
});
