import { describe, expect, it } from 'vitest';
import { katzRateRatio } from './katz.ts';

describe('katzRateRatio', () => {
  it('follows the METRICS.md formula (derived by hand)', () => {
    // No published example uses exactly 1.96 with these counts, so by hand: 120 searches of
    // 40,000 residents against 300 of 200,000.
    // RR = (120/40000)/(300/200000) = 0.003/0.0015 = 2.
    // Variance 1/120 − 1/40000 + 1/300 − 1/200000 = 0.0083333 − 0.000025 + 0.0033333 − 0.000005
    //   = 0.0116367; √ = 0.1078734; ×1.96 = 0.2114319.
    // Limits 2·e^−0.2114319 = 2·0.8094245 = 1.6188489 and 2·e^0.2114319 = 2·1.2354457 = 2.4708915.
    const r = katzRateRatio(120, 40_000, 300, 200_000);
    expect(r?.value).toBe(2);
    expect(r?.ci?.[0]).toBeCloseTo(1.6188489, 6);
    expect(r?.ci?.[1]).toBeCloseTo(2.4708915, 6);
  });

  it('agrees with a published risk ratio interval', () => {
    // Sahai & Khurshid (1996), Statistics in Epidemiology, Example 3.1 (CHD by catecholamine),
    // as reproduced in the scipy.stats.contingency.relative_risk documentation: 27/122 against
    // 44/487 gives RR 2.4495156 with 95% CI 1.5836991 to 3.7886786. That uses z = 1.959964
    // rather than 1.96; the difference moves the limits by about 3e-5, so 4 decimals agree.
    const r = katzRateRatio(27, 122, 44, 487);
    expect(r?.value).toBeCloseTo(2.4495156, 7);
    expect(r?.ci?.[0]).toBeCloseTo(1.5837, 4);
    expect(r?.ci?.[1]).toBeCloseTo(3.7887, 4);
  });

  it('gives a ratio of 0 with no interval when the group has no searches', () => {
    expect(katzRateRatio(0, 1000, 50, 10_000)).toEqual({ value: 0, ci: null });
  });

  it('is null when the ratio is undefined or infinite', () => {
    expect(katzRateRatio(5, 1000, 0, 10_000)).toBeNull(); // no White searches
    expect(katzRateRatio(5, 0, 50, 10_000)).toBeNull(); // no group residents
    expect(katzRateRatio(5, 1000, 50, 0)).toBeNull(); // no White residents
  });

  it('gives no interval where searches outnumber residents and the variance goes negative', () => {
    // 1/1000 − 1/100 + 1/10000 − 1/5000 = 0.001 − 0.01 + 0.0001 − 0.0002 = −0.0091 < 0.
    // RR = (1000/100)/(10000/5000) = 10/2 = 5.
    expect(katzRateRatio(1000, 100, 10_000, 5000)).toEqual({ value: 5, ci: null });
  });

  it('rejects negative or non-whole counts and negative populations', () => {
    expect(() => katzRateRatio(-1, 10, 1, 10)).toThrow(RangeError);
    expect(() => katzRateRatio(1.5, 10, 1, 10)).toThrow(RangeError);
    expect(() => katzRateRatio(1, -10, 1, 10)).toThrow(RangeError);
  });
});
