import { expect } from 'vitest';
import type { ImportOptions } from '../../../src/core/import/import.ts';
import type { FileReport } from '../../../src/core/import/report.ts';
import { goodRows, policeCsv, writeInput } from './police-files.ts';
import { count, reportOf, type TempWarehouse } from './warehouse.ts';

/** A sound file imported beside every bad one: it must load whatever happens to its neighbour. */
export const GOOD = '2023-07-goodforce-stop-and-search.csv';
export const GOOD_ROWS = 3;

/** Imports `name` (holding `content`) together with the good file; returns the bad file's report. */
export async function importBesideGood(
  t: TempWarehouse,
  name: string,
  content: string | Buffer,
  opts: Omit<ImportOptions, 'paths'> = {}
): Promise<FileReport> {
  writeInput(t.inputDir, GOOD, policeCsv(goodRows(GOOD_ROWS)));
  writeInput(t.inputDir, name, content);
  const report = await t.import([t.inputDir], opts);
  expect(reportOf(report, GOOD)).toMatchObject({ status: 'loaded', read: GOOD_ROWS, loaded: GOOD_ROWS });
  expect(report.balanced).toBe(true);
  return reportOf(report, name);
}

/** The failed file left no source, row or quarantine entry behind; only the good file's rows are there. */
export async function expectNothingLoadedFrom(t: TempWarehouse, name: string): Promise<void> {
  expect(await count(t.wh, `SELECT count(*) FROM sources WHERE origin LIKE '%' || $1`, [name])).toBe(0);
  expect(await count(t.wh, 'SELECT count(*) FROM stop_search')).toBe(GOOD_ROWS);
  expect(await count(t.wh, 'SELECT count(*) FROM quarantine')).toBe(0);
}

/** Quarantined rows of the source read from `name`, by line. */
export function quarantineOf(t: TempWarehouse, name: string) {
  return t.wh.query<{ line: number; raw: string; reason: string }>(
    `SELECT q.line, q.raw, q.reason FROM quarantine q JOIN sources s ON s.id = q.source_id
     WHERE s.origin LIKE '%' || $1 ORDER BY q.line`,
    [name]
  );
}
