import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runTs } from './support/child.ts';
import { boundaryFixtures, goodRows, policeCsv, policeFixture, stopRow, writeInput } from './support/police-files.ts';
import { openTempWarehouse, tableState, type TempWarehouse } from './support/warehouse.ts';

const FIXTURE = policeFixture('2023-07-testforce-stop-and-search.csv');
const CHILD = 'tests/import/support/import-child.ts';

let t: TempWarehouse;
beforeEach(async () => {
  t = await openTempWarehouse();
  await t.import([...boundaryFixtures, FIXTURE]); // the earlier state every test must get back
});
afterEach(() => t.close());

/** A later import writing to every table: boundaries, a lookup, census counts, ward populations, police files with bad rows and new labels. */
function laterImport(): string {
  const dir = path.join(t.root, 'later');
  const boroughs = fs.readFileSync(boundaryFixtures[0], 'utf8').replace('"Testham"', '"Testham (2023)"');
  writeInput(dir, 'boroughs-2023.geojson', boroughs); // new bytes, so they load
  writeInput(dir, 'ward19_to_lad19.csv', 'wd19cd,wd19nm,lad19cd,lad19nm\nE05000901,Testham West,E09000901,Testham\n');
  writeInput(dir, 'census2021_ts021.csv', [
    'Lower tier local authorities Code,Lower tier local authorities,Ethnic group (20 categories) Code,Ethnic group (20 categories),Observation',
    'E09000901,Testham,13,White: English,1200',
    'E09000901,Testham,7,Black: Caribbean,300'
  ].join('\n'));
  const ages = Array.from({ length: 91 }, (_, i) => (i === 90 ? '90+' : String(i)));
  writeInput(dir, 'ward_population_mid2020_persons.csv', [
    `Ward Code 1,Ward Name 1,LA Code (2021 boundaries),LA name (2021 boundaries),All Ages,${ages.join(',')}`,
    `E05000901,Testham West,E09000901,Testham,"1,500",${ages.map((a) => (a === '30' ? '"1,500"' : '0')).join(',')}`
  ].join('\n'));
  const rows = [...goodRows(5), stopRow({ lat: '999' }), stopRow({ outcome: 'Referred to a panel' })];
  writeInput(dir, '2023-08-testforce-stop-and-search.csv', policeCsv(rows));
  fs.cpSync(policeFixture('testforce'), path.join(dir, 'testforce'), { recursive: true });
  return dir;
}

describe('an import that fails part-way leaves every table exactly as it was', () => {
  it('the later import, left to finish, writes to every table (so "as it was" below means something)', async () => {
    const before = await tableState(t.wh);
    const report = await t.import([laterImport()]);
    expect(report.files.filter((f) => f.status !== 'loaded')).toEqual([]);
    const after = await tableState(t.wh);
    for (const table of Object.keys(before)) expect(after[table], table).not.toEqual(before[table]);
  });

  it.each([
    ['after the first file', (done: number) => done === 1],
    ['after every row is inserted, just before the commit', (done: number, total: number) => done === total]
  ])('a progress callback that throws %s', async (_when, failsAt) => {
    const before = await tableState(t.wh);
    const onProgress = (done: number, total: number) => {
      if (failsAt(done, total)) throw new Error('injected failure');
    };
    await expect(t.import([laterImport()], { onProgress })).rejects.toThrow('injected failure');
    expect(await tableState(t.wh)).toEqual(before);
  });

  it('ward boundaries without local-authority codes fail alone: the police file beside them still loads', async () => {
    const before = await tableState(t.wh);
    const ward = (code: string, west: number) => ({
      type: 'Feature',
      properties: { WD23CD: code, WD23NM: code },
      geometry: { type: 'Polygon', coordinates: [[[west, 51.5], [west + 0.05, 51.5], [west + 0.05, 51.55], [west, 51.55], [west, 51.5]]] }
    });
    const wards = writeInput(t.inputDir, 'wards-2023.geojson', JSON.stringify({ type: 'FeatureCollection', features: [ward('E05000911', -0.2), ward('E05000912', -0.15)] }));
    const police = writeInput(t.inputDir, '2023-08-testforce-stop-and-search.csv', policeCsv(goodRows(3)));
    const report = await t.import([wards, police]);
    const failed = report.files.find((f) => f.path.endsWith('wards-2023.geojson'));
    expect(failed).toMatchObject({ status: 'failed', loaded: 0 });
    expect(failed?.messages[0]).toMatch(/ward E05000911 .* has no local authority code property/);
    expect(report.files.find((f) => f.path.endsWith('.csv'))).toMatchObject({ status: 'loaded', loaded: 3 });
    const after = await tableState(t.wh);
    expect(after.areas).toEqual(before.areas);
  });
});

describe('an import killed with SIGKILL leaves the warehouse as it was', () => {
  /** 40 files of 5,000 rows: a few seconds of loading, long enough to be killed in. */
  function bigFolder(): string {
    const dir = path.join(t.root, 'big');
    const csv = policeCsv(goodRows(5000));
    for (let i = 0; i < 40; i++) writeInput(dir, `2023-07-force${String(i).padStart(2, '0')}-stop-and-search.csv`, csv.replace(/Male/g, i % 2 ? 'Male' : 'Female'));
    return dir;
  }

  async function expectSameAfterReopen(before: Awaited<ReturnType<typeof tableState>>) {
    await t.reopen();
    expect(await tableState(t.wh)).toEqual(before);
    const later = await t.import([writeInput(t.inputDir, '2023-09-testforce-stop-and-search.csv', policeCsv(goodRows(4)))]);
    expect(later.files[0]).toMatchObject({ status: 'loaded', loaded: 4 });
  }

  it('killed by the parent while DuckDB loads the rows', async () => {
    const before = await tableState(t.wh);
    const folder = bigFolder();
    await t.wh.close();
    const child = runTs(CHILD, [t.dataDir, folder]);
    await child.waitFor('started');
    await child.waitFor('last file');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(child.lines, 'the child finished loading before it could be killed: make the data bigger').not.toContain('batch done');
    child.proc.kill('SIGKILL');
    expect(await child.exited).toEqual({ code: null, signal: 'SIGKILL' });
    await expectSameAfterReopen(before);
  });

  it('killed once every row is in the transaction, before the commit', async () => {
    const before = await tableState(t.wh);
    const folder = path.join(t.root, 'small');
    writeInput(folder, '2023-08-testforce-stop-and-search.csv', policeCsv(goodRows(500)));
    await t.wh.close();
    const child = runTs(CHILD, [t.dataDir, folder], { SCRUTINEER_TEST_KILL_BEFORE_COMMIT: '1' });
    expect(await child.exited).toEqual({ code: null, signal: 'SIGKILL' });
    expect(child.lines).toEqual(['started', 'last file', 'batch done']);
    await expectSameAfterReopen(before);
  });
});
