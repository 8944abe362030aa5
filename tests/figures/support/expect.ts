import { expect } from 'vitest';

/** An interval equal to a hand-computed one to `digits` decimal places. */
export function expectInterval(ci: readonly [number, number] | null | undefined, [lo, hi]: [number, number], digits = 4) {
  expect(ci).not.toBeNull();
  expect(ci![0]).toBeCloseTo(lo, digits);
  expect(ci![1]).toBeCloseTo(hi, digits);
}
