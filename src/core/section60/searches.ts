import { smallNumberFlags } from '../figures/flags.ts';
import { polygonsOf } from '../geo/geometry.ts';
import { containsPoint } from '../geo/planar.ts';
import type { AreaGeometry } from '../geo/types.ts';
import { wilsonCI, type Interval } from '../figures/stats/index.ts';
import type { Flag } from '../figures/types.ts';
import { ethnicGroups, groupSql } from '../police-data/ethnicity.ts';
import { londonDay } from '../questions/working-days.ts';
import type { Warehouse } from '../warehouse/warehouse.ts';

/** What the warehouse is asked about one authorisation: the borough, its wards and its period (UTC instants). */
export interface AuthorisedArea {
  borough: string;
  wards: string[];
  startsAt: Date;
  /** The effective end: the extension's new end, or the end first authorised. */
  endsAt: Date;
  /** A pasted area, with or instead of the wards. */
  polygon?: AreaGeometry | null;
}

/** One section 60 search found in the data. */
export interface Section60Search {
  /** force:month:record, as the reviews' references. */
  id: string;
  /** ISO 8601, UTC, as data.police.uk gives it. */
  datetime: string;
  latitude: number | null;
  longitude: number | null;
  street: string | null;
  ward: string | null;
  object: string;
  outcome: string;
  /** "Outcome linked to object of search": null when not recorded. */
  found: boolean | null;
  age: string;
  /** Self-defined ethnicity, Census 2021 high-level group. */
  ethnicGroup: string;
}

/** A share with its count, known total, Wilson interval and the small-number flags (METRICS.md). */
export interface Share {
  count: number;
  known: number;
  /** Null when suppressed (count below 10) or nothing is known. */
  share: number | null;
  ci95: Interval | null;
  flags: Flag[];
}

export interface Section60Figures {
  searches: number;
  byEthnicity: { group: string; searches: number; share: Share }[];
  /** Shares of the searches whose outcome is known. */
  noFurtherAction: Share;
  arrest: Share;
  /** "Outcome linked to object of search" true, of those where it is recorded. */
  find: Share;
  /** Section 60 searches of the borough on the London days the authorisation covers, but outside its area or time. */
  outside: { total: number; outsideArea: number; outsideTime: number; both: number; days: { from: string; to: string } };
}

export interface Section60Data {
  /** The publication months the authorisation's London days fall in, and whether the warehouse holds each. */
  months: { month: string; loaded: boolean }[];
  searches: Section60Search[];
  figures: Section60Figures;
}

/** Months (YYYY-MM) from one London day to another, inclusive. */
function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  let [y, m] = from.slice(0, 7).split('-').map(Number);
  const last = to.slice(0, 7);
  for (;;) {
    const month = `${y}-${String(m).padStart(2, '0')}`;
    out.push(month);
    if (month >= last) return out;
    m += 1;
    if (m > 12) [y, m] = [y + 1, 1];
  }
}

/** A share by the project's rules: counts always, the share and its interval only from 10 up. */
export function share(count: number, known: number): Share {
  const flags = smallNumberFlags(count);
  const suppressed = flags.includes('suppressed') || known === 0;
  return { count, known, share: suppressed ? null : count / known, ci95: suppressed ? null : wilsonCI(count, known), flags };
}

/**
 * The section 60 searches the data holds for an authorisation: legislation CJPOA s60, placed in one of
 * its wards (the ward assigned at import) or in its pasted area (point in polygon), at a time from its
 * start to its (effective) end, both included. One query reads the borough's section 60 records of
 * the London days the authorisation covers; each is then in it, or outside its area, time or both.
 * The query is time-boxed by the warehouse.
 */
export async function section60Searches(wh: Warehouse, area: AuthorisedArea): Promise<Section60Data> {
  const from = londonDay(area.startsAt);
  const to = londonDay(area.endsAt);
  const loaded = await wh.query<{ month: string }>(`SELECT DISTINCT month FROM sources WHERE format LIKE 'police-uk-stop-search-%' AND status = 'current'`);
  const have = new Set(loaded.map((r) => r.month));
  const months = monthsBetween(from, to).map((month) => ({ month, loaded: have.has(month) }));
  const rows = await wh.query<Record<string, unknown>>(
    `SELECT force || ':' || month || ':' || record AS id, strftime(ts, '%Y-%m-%dT%H:%M:%SZ') AS datetime, latitude, longitude,
        street_name AS street, ward, object_of_search::VARCHAR AS object, outcome::VARCHAR AS outcome, outcome_linked AS found,
        age_range::VARCHAR AS age, ${groupSql('self_defined_ethnicity::VARCHAR', 'census2021')} AS "ethnicGroup"
     FROM stop_search
     WHERE legislation = 'cjpoa_s60' AND borough = $borough AND local_date BETWEEN CAST($from AS DATE) AND CAST($to AS DATE)
     ORDER BY ts, force, month, record`,
    { borough: area.borough, from, to }
  );
  const wards = new Set(area.wards);
  const polygons = area.polygon ? polygonsOf(area.polygon) : [];
  const [startMs, endMs] = [area.startsAt.getTime(), area.endsAt.getTime()];
  const searches: Section60Search[] = [];
  const o = { outsideArea: 0, outsideTime: 0, both: 0 };
  for (const r of rows) {
    const s: Section60Search = {
      id: String(r.id),
      datetime: String(r.datetime),
      latitude: r.latitude === null ? null : Number(r.latitude),
      longitude: r.longitude === null ? null : Number(r.longitude),
      street: (r.street as string | null) ?? null,
      ward: (r.ward as string | null) ?? null,
      object: String(r.object),
      outcome: String(r.outcome),
      found: r.found === null ? null : Boolean(r.found),
      age: String(r.age),
      ethnicGroup: String(r.ethnicGroup)
    };
    const inArea =
      (s.ward !== null && wards.has(s.ward)) ||
      (s.latitude !== null && s.longitude !== null && polygons.some((rings) => containsPoint(rings, s.longitude!, s.latitude!)));
    const t = Date.parse(s.datetime);
    const inTime = t >= startMs && t <= endMs;
    if (inArea && inTime) searches.push(s);
    else if (inTime) o.outsideArea += 1;
    else if (inArea) o.outsideTime += 1;
    else o.both += 1;
  }
  return { months, searches, figures: { ...figuresOf(searches), outside: { total: o.outsideArea + o.outsideTime + o.both, ...o, days: { from, to } } } };
}

/** The figures of a list of searches, worked out in code so that a test can count them by hand. */
export function figuresOf(searches: Section60Search[]): Omit<Section60Figures, 'outside'> {
  const knownEthnicity = searches.filter((s) => s.ethnicGroup !== 'unknown').length;
  const withOutcome = searches.filter((s) => s.outcome !== 'unknown');
  const withFind = searches.filter((s) => s.found !== null);
  const count = (list: Section60Search[], f: (s: Section60Search) => boolean) => list.filter(f).length;
  return {
    searches: searches.length,
    byEthnicity: ethnicGroups.map((group) => {
      const n = count(searches, (s) => s.ethnicGroup === group);
      // The share of a group is of the searches whose ethnicity was stated; "not stated" is counted, not shared.
      return { group, searches: n, share: group === 'unknown' ? share(n, searches.length) : share(n, knownEthnicity) };
    }),
    noFurtherAction: share(count(withOutcome, (s) => s.outcome === 'no_further_action'), withOutcome.length),
    arrest: share(count(withOutcome, (s) => s.outcome === 'arrest'), withOutcome.length),
    find: share(count(withFind, (s) => s.found === true), withFind.length)
  };
}
