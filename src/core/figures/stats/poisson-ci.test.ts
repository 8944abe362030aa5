import { describe, expect, it } from 'vitest';
import { poissonExactCI, rateCI } from './poisson-ci.ts';

describe('poissonExactCI (Garwood)', () => {
  it('gives 0 to −ln(0.025) for a count of 0', () => {
    // Published: epitools::pois.exact documentation, "When x = 0, for the upper confidence limit
    // pois.exact returns 3.689". By hand: P(X = 0 | μ) = e^−μ = 0.025 ⇒ μ = −ln 0.025 = 3.68888.
    const [lower, upper] = poissonExactCI(0);
    expect(lower).toBe(0);
    expect(upper).toBeCloseTo(3.68888, 5);
  });

  it('matches the tabulated limits for counts of 1 and 10', () => {
    // Garwood (1936, Biometrika 28:437) exact limits as tabulated: 1 -> 0.0253 to 5.572,
    // 10 -> 4.795 to 18.39. Check by hand for the lower limit of 1: χ² with 2 df has the
    // closed form χ²(p; 2)/2 = −ln(1 − p), so the limit is −ln(0.975) = 0.025318.
    const one = poissonExactCI(1);
    expect(one[0]).toBeCloseTo(0.025318, 6);
    expect(one[1]).toBeCloseTo(5.572, 3);
    const ten = poissonExactCI(10);
    expect(ten[0]).toBeCloseTo(4.795, 3);
    expect(ten[1]).toBeCloseTo(18.39, 2);
  });

  it('matches GraphPad QuickCalcs for a count of 25 at 90%, 95% and 99%', () => {
    // GraphPad FAQ "How QuickCalcs computes the confidence interval of a count" (Garwood method),
    // worked example for 25: 90% 17.38 to 34.92, 95% 16.18 to 36.90, 99% 14.00 to 41.00.
    const at = (level: number) => poissonExactCI(25, level);
    expect(at(0.9)[0]).toBeCloseTo(17.38, 2);
    expect(at(0.9)[1]).toBeCloseTo(34.92, 2);
    expect(at(0.95)[0]).toBeCloseTo(16.18, 2);
    expect(at(0.95)[1]).toBeCloseTo(36.9, 2);
    expect(at(0.99)[0]).toBeCloseTo(14.0, 2);
    expect(at(0.99)[1]).toBeCloseTo(41.0, 2);
  });

  it('rejects counts that are not whole and levels outside (0, 1)', () => {
    expect(() => poissonExactCI(-1)).toThrow(RangeError);
    expect(() => poissonExactCI(2.5)).toThrow(RangeError);
    expect(() => poissonExactCI(Number.NaN)).toThrow(RangeError);
    expect(() => poissonExactCI(3, 1)).toThrow(RangeError);
    expect(() => poissonExactCI(3, 0)).toThrow(RangeError);
  });
});

describe('rateCI', () => {
  it('scales the count and its Garwood limits to a rate per 1,000', () => {
    // From the tabulated Garwood limits for 10 (4.795, 18.39): 10 searches among 2,000 residents
    // are 10/2000·1000 = 5 per 1,000, interval 4.795/2 = 2.3977 to 18.390/2 = 9.195.
    const r = rateCI(10, 2000);
    expect(r?.value).toBe(5);
    expect(r?.ci[0]).toBeCloseTo(2.3977, 3);
    expect(r?.ci[1]).toBeCloseTo(9.195, 2);
  });

  it('honours another scale', () => {
    // GraphPad's 95% limits for 25 (16.18, 36.90) per 10,000 over a population of 50,000:
    // 25/50000·10000 = 5, limits 16.18/5 = 3.236 and 36.90/5 = 7.38.
    const r = rateCI(25, 50_000, 10_000);
    expect(r?.value).toBe(5);
    expect(r?.ci[0]).toBeCloseTo(3.236, 3);
    expect(r?.ci[1]).toBeCloseTo(7.38, 2);
  });

  it('gives a zero rate with an upper limit for a count of 0', () => {
    // Upper limit 3.68888 (see above) over 1,000 residents per 1,000 is 3.68888.
    const r = rateCI(0, 1000);
    expect(r?.value).toBe(0);
    expect(r?.ci[0]).toBe(0);
    expect(r?.ci[1]).toBeCloseTo(3.68888, 5);
  });

  it('is null when the population is 0', () => {
    expect(rateCI(5, 0)).toBeNull();
    expect(rateCI(0, 0)).toBeNull();
  });

  it('rejects a negative population or scale', () => {
    expect(() => rateCI(1, -5)).toThrow(RangeError);
    expect(() => rateCI(1, 5, 0)).toThrow(RangeError);
  });
});
