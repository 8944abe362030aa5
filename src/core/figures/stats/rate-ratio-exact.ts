import betaQuantile from '@stdlib/stats-base-dists-beta-quantile';
import type { Estimate } from './types.ts';
import { assertCount, assertLevel, assertNonNegative } from './validate.ts';

/**
 * Ratio of two Poisson rates, (a/tA) / (b/tB), e.g. this month's searches against last month's,
 * with the exact conditional interval (as R's poisson.test for two samples).
 *
 * Given a + b = n, a is binomial(n, π) with π = λA·tA / (λA·tA + λB·tB). The Clopper–Pearson
 * limits of π are beta quantiles, and R = π/(1 − π) · tB/tA maps them onto the ratio. This
 * avoids any normal approximation, which matters for the small counts of a ward or a day.
 *
 * Returns null when the ratio is undefined or infinite: no events in either period (a + b = 0),
 * none in the reference period (b = 0), or an exposure of 0. With a = 0 the ratio is 0 and the
 * interval [0, upper].
 */
export function poissonRateRatioExact(
  a: number,
  b: number,
  tA = 1,
  tB = 1,
  level = 0.95
): Estimate | null {
  assertCount('a', a);
  assertCount('b', b);
  assertNonNegative('tA', tA);
  assertNonNegative('tB', tB);
  assertLevel(level);
  if (b === 0 || tA === 0 || tB === 0) return null;
  const alpha = 1 - level;
  const piLower = a === 0 ? 0 : betaQuantile(alpha / 2, a, b + 1);
  const piUpper = betaQuantile(1 - alpha / 2, a + 1, b);
  const toRatio = (pi: number): number => (pi / (1 - pi)) * (tB / tA);
  return { value: a / tA / (b / tB), ci: [toRatio(piLower), toRatio(piUpper)] };
}
