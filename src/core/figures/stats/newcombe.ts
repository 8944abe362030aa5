import type { Estimate } from './types.ts';
import { wilsonCI } from './wilson.ts';

/**
 * Difference of two independent proportions, p1 − p2, with Newcombe's (1998) hybrid score
 * interval (his method 10). Each limit combines the distances from each proportion to its own
 * Wilson limit:
 *   lower = d − √((p1 − l1)² + (u2 − p2)²),  upper = d + √((u1 − p1)² + (p2 − l2)²).
 * Used for "outcome rate of a group minus that of White"; unlike the Wald interval it stays
 * within [−1, 1] and gives sensible limits when a group has 0 or all outcomes.
 * Returns null when either n is 0 (a proportion is missing).
 */
export function newcombeDifference(
  x1: number,
  n1: number,
  x2: number,
  n2: number,
  level = 0.95
): Estimate | null {
  const w1 = wilsonCI(x1, n1, level);
  const w2 = wilsonCI(x2, n2, level);
  if (w1 === null || w2 === null) return null;
  const p1 = x1 / n1;
  const p2 = x2 / n2;
  const d = p1 - p2;
  const lower = d - Math.hypot(p1 - w1[0], w2[1] - p2);
  const upper = d + Math.hypot(w1[1] - p1, p2 - w2[0]);
  return { value: d, ci: [lower, upper] };
}
