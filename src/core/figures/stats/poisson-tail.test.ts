import { describe, expect, it } from 'vitest';
import { poissonUpperTail } from './poisson-tail.ts';

// No published table gives these tails to full precision, so each expected value is derived by
// hand below from P(X ≥ k) = e^−λ·λ^k/k!·(1 + λ/(k+1) + λ²/((k+1)(k+2)) + …), with the
// intermediate numbers shown.

describe('poissonUpperTail', () => {
  it('is 1 − e^−λ for k = 1', () => {
    // λ = 2: 1 − e^−2 = 1 − 0.1353352832 = 0.8646647168.
    expect(poissonUpperTail(1, 2)).toBeCloseTo(0.8646647168, 10);
  });

  it('keeps full relative accuracy for a tiny tail at k = 1', () => {
    // λ = 1e-10: 1 − e^−λ = λ − λ²/2 + … = 1e-10 − 5e-21 = 9.9999999995e-11. Computing
    // 1 − P(X = 0) in floating point gives 1.00000008274e-10 instead (wrong in the 8th digit).
    expect(poissonUpperTail(1, 1e-10) / 9.9999999995e-11).toBeCloseTo(1, 12);
  });

  it('gives the tail for a baseline of 2 a day and a day of 10', () => {
    // e^−2 = 0.1353352832; 2^10/10! = 1024/3628800 = 2.8218694885e-4; first term 3.8189850649e-5.
    // Series 1 + 2/11 + 4/132 + 8/1716 + 16/24024 + … = 1 + 0.181818 + 0.030303 + 0.004662
    // + 0.000666 + 0.0000888 + 0.0000111 + … = 1.2175505855. Tail = 4.6498075017e-5.
    expect(poissonUpperTail(10, 2) / 4.6498075017e-5).toBeCloseTo(1, 9);
  });

  it('gives a tail of order 1e-25 where 1 − cdf would give 0', () => {
    // k = 30, λ = 2: 2^30/30! = 1.073741824e9 / 2.6525285981e32 = 4.0479780e-24; times e^−2 gives
    // 5.4783633238e-25. Series 1 + 2/31 + 4/992 + … = 1 + 0.0645161 + 0.0040323 + 0.0002444
    // + 0.0000144 + 0.0000008 + … = 1.0688080113. Tail = 5.8553186094e-25.
    expect(poissonUpperTail(30, 2) / 5.8553186094e-25).toBeCloseTo(1, 9);
  });

  it('flags what METRICS.md calls unusual: 12 on a baseline of 1.5 is p < 0.001', () => {
    // e^−1.5 = 0.2231301601; 1.5^12/12! = 129.746338/479001600 = 2.7086877e-7; first term
    // 6.0438882e-8. Series 1 + 1.5/13 + 2.25/182 + … = 1.1291105676. Tail = 6.8242180e-8.
    const p = poissonUpperTail(12, 1.5);
    expect(p / 6.824218029e-8).toBeCloseTo(1, 8);
    expect(p).toBeLessThan(0.001);
  });

  it('is 1 for k = 0 and 0 for a baseline of 0', () => {
    expect(poissonUpperTail(0, 3)).toBe(1);
    expect(poissonUpperTail(0, 0)).toBe(1);
    expect(poissonUpperTail(1, 0)).toBe(0);
  });

  it('underflows to 0, not NaN, far out in the tail', () => {
    expect(poissonUpperTail(1_000_000, 2)).toBe(0);
  });

  it('rejects a negative or non-whole k and a negative or infinite baseline', () => {
    expect(() => poissonUpperTail(-1, 2)).toThrow(RangeError);
    expect(() => poissonUpperTail(1.5, 2)).toThrow(RangeError);
    expect(() => poissonUpperTail(3, -1)).toThrow(RangeError);
    expect(() => poissonUpperTail(3, Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });

  it.each([
    [5, 2, 0.9473],
    [7, 2, 0.9955],
    [8, 5, 0.8666],
    [10, 5, 0.9682],
    [11, 5, 0.9863]
  ])('agrees with the published cumulative Poisson table: P(X ≥ %i | λ = %d) = 1 − %d', (k, lambda, cumulative) => {
    // Cumulative Poisson probabilities P(X ≤ k − 1) as printed to 4 decimals in standard statistical
    // tables (e.g. Lindley & Scott, New Cambridge Statistical Tables, 2nd ed., Table 2).
    expect(poissonUpperTail(k, lambda)).toBeCloseTo(1 - cumulative, 4);
  });
});
