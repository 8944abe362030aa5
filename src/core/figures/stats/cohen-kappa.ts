import type { Interval } from './types.ts';
import { assertCount } from './validate.ts';
import { twoSidedZ } from './z.ts';

export interface CohensKappa {
  kappa: number;
  /** Large-sample standard error (Fleiss, Cohen & Everitt 1969), for the interval. */
  se: number;
  /** kappa ± z·se. Not clipped to [−1, 1], so it matches SAS and other references. */
  ci: Interval;
  /** Standard error under the hypothesis kappa = 0, for the test only. */
  seNull: number;
  /** kappa / seNull; 0 when seNull is 0, which happens only when pe = 0 and so kappa = 0. */
  z: number;
}

/**
 * Cohen's kappa for two reviewers from a square table of counts: table[i][j] is the number of
 * items the first reviewer put in category i and the second in category j.
 *
 * Returns null when the table is empty (no items) or when chance agreement is 1, i.e. both
 * reviewers used one and the same category for everything: kappa is then 0/0 and undefined.
 */
export function cohensKappa(table: readonly (readonly number[])[], level = 0.95): CohensKappa | null {
  const k = table.length;
  if (k === 0 || table.some((row) => row.length !== k)) {
    throw new RangeError('table must be square with at least one category');
  }
  table.forEach((row) => row.forEach((c) => assertCount('table cell', c)));
  const n = sum(table.map(sum));
  if (n === 0) return null;
  const p = table.map((row) => row.map((c) => c / n));
  const rows = p.map(sum);
  const cols = p[0].map((_, j) => sum(p.map((row) => row[j])));
  const po = sum(p.map((row, i) => row[i]));
  const pe = sum(rows.map((r, i) => r * cols[i]));
  if (pe >= 1) return null;
  const kappa = (po - pe) / (1 - pe);
  const se = Math.sqrt(Math.max(0, fceVariance(p, rows, cols, kappa, pe)) / n) / (1 - pe);
  const nullTerm = pe + pe * pe - sum(rows.map((r, i) => r * cols[i] * (r + cols[i])));
  const seNull = Math.sqrt(Math.max(0, nullTerm) / n) / (1 - pe);
  const margin = twoSidedZ(level) * se;
  return { kappa, se, ci: [kappa - margin, kappa + margin], seNull, z: seNull > 0 ? kappa / seNull : 0 };
}

/**
 * n·(1 − pe)² times the large-sample variance of kappa, Fleiss, Cohen & Everitt (1969):
 * Σi pii[1 − (pi. + p.i)(1 − κ)]² + (1 − κ)² Σi≠j pij(p.i + pj.)² − [κ − pe(1 − κ)]².
 * Rounding can take it a hair below zero for perfect agreement, hence the caller's clamp.
 */
function fceVariance(p: number[][], rows: number[], cols: number[], kappa: number, pe: number): number {
  const q = 1 - kappa;
  let diagonal = 0;
  let offDiagonal = 0;
  p.forEach((row, i) =>
    row.forEach((pij, j) => {
      if (i === j) diagonal += pij * (1 - (rows[i] + cols[i]) * q) ** 2;
      else offDiagonal += pij * (cols[i] + rows[j]) ** 2;
    })
  );
  return diagonal + q * q * offDiagonal - (kappa - pe * q) ** 2;
}

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}
