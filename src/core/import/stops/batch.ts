import fs from 'node:fs';
import type { DuckDBConnection } from '@duckdb/node-api';
import { normaliseLabel, type Dimension } from '../../police-data/vocabulary.ts';
import { writeCoordAreas, type AreaAssigner } from '../areas.ts';
import { forceMonthFromName, type Format } from '../formats.ts';
import type { FileReport } from '../report.ts';
import { finishSource, insertSource, rowsOf, supersede, timePhase, type ImportRun } from '../run.ts';
import type { SourceInput } from '../sources.ts';
import { describeFile } from './describe.ts';
import { csvLinesOfRecordsSql, csvStageSql, STAGE_COLUMNS, stageJson, type Unparsable } from './stage.ts';
import { booleanColumns, labelColumns, typedViewSql } from './typed.ts';

export interface StopFile {
  src: SourceInput;
  format: Format;
  header?: string[];
  report: FileReport;
  storedCopy: string | null;
}

interface Prepared extends StopFile {
  index: number;
  plain: string;
  force: string;
  nameMonth: string | null;
  read: number;
  unparsable: Unparsable[];
}

interface FileStats {
  file: number;
  read: number;
  bad: number;
  month: string | null;
  [histogram: string]: unknown;
}

/**
 * Loads all the stop-and-search files of one import together: DuckDB reads every file in one
 * statement per pass, so a thousand small files cost little more than one big one. There are two
 * passes over the rows: one grouping them (per-file counts and label histograms, distinct
 * coordinates, label combinations: `groupRows`), then the insert; a third, for quarantine, only
 * when a file has bad rows. The time of each phase is in the report (`phases`).
 */
export async function importStopsBatch(run: ImportRun, files: StopFile[], assigner: () => Promise<AreaAssigner | null>) {
  const conn = run.conn;
  await conn.run(`CREATE OR REPLACE TEMP TABLE json_stage (${STAGE_COLUMNS})`);
  const prepared: Prepared[] = [];
  try {
    // Decompression runs on libuv's thread pool, so files are prepared a few at a time.
    const ready = await timePhase(run.phases, 'decompress', () => mapLimit(files, 4, (f, i) => prepare(run, f, i)));
    for (const p of ready) if (p) prepared.push(p);
    const { files: readable, stats } = await timePhase(run.phases, 'statistics', () => readStats(conn, prepared));
    await conn.run(stageViewSql(readable, true));
    let usable = readable;
    usable = await timePhase(run.phases, 'register sources', () => registerSources(run, usable, stats));
    if (usable.length === 0) return;
    const unknown = await timePhase(run.phases, 'map labels', () => mapLabels(conn, usable, stats));
    const areas = await timePhase(run.phases, 'load boundaries', () => assigner());
    await placeCoordinates(run, usable, areas);
    await timePhase(run.phases, 'label combinations', () => labelCombinations(conn, usable));
    await timePhase(run.phases, 'insert rows', () => insertRows(conn));
    await timePhase(run.phases, 'quarantine', () => quarantineRows(conn, usable, stats));
    await timePhase(run.phases, 'finish sources', () => finish(run, usable, stats, unknown));
  } finally {
    for (const p of prepared) fs.rmSync(p.plain, { force: true });
  }
}

async function prepare(run: ImportRun, f: StopFile, index: number): Promise<Prepared | null> {
  const named = forceMonthFromName(f.src.name, f.src.folder);
  const force = named.force ?? run.force;
  if (!force) {
    fail(f.report, 'cannot tell which police force this file covers: name it YYYY-MM-<force>-stop-and-search.csv (as data.police.uk does) or pass --force');
    return null;
  }
  let plain: string | null = null;
  try {
    plain = await f.src.materialise(run.tmpDir);
    let read = 0;
    let unparsable: Unparsable[] = [];
    if (f.format === 'police-uk-stop-search-json') {
      const appender = await run.conn.createAppender('json_stage', 'main', 'temp');
      try {
        ({ read, unparsable } = stageJson(appender, index, plain));
      } finally {
        appender.closeSync();
      }
    }
    return { ...f, index, plain, force, nameMonth: named.month, read, unparsable };
  } catch (err) {
    if (plain) fs.rmSync(plain, { force: true });
    fail(f.report, (err as Error).message);
    return null;
  }
}

