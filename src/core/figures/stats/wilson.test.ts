import { describe, expect, it } from 'vitest';
import { wilsonCI } from './wilson.ts';

describe('wilsonCI', () => {
  // Newcombe RG (1998). Two-sided confidence intervals for the single proportion: comparison of
  // seven methods. Statistics in Medicine 17:857–872, Table I, method 3 (score, no continuity
  // correction), 95% limits to 4 decimals.
  it.each([
    [81, 263, 0.2553, 0.3662],
    [15, 148, 0.0624, 0.1605],
    [0, 20, 0, 0.1611],
    [1, 29, 0.0061, 0.1718]
  ])('matches Newcombe (1998) for %i/%i', (x, n, lower, upper) => {
    const ci = wilsonCI(x, n);
    expect(ci?.[0]).toBeCloseTo(lower, 4);
    expect(ci?.[1]).toBeCloseTo(upper, 4);
  });

  it('is exactly 0 below for 0 successes and exactly 1 above for n', () => {
    // By hand for 0/10: upper = z²/(n + z²) = 3.841459/13.841459 = 0.277533.
    expect(wilsonCI(0, 10)).toEqual([0, expect.closeTo(0.277533, 6)]);
    // By symmetry n/n mirrors 0/n: lower = 1 − 0.277533 = 0.722467.
    expect(wilsonCI(10, 10)).toEqual([expect.closeTo(0.722467, 6), 1]);
  });

  it('takes another level', () => {
    // By hand for 0/20 at 99%: z = 2.575829, z² = 6.634897; upper = 6.634897/26.634897 = 0.249105.
    expect(wilsonCI(0, 20, 0.99)?.[1]).toBeCloseTo(0.249105, 6);
  });

  it('is null for n = 0 and rejects impossible counts', () => {
    expect(wilsonCI(0, 0)).toBeNull();
    expect(() => wilsonCI(3, 2)).toThrow(RangeError);
    expect(() => wilsonCI(-1, 2)).toThrow(RangeError);
  });
});
