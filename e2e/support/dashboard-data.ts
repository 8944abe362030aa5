import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { projectRoot } from '../../src/core/paths.ts';

/**
 * The dashboard's data set: Hackney and Tower Hamlets (the rectangles of e2e/fixtures/boroughs.geojson),
 * four Hackney wards and two Tower Hamlets ones (fixtures/dashboard/wards.geojson), their real Census
 * 2021 populations, the same six wards as pre-2022 wards (wards-2018.geojson: unchanged, as Hackney's
 * and Tower Hamlets' were) with made-up round mid-2020 ward populations (Dalston 12,000, Hackney
 * Central 15,000, Stoke Newington 10,000, Hackney Wick 8,000), the lookup that puts them in the
 * Metropolitan Police area, and four months
 * of police records written here from the tables below: March, April, June and July 2023 (May is
 * missing, so the trend has a gap). Every figure can be worked out by hand from these tables.
 *
 * Hackney, July 2023: 111 searches. Self-defined: Black 58 (30 + 12 + 16 on 21 July), White 30,
 * Asian 10, Mixed 6 (too few to say), Other 4 (too few), not stated 3. Dalston 58, Hackney Central
 * 30, Stoke Newington 16, Hackney Wick 7. Arrests 38 of 111. Friday 21 July 2023 is an unusual day
 * in Dalston (16 searches against about 1.5 a day).
 */

const PLACES = {
  dalston: [51.545, -0.08],
  central: [51.545, -0.04],
  stoke: [51.57, -0.08],
  wick: [51.57, -0.04],
  whitechapel: [51.51, -0.06],
  poplar: [51.51, -0.01],
  croydon: [51.37, -0.1],
  none: null
} as const;

const SELF = {
  'Black African': 'Black/African/Caribbean/Black British - African',
  'Black Caribbean': 'Black/African/Caribbean/Black British - Caribbean',
  'White British': 'White - English/Welsh/Scottish/Northern Irish/British',
  'White Other': 'White - Any other White background',
  'Asian Bangladeshi': 'Asian/Asian British - Bangladeshi',
  'Mixed W+B Caribbean': 'Mixed/Multiple ethnic groups - White and Black Caribbean',
  'Other Arab': 'Other ethnic group - Arab',
  'Not stated': 'Other ethnic group - Not stated'
} as const;

const POWER = {
  s1: 'Police and Criminal Evidence Act 1984 (section 1)',
  s23: 'Misuse of Drugs Act 1971 (section 23)',
  s60: 'Criminal Justice and Public Order Act 1994 (section 60)'
} as const;

const OBJECT = { drugs: 'Controlled drugs', weapons: 'Offensive weapons', stolen: 'Stolen goods' } as const;
const OUTCOME = { NFA: 'A no further action disposal', Arrest: 'Arrest', CR: 'Community resolution' } as const;

/** n records alike: where, self-defined and officer-defined ethnicity, age, power, object, outcome, outcome linked to object. */
type Block = [
  n: number,
  where: keyof typeof PLACES,
  self: keyof typeof SELF,
  officer: string,
  age: string,
  power: keyof typeof POWER,
  object: keyof typeof OBJECT,
  outcome: keyof typeof OUTCOME,
  linked: 'True' | 'False'
];

const HACKNEY_JULY: Block[] = [
  [30, 'dalston', 'Black African', 'Black', '18-24', 's23', 'drugs', 'NFA', 'False'],
  [12, 'dalston', 'Black Caribbean', 'Black', '10-17', 's1', 'weapons', 'Arrest', 'True'],
  [20, 'central', 'White British', 'White', '25-34', 's23', 'drugs', 'NFA', 'False'],
  [10, 'central', 'White Other', 'White', 'over 34', 's1', 'stolen', 'Arrest', 'True'],
  [10, 'stoke', 'Asian Bangladeshi', 'Asian', '18-24', 's1', 'stolen', 'CR', 'True'],
  [6, 'stoke', 'Mixed W+B Caribbean', 'Black', '18-24', 's60', 'weapons', 'NFA', 'False'],
  [4, 'wick', 'Other Arab', 'Other', '25-34', 's23', 'drugs', 'NFA', 'False'],
  [3, 'wick', 'Not stated', 'White', '25-34', 's23', 'drugs', 'NFA', 'False']
];

const ELSEWHERE: Block[] = [
  [25, 'whitechapel', 'Asian Bangladeshi', 'Asian', '18-24', 's23', 'drugs', 'NFA', 'False'],
  [15, 'poplar', 'White British', 'White', '25-34', 's1', 'stolen', 'NFA', 'False'],
  [5, 'none', 'White British', 'White', '25-34', 's23', 'drugs', 'NFA', 'False'],
  [2, 'croydon', 'White British', 'White', '25-34', 's23', 'drugs', 'NFA', 'False']
];

/** Friday 21 July 2023 in Dalston: what an operation looks like in the data. */
const RIDLEY_ROAD: Block = [16, 'dalston', 'Black African', 'Black', '18-24', 's23', 'drugs', 'Arrest', 'True'];

const HEADER =
  'Type,Date,Part of a policing operation,Policing operation,Latitude,Longitude,Gender,Age range,Self-defined ethnicity,' +
  'Officer-defined ethnicity,Legislation,Object of search,Outcome,Outcome linked to object of search,Removal of more than just outer clothing';

function line(b: Block, at: string): string {
  const [, where, self, officer, age, power, object, outcome, linked] = b;
  const p = PLACES[where];
  return ['Person search', at, 'False', '', p ? String(p[0]) : '', p ? String(p[1]) : '', 'Male', age, SELF[self], officer, POWER[power], OBJECT[object], OUTCOME[outcome], linked, '']
    .map((c) => (/[",]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c))
    .join(',');
}

const pad = (n: number) => String(n).padStart(2, '0');

/** One month's file: each block's records spread over days 1-28 at noon (UTC = the same London date). */
function monthFile(month: string, blocks: Block[], scale: number, extra: string[] = []): string {
  const lines: string[] = [];
  let k = 0;
  for (const b of blocks) for (let i = 0; i < Math.round(b[0] * scale); i++) lines.push(line(b, `${month}-${pad((k++ % 28) + 1)}T12:00:00+00:00`));
  return [HEADER, ...lines, ...extra].join('\n') + '\n';
}

const months: Array<[string, number]> = [
  ['2023-03', 0.9],
  ['2023-04', 0.9],
  ['2023-06', 0.8],
  ['2023-07', 1]
];

/** Writes the police files to a new temporary folder; returns every path to import. */
export function dashboardDataSet(): string[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'scrutineer-e2e-dashboard-'));
  const files = months.map(([month, scale]) => {
    const unusual = month === '2023-07' ? Array.from({ length: RIDLEY_ROAD[0] }, (_, i) => line(RIDLEY_ROAD, `2023-07-21T${pad(9 + Math.floor(i / 4))}:${pad((i % 4) * 15)}:00+00:00`)) : [];
    const file = path.join(dir, `${month}-metropolitan-stop-and-search.csv`);
    fs.writeFileSync(file, monthFile(month, [...HACKNEY_JULY, ...ELSEWHERE], scale, unusual));
    return file;
  });
  const fixtures = path.join(projectRoot(), 'e2e', 'fixtures');
  return [
    ...files,
    path.join(fixtures, 'boroughs.geojson'),
    ...['wards.geojson', 'wards-2018.geojson', 'ward-population-mid2020-persons.csv', 'census-ts021.csv', 'lad-csp-pfa.csv'].map((f) => path.join(fixtures, 'dashboard', f))
  ];
}
