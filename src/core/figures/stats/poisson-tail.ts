import gammainc from '@stdlib/math-base-special-gammainc';
import { assertCount, assertNonNegative } from './validate.ts';

/**
 * P(X ≥ k) for X ~ Poisson(lambda), used to flag unusual days at p < 0.001.
 *
 * Uses the identity P(X ≥ k) = P(k, λ), the regularised lower incomplete gamma function, for
 * k ≥ 1. Computing 1 − P(X ≤ k−1) instead would lose every significant digit once the tail falls
 * below about 1e-16, and would lose relative accuracy well before that.
 *
 * Edge cases: k = 0 gives 1 (always at least zero events); lambda = 0 gives 0 for any k ≥ 1
 * (a baseline of nothing makes any event impossible under the model).
 */
export function poissonUpperTail(k: number, lambda: number): number {
  assertCount('k', k);
  assertNonNegative('lambda', lambda);
  if (k === 0) return 1;
  if (lambda === 0) return 0;
  return gammainc(lambda, k);
}
