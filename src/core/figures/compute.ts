import { NotFound } from '../errors.ts';
import type { Grouping } from '../police-data/ethnicity.ts';
import type { Warehouse } from '../warehouse/warehouse.ts';
import { areasInUse, resolveArea } from './area.ts';
import * as build from './builders.ts';
import { countsIn, scopeCounts, type ScopeCounts } from './counts.ts';
import { lengthInDays, monthsOf, parsePeriod, previousPeriod, yearBefore } from './period.ts';
import { populationOf, type Population } from './population.ts';
import { areaFilter, type Scope } from './scope.ts';
import { thinMonthsOf } from './thin-months.ts';
import { wardPopulationsOf, type WardPopulation } from './ward-population.ts';
import type { AreaRef, Figure, FigureContext, FigureSet, Period } from './types.ts';

export interface FigureRequest {
  /** GSS code or name of a borough, ward or LSOA, or a force id. */
  area: string;
  from: string;
  to?: string;
  grouping?: Grouping;
  ethnicity?: 'self_defined_ethnicity' | 'officer_defined_ethnicity';
}

/** Every figure of METRICS.md for one area and period. Public data: no access check needed. */
export async function computeFigures(wh: Warehouse, req: FigureRequest): Promise<FigureSet> {
  const area = await resolveArea(wh, req.area);
  const period = parsePeriod(req.from, req.to);
  const scope: Scope = { area, period, grouping: req.grouping ?? 'census2021', ethnicity: req.ethnicity ?? 'self_defined_ethnicity' };
  const force = await forceOf(wh, area, period);
  const counts = await scopeCounts(wh, scope);
  const context = await contextOf(wh, scope, force, counts.sourceIds);
  const b: build.FigureBase = { scope, sources: context.sources };
  const pop = await populationMemo(wh, scope);
  const wardPop = area.level === 'ward' ? await wardPopulationOf(wh, area) : null;
  return { context, figures: assemble(b, counts, pop, await changes(wh, b, counts.all.n, force), await concentrations(wh, b), wardPop) };
}

/** A ward's population (or why it has none): see ward-population.ts. */
export async function wardPopulationOf(wh: Warehouse, area: AreaRef): Promise<WardPopulation> {
  return (
    (await wardPopulationsOf(wh)).get(area.code) ?? {
      code: area.code,
      name: area.name,
      parentCode: null,
      persons: null,
      reason: 'No population: the ward is not in the ward boundary set in use.'
    }
  );
}

export const populationMemo = (wh: Warehouse, scope: Scope) =>
  wh.memo(`population:${scope.area.code}:${scope.grouping}`, () => populationOf(wh, scope.area, scope.grouping));

/** The figures of one scope in METRICS.md's order, from its counts and the parts computed apart. */
export function assemble(
  b: build.FigureBase,
  counts: ScopeCounts,
  pop: Population | null,
  changeFigures: Figure[],
  concentrationFigures: Figure[],
  wardPop: WardPopulation | null = null
): Figure[] {
  const { scope } = b;
  return [
    ...build.searches(b, counts),
    ...build.shares(b, scope.ethnicity, counts.byGroup, counts.all.n),
    ...build.shares(b, 'age_range', counts.by.age_range, counts.all.n),
    ...build.shares(b, 'gender', counts.by.gender, counts.all.n),
    ...build.shares(b, 'outcome', counts.by.outcome, counts.all.n),
    ...(pop ? [...build.ratesPer1000(b, counts, pop), ...build.rateRatios(b, counts, pop)] : []),
    ...(wardPop ? [build.wardRatePer1000(b, counts, wardPop)] : []),
    ...build.outcomeRates(b, counts),
    ...build.stripSearch(b, counts),
    build.under18(b, counts),
    ...build.powerMix(b, counts),
    ...build.objectMix(b, counts),
    build.s60Count(b, counts),
    ...changeFigures,
    ...concentrationFigures
  ];
}

/**
 * The force whose records the area's figures rest on: the one with most records in the area in
 * the period, else one whose data covers the period (an area with no searches has zero, not an
 * error). A period no loaded month covers is a clear error.
 */
async function forceOf(wh: Warehouse, area: AreaRef, period: Period): Promise<string> {
  const months = monthsOf(period);
  const loaded = await wh.memo('force-months', () => wh.query<{ force: string; month: string }>(`SELECT DISTINCT force, month FROM sources WHERE status = 'current' AND force IS NOT NULL`));
  const covering = [...new Set(loaded.filter((l) => months.includes(l.month)).map((l) => l.force))].sort();
  // Several forces' records can share a borough's period (the Met, the City, BTP): take the force of the area's own records.
  const [row] = await wh.query<{ force: string; here: number }>(
    `SELECT force, count(*) FILTER (WHERE ${areaFilter(area)})::INTEGER AS here FROM stop_search
     WHERE local_date BETWEEN CAST($from AS DATE) AND CAST($to AS DATE) ${area.level === 'force' ? 'AND force = $area' : ''}
     GROUP BY force ORDER BY here DESC, count(*) DESC, force LIMIT 1`,
    { from: period.from, to: period.to, area: area.code }
  );
  if (area.level === 'force') {
    if (row || covering.includes(area.code)) return area.code;
    throw noData(loaded.filter((l) => l.force === area.code), period, area.code);
  }
  const force = row?.force ?? covering[0];
  if (!force) throw noData(loaded, period, null);
  return force;
}

