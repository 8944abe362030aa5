import type { Flag } from './types.ts';

/** METRICS.md small numbers: a numerator below 10 is suppressed (value hidden), below 30 low. */
export const SUPPRESS_BELOW = 10;
export const LOW_BELOW = 30;

export function smallNumberFlags(numerator: number): Flag[] {
  if (numerator < SUPPRESS_BELOW) return ['suppressed', 'low_count'];
  if (numerator < LOW_BELOW) return ['low_count'];
  return [];
}

export const isSuppressed = (flags: Flag[]) => flags.includes('suppressed');
