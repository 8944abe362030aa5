import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { expectNothingLoadedFrom, importBesideGood, quarantineOf } from './support/bad-input.ts';
import { goodRows, policeCsv, stopRow } from './support/police-files.ts';
import { count, openTempWarehouse, type TempWarehouse } from './support/warehouse.ts';

const BAD = '2023-07-badforce-stop-and-search.csv';

let t: TempWarehouse;
beforeEach(async () => {
  t = await openTempWarehouse();
});
afterEach(() => t.close());

/** A file whose third line is `bad`, between two good rows. */
const withBadLine3 = (bad: string) => policeCsv([stopRow(), bad, stopRow({ date: '2023-07-02T10:00:00+00:00' })]);

/** The bad line was quarantined with its text and reason, reported by line, and its neighbours loaded. */
async function expectQuarantinedLine3(bad: string, reason: string) {
  const report = await importBesideGood(t, BAD, withBadLine3(bad));
  expect(report).toMatchObject({ status: 'loaded', read: 3, loaded: 2, quarantined: 1, skipped: 0 });
  expect(report.path.endsWith(BAD)).toBe(true);
  expect(report.messages).toContain(`line 3: ${reason}`);
  expect(await quarantineOf(t, BAD)).toEqual([{ line: 3, raw: bad, reason }]);
}

describe('rows that cannot be loaded are quarantined with their line, text and reason', () => {
  it('a row with too few fields', async () => {
    const short = stopRow().split(',').slice(0, 14).join(',');
    await expectQuarantinedLine3(short, 'has 14 fields where the header has 15');
  });

  it('a row with too many fields', async () => {
    await expectQuarantinedLine3(`${stopRow()},surplus`, 'has more fields than the 15 of the header');
  });

  it('an unparseable date', async () => {
    await expectQuarantinedLine3(
      stopRow({ date: '31/07/2023 10:00' }),
      'the date "31/07/2023 10:00" is not a date and time (expected e.g. 2023-07-21T14:05:00+00:00)'
    );
  });

  it('latitude 999', async () => {
    await expectQuarantinedLine3(stopRow({ lat: '999' }), 'latitude 999 is outside -90 to 90');
  });

  it('a line of spaces is quarantined at its own line, and the lines after it keep their numbers', async () => {
    const bad = stopRow({ lat: '999' });
    const report = await importBesideGood(t, BAD, policeCsv([stopRow(), '', '   ', bad]));
    expect(report).toMatchObject({ read: 3, loaded: 1, quarantined: 2 });
    expect(await quarantineOf(t, BAD)).toEqual([
      { line: 4, raw: '   ', reason: 'has 1 fields where the header has 15' },
      { line: 5, raw: bad, reason: 'latitude 999 is outside -90 to 90' }
    ]);
  });

  it('an API record that is not an object or has a bad datetime is quarantined by record number', async () => {
    const good = { datetime: '2024-09-05T17:45:00+00:00', type: 'Person search', legislation: 'Misuse of Drugs Act 1971 (section 23)', location: null };
    const bad = { ...good, datetime: 'soon' };
    const report = await importBesideGood(t, 'badforce/2024-09.json', JSON.stringify([good, 42, bad]));
    expect(report).toMatchObject({ status: 'loaded', force: 'badforce', read: 3, loaded: 1, quarantined: 2 });
    expect(report.messages).toContain('record 2: the record is not a JSON object');
    expect(await quarantineOf(t, '2024-09.json')).toEqual([
      { line: 2, raw: '42', reason: 'the record is not a JSON object' },
      { line: 3, raw: JSON.stringify(bad), reason: 'the date "soon" is not a date and time (expected e.g. 2023-07-21T14:05:00+00:00)' }
    ]);
  });
});

describe('a file that cannot be loaded fails alone, names itself and leaves nothing behind', () => {
  it('a wrong header fails at line 1, naming the missing columns', async () => {
    const report = await importBesideGood(t, BAD, 'Type,When,Where,Outcome\nPerson search,today,here,Arrest\n');
    expect(report).toMatchObject({ status: 'failed', read: 0, loaded: 0 });
    expect(report.path.endsWith(BAD)).toBe(true);
    expect(report.messages[0]).toMatch(/^line 1: the header does not match the data.police.uk stop-and-search format: missing "Date", "Latitude"/);
    await expectNothingLoadedFrom(t, BAD);
  });

  it('an empty file fails as empty', async () => {
    const report = await importBesideGood(t, BAD, '');
    expect(report).toMatchObject({ status: 'failed', messages: ['the file is empty'] });
    await expectNothingLoadedFrom(t, BAD);
  });

  it('a police file whose name gives no force fails with a clear message', async () => {
    const report = await importBesideGood(t, 'stops.csv', policeCsv(goodRows(2, 9)));
    expect(report).toMatchObject({ status: 'failed', format: 'police-uk-stop-search-csv' });
    expect(report.messages[0]).toMatch(/cannot tell which police force this file covers.*--force/);
    await expectNothingLoadedFrom(t, 'stops.csv');
  });

  it('the same file loads with the force option, its month taken from its records', async () => {
    const report = await importBesideGood(t, 'stops.csv', policeCsv(goodRows(2, 9)), { force: 'testforce' });
    expect(report).toMatchObject({ status: 'loaded', force: 'testforce', month: '2023-07', loaded: 2 });
    expect(await count(t.wh, `SELECT count(*) FROM stop_search WHERE force = 'testforce' AND month = '2023-07'`)).toBe(2);
  });
});

describe('files that are not data are skipped with the reason', () => {
  it('a text document', async () => {
    const report = await importBesideGood(t, 'notes.txt', 'Agenda for the panel meeting\n');
    expect(report).toMatchObject({ status: 'skipped', format: 'unknown', read: 0, messages: ['skipped: a document, not a data file'] });
    await expectNothingLoadedFrom(t, 'notes.txt');
  });

  it('an image', async () => {
    const report = await importBesideGood(t, 'photo.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]));
    expect(report).toMatchObject({ status: 'skipped', format: 'unknown', read: 0 });
    expect(report.messages[0]).toMatch(/^skipped: not a format Scrutineer imports/);
    await expectNothingLoadedFrom(t, 'photo.png');
  });
});
