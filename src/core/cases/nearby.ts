import { and, asc, eq, isNotNull } from 'drizzle-orm';
import type { Actor } from '../access/actor.ts';
import { requireAccess } from '../access/require-access.ts';
import type { WorkflowContext } from '../audit/write.ts';
import { incidentPlaces } from '../db/schema.ts';
import { DomainError, NotFound } from '../errors.ts';
import { addDays } from '../figures/period.ts';
import { METRES_PER_DEGREE } from '../geo/planar.ts';
import { findUnusualDays, type UnusualDay } from '../figures/unusual.ts';
import type { Warehouse } from '../warehouse/warehouse.ts';
import { loadIncident } from './cases.ts';

/**
 * How near is near: police locations are snapped to anonymised map points (often the nearest
 * street or landmark), so a few hundred metres is the finest the records allow.
 */
export const NEARBY_METRES = 500;
/** Days either side of the incident: a search the evening before or the morning after may belong to it. */
export const NEARBY_DAYS = 1;
/** Records listed one by one on the page; the count and days cover them all. */
export const LISTED = 50;
const MAX_ROWS = 2000;

export interface NearbyRecord {
  date: string;
  hour: number;
  place: string;
  metres: number;
  type: string;
  legislation: string;
  object: string;
  outcome: string;
  ethnicity: string;
}

export interface Nearby {
  radiusMetres: number;
  from: string;
  to: string;
  /** Places with coordinates: without any, nothing can be near. */
  places: number;
  total: number;
  /** True when there were more than could be counted in one go. */
  capped: boolean;
  byDay: { date: string; count: number }[];
  records: NearbyRecord[];
  /** Unusual days (src/core/figures/unusual.ts) of the places' boroughs and wards within the window. */
  unusual: UnusualDay[];
  /** Why the records could not be read (e.g. the query ran out of time), or null. */
  unavailable: string | null;
}

/**
 * The stop-and-search records within NEARBY_METRES of any of the incident's places, from the day
 * before it began to the day after it ended (London dates), and the unusual days of those places'
 * boroughs and wards in the same window. Every warehouse query is time-boxed.
 */
export async function recordsNearCase(ctx: WorkflowContext & { warehouse: Warehouse }, actor: Actor, ref: { panelId: number; incidentId: number }): Promise<Nearby> {
  requireAccess(actor, 'case.list', { panelId: ref.panelId });
  const incident = await loadIncident(ctx.db.db, ref);
  const places = await ctx.db.db
    .select()
    .from(incidentPlaces)
    .where(and(eq(incidentPlaces.incidentId, incident.id), isNotNull(incidentPlaces.latitude)))
    .orderBy(asc(incidentPlaces.id));
  const from = addDays(incident.startsOn, -NEARBY_DAYS);
  const to = addDays(incident.endsOn ?? incident.startsOn, NEARBY_DAYS);
  const empty: Nearby = { radiusMetres: NEARBY_METRES, from, to, places: places.length, total: 0, capped: false, byDay: [], records: [], unusual: [], unavailable: null };
  if (places.length === 0) return empty;
  try {
    const rows = await nearbyRows(ctx.warehouse, places.map((p) => ({ name: p.name, lat: p.latitude!, lon: p.longitude! })), from, to);
    const counts = new Map<string, number>();
    for (const r of rows) counts.set(r.date, (counts.get(r.date) ?? 0) + 1);
    return {
      ...empty,
      total: rows.length,
      capped: rows.length >= MAX_ROWS,
      byDay: [...counts].map(([date, count]) => ({ date, count })),
      records: rows.slice(0, LISTED),
      unusual: await unusualDaysOf(ctx.warehouse, places, from, to)
    };
  } catch (err) {
    if (err instanceof DomainError) return { ...empty, unavailable: err.message };
    throw err;
  }
}

async function nearbyRows(wh: Warehouse, places: { name: string; lat: number; lon: number }[], from: string, to: string): Promise<NearbyRecord[]> {
  const params: Record<string, string | number> = { from, to, radius: NEARBY_METRES, mpd: METRES_PER_DEGREE, dlat: (NEARBY_METRES * 1.1) / METRES_PER_DEGREE };
  places.forEach((p, i) => Object.assign(params, { [`n${i}`]: p.name, [`lat${i}`]: p.lat, [`lon${i}`]: p.lon }));
  const values = places.map((_, i) => `($n${i}, CAST($lat${i} AS DOUBLE), CAST($lon${i} AS DOUBLE))`).join(', ');
  const rows = await wh.query<{ d: string; h: number; place: string; metres: number; type: string; legislation: string; object: string; outcome: string; ethnicity: string }>(
    `WITH p(name, lat, lon) AS (VALUES ${values}),
     near AS (
       SELECT s.source_id, s.record, s.local_date, s.local_hour, s.type, s.legislation, s.object_of_search, s.outcome, s.self_defined_ethnicity, p.name,
         $mpd * sqrt(pow((s.longitude - p.lon) * cos(radians(p.lat)), 2) + pow(s.latitude - p.lat, 2)) AS metres
       FROM stop_search s CROSS JOIN p
       WHERE s.located AND s.local_date BETWEEN CAST($from AS DATE) AND CAST($to AS DATE)
         AND abs(s.latitude - p.lat) < $dlat AND abs(s.longitude - p.lon) < $dlat * 2)
     SELECT local_date::VARCHAR AS d, local_hour::INTEGER AS h, arg_min(name, metres) AS place, round(min(metres))::INTEGER AS metres,
       any_value(type)::VARCHAR AS type, any_value(legislation)::VARCHAR AS legislation, any_value(object_of_search)::VARCHAR AS object,
       any_value(outcome)::VARCHAR AS outcome, any_value(self_defined_ethnicity)::VARCHAR AS ethnicity
     FROM near WHERE metres <= $radius
     GROUP BY source_id, record, local_date, local_hour
     ORDER BY d, h, source_id, record
     LIMIT ${MAX_ROWS}`,
    params
  );
  return rows.map((r) => ({ date: r.d, hour: Number(r.h), place: r.place, metres: Number(r.metres), type: r.type, legislation: r.legislation, object: r.object, outcome: r.outcome, ethnicity: r.ethnicity }));
}

async function unusualDaysOf(wh: Warehouse, places: { boroughCode: string | null; wardCode: string | null }[], from: string, to: string): Promise<UnusualDay[]> {
  const wanted = new Set(places.flatMap((p) => [p.boroughCode, p.wardCode]).filter((c): c is string => c !== null));
  const days: UnusualDay[] = [];
  for (const borough of new Set(places.map((p) => p.boroughCode).filter((c): c is string => c !== null))) {
    try {
      days.push(...(await findUnusualDays(wh, { area: borough, from, to })).days.filter((d) => wanted.has(d.area.code)));
    } catch (err) {
      if (!(err instanceof NotFound)) throw err; // a borough with no records loaded has no unusual days
    }
  }
  return days.sort((a, b) => a.date.localeCompare(b.date) || a.area.level.localeCompare(b.area.level));
}
