import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isBalanced } from '../../src/core/import/report.ts';
import { goodRows, gzip, policeCsv, policeFixture, stopRow, writeInput } from './support/police-files.ts';
import { count, openTempWarehouse, reportOf, tableState, type TempWarehouse } from './support/warehouse.ts';

const FIXTURE = policeFixture('2023-07-testforce-stop-and-search.csv');

let t: TempWarehouse;
beforeEach(async () => {
  t = await openTempWarehouse();
});
afterEach(() => t.close());

/** A folder with the golden CSV fixture, a file with two bad rows and a document. */
function mixedFolder(): string {
  const dir = path.join(t.root, 'mixed');
  fs.mkdirSync(dir, { recursive: true });
  fs.copyFileSync(FIXTURE, path.join(dir, path.basename(FIXTURE)));
  writeInput(dir, '2023-08-otherforce-stop-and-search.csv', policeCsv([...goodRows(3), stopRow({ lat: '999' }), 'Person search,broken']));
  writeInput(dir, 'README.md', '# notes\n');
  return dir;
}

describe('every row read is loaded, quarantined or skipped', () => {
  it('per file and in the totals, on a first import', async () => {
    const report = await t.import([mixedFolder()]);
    expect(report.files.map((f) => [path.basename(f.path), f.read, f.loaded, f.quarantined, f.skipped])).toEqual([
      ['2023-07-testforce-stop-and-search.csv', 12, 12, 0, 0],
      ['2023-08-otherforce-stop-and-search.csv', 5, 3, 2, 0],
      ['README.md', 0, 0, 0, 0]
    ]);
    expect(report.totals).toEqual({ read: 17, loaded: 15, quarantined: 2, skipped: 0 });
    expect(report.balanced).toBe(true);
    expect(await count(t.wh, 'SELECT count(*) FROM stop_search')).toBe(15);
    expect(await count(t.wh, 'SELECT count(*) FROM quarantine')).toBe(2);
  });

  it('the sources table keeps the same accounting', async () => {
    await t.import([mixedFolder()]);
    const sources = await t.wh.query<{ read: number; loaded: number; quarantined: number }>(
      'SELECT rows_read AS read, rows_loaded AS loaded, rows_quarantined AS quarantined FROM sources ORDER BY id'
    );
    expect(sources).toEqual([
      { read: 12, loaded: 12, quarantined: 0 },
      { read: 5, loaded: 3, quarantined: 2 }
    ]);
  });
});

describe('importing the same bytes again', () => {
  it('loads nothing, skips every row and leaves every table as it was', async () => {
    const dir = mixedFolder();
    await t.import([dir]);
    const before = await tableState(t.wh);
    const again = await t.import([dir]);
    const police = again.files.filter((f) => f.format !== 'unknown');
    expect(police.map((f) => [f.status, f.read, f.loaded, f.skipped])).toEqual([
      ['skipped', 12, 0, 12],
      ['skipped', 5, 0, 5]
    ]);
    expect(police.every((f) => /^already loaded \(source \d+, from .+\)$/.test(f.messages[0]))).toBe(true);
    expect(again.totals).toEqual({ read: 17, loaded: 0, quarantined: 0, skipped: 17 });
    expect(again.files.every(isBalanced)).toBe(true);
    expect(await tableState(t.wh)).toEqual(before);
  });
});

describe('a new file for a force and month already loaded replaces it whole', () => {
  it('the same rows re-gzipped under another name supersede the earlier source, with no duplicate rows', async () => {
    const first = await t.import([FIXTURE]);
    const gz = writeInput(t.inputDir, '2023-07-testforce-stop-and-search.csv.gz', gzip(fs.readFileSync(FIXTURE), 9));
    const second = await t.import([gz]);
    const oldId = first.files[0].sourceId!;
    const newId = second.files[0].sourceId!;
    expect(second.files[0]).toMatchObject({ status: 'loaded', loaded: 12, replaced: { sourceId: oldId, origin: FIXTURE, rows: 12 } });
    expect(second.files[0].messages).toContain(`replaces testforce 2023-07 loaded before from ${FIXTURE} (12 records)`);
    expect(await t.wh.query('SELECT id, status, superseded_by, replaces FROM sources ORDER BY id')).toEqual([
      { id: oldId, status: 'superseded', superseded_by: newId, replaces: null },
      { id: newId, status: 'current', superseded_by: null, replaces: oldId }
    ]);
    expect(await count(t.wh, 'SELECT count(*) FROM stop_search')).toBe(12);
    expect(await count(t.wh, 'SELECT count(*) FROM stop_search WHERE source_id = $1', [newId])).toBe(12);
  });

  it('a shorter replacement leaves only its own rows', async () => {
    await t.import([FIXTURE]);
    const fewer = writeInput(t.inputDir, '2023-07-testforce-stop-and-search.csv', policeCsv(goodRows(2)));
    const report = await t.import([fewer]);
    expect(report.files[0]).toMatchObject({ loaded: 2, replaced: { rows: 12 } });
    expect(await count(t.wh, `SELECT count(*) FROM stop_search WHERE force = 'testforce' AND month = '2023-07'`)).toBe(2);
  });

  it('of two files for one force and month in the same import, only the newer loads', async () => {
    const older = writeInput(path.join(t.inputDir, 'a'), '2023-07-testforce-stop-and-search.csv', policeCsv(goodRows(4)));
    const newer = writeInput(path.join(t.inputDir, 'b'), '2023-07-testforce-stop-and-search.csv.gz', gzip(policeCsv(goodRows(2))));
    fs.utimesSync(older, new Date('2023-08-01'), new Date('2023-08-01'));
    const report = await t.import([older, newer]);
    expect(reportOf(report, 'a/2023-07-testforce-stop-and-search.csv')).toMatchObject({ status: 'skipped', read: 4, skipped: 4 });
    expect(reportOf(report, 'b/2023-07-testforce-stop-and-search.csv.gz')).toMatchObject({ status: 'loaded', loaded: 2 });
    expect(report.balanced).toBe(true);
    expect(await count(t.wh, 'SELECT count(*) FROM stop_search')).toBe(2);
  });
});

describe('unknown labels are loaded as unknown, kept and reported', () => {
  it('in the file report, in unknown_labels and in labels, with the rows still loaded', async () => {
    const odd = stopRow({ outcome: 'Referred to a panel' }).replace(/,False,False$/, ',Yes,False');
    const file = writeInput(t.inputDir, '2023-07-oddforce-stop-and-search.csv', policeCsv([odd, odd, stopRow()]));
    const report = await t.import([file]);
    const expected = [
      { dimension: 'outcome', raw: 'Referred to a panel', rows: 2 },
      { dimension: 'outcome_linked_to_object_of_search', raw: 'Yes', rows: 2 }
    ];
    expect(report.files[0]).toMatchObject({ loaded: 3, quarantined: 0, unknownLabels: expected });
    expect(report.files[0].messages).toContain('unknown outcome label "Referred to a panel" on 2 rows: loaded as unknown');
    expect(await t.wh.query('SELECT dimension, raw, rows FROM unknown_labels ORDER BY dimension')).toEqual(expected);
    expect(await t.wh.query(`SELECT code FROM labels WHERE raw = 'Referred to a panel'`)).toEqual([{ code: 'unknown' }]);
    expect(await count(t.wh, `SELECT count(*) FROM stop_search WHERE outcome = 'unknown' AND outcome_linked IS NULL`)).toBe(2);
  });
});
