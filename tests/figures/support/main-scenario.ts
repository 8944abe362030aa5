import { computeFigures, type FigureRequest } from '../../../src/core/figures/compute.ts';
import type { Figure, MetricId } from '../../../src/core/figures/types.ts';
import { expand, spreadOver, type Block } from './stops.ts';
import { boundaryFiles, loadWarehouse, populationFiles, type TestWarehouse } from './warehouse.ts';

/**
 * Force "testforce", March 2024, borough Northbank (E09000098): 112 records. Residents (TS021 fixture):
 * Asian 4,000, Black 2,000, Mixed 1,200 (of which W+B African 200, W+B Caribbean 500), White 8,000,
 * Other 800. Southmere (E09000099) has 500 of each of the 19 categories.
 *
 * Totals by hand (Northbank, March 2024):
 * - self-defined: Black 40, White 40, Mixed 12 (10 W+B Caribbean), Asian 12, Other 3, unknown 5 (3 not stated, 2 blank)
 * - officer-defined: Black 50, White 43, Asian 14, Other 3, unknown 2
 * - type: person 96, vehicle 4, person and vehicle 12
 * - outcome: NFA 80, arrest 18, community resolution 8, penalty notice 4, unknown 2
 * - found (linked) true 36 of 97 known; strip true 18 of 103 known person searches
 * - age: under 10: 2, 10-17: 12, 18-24: 36, 25-34: 45, over 34: 12, unknown 5
 * - power: s23 48, s60 26, PACE s1 22, firearms s47 3, other (CJA s139B) 8, unknown 5
 * - object: drugs 48, weapons 36, stolen goods 20, firearms 3, unknown 5
 * - ward: Hill (A) 56, Green (B) 26, Quay (C) 30; LSOA 001A (A+B) 82, 001B (C) 30
 */
export const NORTHBANK_MARCH_2024: Block[] = [
  // n  where type     sex age       self-defined            officer  power    object     outcome                found strip
  [10, 'A', 'person', 'M', '18-24', 'Black African', 'Black', 's23', 'drugs', 'NFA', 'F', 'F'],
  [10, 'B', 'person', 'M', '25-34', 'Black Caribbean', 'Black', 's60', 'weapons', 'NFA (old)', '', 'F'],
  [6, 'A', 'person', 'M', '10-17', 'Black African', 'Black', 's60', 'weapons', 'Arrest', 'T', 'T'],
  [6, 'A', 'person', 'M', '18-24', 'Black African', 'Black', 's23', 'drugs', 'Arrest (old)', 'T', 'T'],
  [8, 'A', 'person', 'F', 'over 34', 'Black African', 'Black', 's139B', 'stolen', 'Community resolution', 'T', 'F'],
  [20, 'A', 'person', 'M', '25-34', 'White British', 'White', 's23', 'drugs', 'NFA', 'F', 'F'],
  [10, 'B', 'person', 'M', '18-24', 'White British (W1)', 'White', 's1', 'weapons', 'NFA (old)', 'T', 'F'],
  [6, 'A', 'person', 'M', '10-17', 'White British', 'White', 's23', 'drugs', 'Arrest', 'T', 'T'],
  [4, 'B', 'vehicle', 'F', 'over 34', 'White Irish', 'White', 's23', 'drugs', 'PND', 'F', 'F'],
  [10, 'C', 'person', 'M', '18-24', 'Mixed W+B Caribbean', 'Black', 's60', 'weapons', 'NFA', 'F', 'F'],
  [2, 'C', 'person', 'M', 'under 10', 'Mixed W+Asian (M3)', 'Asian', 's23', 'drugs', 'NFA (old)', 'F', 'F'],
  [12, 'C', 'both', 'M', '25-34', 'Asian Indian', 'Asian', 's1', 'stolen', 'NFA', 'F', 'F'],
  [3, 'C', 'person', 'M', '25-34', 'Other Arab', 'Other', 's47', 'firearms', 'NFA', 'F', 'F'],
  [3, 'C', 'person', '', '', 'Not stated', 'White', '', '', 'NFA', '', ''],
  [2, 'B', 'person', '', '', '', '', '', '', '', '', '']
];

const white = (n: number, where: 'A' | 'SW' | 'SE' | 'none' | 'out'): Block =>
  [n, where, 'person', 'M', '25-34', where === 'none' || where === 'out' ? '' : 'White British', 'White', 's23', 'drugs', 'NFA', 'F', 'F'];

/**
 * The other testforce records of March 2024: Southmere 20 (White), 3 unlocated and 2 located outside
 * every borough (ethnicity blank), so the force has 137 records with a March local date, and one
 * more at 2024-03-31T23:30Z, which is 00:30 BST on 1 April.
 */
export const OTHERS_MARCH_2024: Block[] = [white(20, 'SW'), white(3, 'none'), white(2, 'out')];
export const AFTER_MIDNIGHT_BST = { at: '2024-03-31T23:30:00+00:00', block: white(1, 'SE') };
/** 29 February 2024 is GMT: 23:30Z is still the 29th. */
export const LEAP_DAY_LATE = { at: '2024-02-29T23:30:00+00:00', block: white(1, 'SE') };

/** `extra`: more fixture files to import with the scenario (e.g. a ward population). */
export async function loadMainScenario(extra: string[] = []): Promise<TestWarehouse> {
  return loadWarehouse([...boundaryFiles, ...populationFiles, ...extra], {
    '2024-03-testforce-stop-and-search.csv': [
      ...expand(NORTHBANK_MARCH_2024, spreadOver('2024-03')),
      ...expand(OTHERS_MARCH_2024, spreadOver('2024-03')),
      AFTER_MIDNIGHT_BST
    ],
    // Previous month: 2 a day for 29 days in Northbank Hill = 58, plus the leap-day record in Southmere.
    '2024-02-testforce-stop-and-search.csv': [...expand([white(58, 'A')], spreadOver('2024-02', 29)), LEAP_DAY_LATE],
    // A year before: 56 in Northbank Hill.
    '2023-03-testforce-stop-and-search.csv': expand([white(56, 'A')], spreadOver('2023-03'))
  });
}

export const NORTHBANK = 'E09000098';
export const SOUTHMERE = 'E09000099';

/** Figures of one request, with a finder for one figure by metric and group value. */
export async function figuresOf(t: TestWarehouse, req: FigureRequest) {
  const set = await computeFigures(t.wh, req);
  const all = (metric: MetricId, dimension?: string) =>
    set.figures.filter((f) => f.metric === metric && (dimension === undefined || f.group?.dimension === dimension));
  const one = (metric: MetricId, value: string | null = null, dimension?: string): Figure => {
    const found = all(metric, dimension).filter((f) => (f.group?.value ?? null) === value);
    if (found.length !== 1) throw new Error(`expected one ${metric} figure for ${value ?? 'all'}, found ${found.length}`);
    return found[0];
  };
  return { ...set, all, one };
}
