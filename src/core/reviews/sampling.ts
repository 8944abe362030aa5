import { resolveArea } from '../figures/area.ts';
import { monthEnd } from '../figures/period.ts';
import { areaFilter } from '../figures/scope.ts';
import type { AreaRef } from '../figures/types.ts';
import { strataDimensions } from '../db/schema.ts';
import { monthName } from '../dashboard/wording.ts';
import { Invalid, NotFound } from '../errors.ts';
import { groupSql } from '../police-data/ethnicity.ts';
import type { Warehouse } from '../warehouse/warehouse.ts';
import { allocate, drawPositions, maxSeed, type Stratum } from './draw.ts';

/** What a sample can be stratified by: the self-defined ethnicity group (Census 2021), the outcome or the power. */
export { strataDimensions };
export type StrataDimension = (typeof strataDimensions)[number];

/** A count ("20") or a share of the month's records ("10%"). */
export type SampleSize = { count: number } | { percent: number };

export interface SampleRequest {
  /** A borough, ward or LSOA (GSS code or name), or a force id. */
  area: string;
  /** YYYY-MM: London local dates of that month. */
  month: string;
  size: SampleSize;
  seed: number;
  strata?: StrataDimension;
}

/**
 * One sampled record with what the police need to find the footage. `id` is `force:month:record`
 * (the publication month and the record's position in its file), which a re-import of the same
 * files keeps, whatever order they are imported in.
 */
export interface SampledRecord {
  id: string;
  /** ISO 8601, UTC, as data.police.uk gives it. */
  datetime: string;
  latitude: number | null;
  longitude: number | null;
  street: string | null;
  legislation: string;
  object: string;
  outcome: string;
  /** Self-defined ethnicity group (Census 2021), for the results' breakdown; not on the references. */
  ethnicGroup: string;
  type: string;
  /** The stratum it was drawn from ('all' when not stratified). */
  stratum: string;
}

