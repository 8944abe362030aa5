import fs from 'node:fs';
import { normalisedName, WARD_POPULATION_LABEL, wardPopulationSummary } from '../figures/ward-population.ts';
import type { FileReport } from './report.ts';
import { finishSource, insertSource, rowsOf, sqlString, supersede, type ImportRun } from './run.ts';
import type { SourceInput } from './sources.ts';

/** A count as ONS writes it: digits with optional thousands separators ("16,149"). */
const count = (expr: string) => `CASE WHEN regexp_full_match(trim(${expr}), '[0-9]{1,3}(,[0-9]{3})*|[0-9]+') THEN replace(trim(${expr}), ',', '')::INTEGER END`;

/**
 * ONS SAPE23DT8a mid-2020 population estimates by 2020 ward, persons by single year of age. Loads
 * each ward's all-ages total, checked against the sum of its ages. A newer file replaces the
 * previous one as a whole. Which 2022 wards the estimates apply to is decided when figures are made
 * (figures/ward-population.ts); the report says how many that is with the boundaries loaded now.
 */
export async function importWardPopulation(run: ImportRun, src: SourceInput, report: FileReport, storedCopy: string | null) {
  const plain = await src.materialise(run.tmpDir);
  try {
    await run.conn.run(`CREATE OR REPLACE TEMP TABLE wardpop_stage AS
      SELECT (row_number() OVER () + 1)::INTEGER AS line, * FROM read_csv(${sqlString(plain)}, header = true, all_varchar = true, auto_detect = true, quote = '"')`);
  } finally {
    fs.rmSync(plain, { force: true });
  }
  const cols = (await rowsOf<{ column_name: string }>(run.conn, `SELECT column_name FROM (DESCRIBE wardpop_stage)`)).map((c) => c.column_name);
  const find = (re: RegExp) => cols.find((c) => re.test(c.trim())) ?? null;
  const wardCode = find(/^ward code/i);
  const wardName = find(/^ward name/i);
  const laCode = find(/^la code/i);
  const laName = find(/^la name/i);
  const all = find(/^all ages$/i);
  const ages = cols.filter((c) => /^\d+\+?$/.test(c.trim()));
  if (!wardName || !laCode || !all) throw new Error(`line 1: the header lacks the ward estimate columns "Ward Name 1", "LA Code", "All Ages" (found ${cols.join(', ')})`);
  if (ages.length !== 91) throw new Error(`line 1: expected the 91 single-year age columns 0 … 90+, found ${ages.length}`);
  const q = (c: string) => `s."${c.replace(/"/g, '""')}"`;
  const ageSum = ages.map((a) => `coalesce(${count(q(a))}, 0)`).join(' + ');
  const badAge = ages.map((a) => `CASE WHEN ${count(q(a))} IS NULL THEN '${a}' END`).join(', ');
  await run.conn.run(`CREATE OR REPLACE TEMP TABLE wardpop_typed AS
    SELECT *, CASE
        WHEN la_code IS NULL OR NOT regexp_full_match(la_code, '[EW]0[6-9][0-9]{6}') THEN format('LA code "{}" is not a local authority GSS code', coalesce(la_code, ''))
        WHEN ward_name IS NULL OR trim(ward_name) = '' THEN 'the ward name is blank'
        WHEN persons IS NULL THEN format('All Ages "{}" is not a count', coalesce(raw_all, ''))
        WHEN bad_age IS NOT NULL THEN format('age {} is not a count', bad_age)
        WHEN age_sum <> persons THEN format('the ages sum to {}, not All Ages {}', age_sum, persons)
        WHEN count(*) OVER (PARTITION BY la_code, ${normalisedName('ward_name')}) > 1 THEN format('the ward "{}" appears more than once in {}', ward_name, la_code)
      END AS reason
    FROM (SELECT s.line, trim(${q(laCode)}) AS la_code, ${laName ? `trim(${q(laName)})` : 'NULL'} AS la_name,
        ${wardCode ? `trim(${q(wardCode)})` : 'NULL'} AS ward_code, trim(${q(wardName)}) AS ward_name,
        ${q(all)} AS raw_all, ${count(q(all))} AS persons, ${ageSum} AS age_sum, coalesce(${badAge}) AS bad_age,
        concat_ws(',', ${[wardCode, wardName, laCode, all].filter((c): c is string => !!c).map(q).join(', ')}) AS raw
      FROM wardpop_stage s)`);
  const old = await rowsOf<{ id: number }>(run.conn, `SELECT id FROM sources WHERE format = 'ward-population' AND status = 'current'`);
  const id = await insertSource(run, { src, format: 'ward-population', detail: WARD_POPULATION_LABEL, storedCopy });
  await run.conn.run(`DELETE FROM ward_population`);
  await supersede(run, old.map((o) => o.id), id);
  await run.conn.run(`INSERT INTO ward_population SELECT ${id}, la_code, la_name, ward_code, ward_name, persons FROM wardpop_typed WHERE reason IS NULL`);
  await run.conn.run(`INSERT INTO quarantine SELECT ${id}, line, raw, reason FROM wardpop_typed WHERE reason IS NOT NULL`);
  const [c] = await rowsOf<{ read: number; bad: number }>(run.conn, `SELECT count(*)::INTEGER AS read, count(reason)::INTEGER AS bad FROM wardpop_typed`);
  await finishSource(run, id, { read: c.read, loaded: c.read - c.bad, quarantined: c.bad, replaces: old[0]?.id ?? null });
  Object.assign(report, { read: c.read, loaded: c.read - c.bad, quarantined: c.bad, sourceId: id, status: 'loaded' });
  const bad = await rowsOf<{ line: number; reason: string }>(run.conn, `SELECT line, reason FROM wardpop_typed WHERE reason IS NOT NULL ORDER BY line LIMIT 10`);
  report.messages.push(...bad.map((b) => `line ${b.line}: ${b.reason}`));
  if (old.length) report.messages.push(`replaces the ward population estimates loaded before (source ${old.map((o) => o.id).join(', ')})`);
  report.messages.push(await wardPopulationSummary((sql) => rowsOf(run.conn, sql)));
}
