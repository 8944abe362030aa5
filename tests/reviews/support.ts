import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { importFiles } from '../../src/core/import/import.ts';
import { projectRoot } from '../../src/core/paths.ts';
import { Warehouse } from '../../src/core/warehouse/warehouse.ts';
import { HEADER } from '../figures/support/stops.ts';

const POWER = { s23: 'Misuse of Drugs Act 1971 (section 23)', s1: 'Police and Criminal Evidence Act 1984 (section 1)', s60: 'Criminal Justice and Public Order Act 1994 (section 60)' };
const ETHNICITY = { black: 'Black/African/Caribbean/Black British - African', white: 'White - English/Welsh/Scottish/Northern Irish/British', asian: 'Asian/Asian British - Bangladeshi' };

/**
 * Hackney (E09000012, the e2e fixture's rectangle), July 2023: eight records, in time order
 * (1st to 8th July, noon UTC): 1 black s23, 2 white s23, 3 black s1, 4 asian s1, 5 black s23,
 * 6 white s1, 7 black s60, 8 white s60.
 */
export const HACKNEY_JULY: [keyof typeof ETHNICITY, keyof typeof POWER][] = [
  ['black', 's23'], ['white', 's23'], ['black', 's1'], ['asian', 's1'], ['black', 's23'], ['white', 's1'], ['black', 's60'], ['white', 's60']
];

export async function hackneyWarehouse(): Promise<{ wh: Warehouse; close(): Promise<void> }> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'scrutineer-reviews-'));
  const csv = path.join(root, '2023-07-metropolitan-stop-and-search.csv');
  const lines = HACKNEY_JULY.map(([eth, power], i) =>
    ['Person search', `2023-07-0${i + 1}T12:00:00+00:00`, 'False', '', '51.55', String(-0.09 + i * 0.005), 'Male', '18-24', ETHNICITY[eth], '', POWER[power], 'Controlled drugs', 'A no further action disposal', '', 'False'].join(',')
  );
  fs.writeFileSync(csv, [HEADER, ...lines].join('\n') + '\n');
  const wh = await Warehouse.open({ path: path.join(root, 'w.duckdb'), memoryLimit: '512MB', threads: 1, queryTimeoutMs: 10_000 });
  await importFiles(wh, path.join(root, 'data'), { paths: [path.join(projectRoot(), 'e2e', 'fixtures', 'boroughs.geojson'), csv] });
  return {
    wh,
    async close() {
      await wh.close();
      fs.rmSync(root, { recursive: true, force: true });
    }
  };
}