function fail(report: FileReport, message: string) {
  Object.assign(report, { status: 'failed', read: 0, loaded: 0, quarantined: 0, skipped: 0, messages: [message] });
}

const csvFiles = (files: Prepared[]) => files.filter((f) => f.format === 'police-uk-stop-search-csv');

/** The staged rows of `files`, numbered (`record`) only when asked: the grouping pass needs no numbers. */
function stageViewSql(files: Prepared[], numbered: boolean): string {
  const branches = [...csvFiles(files).map((f) => csvStageSql(f.index, f.plain, f.header ?? [], numbered)), `SELECT * FROM json_stage`];
  return `CREATE OR REPLACE TEMP VIEW stage_v AS ${branches.join(' UNION ALL ')}`;
}

/**
 * Reads every file once for its counts, label histograms and the month its records point to. A file
 * DuckDB cannot read (broken UTF-8, a line too long) is found by trying the files one by one, and
 * fails alone rather than the whole import.
 */
async function readStats(conn: DuckDBConnection, files: Prepared[]): Promise<{ files: Prepared[]; stats: Map<number, FileStats> }> {
  try {
    return { files, stats: await fileStats(conn, files) };
  } catch {
    const ok: Prepared[] = [];
    for (const f of files) {
      try {
        await fileStats(conn, [f]);
        ok.push(f);
      } catch (err) {
        fail(f.report, `the file cannot be read: ${(err as Error).message.split('\n')[0]}`);
      }
    }
    return { files: ok, stats: ok.length ? await fileStats(conn, ok) : new Map() };
  }
}

const labelCols = Object.values(labelColumns);
const groupedCols = [...labelCols, ...Object.values(booleanColumns)];

/**
 * The one pass over every row before the insert: DuckDB groups the rows of each file by their raw
 * labels (for counts, label histograms and the label combinations the insert looks up) and, in the
 * same scan, by their coordinates (for point-in-polygon). The result, `batch_groups`, is a few
 * hundred thousand rows however many files there are; everything up to the insert reads it.
 */
async function groupRows(conn: DuckDBConnection): Promise<void> {
  await conn.run(`CREATE OR REPLACE TEMP TABLE batch_groups AS
    SELECT file, ${groupedCols.join(', ')}, latitude, longitude, grouping(latitude) = 0 AS is_coord,
      count(*)::INTEGER AS n, count(*) FILTER (WHERE reason IS NULL)::INTEGER AS good
    FROM typed_v
    GROUP BY GROUPING SETS ((file, ${groupedCols.join(', ')}), (file, latitude, longitude))`);
}

async function fileStats(conn: DuckDBConnection, files: Prepared[]): Promise<Map<number, FileStats>> {
  await conn.run(stageViewSql(files, false));
  await conn.run(typedViewSql);
  await groupRows(conn);
  const rows = await rowsOf<FileStats>(
    conn,
    `SELECT file, sum(n)::INTEGER AS read, sum(n - good)::INTEGER AS bad, NULL AS month FROM batch_groups
     WHERE NOT is_coord GROUP BY file ORDER BY file`
  );
  const byFile = new Map(rows.map((r) => [r.file, r]));
  // Histograms of the raw labels of the good rows, per file, sorted as DuckDB sorts text.
  const counted = Object.entries({ ...labelColumns, ...booleanColumns })
    .map(([d, col]) => `SELECT file, '${d}' AS dimension, ${col} AS key, sum(good)::INTEGER AS value FROM batch_groups
       WHERE NOT is_coord AND good > 0 AND ${col} IS NOT NULL GROUP BY file, ${col}`)
    .join(' UNION ALL ');
  for (const h of await rowsOf<{ file: number; dimension: string; key: string; value: number }>(conn, `${counted} ORDER BY file, dimension, key`)) {
    const r = byFile.get(h.file);
    if (r) ((r[h.dimension] ??= []) as Histogram).push({ key: h.key, value: String(h.value) });
  }
  // Only a file whose name does not give its month needs the month its records point to.
  const unnamed = files.filter((f) => !f.nameMonth).map((f) => f.index);
  const months = unnamed.length
    ? await rowsOf<{ file: number; month: string }>(
        conn,
        `SELECT file, mode(strftime(timezone('Europe/London', ts), '%Y-%m')) AS month FROM typed_v
         WHERE reason IS NULL AND file IN (${unnamed.join(', ')}) GROUP BY file`
      )
    : [];
  for (const m of months) {
    const r = byFile.get(m.file);
    if (r) r.month = m.month;
  }
  return byFile;
}

