import { NotFound } from '../errors.ts';
import type { Grouping } from '../police-data/ethnicity.ts';
import type { Warehouse } from '../warehouse/warehouse.ts';
import { areasInUse } from './area.ts';
import * as build from './builders.ts';
import { assemble, loadedMonths, populationMemo, sourceNames } from './compute.ts';
import { countsFromRows, cubeSql } from './counts.ts';
import { lengthInDays, monthEnd, previousPeriod, yearBefore } from './period.ts';
import { groupExpr, stripKnownSql, type Scope } from './scope.ts';
import { thinMonths } from './thin-months.ts';
import type { AreaRef, Figure, FigureSet, Period } from './types.ts';

export interface BoroughMonthsRequest {
  /** Borough GSS codes. */
  boroughs: string[];
  /** YYYY-MM months. */
  months: string[];
  grouping?: Grouping;
  ethnicity?: 'self_defined_ethnicity' | 'officer_defined_ethnicity';
}

const monthOf = (p: Period) => p.from.slice(0, 7);

/**
 * The full figure set of many boroughs and months at once (a London map over a year, a data pack's
 * earlier months): the same figures as `computeFigures` for each borough and month, counted in four
 * passes over the records instead of a handful per set.
 */
export async function computeBoroughMonths(wh: Warehouse, req: BoroughMonthsRequest): Promise<FigureSet[]> {
  const inUse = new Map((await areasInUse(wh)).filter((a) => a.level === 'borough').map((a) => [a.code, a]));
  const areas: AreaRef[] = req.boroughs.map((code) => {
    const a = inUse.get(code);
    if (!a) throw new NotFound(`No borough with code ${code} in the boundaries in use.`, { area: code });
    return { code: a.code, name: a.name, level: 'borough' };
  });
  const grouping = req.grouping ?? 'census2021';
  const ethnicity = req.ethnicity ?? 'self_defined_ethnicity';
  const months = [...new Set(req.months)].sort();
  const periods = months.map((m) => ({ from: `${m}-01`, to: monthEnd(m) }));
  const earlier = periods.flatMap((p) => [previousPeriod(p), yearBefore(p)]);
  const from = [...periods, ...earlier].map((p) => p.from).sort()[0];
  const to = periods[periods.length - 1].to;
  const params = { from, to, first: periods[0].from };
  const boroughList = areas.map((a) => `'${a.code.replace(/'/g, '')}'`).join(', ');
  const within = `local_date BETWEEN CAST($from AS DATE) AND CAST($to AS DATE) AND borough IN (${boroughList})`;
  const monthCol = `strftime(local_date, '%Y-%m')`;

  const sample: Scope = { area: areas[0], period: periods[0], grouping, ethnicity };
  const cube = await wh.query<Record<string, unknown>>(
    cubeSql(
      `SELECT *, ${monthCol} AS lm, ${groupExpr(sample)} AS eg, (${stripKnownSql()}) AS strip_known FROM stop_search
       WHERE ${within} AND local_date >= CAST($first AS DATE)`,
      ['borough', 'lm']
    ),
    params
  );
  const monthly = await wh.query<{ borough: string; lm: string; n: number }>(
    `SELECT borough, ${monthCol} AS lm, count(*)::INTEGER AS n FROM stop_search WHERE ${within} GROUP BY ALL`,
    { from, to }
  );
  const subAreas = await wh.query<{ borough: string; lm: string; level: string; code: string; n: number }>(
    `SELECT borough, ${monthCol} AS lm, CASE WHEN GROUPING(ward) = 0 THEN 'ward' ELSE 'lsoa' END AS level,
       coalesce(ward, lsoa) AS code, count(*)::INTEGER AS n FROM stop_search
     WHERE ${within} AND local_date >= CAST($first AS DATE)
     GROUP BY GROUPING SETS ((borough, lm, ward), (borough, lm, lsoa))`,
    params
  );
  const placement = await wh.query<{ force: string; lm: string; all: number; unlocated: number; outside: number }>(
    `SELECT force, ${monthCol} AS lm, count(*)::INTEGER AS all, count(*) FILTER (WHERE NOT located)::INTEGER AS unlocated,
       count(*) FILTER (WHERE located AND borough IS NULL)::INTEGER AS outside
     FROM stop_search WHERE local_date BETWEEN CAST($first AS DATE) AND CAST($to AS DATE) GROUP BY ALL`,
    { first: params.first, to }
  );

  const count = new Map(monthly.map((r) => [`${r.borough}|${r.lm}`, Number(r.n)]));
  const subs = [...(await areasInUse(wh))];
  const sets: FigureSet[] = [];
  for (const area of areas)
    for (const period of periods) {
      const m = monthOf(period);
      const force = placement.filter((p) => p.lm === m).sort((a, b) => Number(b.all) - Number(a.all))[0]?.force ?? 'metropolitan';
      const place = placement.find((p) => p.lm === m && p.force === force);
      const counts = countsFromRows(cube.filter((r) => r.borough === area.code && r.lm === m));
      const scope: Scope = { area, period, grouping, ethnicity };
      const loaded = await loadedMonths(wh, force);
      const thin = await thinMonths(wh, force);
      const sources = await sourceNames(wh, counts.sourceIds);
      const b: build.FigureBase = { scope, sources };
      const covered = (p: Period) => loaded.has(monthOf(p)) && loaded.has(m);
      const changes: Figure[] = (
        [
          ['change_vs_previous', previousPeriod(period)],
          ['change_vs_last_year', yearBefore(period)]
        ] as const
      ).map(([metric, other]) =>
        build.change(b, metric, counts.all.n, count.get(`${area.code}|${monthOf(other)}`) ?? 0, { now: lengthInDays(period), before: lengthInDays(other) }, other, covered(other))
      );
      const concentration = (['ward', 'lsoa'] as const).flatMap((level) => {
        const mine = subs.filter((a) => a.level === level && a.parentCode === area.code);
        if (mine.length === 0) return [];
        const n = new Map(subAreas.filter((r) => r.borough === area.code && r.lm === m && r.level === level).map((r) => [r.code, Number(r.n)]));
        return [build.concentration(b, level, mine.map((a) => n.get(a.code) ?? 0), mine.length)];
      });
      const pop = await populationMemo(wh, scope);
      sets.push({
        context: {
          area,
          period,
          grouping,
          ethnicity,
          force,
          placement: { forceRecords: Number(place?.all ?? 0), unlocated: Number(place?.unlocated ?? 0), locatedOutsideAreas: Number(place?.outside ?? 0) },
          missingMonths: loaded.has(m) ? [] : [m],
          thinMonths: thin.has(m) ? [thin.get(m)!] : [],
          sources
        },
        figures: assemble(b, counts, pop, changes, concentration)
      });
    }
  return sets;
}
