import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { importFiles } from '../../src/core/import/import.ts';
import { projectRoot } from '../../src/core/paths.ts';
import { Warehouse } from '../../src/core/warehouse/warehouse.ts';
import { HEADER } from '../figures/support/stops.ts';

/** Points inside the wards of e2e/fixtures/dashboard/wards.geojson (rectangles with the real codes). */
export const WARDS = {
  dalston: { code: 'E05009370', point: [51.545, -0.08] },
  central: { code: 'E05009372', point: [51.545, -0.04] },
  stoke: { code: 'E05009385', point: [51.57, -0.08] },
  whitechapel: { code: 'E05009334', point: [51.51, -0.06] }
} as const;

const POWER = { s60: 'Criminal Justice and Public Order Act 1994 (section 60)', s23: 'Misuse of Drugs Act 1971 (section 23)' };
const ETHNICITY = { black: 'Black/African/Caribbean/Black British - African', white: 'White - English/Welsh/Scottish/Northern Irish/British', asian: 'Asian/Asian British - Bangladeshi' };
const OUTCOME = { NFA: 'A no further action disposal', Arrest: 'Arrest' };
const FOUND = { yes: 'True', no: 'False', '': '' };

type Row = [at: string, where: keyof typeof WARDS, power: keyof typeof POWER, eth: keyof typeof ETHNICITY, outcome: keyof typeof OUTCOME, found: keyof typeof FOUND];

/**
 * Hackney, July 2023, around one authorisation (Dalston and Hackney Central, 21 July 18:00 to
 * 22 July 06:00 London time, i.e. 17:00 to 05:00 UTC). Times below are UTC.
 *
 * In its area and time (4): rows 1, 2, 3 and 10 (10 is exactly at the end: included). Black 3,
 * White 1; no further action 3, arrest 1; found 1 of the 3 where recorded.
 * The same London days (21-22 July), section 60, Hackney, but outside (3): row 4 in the area before
 * the start (outside the time), row 5 in the time in Stoke Newington (outside the area), row 6 in
 * Stoke Newington the next morning (outside both).
 * Not counted at all: row 7 (section 23), row 8 (Tower Hamlets), row 9 (23 July: another day; it falls
 * in the extended authorisation of the tests, Dalston to 23 July 20:00 London).
 */
export const ROWS: Row[] = [
  ['2023-07-21T17:30:00+00:00', 'dalston', 's60', 'black', 'NFA', 'no'],
  ['2023-07-21T20:00:00+00:00', 'dalston', 's60', 'black', 'Arrest', 'yes'],
  ['2023-07-22T04:59:00+00:00', 'central', 's60', 'white', 'NFA', ''],
  ['2023-07-21T16:30:00+00:00', 'central', 's60', 'white', 'NFA', 'no'],
  ['2023-07-21T21:00:00+00:00', 'stoke', 's60', 'asian', 'NFA', 'no'],
  ['2023-07-22T10:00:00+00:00', 'stoke', 's60', 'black', 'NFA', 'no'],
  ['2023-07-21T18:00:00+00:00', 'dalston', 's23', 'black', 'NFA', 'no'],
  ['2023-07-21T18:00:00+00:00', 'whitechapel', 's60', 'black', 'NFA', 'no'],
  ['2023-07-23T12:00:00+00:00', 'dalston', 's60', 'white', 'Arrest', 'yes'],
  ['2023-07-22T05:00:00+00:00', 'dalston', 's60', 'black', 'NFA', 'no']
];

export async function section60Warehouse(): Promise<{ wh: Warehouse; close(): Promise<void> }> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'scrutineer-s60-'));
  const csv = path.join(root, '2023-07-metropolitan-stop-and-search.csv');
  const lines = ROWS.map(([at, where, power, eth, outcome, found]) =>
    ['Person search', at, 'False', '', String(WARDS[where].point[0]), String(WARDS[where].point[1]), 'Male', '18-24', ETHNICITY[eth], '', POWER[power], 'Offensive weapons', OUTCOME[outcome], FOUND[found], 'False'].join(',')
  );
  fs.writeFileSync(csv, [HEADER, ...lines].join('\n') + '\n');
  const wh = await Warehouse.open({ path: path.join(root, 'w.duckdb'), memoryLimit: '512MB', threads: 1, queryTimeoutMs: 10_000 });
  const fixtures = path.join(projectRoot(), 'e2e', 'fixtures');
  const report = await importFiles(wh, path.join(root, 'data'), { paths: [path.join(fixtures, 'boroughs.geojson'), path.join(fixtures, 'dashboard', 'wards.geojson'), csv] });
  const failed = report.files.filter((f) => f.status === 'failed' || f.quarantined > 0);
  if (failed.length) throw new Error(`fixture import failed: ${JSON.stringify(failed)}`);
  return {
    wh,
    async close() {
      await wh.close();
      fs.rmSync(root, { recursive: true, force: true });
    }
  };
}