/**
 * Records each file as a source. A file for a force and month already loaded replaces it as a
 * whole; of two files in one import covering the same force and month, the newer one is loaded.
 */
async function registerSources(run: ImportRun, files: Prepared[], stats: Map<number, FileStats>): Promise<Prepared[]> {
  const monthOf = (f: Prepared) => f.nameMonth ?? stats.get(f.index)?.month ?? null;
  const newest = new Map<string, Prepared>();
  for (const f of files) {
    const key = `${f.force}|${monthOf(f)}`;
    const other = newest.get(key);
    if (!other || (f.src.modifiedAt?.getTime() ?? 0) >= (other.src.modifiedAt?.getTime() ?? 0)) newest.set(key, f);
  }
  const loaded: Prepared[] = [];
  for (const f of files) {
    const month = monthOf(f);
    const winner = newest.get(`${f.force}|${month}`)!;
    const read = f.read || (stats.get(f.index)?.read ?? 0) + f.unparsable.length;
    if (winner !== f) {
      Object.assign(f.report, { status: 'skipped', read, skipped: read, force: f.force, month: month ?? undefined });
      f.report.messages.push(`not loaded: ${winner.src.origin}, in this same import, is newer and covers ${f.force} ${month} too`);
      continue;
    }
    const id = await insertSource(run, { src: f.src, format: f.format, force: f.force, month, storedCopy: f.storedCopy });
    f.report.sourceId = id;
    f.report.replaced = await replaceEarlier(run, id, f.force, month);
    Object.assign(f.report, { force: f.force, month: month ?? undefined, read });
    loaded.push(f);
  }
  await run.conn.run('CREATE OR REPLACE TEMP TABLE file_map (file INTEGER, source_id INTEGER, force VARCHAR, month VARCHAR)');
  for (const f of loaded)
    await run.conn.run('INSERT INTO file_map VALUES ($1, $2, $3, $4)', [f.index, f.report.sourceId!, f.force, monthOf(f) ?? 'unknown']);
  return loaded;
}

async function replaceEarlier(run: ImportRun, id: number, force: string, month: string | null) {
  if (!month) return null;
  const earlier = await rowsOf<{ id: number; origin: string; rows_loaded: number }>(
    run.conn,
    `SELECT id, origin, rows_loaded FROM sources
     WHERE format LIKE 'police-uk-stop-search-%' AND force = $1 AND month = $2 AND status = 'current' AND id <> $3 ORDER BY id`,
    [force, month, id]
  );
  if (earlier.length === 0) return null;
  for (const e of earlier) await run.conn.run('DELETE FROM stop_search WHERE source_id = $1', [e.id]);
  await supersede(run, earlier.map((e) => e.id), id);
  const last = earlier[earlier.length - 1];
  return { sourceId: last.id, origin: last.origin, rows: earlier.reduce((n, x) => n + x.rows_loaded, 0) };
}

type Histogram = Array<{ key: string; value: string }>;

/**
 * Labels are few though rows are many: each distinct label is mapped once, in TypeScript where the
 * vocabulary lives, and kept in `labels` with an id the rows point to.
 */
