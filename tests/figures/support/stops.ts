/**
 * Archive CSV rows from compact, readable tables, so every expected figure can be worked out by hand.
 * A `Block` is n identical records; short names stand for the data.police.uk labels below.
 */

/** Points inside the fixture wards (tests/fixtures/figures/*.geojson), one outside every area, and none. */
export const PLACES = {
  A: [51.52, -0.185], // Northbank Hill (E05009801), LSOA E01009801
  B: [51.52, -0.155], // Northbank Green (E05009802), LSOA E01009801
  C: [51.52, -0.12], // Northbank Quay (E05009803), LSOA E01009802
  SW: [51.52, -0.075], // Southmere West (E05009901)
  SE: [51.52, -0.025], // Southmere East (E05009902)
  out: [52.2, 0.12], // located, but in no fixture borough
  none: null // no coordinates: unlocated
} as const;
export type Place = keyof typeof PLACES;

const TYPE = { person: 'Person search', vehicle: 'Vehicle search', both: 'Person and Vehicle search' } as const;
const SEX = { M: 'Male', F: 'Female', '': '' } as const;

/** Self-defined ethnicity: new (2021 census) labels, and old (2001) ones marked with their code. */
const ETHNICITY = {
  'Black African': 'Black/African/Caribbean/Black British - African',
  'Black Caribbean': 'Black/African/Caribbean/Black British - Caribbean',
  'White British': 'White - English/Welsh/Scottish/Northern Irish/British',
  'White British (W1)': 'White - White British (W1)',
  'White Irish': 'White - Irish',
  'Mixed W+B Caribbean': 'Mixed/Multiple ethnic groups - White and Black Caribbean',
  'Mixed W+Asian (M3)': 'Mixed - White and Asian (M3)',
  'Asian Indian': 'Asian/Asian British - Indian',
  'Other Arab': 'Other ethnic group - Arab',
  'Not stated': 'Other ethnic group - Not stated',
  '': ''
} as const;

const POWER = {
  s1: 'Police and Criminal Evidence Act 1984 (section 1)',
  s23: 'Misuse of Drugs Act 1971 (section 23)',
  s60: 'Criminal Justice and Public Order Act 1994 (section 60)',
  s47: 'Firearms Act 1968 (section 47)',
  s139B: 'Criminal Justice Act 1988 (section 139B)',
  '': ''
} as const;

const OBJECT = { drugs: 'Controlled drugs', weapons: 'Offensive weapons', stolen: 'Stolen goods', firearms: 'Firearms', '': '' } as const;

/** Outcomes: the current label, and the older one marked "(old)". */
const OUTCOME = {
  NFA: 'A no further action disposal',
  'NFA (old)': 'Nothing found - no further action',
  Arrest: 'Arrest',
  'Arrest (old)': 'Suspect arrested',
  'Community resolution': 'Community resolution',
  PND: 'Penalty Notice for Disorder',
  '': ''
} as const;

const BOOL = { T: 'True', F: 'False', '': '' } as const;

/** n, where, type, sex, age, self-defined, officer-defined, power, object, outcome, found (linked), strip (removal). */
export type Block = [
  n: number,
  where: Place,
  type: keyof typeof TYPE,
  sex: keyof typeof SEX,
  age: '' | 'under 10' | '10-17' | '18-24' | '25-34' | 'over 34',
  self: keyof typeof ETHNICITY,
  officer: '' | 'Asian' | 'Black' | 'Mixed' | 'Other' | 'White',
  power: keyof typeof POWER,
  object: keyof typeof OBJECT,
  outcome: keyof typeof OUTCOME,
  found: keyof typeof BOOL,
  strip: keyof typeof BOOL
];

/** One record: a block's fields with its timestamp (UTC, as data.police.uk gives it). */
export interface Stop {
  at: string;
  block: Block;
}

export const HEADER =
  'Type,Date,Part of a policing operation,Policing operation,Latitude,Longitude,Gender,Age range,Self-defined ethnicity,' +
  'Officer-defined ethnicity,Legislation,Object of search,Outcome,Outcome linked to object of search,Removal of more than just outer clothing';

const cell = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

function line({ at, block }: Stop): string {
  const [, where, type, sex, age, self, officer, power, object, outcome, found, strip] = block;
  const point = PLACES[where];
  return [
    TYPE[type], at, 'False', '', point ? String(point[0]) : '', point ? String(point[1]) : '', SEX[sex], age,
    ETHNICITY[self], officer, POWER[power], OBJECT[object], OUTCOME[outcome], BOOL[found], BOOL[strip]
  ].map(cell).join(',');
}

export function stopSearchCsv(stops: Stop[]): string {
  return [HEADER, ...stops.map(line)].join('\n') + '\n';
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Noon UTC on day 1, 2, …, `days`, 1, … of a month: the k-th record of a file. Noon is the same local date all year. */
export const spreadOver = (month: string, days = 28) => (k: number) => `${month}-${pad((k % days) + 1)}T12:00:00+00:00`;

/** Every block's n records, dated by their position in the file. */
export function expand(blocks: Block[], dateOf: (k: number) => string): Stop[] {
  const out: Stop[] = [];
  for (const block of blocks) for (let i = 0; i < block[0]; i++) out.push({ at: dateOf(out.length), block });
  return out;
}

/** n records on one day, one a minute from `hourUtc`:00 UTC. */
export function onDay(day: string, n: number, block: Block, hourUtc = 12): Stop[] {
  return Array.from({ length: n }, (_, i) => ({ at: `${day}T${pad(hourUtc + Math.floor(i / 60))}:${pad(i % 60)}:00+00:00`, block }));
}
