import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { importFiles } from '../../../src/core/import/import.ts';
import { Warehouse } from '../../../src/core/warehouse/warehouse.ts';
import { stopSearchCsv, type Stop } from './stops.ts';

/** A hand-written fixture under tests/fixtures/figures. */
export const figuresFixture = (name: string) => fileURLToPath(new URL(`../../fixtures/figures/${name}`, import.meta.url));

/** Two boroughs (Northbank E09000098: three wards, two LSOAs; Southmere E09000099: two wards, one LSOA). */
export const boundaryFiles = ['boroughs.geojson', 'wards-2022.geojson', 'lsoas-2021.geojson'].map(figuresFixture);
/** Census 2021 TS021 for both boroughs, and the LA -> CSP -> PFA lookup naming "Testforce Police". */
export const populationFiles = ['census-ts021.csv', 'lad-csp-pfa.csv'].map(figuresFixture);

export interface TestWarehouse {
  wh: Warehouse;
  close(): Promise<void>;
}

/**
 * A fresh warehouse in a temp folder, loaded through the importer with the given fixture files and
 * police CSVs generated from tables (file name -> records), e.g. `2024-03-testforce-stop-and-search.csv`.
 */
export async function loadWarehouse(fixtures: string[], police: Record<string, Stop[]>): Promise<TestWarehouse> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'scrutineer-figures-'));
  const inputs = path.join(root, 'in');
  fs.mkdirSync(inputs);
  const generated = Object.entries(police).map(([name, stops]) => {
    const file = path.join(inputs, name);
    fs.writeFileSync(file, stopSearchCsv(stops));
    return file;
  });
  const wh = await Warehouse.open({ path: path.join(root, 'w.duckdb'), memoryLimit: '512MB', threads: 2, queryTimeoutMs: 10_000 });
  const report = await importFiles(wh, path.join(root, 'data'), { paths: [...fixtures, ...generated] });
  const failed = report.files.filter((f) => f.status === 'failed' || f.quarantined > 0);
  if (failed.length) throw new Error(`fixture import failed: ${JSON.stringify(failed.map((f) => [f.path, f.messages]))}`);
  return {
    wh,
    async close() {
      await wh.close();
      fs.rmSync(root, { recursive: true, force: true });
    }
  };
}
