import { thinMonthsOf, type ThinMonth } from '../figures/thin-months.ts';
import { NotFound } from '../errors.ts';
import * as build from '../figures/builders.ts';
import { loadedMonths } from '../figures/compute.ts';
import type { Cell, ScopeCounts } from '../figures/counts.ts';
import { monthsOf, parsePeriod } from '../figures/period.ts';
import type { Population } from '../figures/population.ts';
import type { Scope } from '../figures/scope.ts';
import type { Figure, Period } from '../figures/types.ts';
import { ethnicGroups, groupSql, selfDefinedGroup } from '../police-data/ethnicity.ts';
import type { Warehouse } from '../warehouse/warehouse.ts';
import { boroughsInUse, latestMonth, type Borough } from './boroughs.ts';
import { LONDON_FORCE } from './dashboard.ts';
import type { MapMetric } from './request.ts';

export interface BoroughValue {
  borough: Borough;
  /** The figure the map is coloured by, exactly as /api/v1/figures gives it for the borough. */
  figure: Figure;
}

export interface LondonMap {
  metric: MapMetric;
  period: Period;
  /** The months shown (YYYY-MM), after defaults. */
  view: { from: string; to: string; metric: MapMetric };
  boroughs: BoroughValue[];
  /** Records of the period that could not be placed in any borough. */
  placement: { records: number; unlocated: number; locatedOutsideAreas: number };
  /** Months of the period whose Metropolitan Police file is not loaded. */
  missingMonths: string[];
  /** Months of the period with far fewer records than the force's usual month. */
  thinMonths: ThinMonth[];
  sources: string[];
}

export const mapMetricName: Record<MapMetric, string> = {
  searches: 'Searches',
  rate_ratio: 'Rate ratio, Black vs White residents',
  arrest_rate: 'Arrest rate'
};

/**
 * One figure per borough for the London map, from one grouped query over the period (never one
 * query per borough). The figures are built by the same code as computeFigures, so a borough's
 * value on the map is the value on its dashboard (self-defined ethnicity, Census 2021 groups).
 */
export async function londonMap(wh: Warehouse, q: { from?: string; to?: string; metric: MapMetric }): Promise<LondonMap> {
  const latest = q.from || q.to ? null : await latestMonth(wh, { code: LONDON_FORCE, name: 'London', level: 'force' });
  const from = q.from ?? q.to ?? latest;
  const to = q.to ?? q.from ?? latest;
  if (!from || !to) throw new NotFound('No stop-and-search records are loaded yet.', {});
  const period = parsePeriod(from, to);
  const boroughs = await boroughsInUse(wh);
  const counts = await boroughCounts(wh, period);
  const pops = q.metric === 'rate_ratio' ? await boroughPopulations(wh) : new Map<string, Population>();
  const sources = await policeSources(wh, period);
  const values = boroughs.map((borough) => {
    const scope: Scope = { area: borough, period, grouping: 'census2021', ethnicity: 'self_defined_ethnicity' };
    const c = counts.get(borough.code) ?? emptyCounts();
    return { borough, figure: figureFor(q.metric, { scope, sources }, c, pops.get(borough.code) ?? null) };
  });
  const loaded = await loadedMonths(wh, LONDON_FORCE);
  return {
    metric: q.metric,
    period,
    view: { from, to, metric: q.metric },
    boroughs: values,
    placement: await placement(wh, period),
    missingMonths: monthsOf(period).filter((m) => !loaded.has(m)),
    thinMonths: await thinMonthsOf(wh, LONDON_FORCE, monthsOf(period)),
    sources
  };
}

function figureFor(metric: MapMetric, b: build.FigureBase, c: ScopeCounts, pop: Population | null): Figure {
  if (metric === 'searches') return build.searches(b, c)[0];
  if (metric === 'arrest_rate') return build.outcomeRates(b, c).find((f) => f.metric === 'arrest_rate' && f.group === null) as Figure;
  const ratio = pop ? build.rateRatios(b, c, pop).find((f) => f.group?.value === 'black') : undefined;
  return (
    ratio ?? {
      metric: 'rate_ratio_vs_white',
      area: b.scope.area,
      period: b.scope.period,
      group: { dimension: 'self_defined_ethnicity', value: 'black', grouping: 'census2021' },
      numerator: c.byGroup.get('black')?.n ?? 0,
      denominator: null,
      value: null,
      ci95: null,
      coverage: null,
      flags: ['no_population'],
      method: 'No Census 2021 population is loaded for this borough',
      sources: b.sources
    }
  );
}