export interface DrawnSample {
  seed: number;
  area: AreaRef;
  month: string;
  strata: StrataDimension;
  /** Records of the area and month: the population drawn from. */
  population: number;
  /** How many were drawn from each stratum, and how many it held. */
  allocation: { key: string; population: number; drawn: number }[];
  records: SampledRecord[];
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

const stratumSql: Record<StrataDimension, string> = {
  none: `'all'`,
  ethnicity: groupSql('self_defined_ethnicity::VARCHAR', 'census2021'),
  outcome: 'outcome::VARCHAR',
  power: 'legislation::VARCHAR'
};

/**
 * The records of an area and month in a fixed order that depends only on what the records say
 * (time, place and every coded field), then their id: never on source ids or import order.
 */
function populationSql(area: AreaRef, strata: StrataDimension): string {
  return `SELECT force || ':' || month || ':' || record AS id, strftime(ts, '%Y-%m-%dT%H:%M:%SZ') AS datetime,
      latitude, longitude, street_name AS street, legislation::VARCHAR AS legislation, object_of_search::VARCHAR AS object,
      outcome::VARCHAR AS outcome, ${groupSql('self_defined_ethnicity::VARCHAR', 'census2021')} AS "ethnicGroup", type::VARCHAR AS type,
      ${stratumSql[strata]} AS stratum
    FROM stop_search
    WHERE local_date BETWEEN CAST($from AS DATE) AND CAST($to AS DATE) AND ${areaFilter(area)}
    ORDER BY ts, latitude NULLS FIRST, longitude NULLS FIRST, legislation::VARCHAR, object_of_search::VARCHAR, outcome::VARCHAR,
      type::VARCHAR, gender::VARCHAR, age_range::VARCHAR, self_defined_ethnicity::VARCHAR, officer_defined_ethnicity::VARCHAR,
      street_name NULLS FIRST, force, month, record`;
}

function checkSampleRequest(req: SampleRequest): void {
  if (!MONTH.test(req.month)) throw new Invalid(`The month "${req.month}" is not a month: use YYYY-MM, e.g. 2024-03.`, { field: 'month' });
  if (!Number.isInteger(req.seed) || req.seed < 1 || req.seed > maxSeed)
    throw new Invalid(`The seed must be a whole number from 1 to ${maxSeed}.`, { field: 'seed' });
  if ('count' in req.size && (!Number.isInteger(req.size.count) || req.size.count < 1))
    throw new Invalid('The size must be a whole number of records, at least 1, or a share such as 10%.', { field: 'size' });
  if ('percent' in req.size && !(req.size.percent > 0 && req.size.percent <= 100))
    throw new Invalid('A share must be more than 0% and at most 100%.', { field: 'size' });
}

/**
 * Draws a reproducible random sample of an area's records in a month (docs/reviews.md): the same
 * request gives the same records, on any warehouse holding the same police files.
 */
export async function drawSample(wh: Warehouse, req: SampleRequest): Promise<DrawnSample> {
  checkSampleRequest(req);
  const strata = req.strata ?? 'none';
  const area = await resolveArea(wh, req.area);
  const rows = await wh.query<SampledRecord & Record<string, unknown>>(populationSql(area, strata), {
    from: `${req.month}-01`,
    to: monthEnd(req.month),
    area: area.code
  });
  if (rows.length === 0) throw await emptyMonth(wh, area, req.month);
  const size = 'count' in req.size ? req.size.count : Math.max(1, Math.round((rows.length * req.size.percent) / 100));
  if (size > rows.length)
    throw new Invalid(`${area.name} has ${rows.length} record${rows.length === 1 ? '' : 's'} in ${monthName(req.month)}: a sample of ${size} is larger than that.`, {
      field: 'size',
      population: rows.length
    });
  const byStratum = new Map<string, number[]>();
  rows.forEach((r, i) => {
    const members = byStratum.get(r.stratum);
    if (members) members.push(i);
    else byStratum.set(r.stratum, [i]);
  });
  const groups: Stratum[] = [...byStratum].map(([key, members]) => ({ key, members }));
  const counts = allocate(groups.map((g) => ({ key: g.key, size: g.members.length })), size);
  const positions = drawPositions(groups, counts, req.seed);
  return {
    seed: req.seed,
    area,
    month: req.month,
    strata,
    population: rows.length,
    allocation: [...counts].map(([key, drawn]) => ({ key, population: byStratum.get(key)!.length, drawn })),
    records: positions.map((i) => ({ ...rows[i], latitude: num(rows[i].latitude), longitude: num(rows[i].longitude) }))
  };
}

const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));

/** Why a month has nothing to draw from: not loaded at all, or loaded with no records in the area. */
async function emptyMonth(wh: Warehouse, area: AreaRef, month: string): Promise<Error> {
  const loaded = await wh.query<{ month: string }>(
    `SELECT DISTINCT month FROM sources WHERE format LIKE 'police-uk-stop-search-%' AND status = 'current' ORDER BY month`
  );
  if (!loaded.some((m) => m.month === month))
    return new NotFound(
      `No police data is loaded for ${monthName(month)}` + (loaded.length ? ` (loaded: ${monthName(loaded[0].month)} to ${monthName(loaded[loaded.length - 1].month)}).` : '; nothing is loaded yet.'),
      { field: 'month', month }
    );
  return new Invalid(`${area.name} has no records in ${monthName(month)}: there is nothing to sample.`, { field: 'month', month });
}

/** Reads a size as typed: "20" (records) or "10%" (a share). */
export function parseSampleSize(text: string): SampleSize {
  const t = text.trim();
  const percent = /^(\d+(?:\.\d+)?)\s*%$/.exec(t);
  if (percent) return { percent: Number(percent[1]) };
  if (/^\d+$/.test(t)) return { count: Number(t) };
  throw new Invalid(`The size "${text}" is neither a number of records (20) nor a share (10%).`, { field: 'size' });
}
