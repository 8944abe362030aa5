import { cohensKappa, fleissKappa, ratingCounts } from '../figures/stats/index.ts';
import type { Interval } from '../figures/stats/index.ts';

/** Each encounter's ratings of one item, by reviewer id. */
export type EncounterRatings = ReadonlyMap<string, string>;

export interface Agreement {
  /** Cohen's kappa when the same two reviewers rated every encounter counted, Fleiss' kappa otherwise. */
  method: 'cohen' | 'fleiss';
  /** Null when kappa is undefined: every rating fell in one category. */
  kappa: number | null;
  /** Cohen's only (Fleiss' kappa has no simple interval away from 0). */
  ci: Interval | null;
  /** Encounters counted: those rated by the most common number of reviewers (at least two). */
  encounters: number;
  reviewers: number;
  /** Share of encounters on which every reviewer gave the same answer. */
  allAgreed: number;
}

/**
 * Agreement between reviewers on one item. Fleiss' kappa needs the same number of ratings per
 * encounter, so only the encounters rated by the most common number of reviewers (ties: the larger
 * number) are counted; with exactly two and always the same two people, Cohen's kappa is used.
 * Null when no encounter has two ratings.
 */
export function agreement(encounters: readonly EncounterRatings[], categories: readonly string[]): Agreement | null {
  const rated = encounters.filter((e) => e.size >= 2);
  if (rated.length === 0) return null;
  const sizes = new Map<number, number>();
  for (const e of rated) sizes.set(e.size, (sizes.get(e.size) ?? 0) + 1);
  const m = [...sizes].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0][0];
  const counted = rated.filter((e) => e.size === m);
  const allAgreed = counted.filter((e) => new Set(e.values()).size === 1).length / counted.length;
  const pairs = new Set(counted.map((e) => [...e.keys()].sort().join('\u0000')));
  if (m === 2 && pairs.size === 1) {
    const [a, b] = [...pairs][0].split('\u0000');
    const table = categories.map(() => categories.map(() => 0));
    for (const e of counted) table[categories.indexOf(e.get(a)!)][categories.indexOf(e.get(b)!)] += 1;
    const k = cohensKappa(table);
    return { method: 'cohen', kappa: k?.kappa ?? null, ci: k?.ci ?? null, encounters: counted.length, reviewers: 2, allAgreed };
  }
  const k = fleissKappa(ratingCounts(counted.map((e) => [...e.values()]), categories));
  const reviewers = new Set(counted.flatMap((e) => [...e.keys()])).size;
  return { method: 'fleiss', kappa: k?.kappa ?? null, ci: null, encounters: counted.length, reviewers, allAgreed };
}

/** Landis & Koch's (1977) words for kappa, as commonly used; a guide, not a test. */
export function kappaWords(kappa: number | null): string {
  if (kappa === null) return 'not measurable (every answer was the same)';
  if (kappa < 0) return 'poor (less than chance)';
  if (kappa <= 0.2) return 'slight';
  if (kappa <= 0.4) return 'fair';
  if (kappa <= 0.6) return 'moderate';
  if (kappa <= 0.8) return 'substantial';
  return 'almost perfect';
}
