import { describe, expect, it } from 'vitest';
import { agreement, kappaWords } from './agreement.ts';

/** Encounters from rows of labels, reviewer k named r1, r2, …. */
const encounters = (rows: string[][]) => rows.map((labels) => new Map(labels.map((l, k) => [`r${k + 1}`, l])));
const repeat = (n: number, labels: string[]) => Array.from({ length: n }, () => labels);

describe('agreement between reviewers, against published worked examples', () => {
  it("uses Cohen's kappa for two reviewers: Wikipedia's example gives 0.4", () => {
    // Wikipedia, "Cohen's kappa", simple example: 50 applications; both yes 20, A yes B no 5,
    // A no B yes 10, both no 15; po = 0.7, pe = 0.5, kappa = 0.4.
    const rows = [...repeat(20, ['yes', 'yes']), ...repeat(5, ['yes', 'no']), ...repeat(10, ['no', 'yes']), ...repeat(15, ['no', 'no'])];
    const a = agreement(encounters(rows), ['yes', 'no', 'not_visible', 'not_applicable']);
    expect(a).toMatchObject({ method: 'cohen', encounters: 50, reviewers: 2, allAgreed: 0.7 });
    expect(a?.kappa).toBeCloseTo(0.4, 12);
    expect(a?.ci?.[0]).toBeCloseTo(0.4 - 1.959964 * 0.1269961, 5);
  });

  it("uses Fleiss' kappa for more reviewers: Fleiss (1971) gives 0.430", () => {
    // Fleiss (1971) Table 1 as distributed in R's irr package (`diagnoses`): 30 patients, 6 ratings each, 5 categories.
    const diagnoses = [
      [4, 4, 4, 4, 4, 4], [2, 2, 2, 5, 5, 5], [2, 3, 3, 3, 3, 5], [5, 5, 5, 5, 5, 5], [2, 2, 2, 4, 4, 4],
      [1, 1, 3, 3, 3, 3], [3, 3, 3, 3, 5, 5], [1, 1, 3, 3, 3, 4], [1, 1, 4, 4, 4, 4], [5, 5, 5, 5, 5, 5],
      [1, 4, 4, 4, 4, 4], [1, 2, 4, 4, 4, 4], [2, 2, 2, 3, 3, 3], [1, 4, 4, 4, 4, 4], [2, 2, 4, 4, 4, 5],
      [3, 3, 3, 3, 3, 5], [1, 1, 1, 4, 5, 5], [1, 1, 1, 1, 1, 2], [2, 2, 4, 4, 4, 4], [1, 3, 3, 5, 5, 5],
      [5, 5, 5, 5, 5, 5], [2, 4, 4, 4, 4, 4], [2, 2, 4, 5, 5, 5], [1, 1, 4, 4, 4, 4], [1, 4, 4, 4, 4, 5],
      [2, 2, 2, 2, 2, 4], [1, 1, 1, 1, 5, 5], [2, 2, 4, 4, 4, 4], [1, 3, 3, 3, 3, 3], [5, 5, 5, 5, 5, 5]
    ].map((r) => r.map(String));
    const a = agreement(encounters(diagnoses), ['1', '2', '3', '4', '5']);
    expect(a).toMatchObject({ method: 'fleiss', encounters: 30, reviewers: 6, ci: null });
    expect(a?.kappa).toBeCloseTo(0.4302445, 7);
    expect(kappaWords(a!.kappa)).toBe('moderate');
  });

  it("gives Wikipedia's Fleiss example, 14 raters of 10 subjects: 0.210", () => {
    // Wikipedia, "Fleiss' kappa", worked example: counts per subject for categories 1..5.
    const counts = [
      [0, 0, 0, 0, 14], [0, 2, 6, 4, 2], [0, 0, 3, 5, 6], [0, 3, 9, 2, 0], [2, 2, 8, 1, 1],
      [7, 7, 0, 0, 0], [3, 2, 6, 3, 0], [2, 5, 3, 2, 2], [6, 5, 2, 1, 0], [0, 2, 2, 3, 7]
    ];
    const rows = counts.map((c) => c.flatMap((n, j) => Array.from({ length: n }, () => String(j + 1))));
    expect(agreement(encounters(rows), ['1', '2', '3', '4', '5'])?.kappa).toBeCloseTo(0.21, 3);
  });

  it("uses Fleiss' kappa when different pairs reviewed different encounters", () => {
    // Two encounters, each agreed by a different pair: P̄ = 1, shares 0.5/0.5, kappa = 1 (derived by hand).
    const a = agreement([new Map([['a', 'yes'], ['b', 'yes']]), new Map([['b', 'no'], ['c', 'no']])], ['yes', 'no']);
    expect(a).toMatchObject({ method: 'fleiss', kappa: 1, reviewers: 3 });
  });

  it('counts only encounters with the most common number of reviews, and needs two', () => {
    const mixed = [new Map([['a', 'yes']]), new Map([['a', 'yes'], ['b', 'no']]), new Map([['a', 'no'], ['b', 'no']]), new Map([['a', 'no'], ['b', 'yes'], ['c', 'no']])];
    expect(agreement(mixed, ['yes', 'no'])?.encounters).toBe(2);
    expect(agreement([new Map([['a', 'yes']])], ['yes', 'no'])).toBeNull();
    expect(agreement(encounters([['yes', 'yes'], ['yes', 'yes']]), ['yes', 'no'])).toMatchObject({ kappa: null, allAgreed: 1 });
    expect(kappaWords(null)).toContain('not measurable');
  });
});
