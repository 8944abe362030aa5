import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { quarantineOf } from './support/bad-input.ts';
import { count, openTempWarehouse, reportOf, type TempWarehouse } from './support/warehouse.ts';

const fixture = (name: string) => path.join(import.meta.dirname, '..', 'fixtures', 'figures', name);
const POPULATION = fixture('ward-population-mid2020-persons.csv');
const WARDS = [fixture('boroughs.geojson'), fixture('wards-2022.geojson'), fixture('wards-2018.geojson')];
const lines = () => fs.readFileSync(POPULATION, 'utf8').trimEnd().split('\n');

let t: TempWarehouse;
beforeEach(async () => {
  t = await openTempWarehouse();
});
afterEach(() => t.close());

const write = (name: string, rows: string[]) => {
  const file = path.join(t.inputDir, name);
  fs.writeFileSync(file, rows.join('\n') + '\n');
  return file;
};

describe('ONS mid-2020 ward population estimates (SAPE23DT8a)', () => {
  it('loads each ward\'s all-ages total ("12,000" with its separator), records the source and says which wards in use get a population', async () => {
    const report = await t.import([...WARDS, POPULATION]);
    const file = reportOf(report, 'ward-population-mid2020-persons.csv');
    expect(file).toMatchObject({ format: 'ward-population', status: 'loaded', read: 6, loaded: 6, quarantined: 0 });
    expect(file.messages).toEqual(['ward populations: 4 of 5 wards in use have one (unchanged since the 2020 wards); some wards without in Northbank (1 of 3)']);
    expect(await t.wh.query(`SELECT ward_name, persons FROM ward_population ORDER BY persons DESC LIMIT 2`)).toEqual([
      { ward_name: 'Northbank Hill', persons: 12000 },
      { ward_name: 'Northbank Quay', persons: 4000 }
    ]);
    const [source] = await t.wh.query(`SELECT format, detail, rows_loaded, status FROM sources WHERE format = 'ward-population'`);
    expect(source).toEqual({ format: 'ward-population', detail: 'ONS mid-2020 ward population estimates (SAPE23DT8a, persons, 2020 wards)', rows_loaded: 6, status: 'current' });
  });

  it('quarantines rows with a bad count, ages that do not add up, a bad LA code or a repeated ward, with line and reason', async () => {
    const [header, hill, green, ...rest] = lines();
    const badCount = hill.replace('"12,000"', '"12.000"');
    const badSum = green.replace('"2,500"', '"2,501"');
    const badLa = rest[0].replace('E09000098', 'Northbank');
    const repeated = rest[1].replace('Northbank Wharf', 'northbank  hill');
    const file = write('wards-persons.csv', [header, badCount, badSum, badLa, repeated, hill, rest[2], rest[3]]);
    const report = reportOf(await t.import([file]), 'wards-persons.csv');
    // Both rows of a repeated ward are held back: neither can be told to be the right one.
    expect(report).toMatchObject({ read: 7, loaded: 2, quarantined: 5 });
    expect(report.messages).toContain('line 4: LA code "Northbank" is not a local authority GSS code');
    expect((await quarantineOf(t, 'wards-persons.csv')).map((q) => [q.line, q.reason])).toEqual([
      [2, 'All Ages "12.000" is not a count'],
      [3, 'the ages sum to 2500, not All Ages 2501'],
      [4, 'LA code "Northbank" is not a local authority GSS code'],
      [5, 'the ward "northbank  hill" appears more than once in E09000098'],
      [6, 'the ward "Northbank Hill" appears more than once in E09000098']
    ]);
  });

  it('a newer file replaces the older one as a whole', async () => {
    const [header, ...rows] = lines();
    await t.import([write('a-persons.csv', [header, ...rows])]);
    await t.import([write('b-persons.csv', [header, rows[0]])]);
    expect(await count(t.wh, 'SELECT count(*) FROM ward_population')).toBe(1);
    expect(await count(t.wh, `SELECT count(*) FROM sources WHERE format = 'ward-population' AND status = 'superseded'`)).toBe(1);
  });

  it('skips the males and females tables, and refuses a file whose name does not say persons', async () => {
    const [header, row] = lines();
    const report = await t.import([write('wards_males.csv', [header, row]), write('wards_females.csv', [header, row]), write('wards.csv', [header, row])]);
    expect(reportOf(report, 'wards_males.csv').messages[0]).toMatch(/^skipped: .*males or females/);
    expect(reportOf(report, 'wards_females.csv').messages[0]).toMatch(/^skipped: .*males or females/);
    expect(reportOf(report, 'wards.csv')).toMatchObject({ status: 'failed' });
    expect(reportOf(report, 'wards.csv').messages[0]).toMatch(/does not say "persons"/);
    expect(await count(t.wh, 'SELECT count(*) FROM ward_population')).toBe(0);
  });

  it('gives no ward of a borough a population when the estimates group its wards into fewer rows', async () => {
    const [header, hill, green, quay, , west, east] = lines();
    // Northbank had four 2020 wards; three rows stand for them (as ONS groups the City of London's wards).
    const report = await t.import([...WARDS, write('grouped-persons.csv', [header, hill, green, quay, west, east])]);
    expect(reportOf(report, 'grouped-persons.csv').messages).toEqual([
      'ward populations: 2 of 5 wards in use have one (unchanged since the 2020 wards); none in Northbank'
    ]);
  });
});
