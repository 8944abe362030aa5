import chisquareQuantile from '@stdlib/stats-base-dists-chisquare-quantile';
import type { Estimate, Interval } from './types.ts';
import { assertCount, assertLevel, assertNonNegative } from './validate.ts';

/**
 * Garwood (1936) exact interval for the mean of a Poisson count:
 * [χ²(α/2; 2k)/2, χ²(1−α/2; 2k+2)/2]. Exact rather than normal because area counts are often
 * small, where a normal interval would go below zero. For count 0 the lower limit is 0 by
 * definition (the χ² with 0 degrees of freedom is degenerate), and the upper is −ln(α/2).
 */
export function poissonExactCI(count: number, level = 0.95): Interval {
  assertCount('count', count);
  assertLevel(level);
  const alpha = 1 - level;
  const lower = count === 0 ? 0 : chisquareQuantile(alpha / 2, 2 * count) / 2;
  const upper = chisquareQuantile(1 - alpha / 2, 2 * count + 2) / 2;
  return [lower, upper];
}

/**
 * Rate per `per` people (per 1,000 by default) with the Garwood interval of the count divided by
 * the population, as METRICS.md defines "rate per 1,000". Null when the population is 0: there
 * is no rate to give, whatever the count.
 */
export function rateCI(count: number, population: number, per = 1000, level = 0.95): Estimate | null {
  assertCount('count', count);
  assertNonNegative('population', population);
  if (!(per > 0 && Number.isFinite(per))) throw new RangeError(`per must be > 0, got ${per}`);
  if (population === 0) return null;
  const scale = per / population;
  const [lower, upper] = poissonExactCI(count, level);
  return { value: count * scale, ci: [lower * scale, upper * scale] };
}
