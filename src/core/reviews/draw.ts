import mt19937 from '@stdlib/random-base-mt19937';

/** Seeds are what MT19937 accepts as one number: 1 to 2³² − 1. */
export const maxSeed = 4_294_967_295;

/** A stratum of the population: its key (e.g. "black") and the positions of its records in population order. */
export interface Stratum {
  key: string;
  members: number[];
}

/** Strata in key order (code-unit order, whatever the locale). */
const byKey = (a: { key: string }, b: { key: string }) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

/**
 * How many to draw from each stratum: proportional allocation by largest remainders (Hamilton),
 * so the sizes add up to `size` exactly; ties go to the stratum whose key sorts first. Strata come
 * in key order, which is what makes the allocation independent of how the rows arrived.
 */
export function allocate(strata: readonly { key: string; size: number }[], size: number): Map<string, number> {
  const total = strata.reduce((a, s) => a + s.size, 0);
  if (size > total) throw new RangeError(`cannot draw ${size} from ${total}`);
  const sorted = [...strata].sort(byKey);
  const exact = sorted.map((s) => (total === 0 ? 0 : (size * s.size) / total));
  const counts = exact.map(Math.floor);
  let left = size - counts.reduce((a, b) => a + b, 0);
  const order = sorted.map((_, i) => i).sort((a, b) => exact[b] - counts[b] - (exact[a] - counts[a]) || a - b);
  for (const i of order) {
    if (left === 0) break;
    if (counts[i] < sorted[i].size) {
      counts[i] += 1;
      left -= 1;
    }
  }
  return new Map(sorted.map((s, i) => [s.key, counts[i]]));
}

/** An unbiased integer in [0, n) from 32-bit draws (rejection of the incomplete top range). */
function below(next: () => number, n: number): number {
  const range = maxSeed + 1;
  const limit = range - (range % n);
  for (;;) {
    const x = next();
    if (x < limit) return x % n;
  }
}

/**
 * Draws `counts.get(key)` members from each stratum without replacement with one MT19937 stream
 * seeded by `seed`, strata in key order, each by a partial Fisher–Yates shuffle of its members.
 * Returns the drawn positions in ascending order (population order), so the same population
 * order, seed and sizes always give the same records.
 */
export function drawPositions(strata: readonly Stratum[], counts: ReadonlyMap<string, number>, seed: number): number[] {
  const next = mt19937.factory({ seed });
  const chosen: number[] = [];
  for (const stratum of [...strata].sort(byKey)) {
    const pool = [...stratum.members];
    const k = counts.get(stratum.key) ?? 0;
    for (let i = 0; i < k; i++) {
      const j = i + below(next, pool.length - i);
      [pool[i], pool[j]] = [pool[j], pool[i]];
      chosen.push(pool[i]);
    }
  }
  return chosen.sort((a, b) => a - b);
}
