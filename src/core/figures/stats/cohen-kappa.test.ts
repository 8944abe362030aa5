import { describe, expect, it } from 'vitest';
import { cohensKappa } from './cohen-kappa.ts';

describe('cohensKappa', () => {
  it('gives 0.4 for the Wikipedia 20/5/10/15 example, with standard errors derived by hand', () => {
    // Wikipedia, "Cohen's kappa", simple worked example: po = 35/50 = 0.7, pe = 0.5·0.6 + 0.5·0.4
    // = 0.5, kappa = (0.7 − 0.5)/(1 − 0.5) = 0.4.
    // Standard error by hand (Fleiss, Cohen & Everitt 1969). Cell shares 0.4, 0.1 / 0.2, 0.3;
    // rows 0.5, 0.5; columns 0.6, 0.4; 1 − κ = 0.6.
    //   diagonal: 0.4·(1 − 1.1·0.6)² + 0.3·(1 − 0.9·0.6)² = 0.4·0.1156 + 0.3·0.2116 = 0.10972
    //   off-diagonal: 0.6²·(0.1·(0.6 + 0.5)² + 0.2·(0.4 + 0.5)²) = 0.36·(0.121 + 0.162) = 0.10188
    //   minus (0.4 − 0.5·0.6)² = 0.01; total 0.2016; variance 0.2016/(50·0.5²) = 0.016128;
    //   se = 0.1269961.
    // Under kappa = 0: pe + pe² − Σ ri·ci·(ri + ci) = 0.75 − (0.3·1.1 + 0.2·0.9) = 0.24;
    //   seNull = √(0.24/50)/0.5 = 0.1385641.
    const r = cohensKappa([
      [20, 5],
      [10, 15]
    ]);
    expect(r?.kappa).toBeCloseTo(0.4, 12);
    expect(r?.se).toBeCloseTo(0.1269961, 7);
    expect(r?.seNull).toBeCloseTo(0.1385641, 7);
    expect(r?.z).toBeCloseTo(0.4 / 0.1385641, 5);
    expect(r?.ci[0]).toBeCloseTo(0.4 - 1.959964 * 0.1269961, 5);
    expect(r?.ci[1]).toBeCloseTo(0.4 + 1.959964 * 0.1269961, 5);
  });

  it('matches SAS PROC FREQ for a 3 × 3 table', () => {
    // SAS PROC FREQ AGREE printout for this table, as recorded in statsmodels'
    // statsmodels/stats/tests/test_inter_rater.py (UnweightedCohens): Kappa 0.4842, ASE 0.1380,
    // 95% limits 0.2137 to 0.7547, ASE under H0 0.1484, Z 3.2626.
    const r = cohensKappa([
      [0, 4, 1],
      [0, 8, 0],
      [0, 1, 5]
    ]);
    expect(r?.kappa).toBeCloseTo(0.4842, 4);
    expect(r?.se).toBeCloseTo(0.138, 4);
    expect(r?.ci[0]).toBeCloseTo(0.2137, 4);
    expect(r?.ci[1]).toBeCloseTo(0.7547, 4);
    expect(r?.seNull).toBeCloseTo(0.1484, 4);
    expect(r?.z).toBeCloseTo(3.2626, 4);
  });

  it('gives kappa 1 with a zero-width interval for perfect agreement', () => {
    // Diagonal-only table: po = 1, so kappa = 1; the variance terms are 1 + 0 − 1 = 0.
    const r = cohensKappa([
      [10, 0],
      [0, 5]
    ]);
    expect(r?.kappa).toBe(1);
    expect(r?.se).toBeCloseTo(0, 12);
    expect(Number.isNaN(r?.se)).toBe(false);
  });

  it('is null with no items, or when both reviewers used one category throughout', () => {
    expect(cohensKappa([[0]])).toBeNull();
    expect(
      cohensKappa([
        [7, 0],
        [0, 0]
      ])
    ).toBeNull();
  });

  it('rejects tables that are not square or hold impossible counts', () => {
    expect(() => cohensKappa([])).toThrow(RangeError);
    expect(() => cohensKappa([[1, 2]])).toThrow(RangeError);
    expect(() => cohensKappa([[1, -1], [0, 2]])).toThrow(RangeError);
  });
});
