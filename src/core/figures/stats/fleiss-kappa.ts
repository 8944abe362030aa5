import { assertCount } from './validate.ts';

export interface FleissKappa {
  kappa: number;
  /**
   * Standard error under the hypothesis kappa = 0 (Fleiss, Nee & Landis 1979), as R's
   * irr::kappam.fleiss reports. It is for testing only: there is no simple standard error for
   * kappa away from 0, so no confidence interval is offered.
   */
  seNull: number;
  /** kappa / seNull. */
  z: number;
}

/**
 * Fleiss' (1971) kappa for several reviewers. `ratings[i][j]` is how many reviewers put item i in
 * category j; every item must have the same number of reviewers (the method assumes it).
 *
 * Returns null when there are no items, fewer than two reviewers per item (no pairs to agree),
 * or every rating fell in one category (chance agreement is 1 and kappa is 0/0).
 */
export function fleissKappa(ratings: readonly (readonly number[])[]): FleissKappa | null {
  if (ratings.length === 0) return null;
  const k = ratings[0].length;
  if (ratings.some((row) => row.length !== k)) throw new RangeError('every item needs one count per category');
  ratings.forEach((row) => row.forEach((c) => assertCount('rating count', c)));
  const raters = sum(ratings[0]);
  if (ratings.some((row) => sum(row) !== raters)) {
    throw new RangeError('every item must be rated by the same number of reviewers');
  }
  if (raters < 2) return null;
  const items = ratings.length;
  const shares = ratings[0].map((_, j) => sum(ratings.map((row) => row[j])) / (items * raters));
  const agreement = sum(ratings.map((row) => pairsAgreeing(row, raters))) / items;
  const spread = sum(shares.map((p) => p * (1 - p))); // Σ pj·qj, which equals 1 − chance agreement
  if (spread <= 0) return null;
  const kappa = (agreement - (1 - spread)) / spread;
  const seNull =
    Math.sqrt(2 / (items * raters * (raters - 1))) *
    (Math.sqrt(spread * spread - sum(shares.map((p) => p * (1 - p) * (1 - 2 * p)))) / spread);
  return { kappa, seNull, z: kappa / seNull };
}

/**
 * Turns each item's list of labels (one per reviewer) into the count rows fleissKappa takes,
 * with columns in the order of `categories`. A label outside `categories` is a caller's bug.
 */
export function ratingCounts<T>(labels: readonly (readonly T[])[], categories: readonly T[]): number[][] {
  return labels.map((itemLabels) => {
    const row = categories.map(() => 0);
    for (const label of itemLabels) {
      const j = categories.indexOf(label);
      if (j < 0) throw new RangeError(`label ${String(label)} is not among the categories`);
      row[j] += 1;
    }
    return row;
  });
}

/** Share of an item's ordered reviewer pairs that agree: Pi = (Σj nij² − n) / (n(n − 1)). */
function pairsAgreeing(row: readonly number[], raters: number): number {
  return (sum(row.map((c) => c * c)) - raters) / (raters * (raters - 1));
}

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}
