import type { Warehouse } from '../warehouse/warehouse.ts';

/**
 * A "thin" month: a publication month holding far fewer records than the force's usual month, so
 * that its figures may rest on incomplete data. data.police.uk has served such months (the
 * Metropolitan Police's September 2024 to April 2025 from the API held about a third of the records
 * of the months before). It may also be a real fall in searching: Scrutineer cannot tell which, so it
 * says so beside every figure of such a month instead of hiding the month or guessing.
 *
 * The rule (docs/figures.md): walking the months in order, a month is thin when it has fewer than
 * half the records of the median of the (up to) 12 most recent earlier months that were not thin
 * themselves, once at least 6 such months exist. Earlier thin months are left out of the usual level
 * so that a run of thin months does not become the new normal.
 */
export interface ThinMonth {
  month: string;
  records: number;
  /** The median records of the months it was compared with. */
  usual: number;
  /**
   * The last Europe/London date with a record, when records stop more than three days before the
   * month ends (data.police.uk's Metropolitan Police December 2022 stops on the 17th); else null.
   */
  stopsOn: string | null;
}

/** Records that stop this many days or more before the month's end are said to stop early. */
export const EARLY_STOP_DAYS = 4;

function stopsEarly(month: string, lastDate: string | null | undefined): string | null {
  if (!lastDate) return null;
  const [y, m] = month.split('-').map(Number);
  const monthEnd = Date.UTC(y, m, 0);
  return monthEnd - Date.parse(`${lastDate}T00:00:00Z`) >= EARLY_STOP_DAYS * 86_400_000 ? lastDate : null;
}

export const THIN_SHARE = 0.5;
export const BASELINE_MONTHS = 12;
export const MIN_BASELINE_MONTHS = 6;

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** The thin months among a force's monthly record counts (any order; months as YYYY-MM). */
export function findThinMonths(counts: Array<{ month: string; records: number; lastDate?: string | null }>): ThinMonth[] {
  const ordered = [...counts].sort((a, b) => a.month.localeCompare(b.month));
  const baseline: number[] = [];
  const thin: ThinMonth[] = [];
  for (const { month, records, lastDate } of ordered) {
    if (baseline.length >= MIN_BASELINE_MONTHS) {
      const usual = median(baseline.slice(-BASELINE_MONTHS));
      if (records < THIN_SHARE * usual) {
        thin.push({ month, records, usual, stopsOn: stopsEarly(month, lastDate) });
        continue;
      }
    }
    baseline.push(records);
  }
  return thin;
}

/** The force's thin months, by month (remembered until the next import). */
export function thinMonths(wh: Warehouse, force: string): Promise<Map<string, ThinMonth>> {
  return wh.memo(`thin-months:${force}`, async () => {
    const rows = await wh.query<{ month: string; records: number; last_date: string | null }>(
      `SELECT month, count(*)::INTEGER AS records, max(local_date)::VARCHAR AS last_date FROM stop_search WHERE force = $force GROUP BY month`,
      { force }
    );
    return new Map(findThinMonths(rows.map((r) => ({ month: r.month, records: Number(r.records), lastDate: r.last_date }))).map((t) => [t.month, t]));
  });
}

/** The thin months among `months`, in their order. */
export async function thinMonthsOf(wh: Warehouse, force: string, months: string[]): Promise<ThinMonth[]> {
  const thin = await thinMonths(wh, force);
  return months.flatMap((m) => (thin.has(m) ? [thin.get(m)!] : []));
}
