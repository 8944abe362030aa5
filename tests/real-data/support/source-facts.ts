import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { eachCsvRow } from './csv.ts';
import { londonDateHourCached } from './london-time.ts';
import { files } from './shared-data.ts';

/**
 * What each police file holds, counted straight from its bytes (gunzip, split lines, split fields)
 * without the importer or DuckDB: the reference the warehouse is checked against.
 */
export const dimensions = [
  'type',
  'gender',
  'age_range',
  'self_defined_ethnicity',
  'officer_defined_ethnicity',
  'legislation',
  'object_of_search',
  'outcome'
] as const;
export type Dimension = (typeof dimensions)[number];

const csvColumn: Record<Dimension, string> = {
  type: 'Type',
  gender: 'Gender',
  age_range: 'Age range',
  self_defined_ethnicity: 'Self-defined ethnicity',
  officer_defined_ethnicity: 'Officer-defined ethnicity',
  legislation: 'Legislation',
  object_of_search: 'Object of search',
  outcome: 'Outcome'
};

/** One record, kept for the months whose every row is compared with the warehouse. */
export interface RowFact {
  record: number;
  epochMs: number;
  lat: number | null;
  lon: number | null;
}

export interface MonthFacts {
  origin: string;
  format: 'csv' | 'json';
  month: string;
  records: number;
  /** Rows with the wrong number of fields or a date that is not an ISO date and time. */
  malformed: number;
  unlocated: number;
  stripSearches: number;
  under18: number;
  blanks: Record<Dimension, number>;
  labels: Record<Dimension, Set<string>>;
  /** Located records by their coordinates as written ("lat lon"). */
  points: Map<string, number>;
  /** Records by Europe/London calendar date. */
  londonDates: Map<string, number>;
  rows?: RowFact[];
}

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\+00:00|Z)?$/;

function emptyFacts(origin: string, format: MonthFacts['format'], month: string): MonthFacts {
  return {
    origin,
    format,
    month,
    records: 0,
    malformed: 0,
    unlocated: 0,
    stripSearches: 0,
    under18: 0,
    blanks: Object.fromEntries(dimensions.map((d) => [d, 0])) as Record<Dimension, number>,
    labels: Object.fromEntries(dimensions.map((d) => [d, new Set<string>()])) as Record<Dimension, Set<string>>,
    points: new Map(),
    londonDates: new Map()
  };
}

/** Tallies one record; `label(i)` gives the raw text of dimensions[i]. */
function tally(facts: MonthFacts, date: string, lat: string, lon: string, removal: string, label: (i: number) => string, keep: boolean) {
  const n = ++facts.records;
  for (let i = 0; i < dimensions.length; i++) {
    const raw = label(i).trim();
    if (raw === '') facts.blanks[dimensions[i]]++;
    else facts.labels[dimensions[i]].add(raw);
  }
  const epochMs = Date.parse(date.trim());
  if (!ISO.test(date.trim()) || Number.isNaN(epochMs)) facts.malformed++;
  else {
    const day = londonDateHourCached(epochMs).date;
    facts.londonDates.set(day, (facts.londonDates.get(day) ?? 0) + 1);
  }
  const age = label(dimensions.indexOf('age_range')).trim();
  if (age === 'under 10' || age === '10-17') facts.under18++;
  if (removal.trim().toLowerCase() === 'true') facts.stripSearches++;
  const located = lat.trim() !== '' && lon.trim() !== '';
  if (!located) facts.unlocated++;
  else {
    const key = `${lat.trim()} ${lon.trim()}`;
    facts.points.set(key, (facts.points.get(key) ?? 0) + 1);
  }
  if (keep)
    (facts.rows ??= []).push({
      record: n,
      epochMs,
      lat: located ? Number(lat) : null,
      lon: located ? Number(lon) : null
    });
}

export function readArchiveCsv(file: string, keepRows = false): MonthFacts {
  const facts = emptyFacts(path.resolve(file), 'csv', path.basename(file).slice(0, 7));
  let at: (name: string) => number = () => -1;
  let columns: number[] = [];
  let width = 0;
  const header = eachCsvRow(zlib.gunzipSync(fs.readFileSync(file)).toString('utf8'), (r) => {
    const [date, lat, lon, removal] = columns;
    tally(facts, r[date] ?? '', r[lat] ?? '', r[lon] ?? '', r[removal] ?? '', (i) => r[columns[4 + i]] ?? '', keepRows);
    if (r.length !== width) facts.malformed++;
  }, (h) => {
    at = (name) => h.indexOf(name);
    width = h.length;
    columns = [...['Date', 'Latitude', 'Longitude', 'Removal of more than just outer clothing'], ...dimensions.map((d) => csvColumn[d])].map(at);
  });
  if (header.length === 0) throw new Error(`${file} has no header`);
  return facts;
}

const text = (v: unknown) => (v === null || v === undefined ? '' : String(v));

/** The fields of an API record read here; everything else is ignored. */
interface ApiRecord extends Partial<Record<Dimension, string | null>> {
  datetime?: string;
  location?: { latitude?: string; longitude?: string } | null;
  removal_of_more_than_outer_clothing?: boolean | null;
}

export function readApiJson(file: string, keepRows = false): MonthFacts {
  const facts = emptyFacts(path.resolve(file), 'json', path.basename(file).slice(0, 7));
  const records = JSON.parse(zlib.gunzipSync(fs.readFileSync(file)).toString('utf8')) as ApiRecord[];
  for (const r of records)
    tally(
      facts,
      text(r.datetime),
      text(r.location?.latitude),
      text(r.location?.longitude),
      text(r.removal_of_more_than_outer_clothing),
      (i) => text(r[dimensions[i]]),
      keepRows
    );
  return facts;
}

const list = (dir: string, suffix: string) =>
  fs
    .readdirSync(dir)
    .filter((n) => n.endsWith(suffix))
    .sort()
    .map((n) => path.join(dir, n));

/** Every police file of the shared folder, by origin; rows are kept for the months asked for. */
export function readPoliceFiles(keepMonths: string[]): Map<string, MonthFacts> {
  const all = [
    ...list(files.archive, '.csv.gz').map((f) => readArchiveCsv(f, keepMonths.includes(path.basename(f).slice(0, 7)))),
    ...list(files.api, '.json.gz').map((f) => readApiJson(f, keepMonths.includes(path.basename(f).slice(0, 7))))
  ];
  return new Map(all.map((f) => [f.origin, f]));
}
