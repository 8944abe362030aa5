import { describe, expect, it } from 'vitest';
import { fleissKappa, ratingCounts } from './fleiss-kappa.ts';

// Fleiss JL (1971). Measuring nominal scale agreement among many raters. Psychological Bulletin
// 76:378–382: 30 patients, each diagnosed by 6 of the psychiatrists into 5 categories. These are
// the ratings as distributed in R's irr package (dataset `diagnoses`), one row per patient.
const diagnoses = [
  [4, 4, 4, 4, 4, 4], [2, 2, 2, 5, 5, 5], [2, 3, 3, 3, 3, 5], [5, 5, 5, 5, 5, 5], [2, 2, 2, 4, 4, 4],
  [1, 1, 3, 3, 3, 3], [3, 3, 3, 3, 5, 5], [1, 1, 3, 3, 3, 4], [1, 1, 4, 4, 4, 4], [5, 5, 5, 5, 5, 5],
  [1, 4, 4, 4, 4, 4], [1, 2, 4, 4, 4, 4], [2, 2, 2, 3, 3, 3], [1, 4, 4, 4, 4, 4], [2, 2, 4, 4, 4, 5],
  [3, 3, 3, 3, 3, 5], [1, 1, 1, 4, 5, 5], [1, 1, 1, 1, 1, 2], [2, 2, 4, 4, 4, 4], [1, 3, 3, 5, 5, 5],
  [5, 5, 5, 5, 5, 5], [2, 4, 4, 4, 4, 4], [2, 2, 4, 5, 5, 5], [1, 1, 4, 4, 4, 4], [1, 4, 4, 4, 4, 5],
  [2, 2, 2, 2, 2, 4], [1, 1, 1, 1, 5, 5], [2, 2, 4, 4, 4, 4], [1, 3, 3, 3, 3, 3], [5, 5, 5, 5, 5, 5]
];

describe('fleissKappa', () => {
  it('reproduces Fleiss (1971): kappa 0.430', () => {
    // Fleiss (1971) reports kappa = .430. R irr::kappam.fleiss(diagnoses) prints Kappa 0.43,
    // z 17.7 (full precision 0.4302445 and 17.65183, as recorded in statsmodels'
    // stats/tests/test_inter_rater.py, test_fleiss_kappa_irr).
    const counts = ratingCounts(diagnoses, [1, 2, 3, 4, 5]);
    const r = fleissKappa(counts);
    expect(r?.kappa).toBeCloseTo(0.4302445, 7);
    expect(r?.z).toBeCloseTo(17.65183, 5);
  });

  it('reproduces the Wikipedia worked example: kappa 0.210', () => {
    // Wikipedia, "Fleiss' kappa", worked example: 10 subjects, 14 raters, 5 categories;
    // P̄ = 0.378, P̄e = 0.213, kappa = 0.210.
    const r = fleissKappa([
      [0, 0, 0, 0, 14],
      [0, 2, 6, 4, 2],
      [0, 0, 3, 5, 6],
      [0, 3, 9, 2, 0],
      [2, 2, 8, 1, 1],
      [7, 7, 0, 0, 0],
      [3, 2, 6, 3, 0],
      [2, 5, 3, 2, 2],
      [6, 5, 2, 1, 0],
      [0, 2, 2, 3, 7]
    ]);
    expect(r?.kappa).toBeCloseTo(0.21, 3);
  });

  it('gives 1 when every item is agreed on, and -1/(n-1) at the floor (derived by hand)', () => {
    // Two items, 2 raters, each item agreed: P̄ = 1; shares 0.5, 0.5 so P̄e = 0.5; kappa = 1.
    expect(fleissKappa([[2, 0], [0, 2]])?.kappa).toBe(1);
    // Two raters always split: P̄ = 0, P̄e = 0.5, kappa = (0 − 0.5)/0.5 = −1 = −1/(2 − 1).
    expect(fleissKappa([[1, 1], [1, 1]])?.kappa).toBe(-1);
  });

  it('is null with no items, fewer than two reviewers, or a single category used', () => {
    expect(fleissKappa([])).toBeNull();
    expect(fleissKappa([[1, 0], [0, 1]])).toBeNull();
    expect(fleissKappa([[3, 0], [3, 0]])).toBeNull();
  });

  it('rejects items with different numbers of reviewers or categories', () => {
    expect(() => fleissKappa([[2, 1], [1, 1]])).toThrow(RangeError);
    expect(() => fleissKappa([[2, 1], [3]])).toThrow(RangeError);
  });
});

describe('ratingCounts', () => {
  it('counts each item\'s labels in the order of the categories', () => {
    expect(ratingCounts([['a', 'b', 'a'], ['c', 'c', 'c']], ['a', 'b', 'c'])).toEqual([
      [2, 1, 0],
      [0, 0, 3]
    ]);
  });

  it('rejects a label outside the categories', () => {
    expect(() => ratingCounts([['a', 'x']], ['a', 'b'])).toThrow(RangeError);
  });
});
