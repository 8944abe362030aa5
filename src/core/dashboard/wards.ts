import { areasInUse } from '../figures/area.ts';
import { smallNumberFlags } from '../figures/flags.ts';
import { rateCI } from '../figures/stats/index.ts';
import type { Flag, Period } from '../figures/types.ts';
import { wardPopulationsOf } from '../figures/ward-population.ts';
import type { Warehouse } from '../warehouse/warehouse.ts';

export interface WardCount {
  code: string;
  name: string;
  /** Searches placed in the ward: always shown, however small. */
  searches: number;
  /** Share of the borough's searches placed in a ward; null when the count is below 10 (METRICS.md). */
  share: number | null;
  flags: Flag[];
  /**
   * Searches per 1,000 of all residents (ONS mid-2020 estimates) with its exact Poisson interval,
   * where the ward's boundary is unchanged since 2020; value null when suppressed (below 10 searches).
   * Null with `noPopulation` (the reason) when the ward has no population.
   */
  perThousand: { value: number | null; ci95: [number, number] | null; residents: number } | null;
  noPopulation: string | null;
}

export interface WardCounts {
  wards: WardCount[];
  /** Searches placed in the borough, and those of them that fell in no ward of the boundary file. */
  inBorough: number;
  inWards: number;
  notInWard: number;
}

/**
 * Searches per ward of a borough in one query (never one per ward). Ward populations by ethnicity
 * do not exist in Census 2021 local-authority tables, so wards get counts, shares and, where the
 * ward is unchanged since 2020, searches per 1,000 of all residents (figures/ward-population.ts).
 */
export async function wardCounts(wh: Warehouse, borough: string, period: Period): Promise<WardCounts> {
  const wards = (await areasInUse(wh)).filter((a) => a.level === 'ward' && a.parentCode === borough);
  const rows = await wh.query<{ ward: string | null; n: number }>(
    `SELECT ward, count(*)::INTEGER AS n FROM stop_search
     WHERE borough = $borough AND local_date BETWEEN CAST($from AS DATE) AND CAST($to AS DATE) GROUP BY ward`,
    { borough, from: period.from, to: period.to }
  );
  const counts = new Map(rows.map((r) => [r.ward, Number(r.n)]));
  const pops = await wardPopulationsOf(wh);
  const known = new Set(wards.map((w) => w.code));
  const inBorough = rows.reduce((s, r) => s + Number(r.n), 0);
  const inWards = rows.filter((r) => r.ward !== null && known.has(r.ward)).reduce((s, r) => s + Number(r.n), 0);
  return {
    wards: wards
      .map((w) => {
        const n = counts.get(w.code) ?? 0;
        const flags = smallNumberFlags(n);
        const suppressed = flags.includes('suppressed');
        const pop = pops.get(w.code);
        const r = pop?.persons ? rateCI(n, pop.persons, 1000) : null;
        return {
          code: w.code,
          name: w.name,
          searches: n,
          share: suppressed || inWards === 0 ? null : n / inWards,
          flags,
          perThousand: r && pop?.persons ? { value: suppressed ? null : r.value, ci95: suppressed ? null : [r.ci[0], r.ci[1]] as [number, number], residents: pop.persons } : null,
          noPopulation: r ? null : (pop?.reason ?? 'No population for the 2022 ward.')
        };
      })
      .sort((a, b) => b.searches - a.searches || a.name.localeCompare(b.name)),
    inBorough,
    inWards,
    notInWard: inBorough - inWards
  };
}
