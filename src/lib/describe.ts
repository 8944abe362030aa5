/**
 * Plain-English wording for what data is loaded, as a panel member would say it:
 * "85 months of Metropolitan Police stop-and-search records, April 2015 to August 2024, with gaps: …".
 */

import { count, listOf, monthName } from '../core/dashboard/wording.ts';

/** The same words as the figures' sentences use, for the pages that describe what is loaded. */
export { count, listOf, monthName };

const forceNames: Record<string, string> = {
  metropolitan: 'Metropolitan Police',
  'city-of-london': 'City of London Police',
  btp: 'British Transport Police'
};

/** A data.police.uk force id as people say it: "metropolitan" -> "Metropolitan Police". */
export function forceName(id: string): string {
  if (forceNames[id]) return forceNames[id];
  const words = id.split('-').map((w) => (w === 'and' || w === 'of' ? w : w.charAt(0).toUpperCase() + w.slice(1)));
  return `${words.join(' ')} Police`;
}


function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

export interface Gap {
  from: string;
  to: string;
  months: number;
}

/** Runs of months missing between the first and last month present. */
export function gapsIn(months: string[]): Gap[] {
  const present = new Set(months);
  const sorted = [...present].sort();
  const gaps: Gap[] = [];
  if (sorted.length === 0) return gaps;
  let open: Gap | null = null;
  for (let m = sorted[0]; m < sorted[sorted.length - 1]; m = nextMonth(m)) {
    if (present.has(m)) {
      open = null;
    } else if (open) {
      open.to = m;
      open.months++;
    } else {
      open = { from: m, to: m, months: 1 };
      gaps.push(open);
    }
  }
  return gaps;
}

/** "March 2019 to May 2021 (27 months) and January 2022". */
export function describeGaps(gaps: Gap[]): string {
  return listOf(gaps.map((g) => (g.months === 1 ? monthName(g.from) : `${monthName(g.from)} to ${monthName(g.to)} (${g.months} months)`)));
}


const plural = (n: number, one: string, many = `${one}s`) => `${count(n)} ${n === 1 ? one : many}`;

export interface Coverage {
  force: string;
  months: string[];
  firstMonth: string;
  lastMonth: string;
}

/** One sentence on which months of a force's records are loaded. */
export function describeCoverage(f: Coverage): string {
  const span = f.firstMonth === f.lastMonth ? monthName(f.firstMonth) : `${monthName(f.firstMonth)} to ${monthName(f.lastMonth)}`;
  const gaps = gapsIn(f.months);
  const lead = `${plural(f.months.length, 'month')} of ${forceName(f.force)} stop-and-search records, ${span}`;
  return gaps.length === 0 ? `${lead}.` : `${lead}, with gaps: ${describeGaps(gaps)}.`;
}


/** A share as a whole percentage, never rounding a part up to all or down to none. */
export function share(part: number, whole: number): string {
  if (whole <= 0) return '–';
  const pct = (100 * part) / whole;
  if (part > 0 && pct < 1) return 'under 1%';
  if (part < whole && pct > 99) return 'over 99%';
  return `${Math.round(pct)}%`;
}

const dateTimeOptions: Intl.DateTimeFormatOptions = {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'Europe/London'
};
const dateTimeFormat = new Intl.DateTimeFormat('en-GB', dateTimeOptions);

const shortDateTimeFormat = new Intl.DateTimeFormat('en-GB', { ...dateTimeOptions, month: 'short' });

/**
 * DuckDB's "2025-11-22 22:51:03.123+00" as London time: "22 November 2025 at 22:51", or
 * "22 Nov 2025, 22:51" for tables.
 */
export function londonDateTime(timestamp: string, style: 'long' | 'short' = 'long'): string {
  const iso = timestamp.trim().replace(' ', 'T').replace(/([+-]\d\d)$/, '$1:00');
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return timestamp;
  return style === 'short' ? shortDateTimeFormat.format(date) : dateTimeFormat.format(date).replace(', ', ' at ');
}

const levelNames: Record<string, string> = {
  borough: 'London boroughs',
  lad: 'Local authority districts',
  ward: 'Wards',
  lsoa: 'Lower layer super output areas (LSOAs)',
  msoa: 'Middle layer super output areas (MSOAs)',
  other: 'Other areas'
};

export function levelName(level: string): string {
  return levelNames[level] ?? level;
}

/** The file's own name from its origin: a path, a zip entry ("a.zip!/b.csv") or a URL. */
export function fileName(origin: string): string {
  const inner = origin.includes('!/') ? origin.slice(origin.lastIndexOf('!/') + 2) : origin;
  const clean = inner.replace(/[?#].*$/, '').replace(/\/+$/, '');
  return clean.slice(clean.lastIndexOf('/') + 1) || origin;
}

const formatNames: Record<string, string> = {
  'police-uk-stop-search-csv': 'Stop and search (archive CSV)',
  'police-uk-stop-search-json': 'Stop and search (API)',
  boundaries: 'Boundaries',
  'census-ts021': 'Census 2021 ethnic group',
  'ward-population': 'ONS ward population (mid-2020)',
  lookup: 'Area lookup'
};

export function formatName(format: string): string {
  return formatNames[format] ?? format;
}

const datasetNames: Record<string, string> = {
  census2021_ts021: 'Census 2021 ethnic group (TS021)'
};

export function datasetName(dataset: string): string {
  return datasetNames[dataset] ?? dataset;
}

const lookupNames: Record<string, string> = {
  'lsoa-msoa-lad': 'LSOA to MSOA to local authority (2021/2022)',
  'lad-csp-pfa': 'Local authority to community safety partnership to police force area (2022)',
  'ward-lad': 'Ward to local authority (2019)'
};

export function lookupName(kind: string): string {
  return lookupNames[kind] ?? kind;
}
