import fs from 'node:fs';
import { ts021Categories } from '../police-data/ethnicity.ts';
import type { FileReport } from './report.ts';
import { finishSource, insertSource, rowsOf, sqlString, supersede, type ImportRun } from './run.ts';
import type { SourceInput } from './sources.ts';

/**
 * Census 2021 TS021 ethnic group (20 categories) by local authority: the population denominators.
 * A newer TS021 file replaces the previous one as a whole.
 */
export async function importCensus(run: ImportRun, src: SourceInput, report: FileReport, storedCopy: string | null) {
  const plain = await src.materialise(run.tmpDir);
  try {
    await run.conn.run(`CREATE OR REPLACE TEMP TABLE census_stage AS
      SELECT (row_number() OVER () + 1)::INTEGER AS line, * FROM read_csv(${sqlString(plain)}, header = true, all_varchar = true, auto_detect = true)`);
  } finally {
    fs.rmSync(plain, { force: true });
  }
  const cols = (await rowsOf<{ column_name: string }>(run.conn, `SELECT column_name FROM (DESCRIBE census_stage)`)).map((c) => c.column_name);
  const find = (re: RegExp) => cols.find((c) => re.test(c)) ?? null;
  const area = find(/^(lower tier local authorities|local authority|.*local authorit.*) code$/i) ?? find(/code$/i);
  const areaName = find(/^lower tier local authorities$/i) ?? find(/local authorit(y|ies)$/i);
  const code = find(/ethnic group \(20 categories\) code/i);
  const label = find(/^ethnic group \(20 categories\)$/i);
  const obs = find(/^observation$/i);
  if (!area || !code || !label || !obs) throw new Error(`line 1: the header lacks the TS021 columns (found ${cols.join(', ')})`);
  await run.conn.run(`CREATE OR REPLACE TEMP TABLE census_map (code INTEGER, category VARCHAR)`);
  for (const [k, v] of [...Object.entries(ts021Categories), ['-8', 'not_applicable']])
    await run.conn.run('INSERT INTO census_map VALUES ($1, $2)', [Number(k), v]);
  await run.conn.run(`CREATE OR REPLACE TEMP TABLE census_typed AS
    SELECT s.line, s."${area}" AS area_code, ${areaName ? `s."${areaName}"` : 'NULL'} AS area_name,
      m.category, s."${label}" AS category_label, TRY_CAST(s."${obs}" AS INTEGER) AS value,
      CASE WHEN s."${area}" IS NULL THEN 'the area code is blank'
           WHEN m.category IS NULL THEN format('ethnic group code "{}" is not one of TS021''s 20 categories', s."${code}")
           WHEN TRY_CAST(s."${obs}" AS INTEGER) IS NULL OR TRY_CAST(s."${obs}" AS INTEGER) < 0
             THEN format('observation "{}" is not a count', s."${obs}") END AS reason,
      concat_ws(',', s."${area}", s."${code}", s."${obs}") AS raw
    FROM census_stage s LEFT JOIN census_map m ON m.code = TRY_CAST(s."${code}" AS INTEGER)`);
  const old = await rowsOf<{ id: number }>(run.conn, `SELECT id FROM sources WHERE format = 'census-ts021' AND status = 'current'`);
  const id = await insertSource(run, { src, format: 'census-ts021', detail: 'Census 2021 TS021 by local authority', storedCopy });
  await run.conn.run(`DELETE FROM population WHERE dataset = 'census2021_ts021'`);
  await supersede(run, old.map((o) => o.id), id);
  await run.conn.run(`INSERT INTO population SELECT ${id}, 'census2021_ts021', area_code, area_name, category, category_label, value
    FROM census_typed WHERE reason IS NULL`);
  await run.conn.run(`INSERT INTO quarantine SELECT ${id}, line, raw, reason FROM census_typed WHERE reason IS NOT NULL`);
  const [c] = await rowsOf<{ read: number; bad: number }>(
    run.conn,
    `SELECT count(*)::INTEGER AS read, count(reason)::INTEGER AS bad FROM census_typed`
  );
  await finishSource(run, id, { read: c.read, loaded: c.read - c.bad, quarantined: c.bad, replaces: old[0]?.id ?? null });
  Object.assign(report, { read: c.read, loaded: c.read - c.bad, quarantined: c.bad, sourceId: id, status: 'loaded' });
  if (old.length) report.messages.push(`replaces the Census 2021 TS021 table loaded before (source ${old.map((o) => o.id).join(', ')})`);
}
