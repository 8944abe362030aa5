import fs from 'node:fs';
import type { LookupKind } from './formats.ts';
import type { FileReport } from './report.ts';
import { finishSource, insertSource, rowsOf, sqlString, supersede, type ImportRun } from './run.ts';
import type { SourceInput } from './sources.ts';

/** Each lookup kind as child -> parent links: [child level, code col, name col, parent level, code col, name col]. */
const links: Record<LookupKind, Array<[string, string, string, string, string, string]>> = {
  'lsoa-msoa-lad': [
    ['lsoa', 'lsoa21cd', 'lsoa21nm', 'msoa', 'msoa21cd', 'msoa21nm'],
    ['msoa', 'msoa21cd', 'msoa21nm', 'local_authority', 'lad22cd', 'lad22nm']
  ],
  'lad-csp-pfa': [
    ['local_authority', 'lad22cd', 'lad22nm', 'csp', 'csp22cd', 'csp22nm'],
    ['csp', 'csp22cd', 'csp22nm', 'police_force_area', 'pfa22cd', 'pfa22nm']
  ],
  'ward-lad': [['ward', 'wd19cd', 'wd19nm', 'local_authority', 'lad19cd', 'lad19nm']]
};

/** Area lookups (LSOA -> MSOA -> local authority, local authority -> police force area, ward -> LA). */
export async function importLookup(run: ImportRun, src: SourceInput, kind: LookupKind, report: FileReport, storedCopy: string | null) {
  const plain = await src.materialise(run.tmpDir);
  try {
    await run.conn.run(`CREATE OR REPLACE TEMP TABLE lookup_stage AS
      SELECT (row_number() OVER () + 1)::INTEGER AS line, * FROM read_csv(${sqlString(plain)}, header = true, all_varchar = true, auto_detect = true)`);
  } finally {
    fs.rmSync(plain, { force: true });
  }
  const cols = (await rowsOf<{ column_name: string }>(run.conn, `SELECT column_name FROM (DESCRIBE lookup_stage)`)).map((c) => c.column_name);
  const col = (name: string) => `"${cols.find((c) => c.toLowerCase().replace(/^\uFEFF/, '') === name) ?? name}"`;
  const codes = [...new Set(links[kind].flatMap(([, c, , , p]) => [c, p]))];
  const bad = codes.map((c) => `WHEN NOT regexp_full_match(coalesce(${col(c)}, ''), '[EWSN]\\d{8}') THEN format('{} "{}" is not a GSS code', '${c}', ${col(c)})`).join(' ');
  await run.conn.run(`CREATE OR REPLACE TEMP TABLE lookup_typed AS
    SELECT *, CASE ${bad} END AS reason FROM lookup_stage`);
  const old = await rowsOf<{ id: number }>(run.conn, `SELECT id FROM sources WHERE format = 'lookup' AND detail = $1 AND status = 'current'`, [kind]);
  const id = await insertSource(run, { src, format: 'lookup', detail: kind, storedCopy });
  for (const o of old) await run.conn.run('DELETE FROM area_links WHERE source_id = $1', [o.id]);
  await supersede(run, old.map((o) => o.id), id);
  for (const [cl, cc, cn, pl, pc, pn] of links[kind])
    await run.conn.run(`INSERT INTO area_links SELECT DISTINCT ${id}, '${cl}', ${col(cc)}, ${col(cn)}, '${pl}', ${col(pc)}, ${col(pn)}
      FROM lookup_typed WHERE reason IS NULL`);
  await run.conn.run(`INSERT INTO quarantine SELECT ${id}, line, concat_ws(',', ${codes.map(col).join(', ')}), reason FROM lookup_typed WHERE reason IS NOT NULL`);
  const [c] = await rowsOf<{ read: number; bad: number }>(run.conn, `SELECT count(*)::INTEGER AS read, count(reason)::INTEGER AS bad FROM lookup_typed`);
  await finishSource(run, id, { read: c.read, loaded: c.read - c.bad, quarantined: c.bad, replaces: old[0]?.id ?? null });
  Object.assign(report, { read: c.read, loaded: c.read - c.bad, quarantined: c.bad, sourceId: id, status: 'loaded' });
  report.messages.push(`lookup ${kind}`);
}
