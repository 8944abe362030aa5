import normalQuantile from '@stdlib/stats-base-dists-normal-quantile';
import { assertLevel } from './validate.ts';

/** The standard normal quantile z with P(−z < Z < z) = level: 1.959964 for 0.95. */
export function twoSidedZ(level: number): number {
  assertLevel(level);
  return normalQuantile(1 - (1 - level) / 2, 0, 1);
}