async function mapLabels(conn: DuckDBConnection, files: Prepared[], stats: Map<number, FileStats>) {
  const known = new Map(
    (await rowsOf<{ id: number; dimension: string; raw: string }>(conn, 'SELECT id, dimension, raw FROM labels')).map((l) => [
      `${l.dimension}|${l.raw}`,
      l.id
    ])
  );
  let [{ next }] = await rowsOf<{ next: number }>(conn, 'SELECT (coalesce(max(id), 0) + 1)::INTEGER AS next FROM labels');
  const unknown = new Map<number, FileReport['unknownLabels']>();
  for (const f of files) {
    const list: NonNullable<FileReport['unknownLabels']> = [];
    for (const dimension of [...Object.keys(labelColumns), ...Object.keys(booleanColumns)]) {
      const isBoolean = dimension in booleanColumns;
      for (const { key: raw, value } of (stats.get(f.index)?.[dimension] as Histogram | null) ?? []) {
        const code = isBoolean ? (/^(true|false)$/i.test(raw.trim()) ? 'ok' : 'unknown') : normaliseLabel(dimension as Dimension, raw);
        if (code === 'unknown') list.push({ dimension, raw, rows: Number(value) });
        if (isBoolean || known.has(`${dimension}|${raw}`)) continue;
        await conn.run('INSERT INTO labels VALUES ($1, $2, $3, $4)', [next, dimension, raw, code]);
        known.set(`${dimension}|${raw}`, next++);
      }
    }
    unknown.set(f.index, list);
  }
  return unknown;
}

/** Point-in-polygon once per distinct coordinate: police locations are snapped to map points. */
async function placeCoordinates(run: ImportRun, files: Prepared[], assigner: AreaAssigner | null) {
  const conn = run.conn;
  const coords = await timePhase(run.phases, 'distinct coordinates', () => rowsOf<{ latitude: number; longitude: number }>(
    conn,
    `SELECT DISTINCT latitude, longitude FROM batch_groups
     WHERE is_coord AND good > 0 AND latitude IS NOT NULL AND file IN (${files.map((f) => f.index).join(', ')})`
  ));
  await timePhase(run.phases, 'point in polygon', () => writeCoordAreas(conn, coords, assigner));
}

/**
 * Rows have few distinct combinations of raw labels (about 33,000 in 1.07 million rows): each
 * combination is given its codes and label ids once, here, so the insert looks labels up with one
 * join instead of one per dimension.
 */
async function labelCombinations(conn: DuckDBConnection, files: Prepared[]) {
  const dims = Object.entries(labelColumns);
  const joins = dims
    .map(([d, col]) => `LEFT JOIN labels l_${d} ON l_${d}.dimension = '${d}' AND l_${d}.raw = g.${col}`)
    .join('\n    ');
  const codes = dims.map(([d]) => `coalesce(l_${d}.code, 'unknown')::code_${d} AS ${d}_code, l_${d}.id AS ${d}_label`).join(', ');
  await conn.run(`CREATE OR REPLACE TEMP TABLE label_combo AS
    SELECT g.*, ${codes}
    FROM (SELECT DISTINCT ${labelCols.join(', ')} FROM batch_groups
          WHERE NOT is_coord AND good > 0 AND file IN (${files.map((f) => f.index).join(', ')})) g
    ${joins}`);
}

/**
 * Rows are inserted without keeping their order: DuckDB then reads the files on all its threads at
 * once instead of one after the other. Nothing depends on the order rows are stored in (each row
 * keeps its `record`, and row_number() still numbers each file's lines in order: a streaming window
 * is order-dependent whatever this setting says).
 */
async function insertRows(conn: DuckDBConnection) {
  await conn.run('SET preserve_insertion_order = false');
  try {
    await insertAll(conn);
  } finally {
    await conn.run('RESET preserve_insertion_order');
  }
}

async function insertAll(conn: DuckDBConnection) {
  const dims = Object.keys(labelColumns);
  // Every good row's combination is in label_combo; were one missing, its NULL code would fail the
  // NOT NULL columns and with them the import, never load a row wrongly.
  const joins = `LEFT JOIN label_combo k ON ${labelCols.map((c) => `k.${c} IS NOT DISTINCT FROM t.${c}`).join(' AND ')}`;
  const codes = dims.map((d) => `k.${d}_code, k.${d}_label`).join(',\n      ');
  await conn.run(`INSERT INTO stop_search
    SELECT m.source_id, t.record, m.force, m.month,
      t.ts, CAST(timezone('Europe/London', t.ts) AS DATE), hour(timezone('Europe/London', t.ts)),
      t.latitude, t.longitude, t.latitude IS NOT NULL,
      c.lsoa, c.ward, c.borough, c.ward_nearest,
      ${codes},
      t.outcome_linked, t.removal_more_than_outer, t.part_of_operation, t.operation_name, t.street_name
    FROM typed_v t
    JOIN file_map m ON m.file = t.file
    LEFT JOIN coord_area c ON c.latitude = t.latitude AND c.longitude = t.longitude
    ${joins}
    WHERE t.reason IS NULL`);
}

