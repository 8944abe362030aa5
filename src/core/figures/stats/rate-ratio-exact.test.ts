import { describe, expect, it } from 'vitest';
import { poissonRateRatioExact } from './rate-ratio-exact.ts';

describe('poissonRateRatioExact', () => {
  it('matches R poisson.test for the documented two-sample example', () => {
    // R stats::poisson.test help page example (eba1977, Fredericia against the other three
    // cities, ages 55–59): poisson.test(c(11, 6+8+7), c(800, 1083+1050+878)) prints
    // rate ratio 1.971488, 95 percent confidence interval 0.8584264 4.2772659.
    const r = poissonRateRatioExact(11, 21, 800, 3011);
    expect(r?.value).toBeCloseTo(1.971488, 6);
    expect(r?.ci[0]).toBeCloseTo(0.8584264, 7);
    expect(r?.ci[1]).toBeCloseTo(4.2772659, 7);
  });

  it('gives the exact interval of a split of two whole-period counts (derived by hand)', () => {
    // 1 against 1 with equal periods: π's Clopper–Pearson limits for 1 of 2 are
    // lower = 1 − √0.975 = 0.0125791 (solving 1 − (1 − π)² = 0.025) and upper = √0.975 = 0.9874209
    // (solving 1 − π² = 0.025). Ratio limits π/(1 − π): 0.0125791/0.9874209 = 0.0127394 and its
    // reciprocal 78.49684 (the two limits are reciprocal by symmetry).
    const r = poissonRateRatioExact(1, 1);
    expect(r?.value).toBe(1);
    expect(r?.ci[0]).toBeCloseTo(0.0127394, 6);
    expect(r?.ci[1]).toBeCloseTo(78.49684, 3);
  });

  it('gives 0 with an upper limit when this period has no events (derived by hand)', () => {
    // 0 against 4: lower π = 0; upper π solves (1 − π)^4 = 0.025, π = 1 − 0.025^(1/4)
    // = 1 − 0.3976354 = 0.6023646; ratio 0.6023646/0.3976354 = 1.5148669.
    const r = poissonRateRatioExact(0, 4);
    expect(r?.value).toBe(0);
    expect(r?.ci[0]).toBe(0);
    expect(r?.ci[1]).toBeCloseTo(1.5148669, 6);
  });

  it('is null when the reference period has no events or an exposure is 0', () => {
    expect(poissonRateRatioExact(5, 0)).toBeNull();
    expect(poissonRateRatioExact(0, 0)).toBeNull();
    expect(poissonRateRatioExact(5, 3, 0, 1)).toBeNull();
    expect(poissonRateRatioExact(5, 3, 1, 0)).toBeNull();
  });

  it('rejects negative counts and exposures', () => {
    expect(() => poissonRateRatioExact(-1, 3)).toThrow(RangeError);
    expect(() => poissonRateRatioExact(1, 3, -1, 1)).toThrow(RangeError);
  });
});
