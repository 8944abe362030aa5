import type { Interval } from './types.ts';
import { assertCount, assertNonNegative } from './validate.ts';

/** METRICS.md fixes the multiplier at 1.96, not the exact normal quantile 1.959964. */
const Z95 = 1.96;

export interface RateRatio {
  value: number;
  /** Null when the log interval cannot be formed; see katzRateRatio. */
  ci: Interval | null;
}

/**
 * Rate ratio of a group against White, (sG/pG) / (sW/pW), with the Katz log interval of
 * METRICS.md: exp(ln RR ± 1.96·√(1/sG − 1/pG + 1/sW − 1/pW)).
 *
 * Returns null when the ratio itself is undefined or infinite: a population of 0, or no searches
 * of White residents (sW = 0).
 * The interval is null, with the ratio still given, when:
 * - sG = 0: the ratio is 0 and its logarithm is −∞ (METRICS.md: no interval when a count is 0);
 * - the variance term is negative. The −1/P terms assume each resident is searched at most once
 *   (a binomial risk); where searches outnumber residents (central areas with many visitors) the
 *   term can go below zero and the formula has no answer, so none is invented.
 */
export function katzRateRatio(sG: number, pG: number, sW: number, pW: number): RateRatio | null {
  assertCount('sG', sG);
  assertCount('sW', sW);
  assertNonNegative('pG', pG);
  assertNonNegative('pW', pW);
  if (pG === 0 || pW === 0 || sW === 0) return null;
  const value = sG / pG / (sW / pW);
  if (sG === 0) return { value, ci: null };
  const variance = 1 / sG - 1 / pG + 1 / sW - 1 / pW;
  if (variance < 0) return { value, ci: null };
  const margin = Z95 * Math.sqrt(variance);
  return { value, ci: [value * Math.exp(-margin), value * Math.exp(margin)] };
}