const emptyCell = (): Cell => ({ n: 0, linkedTrue: 0, linkedKnown: 0, stripTrue: 0, stripKnown: 0 });

function emptyCounts(): ScopeCounts {
  return {
    all: emptyCell(),
    byGroup: new Map(),
    byGroupOutcome: new Map(),
    by: { outcome: new Map(), legislation: new Map(), object_of_search: new Map(), age_range: new Map(), gender: new Map(), type: new Map() },
    sourceIds: []
  };
}

/** Searches per borough by ethnic group and outcome: the counts the three map figures need. */
async function boroughCounts(wh: Warehouse, period: Period): Promise<Map<string, ScopeCounts>> {
  const rows = await wh.query<{ borough: string; eg: string; outcome: string; n: number }>(
    `SELECT borough, ${groupSql('self_defined_ethnicity::VARCHAR', 'census2021')} AS eg, outcome::VARCHAR AS outcome, count(*)::INTEGER AS n
     FROM stop_search WHERE local_date BETWEEN CAST($from AS DATE) AND CAST($to AS DATE) AND borough IS NOT NULL GROUP BY ALL`,
    { from: period.from, to: period.to }
  );
  const out = new Map<string, ScopeCounts>();
  const add = (m: Map<string, Cell>, k: string, n: number) => {
    const cell = m.get(k) ?? emptyCell();
    cell.n += n;
    m.set(k, cell);
  };
  for (const r of rows) {
    const c = out.get(r.borough) ?? emptyCounts();
    const n = Number(r.n);
    c.all.n += n;
    add(c.byGroup, r.eg, n);
    add(c.by.outcome, r.outcome, n);
    const byOutcome = c.byGroupOutcome.get(r.eg) ?? new Map<string, number>();
    byOutcome.set(r.outcome, (byOutcome.get(r.outcome) ?? 0) + n);
    c.byGroupOutcome.set(r.eg, byOutcome);
    out.set(r.borough, c);
  }
  return out;
}

/** Census 2021 residents by ethnic group for every borough, in one query (remembered). */
function boroughPopulations(wh: Warehouse): Promise<Map<string, Population>> {
  return wh.memo('borough-populations', async () => {
    const rows = await wh.query<{ code: string; category: string; value: number }>(
      `SELECT area_code AS code, category, sum(value)::BIGINT AS value FROM population WHERE dataset = 'census2021_ts021' GROUP BY ALL`
    );
    const out = new Map<string, Population>();
    for (const r of rows) {
      if (r.category === 'not_applicable') continue;
      const pop = out.get(r.code) ?? { byGroup: new Map(ethnicGroups.map((g) => [g, 0])), total: 0, source: 'ONS Census 2021 TS021 (usual residents)' };
      const g = selfDefinedGroup(r.category, 'census2021');
      pop.byGroup.set(g, (pop.byGroup.get(g) ?? 0) + Number(r.value));
      pop.total += Number(r.value);
      out.set(r.code, pop);
    }
    return out;
  });
}

async function policeSources(wh: Warehouse, period: Period): Promise<string[]> {
  const months = monthsOf(period);
  const rows = await wh.query<{ force: string; month: string; sha256: string }>(
    `SELECT force, month, sha256 FROM sources WHERE status = 'current' AND force = $force AND month BETWEEN $first AND $last ORDER BY month`,
    { force: LONDON_FORCE, first: months[0], last: months[months.length - 1] }
  );
  return rows.map((s) => `data.police.uk ${s.force} stop-and-search ${s.month} (sha256 ${s.sha256.slice(0, 12)}…)`);
}

async function placement(wh: Warehouse, period: Period): Promise<LondonMap['placement']> {
  const [r] = await wh.query<{ all: number; unlocated: number; outside: number }>(
    `SELECT count(*)::INTEGER AS all, count(*) FILTER (WHERE NOT located)::INTEGER AS unlocated,
       count(*) FILTER (WHERE located AND borough IS NULL)::INTEGER AS outside
     FROM stop_search WHERE force = $force AND local_date BETWEEN CAST($from AS DATE) AND CAST($to AS DATE)`,
    { force: LONDON_FORCE, from: period.from, to: period.to }
  );
  return { records: Number(r.all), unlocated: Number(r.unlocated), locatedOutsideAreas: Number(r.outside) };
}