/** Bad rows go to quarantine with their physical line and text (CSV) or record and JSON (API). */
async function quarantineRows(conn: DuckDBConnection, files: Prepared[], stats: Map<number, FileStats>) {
  const withBad = files.filter((f) => (stats.get(f.index)?.bad ?? 0) > 0);
  if (withBad.length > 0) {
    const csv = csvFiles(withBad);
    const lines = csv.length ? csv.map((f) => csvLinesOfRecordsSql(f.index, f.plain)).join(' UNION ALL ') : null;
    await conn.run(`INSERT INTO quarantine
      SELECT m.source_id, coalesce(l.line, t.record), coalesce(l.raw, t.raw), t.reason
      FROM typed_v t JOIN file_map m ON m.file = t.file
      ${lines ? `LEFT JOIN (${lines}) l ON l.file = t.file AND l.record = t.record` : 'LEFT JOIN (SELECT NULL::INTEGER AS file, NULL::INTEGER AS record, NULL::INTEGER AS line, NULL::VARCHAR AS raw) l ON false'}
      WHERE t.reason IS NOT NULL AND t.file IN (${withBad.map((f) => f.index).join(', ')})`);
  }
  for (const f of files)
    for (const u of f.unparsable)
      await conn.run('INSERT INTO quarantine VALUES ($1, $2, $3, $4)', [f.report.sourceId!, u.line, u.raw, u.reason]);
}

async function finish(run: ImportRun, files: Prepared[], stats: Map<number, FileStats>, unknown: Map<number, FileReport['unknownLabels']>) {
  const ids = files.map((f) => f.report.sourceId!).join(', ');
  const placed = await rowsOf<{ source_id: number; loaded: number; located: number; placed: number }>(
    run.conn,
    `SELECT source_id, count(*)::INTEGER AS loaded, count(*) FILTER (WHERE located)::INTEGER AS located, count(borough)::INTEGER AS placed
     FROM stop_search WHERE source_id IN (${ids}) GROUP BY source_id`
  );
  const problems = await rowsOf<{ source_id: number; line: number; reason: string }>(
    run.conn,
    `SELECT source_id, line, reason FROM quarantine WHERE source_id IN (${ids})
     QUALIFY row_number() OVER (PARTITION BY source_id ORDER BY line) <= 20 ORDER BY source_id, line`
  );
  for (const f of files) {
    const id = f.report.sourceId!;
    const p = placed.find((x) => x.source_id === id) ?? { loaded: 0, located: 0, placed: 0 };
    const quarantined = (stats.get(f.index)?.bad ?? 0) + f.unparsable.length;
    Object.assign(f.report, {
      status: 'loaded',
      loaded: p.loaded,
      quarantined,
      located: p.located,
      unlocated: p.loaded - p.located,
      placed: p.placed,
      outsideAreas: p.located - p.placed,
      unknownLabels: unknown.get(f.index) ?? []
    } satisfies Partial<FileReport>);
    await finishSource(run, id, { read: f.report.read, loaded: p.loaded, quarantined, replaces: f.report.replaced?.sourceId });
    for (const u of f.report.unknownLabels ?? [])
      await run.conn.run('INSERT INTO unknown_labels VALUES ($1, $2, $3, $4)', [id, u.dimension, u.raw, u.rows]);
    describeFile(f.report, problems.filter((x) => x.source_id === id));
  }
}

/** Runs `fn` over `items` with at most `limit` at a time, keeping their order. */
async function mapLimit<T, R>(items: T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i], i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}
