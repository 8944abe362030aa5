import { chosenSourcesSql } from '../import/areas.ts';
import { groupSql } from '../police-data/ethnicity.ts';
import type { Warehouse } from '../warehouse/warehouse.ts';
import { resolveArea } from './area.ts';
import { addDays, parsePeriod } from './period.ts';
import { poissonUpperTail } from './stats/index.ts';
import type { AreaRef, Period } from './types.ts';

/** METRICS.md: a day is unusual when P(X >= count | baseline) < 0.001 and count >= 10. */
export const BASELINE_DAYS = 56;
export const P_THRESHOLD = 0.001;
export const MIN_COUNT = 10;
/** A baseline needs at least half its window covered by loaded data (gaps in the archive otherwise fake a spike). */
export const MIN_BASELINE_DAYS = 28;

export interface UnusualDay {
  area: AreaRef;
  date: string;
  count: number;
  baseline: number;
  ratio: number | null;
  p: number;
  /** Days of the 56 before with loaded data, over which the baseline is the mean. */
  baselineDays: number;
  makeup: Record<string, Record<string, number>>;
}

export interface UnusualRequest {
  area: string;
  from: string;
  to?: string;
}

/**
 * Unusual days of an area and of its parts (a borough and its wards; a force, its boroughs and
 * wards), busiest first. The baseline is the mean daily count over the previous 56 days on which
 * the force has any record loaded, so months missing from the archive do not fake a spike.
 */
export async function findUnusualDays(wh: Warehouse, req: UnusualRequest): Promise<{ period: Period; area: AreaRef; days: UnusualDay[] }> {
  const area = await resolveArea(wh, req.area);
  const period = parsePeriod(req.from, req.to);
  const units = unitsSql(area);
  const rows = await wh.query<{ level: string; code: string; name: string; d: string; n: number; prev_sum: number; prev_days: number }>(
    `WITH units AS (${units}),
     covered AS (SELECT DISTINCT local_date AS d FROM stop_search
                 WHERE local_date BETWEEN CAST($start AS DATE) AND CAST($to AS DATE) AND force = (SELECT mode(force) FROM stop_search WHERE ${area.level === 'force' ? 'force' : area.level} = $area)),
     daily AS (
       SELECT 'borough' AS level, borough AS code, local_date AS d, count(*) AS n FROM stop_search
         WHERE local_date BETWEEN CAST($start AS DATE) AND CAST($to AS DATE) AND borough IN (SELECT code FROM units WHERE level = 'borough') GROUP BY ALL
       UNION ALL
       SELECT 'ward', ward, local_date, count(*) FROM stop_search
         WHERE local_date BETWEEN CAST($start AS DATE) AND CAST($to AS DATE) AND ward IN (SELECT code FROM units WHERE level = 'ward') GROUP BY ALL),
     grid AS (SELECT u.level, u.code, u.name, c.d, coalesce(daily.n, 0)::INTEGER AS n
              FROM units u CROSS JOIN covered c LEFT JOIN daily ON daily.level = u.level AND daily.code = u.code AND daily.d = c.d),
     win AS (SELECT *, sum(n) OVER w AS prev_sum, count(*) OVER w AS prev_days FROM grid
             WINDOW w AS (PARTITION BY level, code ORDER BY d RANGE BETWEEN INTERVAL ${BASELINE_DAYS} DAYS PRECEDING AND INTERVAL 1 DAY PRECEDING))
     SELECT level, code, name, d::VARCHAR AS d, n, coalesce(prev_sum, 0)::INTEGER AS prev_sum, prev_days::INTEGER AS prev_days FROM win
     WHERE d BETWEEN CAST($from AS DATE) AND CAST($to AS DATE) AND n >= ${MIN_COUNT} AND prev_days >= ${MIN_BASELINE_DAYS}`,
    { start: addDays(period.from, -BASELINE_DAYS), from: period.from, to: period.to, area: area.code }
  );
  const days: UnusualDay[] = [];
  for (const r of rows) {
    const baseline = Number(r.prev_sum) / Number(r.prev_days);
    const p = poissonUpperTail(Number(r.n), baseline);
    if (p >= P_THRESHOLD) continue;
    days.push({
      area: { code: r.code, name: r.name, level: r.level as AreaRef['level'] },
      date: r.d,
      count: Number(r.n),
      baseline: round(baseline, 3),
      ratio: baseline > 0 ? round(Number(r.n) / baseline, 2) : null,
      p,
      baselineDays: Number(r.prev_days),
      makeup: {}
    });
  }
  await addMakeup(wh, days);
  days.sort((a, b) => a.p - b.p || b.count - a.count);
  return { period, area, days };
}

const round = (x: number, d: number) => Math.round(x * 10 ** d) / 10 ** d;

function unitsSql(area: AreaRef): string {
  const chosen = (level: string) => `SELECT a.level, a.code, a.name, a.parent_code FROM areas a JOIN (${chosenSourcesSql}) c USING (level, source_id) WHERE a.level = '${level}'`;
  if (area.level === 'force') return `SELECT level, code, name FROM (${chosen('borough')}) UNION ALL SELECT level, code, name FROM (${chosen('ward')})`;
  if (area.level === 'borough')
    return `SELECT level, code, name FROM (${chosen('borough')}) WHERE code = $area UNION ALL SELECT level, code, name FROM (${chosen('ward')}) WHERE parent_code = $area`;
  if (area.level === 'ward') return `SELECT level, code, name FROM (${chosen('ward')}) WHERE code = $area`;
  return `SELECT 'none' AS level, 'none' AS code, 'none' AS name WHERE false`;
}

/** What the day was made of: powers, objects, ethnic groups, outcomes and hours. */
async function addMakeup(wh: Warehouse, days: UnusualDay[]) {
  for (const day of days) {
    const col = day.area.level === 'borough' ? 'borough' : 'ward';
    const [m] = await wh.query<Record<string, Array<{ key: string; value: string }>>>(
      `SELECT histogram(legislation::VARCHAR) AS legislation, histogram(object_of_search::VARCHAR) AS object_of_search,
         histogram(${groupSql('self_defined_ethnicity::VARCHAR', 'census2021')}) AS self_defined_ethnicity,
         histogram(officer_defined_ethnicity::VARCHAR) AS officer_defined_ethnicity,
         histogram(outcome::VARCHAR) AS outcome, histogram(lpad(local_hour::VARCHAR, 2, '0')) AS hour
       FROM stop_search WHERE ${col} = $code AND local_date = CAST($d AS DATE)`,
      { code: day.area.code, d: day.date }
    );
    day.makeup = Object.fromEntries(
      Object.entries(m).map(([k, h]) => [k, Object.fromEntries((h ?? []).map(({ key, value }) => [key, Number(value)]))])
    );
  }
}