function noData(loaded: Array<{ month: string }>, period: Period, force: string | null): NotFound {
  const months = loaded.map((l) => l.month).sort();
  return new NotFound(
    months.length
      ? `No stop-and-search records are loaded for ${period.from} to ${period.to}${force ? ` (${force})` : ''}. Loaded months run from ${months[0]} to ${months[months.length - 1]}, with gaps: see \`scrutineer status\`.`
      : 'No stop-and-search records are loaded yet. Run `scrutineer import` first.',
    { period }
  );
}

async function contextOf(wh: Warehouse, scope: Scope, force: string, sourceIds: number[]): Promise<FigureContext> {
  const { period } = scope;
  const [placement] = await wh.query<{ all: number; unlocated: number; outside: number }>(
    `SELECT count(*)::INTEGER AS all, count(*) FILTER (WHERE NOT located)::INTEGER AS unlocated,
       count(*) FILTER (WHERE located AND borough IS NULL)::INTEGER AS outside
     FROM stop_search WHERE force = $force AND local_date BETWEEN CAST($from AS DATE) AND CAST($to AS DATE)`,
    { force, from: period.from, to: period.to }
  );
  const loaded = await loadedMonths(wh, force);
  const sources = await sourceNames(wh, sourceIds);
  return {
    area: scope.area,
    period,
    grouping: scope.grouping,
    ethnicity: scope.ethnicity,
    force,
    placement: { forceRecords: Number(placement.all), unlocated: Number(placement.unlocated), locatedOutsideAreas: Number(placement.outside) },
    missingMonths: monthsOf(period).filter((m) => !loaded.has(m)),
    thinMonths: await thinMonthsOf(wh, force, monthsOf(period)),
    sources
  };
}

/** How a figure names the police files it rests on (remembered until the next import). */
export async function sourceNames(wh: Warehouse, ids: number[]): Promise<string[]> {
  const all = await wh.memo('police-sources', () =>
    wh.query<{ id: number; force: string; month: string; sha256: string }>(
      `SELECT id, force, month, sha256 FROM sources WHERE format LIKE 'police-uk-stop-search-%' ORDER BY month, id`
    )
  );
  const wanted = new Set(ids.map(Number));
  return all.filter((s) => wanted.has(Number(s.id))).map((s) => `data.police.uk ${s.force} stop-and-search ${s.month} (sha256 ${s.sha256.slice(0, 12)}…)`);
}

/** Change against the previous period and the same period a year before, where their data is loaded. */
async function changes(wh: Warehouse, b: build.FigureBase, now: number, force: string): Promise<Figure[]> {
  const loaded = await loadedMonths(wh, force);
  const covered = (p: Period) => monthsOf(p).every((m) => loaded.has(m));
  const others = [
    ['change_vs_previous', previousPeriod(b.scope.period)],
    ['change_vs_last_year', yearBefore(b.scope.period)]
  ] as const;
  const before = await countsIn(wh, b.scope, others.map(([, p]) => p));
  return others.map(([metric, other], i) =>
    build.change(b, metric, now, before[i], { now: lengthInDays(b.scope.period), before: lengthInDays(other) }, other, covered(other) && covered(b.scope.period))
  );
}

/** Concentration over the sub-areas of the area: wards and LSOAs of a borough; boroughs and wards of a force. */
async function concentrations(wh: Warehouse, b: build.FigureBase): Promise<Figure[]> {
  const { area, period } = b.scope;
  const levels: Array<'borough' | 'ward' | 'lsoa'> = area.level === 'force' ? ['borough', 'ward'] : area.level === 'borough' ? ['ward', 'lsoa'] : [];
  const out: Figure[] = [];
  if (levels.length === 0) return out;
  const inUse = await areasInUse(wh);
  // One pass: counts per sub-area at both levels.
  const rows = await wh.query<{ level: string; code: string; n: number }>(
    `SELECT CASE WHEN GROUPING(${levels[0]}) = 0 THEN '${levels[0]}' ELSE '${levels[1]}' END AS level,
       coalesce(${levels[0]}, ${levels[1]}) AS code, count(*)::INTEGER AS n FROM stop_search
     WHERE local_date BETWEEN CAST($from AS DATE) AND CAST($to AS DATE) AND ${area.level === 'force' ? 'force' : 'borough'} = $area
     GROUP BY GROUPING SETS ((${levels[0]}), (${levels[1]}))`,
    { from: period.from, to: period.to, area: area.code }
  );
  for (const level of levels) {
    const subs = inUse.filter((a) => a.level === level && (area.level === 'force' || a.parentCode === area.code));
    if (subs.length === 0) continue;
    const counts = new Map(rows.filter((r) => r.level === level && r.code !== null).map((r) => [r.code, Number(r.n)]));
    out.push(build.concentration(b, level, subs.map((a) => counts.get(a.code) ?? 0), subs.length));
  }
  return out;
}

/** Publication months loaded for a force (remembered until the next import). */
export function loadedMonths(wh: Warehouse, force: string): Promise<Set<string>> {
  return wh.memo(`months:${force}`, async () =>
    new Set((await wh.query<{ month: string }>(`SELECT month FROM sources WHERE force = $force AND status = 'current'`, { force })).map((r) => r.month))
  );
}
