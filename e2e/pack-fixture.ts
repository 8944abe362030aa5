import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expand, spreadOver, stopSearchCsv, type Block, type Stop } from '../tests/figures/support/stops.ts';
import { boundaryFiles, populationFiles } from '../tests/figures/support/warehouse.ts';

/**
 * The data pack's end-to-end data: the figures fixtures' two boroughs (Northbank, Southmere: wards,
 * LSOAs, Census 2021 residents, the lookup to "Testforce Police") with generated testforce records.
 * Northbank residents: Asian 4,000, Black 2,000, Mixed 1,200, White 8,000, Other 800.
 *
 * March 2024 (the pack's month), in Northbank:
 * - Black 120 (s23, drugs; 12 arrests, 12 strip searches; 15 of them under s60 for weapons), White 60
 *   (24 arrests), Asian 20, Mixed 12, Other 5: 217 spread over 1–28 March at noon, in Hill (A) and
 *   Green (B), Quay (C);
 * - 21 March: 24 more in Hill, an unusual day;
 * - elsewhere: 20 in Southmere and 20 without a location (7.7% of the force's 281).
 * February 2024: 80 in Northbank, January 2024: 70, March 2023: 60. December 2023 is not loaded.
 */
export const PACK_BOROUGH = 'northbank';
export const PACK_MONTH = '2024-03';

const b = (n: number, where: Block[1], self: Block[5], officer: Block[6], power: Block[7], object: Block[8], outcome: Block[9], strip: Block[11] = 'F'): Block =>
  [n, where, 'person', 'M', '18-24', self, officer, power, object, outcome, 'F', strip];

const MARCH: Block[] = [
  b(81, 'A', 'Black African', 'Black', 's23', 'drugs', 'NFA'),
  b(12, 'A', 'Black Caribbean', 'Black', 's23', 'drugs', 'Arrest', 'T'),
  b(15, 'B', 'Black African', 'Black', 's60', 'weapons', 'NFA'),
  b(12, 'B', 'Black Caribbean', 'Black', 's23', 'drugs', 'NFA (old)'),
  b(36, 'B', 'White British', 'White', 's1', 'stolen', 'NFA'),
  b(24, 'C', 'White British', 'White', 's23', 'drugs', 'Arrest'),
  b(20, 'C', 'Asian Indian', 'Asian', 's1', 'stolen', 'NFA'),
  b(12, 'A', 'Mixed W+B Caribbean', 'Black', 's23', 'drugs', 'NFA'),
  b(5, 'C', 'Other Arab', 'Other', 's1', 'stolen', 'NFA')
];

const ELSEWHERE: Block[] = [b(20, 'SW', 'White British', 'White', 's23', 'drugs', 'NFA'), b(20, 'none', 'White British', 'White', 's23', 'drugs', 'NFA')];

const UNUSUAL_DAY: Block[] = [b(24, 'A', 'Black African', 'Black', 's23', 'drugs', 'NFA')];

const earlier = (n: number): Block[] => [
  b(Math.round(n * 0.4), 'A', 'Black African', 'Black', 's23', 'drugs', 'NFA'),
  b(Math.round(n * 0.6), 'B', 'White British', 'White', 's1', 'stolen', 'NFA')
];

const at = (day: string) => () => `${day}T12:00:00+00:00`;

/** Writes the police CSVs to a temporary folder and returns every file to import. */
export function writePackFixture(): { paths: string[]; dir: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'scrutineer-pack-e2e-'));
  const files: Record<string, Stop[]> = {
    '2024-03-testforce-stop-and-search.csv': [
      ...expand([...MARCH, ...ELSEWHERE], spreadOver('2024-03')),
      ...expand(UNUSUAL_DAY, at('2024-03-21'))
    ],
    '2024-02-testforce-stop-and-search.csv': expand(earlier(80), spreadOver('2024-02', 29)),
    '2024-01-testforce-stop-and-search.csv': expand(earlier(70), spreadOver('2024-01', 31)),
    '2023-03-testforce-stop-and-search.csv': expand(earlier(60), spreadOver('2023-03', 31))
  };
  const police = Object.entries(files).map(([name, stops]) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, stopSearchCsv(stops));
    return file;
  });
  return { paths: [...boundaryFiles, ...populationFiles, ...police], dir };
}
