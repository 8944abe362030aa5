import { createHash } from 'node:crypto';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { expectNothingLoadedFrom, GOOD_ROWS, importBesideGood } from './support/bad-input.ts';
import { goodRows, gzip, policeCsv, stopRow, writeInput, writeZip } from './support/police-files.ts';
import { count, openTempWarehouse, reportOf, type TempWarehouse } from './support/warehouse.ts';

let t: TempWarehouse;
beforeEach(async () => {
  t = await openTempWarehouse();
});
afterEach(() => t.close());

/** The rows as normalised, without what says which file they came from. */
const rowsOf = (force: string) =>
  t.wh.query(
    `SELECT * EXCLUDE (source_id, force, type_label, gender_label, age_range_label, self_defined_ethnicity_label,
       officer_defined_ethnicity_label, legislation_label, object_of_search_label, outcome_label)
     FROM stop_search WHERE force = $1 ORDER BY record`,
    [force]
  );

describe('compression and encodings', () => {
  it('a truncated gzip fails, naming the file, and nothing of it loads', async () => {
    const whole = gzip(policeCsv(goodRows(400)));
    const name = '2023-07-badforce-stop-and-search.csv.gz';
    const report = await importBesideGood(t, name, whole.subarray(0, Math.floor(whole.length / 2)));
    expect(report).toMatchObject({ status: 'failed', format: 'police-uk-stop-search-csv', read: 0, loaded: 0 });
    expect(report.path).toBe(path.join(t.inputDir, name));
    expect(report.messages).toEqual(['the gzip data is truncated (it ends before the compressed stream does)']);
    await expectNothingLoadedFrom(t, name);
  });

  it('a complete gzip loads every row, and its sha256 is that of the compressed bytes', async () => {
    const bytes = gzip(policeCsv(goodRows(5, 3)));
    const report = await importBesideGood(t, '2023-07-gzforce-stop-and-search.csv.gz', bytes);
    expect(report).toMatchObject({ status: 'loaded', force: 'gzforce', month: '2023-07', read: 5, loaded: 5 });
    expect(report.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
  });

  it('a byte-order mark loads fine: the first column is still recognised', async () => {
    const report = await importBesideGood(t, '2023-07-bomforce-stop-and-search.csv', `\uFEFF${policeCsv(goodRows(2))}`);
    expect(report).toMatchObject({ status: 'loaded', read: 2, loaded: 2, quarantined: 0 });
    expect(await count(t.wh, `SELECT count(*) FROM stop_search WHERE force = 'bomforce' AND type = 'person'`)).toBe(2);
  });

  it('CRLF line ends load the same rows as LF, with no carriage return left in the last column', async () => {
    const rows = [...goodRows(2), stopRow({ removal: 'True', date: '2023-07-05T12:00:00+00:00' })];
    await importBesideGood(t, '2023-07-lfforce-stop-and-search.csv', policeCsv(rows, '\n'));
    await t.import([writeCrlf(rows)]);
    const [lf, crlf] = [await rowsOf('lfforce'), await rowsOf('crlfforce')];
    expect(crlf).toHaveLength(3);
    expect(crlf).toEqual(lf);
    expect(crlf.map((r) => r.removal_more_than_outer)).toEqual([false, false, true]);
  });
});

const writeCrlf = (rows: string[]) =>
  writeInput(path.join(t.root, 'crlf'), '2023-07-crlfforce-stop-and-search.csv', policeCsv(rows, '\r\n'));

describe('zip files', () => {
  it('a zip holding a folder inside a folder loads the files inside', async () => {
    const zip = await writeZip(path.join(t.root, 'nested.zip'), {
      'outer/': '',
      'outer/inner/': '',
      'outer/inner/2023-07-zipforce-stop-and-search.csv': policeCsv(goodRows(4)),
      'outer/inner/__MACOSX/._2023-07-zipforce-stop-and-search.csv': 'resource fork'
    });
    const report = await t.import([zip]);
    expect(report.files).toHaveLength(1);
    expect(report.files[0]).toMatchObject({
      path: `${zip}!/outer/inner/2023-07-zipforce-stop-and-search.csv`,
      status: 'loaded',
      force: 'zipforce',
      month: '2023-07',
      loaded: 4
    });
  });

  it('an API month at the top of a zip takes its force from the zip name', async () => {
    const record = { datetime: '2024-09-05T17:45:00+00:00', type: 'Person search', legislation: 'Misuse of Drugs Act 1971 (section 23)', location: null };
    const zip = await writeZip(path.join(t.root, 'testforce.zip'), { '2024-09.json': JSON.stringify([record]) });
    const report = await t.import([zip]);
    expect(report.files[0]).toMatchObject({ status: 'loaded', force: 'testforce', month: '2024-09', loaded: 1 });
  });

  it('a zip member that fails does not stop the other members loading', async () => {
    const zip = await writeZip(path.join(t.root, 'mixed.zip'), {
      'a/2023-07-zipforce-stop-and-search.csv': policeCsv(goodRows(GOOD_ROWS)),
      'b/2023-07-brokenforce-stop-and-search.csv': 'Type,When\nx,y\n'
    });
    const report = await t.import([zip]);
    expect(reportOf(report, 'a/2023-07-zipforce-stop-and-search.csv')).toMatchObject({ status: 'loaded', loaded: GOOD_ROWS });
    expect(reportOf(report, 'b/2023-07-brokenforce-stop-and-search.csv')).toMatchObject({ status: 'failed' });
    expect(await count(t.wh, 'SELECT count(*) FROM sources')).toBe(1);
  });
});
