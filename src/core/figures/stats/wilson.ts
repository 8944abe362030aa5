import type { Interval } from './types.ts';
import { assertCount } from './validate.ts';
import { twoSidedZ } from './z.ts';

/**
 * Wilson score interval for a proportion (Newcombe 1998, method 3: no continuity correction).
 * Chosen over the simple p ± z·se because it stays inside [0, 1] and behaves at 0 and n.
 * Returns null when n = 0 (no proportion exists). At 0 successes the lower limit is exactly 0,
 * and at n successes the upper is exactly 1: the formula gives these up to rounding, so they are
 * set exactly.
 */
export function wilsonCI(successes: number, n: number, level = 0.95): Interval | null {
  assertCount('successes', successes);
  assertCount('n', n);
  if (successes > n) throw new RangeError(`successes (${successes}) exceed n (${n})`);
  if (n === 0) return null;
  const z = twoSidedZ(level);
  const p = successes / n;
  const z2n = (z * z) / n;
  const centre = (p + z2n / 2) / (1 + z2n);
  const half = (z / (1 + z2n)) * Math.sqrt(p * (1 - p) / n + z2n / (4 * n));
  const lower = successes === 0 ? 0 : Math.max(0, centre - half);
  const upper = successes === n ? 1 : Math.min(1, centre + half);
  return [lower, upper];
}
