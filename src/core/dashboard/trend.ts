import { loadedMonths } from '../figures/compute.ts';
import { monthEnd } from '../figures/period.ts';
import { areaFilter } from '../figures/scope.ts';
import type { AreaRef, Period } from '../figures/types.ts';
import type { Warehouse } from '../warehouse/warehouse.ts';

export interface TrendPoint {
  /** YYYY-MM, London local months. */
  month: string;
  /** Searches in the month; null when the force's data for the month is not loaded (a gap, never a zero). */
  searches: number | null;
  /** Whether the month is in the period the page shows. */
  inPeriod: boolean;
}

export interface Trend {
  area: AreaRef;
  months: TrendPoint[];
  /** Months without loaded data, in order. */
  gaps: string[];
}

export const TREND_MONTHS = 24;

export function shiftMonth(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1 + n, 1)).toISOString().slice(0, 7);
}

/**
 * Searches per month in an area over the `months` months up to the end of the period. A month
 * whose police file (of `force`) is not loaded is a gap: drawing it as zero would invent a fall.
 */
export async function monthlyTrend(wh: Warehouse, area: AreaRef, period: Period, force: string | null, months = TREND_MONTHS): Promise<Trend> {
  const last = period.to.slice(0, 7);
  const first = shiftMonth(last, -(months - 1));
  const rows = await wh.query<{ month: string; n: number }>(
    `SELECT strftime(local_date, '%Y-%m') AS month, count(*)::INTEGER AS n FROM stop_search
     WHERE local_date BETWEEN CAST($from AS DATE) AND CAST($to AS DATE) AND ${areaFilter(area)} GROUP BY 1`,
    { from: `${first}-01`, to: monthEnd(last), area: area.code }
  );
  const counts = new Map(rows.map((r) => [r.month, Number(r.n)]));
  const loaded = force ? await loadedMonths(wh, force) : new Set<string>();
  const points: TrendPoint[] = [];
  for (let m = first; m <= last; m = shiftMonth(m, 1))
    points.push({ month: m, searches: loaded.has(m) ? (counts.get(m) ?? 0) : null, inPeriod: m >= period.from.slice(0, 7) && m <= last });
  return { area, months: points, gaps: points.filter((p) => p.searches === null).map((p) => p.month) };
}
