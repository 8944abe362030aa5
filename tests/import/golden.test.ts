import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportReport } from '../../src/core/import/report.ts';
import { expectGolden } from './support/golden.ts';
import { boundaryFixtures, policeFixture } from './support/police-files.ts';
import { openTempWarehouse, reportOf, tempDir, type TempWarehouse } from './support/warehouse.ts';

const goldenDir = policeFixture('golden');
const csvFixture = policeFixture('2023-07-testforce-stop-and-search.csv');
const apiFixture = policeFixture('testforce/2024-09.json');

/** The normalised rows of one source, with the raw labels they came from, in record order. */
const rowsSql = `
  SELECT s.record, s.force, s.month, s.ts::VARCHAR AS ts, s.local_date::VARCHAR AS local_date, s.local_hour,
    s.latitude, s.longitude, s.located, s.lsoa, s.ward, s.borough, s.ward_nearest,
    s.type::VARCHAR AS type, s.gender::VARCHAR AS gender, s.age_range::VARCHAR AS age_range,
    s.self_defined_ethnicity::VARCHAR AS self_defined_ethnicity, sde.raw AS self_defined_ethnicity_raw,
    s.officer_defined_ethnicity::VARCHAR AS officer_defined_ethnicity, s.legislation::VARCHAR AS legislation,
    s.object_of_search::VARCHAR AS object_of_search, obj.raw AS object_of_search_raw,
    s.outcome::VARCHAR AS outcome, outc.raw AS outcome_raw,
    s.outcome_linked, s.removal_more_than_outer, s.part_of_operation, s.operation_name, s.street_name
  FROM stop_search s JOIN sources src ON src.id = s.source_id
  LEFT JOIN labels sde ON sde.id = s.self_defined_ethnicity_label
  LEFT JOIN labels obj ON obj.id = s.object_of_search_label
  LEFT JOIN labels outc ON outc.id = s.outcome_label
  WHERE src.origin = $1 ORDER BY s.record`;

describe('golden files: data.police.uk inputs and their normalised rows', () => {
  let t: TempWarehouse;
  let report: ImportReport;
  beforeAll(async () => {
    t = await openTempWarehouse();
    report = await t.import([...boundaryFixtures, csvFixture, policeFixture('testforce')]);
  });
  afterAll(() => t.close());

  it('the archive CSV normalises to its golden rows', async () => {
    expectGolden(goldenDir, '2023-07-testforce-stop-and-search', await t.wh.query(rowsSql, [csvFixture]));
  });

  it('the API JSON normalises to its golden rows', async () => {
    expectGolden(goldenDir, 'testforce-2024-09', await t.wh.query(rowsSql, [apiFixture]));
  });

  it('the archive CSV report counts every row, where it was placed and the unknown label', () => {
    expect(reportOf(report, '2023-07-testforce-stop-and-search.csv')).toMatchObject({
      format: 'police-uk-stop-search-csv', status: 'loaded', force: 'testforce', month: '2023-07',
      read: 12, loaded: 12, quarantined: 0, skipped: 0,
      located: 11, unlocated: 1, placed: 10, outsideAreas: 1,
      unknownLabels: [{ dimension: 'object_of_search', raw: 'Lost umbrellas', rows: 1 }]
    });
  });

  it('the API JSON takes its force from its folder and its month from its name', () => {
    expect(reportOf(report, path.join('testforce', '2024-09.json'))).toMatchObject({
      format: 'police-uk-stop-search-json', status: 'loaded', force: 'testforce', month: '2024-09',
      read: 4, loaded: 4, quarantined: 0, located: 3, unlocated: 1, placed: 3, unknownLabels: []
    });
  });

  it('both vocabularies of a label reach the same code, each raw label kept once', async () => {
    const labels = await t.wh.query(
      `SELECT dimension, code, list(raw ORDER BY raw) AS raws FROM labels
       WHERE code IN ('white_british', 'no_further_action', 'arrest') GROUP BY dimension, code ORDER BY code`
    );
    expect(labels).toEqual([
      { dimension: 'outcome', code: 'arrest', raws: ['Arrest', 'Suspect arrested'] },
      { dimension: 'outcome', code: 'no_further_action', raws: ['A no further action disposal', 'Nothing found - no further action'] },
      { dimension: 'self_defined_ethnicity', code: 'white_british', raws: ['White - English/Welsh/Scottish/Northern Irish/British', 'White - White British (W1)'] }
    ]);
  });
});

describe('the golden-file check itself', () => {
  it('writes <name>-changed.json and fails when the output differs, and passes once it matches', () => {
    const dir = tempDir('scrutineer-golden-');
    try {
      fs.writeFileSync(path.join(dir, 'sample.json'), JSON.stringify([{ a: 1 }]));
      expect(() => expectGolden(dir, 'sample', [{ a: 2 }], false)).toThrow(/compare it with/);
      expect(JSON.parse(fs.readFileSync(path.join(dir, 'sample-changed.json'), 'utf8'))).toEqual([{ a: 2 }]);
      expectGolden(dir, 'sample', [{ a: 1 }], false);
      expect(fs.existsSync(path.join(dir, 'sample-changed.json'))).toBe(false);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
