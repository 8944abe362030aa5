import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { importFiles } from '../src/core/import/import.ts';
import type { ImportReport } from '../src/core/import/report.ts';
import { projectRoot } from '../src/core/paths.ts';
import { Warehouse } from '../src/core/warehouse/warehouse.ts';
import { int, ratio, secs, target, timed, WAREHOUSE, type BenchEnv, type Benchmark } from './support.ts';

/**
 * The importer on the 85 archive CSVs (about 1.07 million rows), with LSOA, ward and borough
 * assignment, against DuckDB's own reading of the same files in the same process and settings.
 */
const TARGET_ROWS_PER_SECOND = 200_000;
const TARGET_TIMES_DUCKDB = 3;
const TARGET_PEAK_MB = 1.5 * 1024;

/** Boundaries the records are placed in: LSOAs (borough from their parent), 2022 wards, boroughs. */
const BOUNDARIES = [
  'boundaries/lsoa/london_lsoa2021_gla_wgs84.geojson.gz',
  'boundaries/ward/london_wards_2022_WD22_drkane_generalised_wgs84.geojson',
  'boundaries/borough/london_boroughs_gla_wgs84.geojson'
];
const ARCHIVE = 'police-uk/stop-and-search/archive-csv';

export const importBenchmark: Benchmark = {
  name: 'import: 85 archive CSVs with area assignment',
  async run(env) {
    const archive = path.join(env.dataDir, ARCHIVE);
    const csvs = fs.readdirSync(archive).filter((f) => f.endsWith('.csv.gz')).sort().map((f) => path.join(archive, f));
    env.print(`files: ${csvs.length} archive CSVs in ${archive}`);

    const prepared = await prepareBoundaries(env);
    const child = await importInChild(copyOf(prepared, env, 'child'), archive);
    const inProcess = await importInProcess(copyOf(prepared, env, 'in-process'), archive);
    const duck = await duckdbReads(env, csvs);

    printFigures(env, { inProcess, child, duck });
  }
};

interface Figures {
  inProcess: Awaited<ReturnType<typeof importInProcess>>;
  child: ChildResult;
  duck: Awaited<ReturnType<typeof duckdbReads>>;
}

function printFigures(env: BenchEnv, { inProcess, child, duck }: Figures) {
  const rate = (rows: number, s: number) => int(rows / s);
  const runs = (r: number[]) => `(fastest of ${r.map((x) => x.toFixed(2)).join(', ')})`;
  const vsDuck = (s: number) => inProcess.seconds / s;
  const peakMb = child.maxRssKb / 1024;
  env.print();
  env.print('importer (importFiles on the archive-csv folder, boundaries loaded beforehand):');
  env.print(`  in this process   ${int(inProcess.rows)} rows  ${secs(inProcess.seconds)}  ${rate(inProcess.rows, inProcess.seconds)} rows/s`);
  env.print(`  in a child        ${int(child.rows)} rows  ${secs(child.seconds)}  ${rate(child.rows, child.seconds)} rows/s`);
  if (inProcess.problems) env.print(`  note: ${inProcess.problems}`);
  const phases = Object.entries(inProcess.phases).filter(([, ms]) => ms >= 50);
  env.print(`  phases in this process: ${phases.map(([name, ms]) => `${name} ${secs(ms / 1000)}`).join(', ')}`);
  if (child.failed) env.print(`  note: ${child.failed} file(s) failed in the child`);
  env.print('DuckDB alone on the same files, in this process, 2 threads, 1GB (ratios use the in-process import):');
  env.print(`  CREATE TABLE AS read_csv (default detection)  ${int(duck.createRows)} rows  ${secs(duck.create)} ${runs(duck.createRuns)}  importer/DuckDB ${ratio(vsDuck(duck.create))}`);
  env.print(`  count(*) read_csv all_varchar                 ${int(duck.countRows)} rows  ${secs(duck.count)} ${runs(duck.countRuns)}  importer/DuckDB ${ratio(vsDuck(duck.count))}`);
  env.print(`peak memory of the child import (maxRSS): ${int(peakMb)} MB (${int(child.rssAtStartKb / 1024)} MB before importing)`);
  env.print();
  env.print('targets:');
  const rowsPerSecond = inProcess.rows / inProcess.seconds;
  env.print(target(rowsPerSecond >= TARGET_ROWS_PER_SECOND, `throughput >= ${int(TARGET_ROWS_PER_SECOND)} rows/s`, `${int(rowsPerSecond)} rows/s`));
  env.print(target(vsDuck(duck.create) <= TARGET_TIMES_DUCKDB, `within ${TARGET_TIMES_DUCKDB}× of DuckDB's read (CREATE TABLE)`, ratio(vsDuck(duck.create))));
  env.print(target(vsDuck(duck.count) <= TARGET_TIMES_DUCKDB, `within ${TARGET_TIMES_DUCKDB}× of DuckDB's read (count all_varchar)`, ratio(vsDuck(duck.count))));
  env.print(target(peakMb < TARGET_PEAK_MB, `peak memory < 1.5 GB (${int(TARGET_PEAK_MB)} MB)`, `${int(peakMb)} MB`));
}

/** A fresh data folder holding only the boundaries, built once and copied for each run. */
async function prepareBoundaries(env: BenchEnv): Promise<string> {
  const dir = path.join(env.scratch, 'boundaries');
  const wh = await Warehouse.open({ path: path.join(dir, 'warehouse.duckdb'), ...WAREHOUSE });
  try {
    const { value: report, seconds } = await timed(() =>
      importFiles(wh, dir, { paths: BOUNDARIES.map((b) => path.join(env.dataDir, b)) })
    );
    env.print(`boundaries: ${report.files.map((f) => `${f.loaded} ${path.basename(path.dirname(f.path))}`).join(', ')} loaded in ${secs(seconds)} (not timed below)`);
  } finally {
    await wh.close();
  }
  return dir;
}

function copyOf(dir: string, env: BenchEnv, name: string): string {
  const copy = path.join(env.scratch, name);
  fs.cpSync(dir, copy, { recursive: true });
  return copy;
}

async function importInProcess(dataDir: string, archive: string) {
  const wh = await Warehouse.open({ path: path.join(dataDir, 'warehouse.duckdb'), ...WAREHOUSE });
  try {
    const { value: report, seconds } = await timed(() => importFiles(wh, dataDir, { paths: [archive] }));
    return { rows: report.totals.read, seconds, problems: problemsOf(report), phases: report.phases ?? {} };
  } finally {
    await wh.close();
  }
}

function problemsOf(r: ImportReport): string | null {
  const failed = r.files.filter((f) => f.status === 'failed');
  if (failed.length) return `${failed.length} file(s) failed: ${failed[0].messages[0]}`;
  if (r.totals.loaded !== r.totals.read) return `${int(r.totals.read - r.totals.loaded)} rows not loaded (quarantined or skipped)`;
  return null;
}

interface ChildResult {
  rows: number;
  failed: number;
  seconds: number;
  rssAtStartKb: number;
  maxRssKb: number;
}

/** The same import in a child process, whose peak resident memory is then the import's alone. */
function importInChild(dataDir: string, archive: string): Promise<ChildResult> {
  const root = projectRoot();
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', path.join(root, 'bench', 'import-child.ts'), dataDir, archive],
      { cwd: root, maxBuffer: 16 * 1024 * 1024 },
      (err, stdout, stderr) => {
        if (err) return reject(new Error(`the child import failed: ${err.message}\n${stderr}`));
        const last = stdout.trim().split('\n').pop() ?? '';
        try {
          resolve(JSON.parse(last) as ChildResult);
        } catch {
          reject(new Error(`the child import printed no result: ${stdout}\n${stderr}`));
        }
      }
    );
  });
}

/** Each DuckDB read is repeated and the fastest kept: it is short, so a busy machine sways it most. */
const DUCKDB_REPEATS = 3;

/** DuckDB reading the gzipped CSVs itself, in a fresh file database with the warehouse's settings. */
async function duckdbReads(env: BenchEnv, csvs: string[]) {
  const instance = await DuckDBInstance.create(path.join(env.scratch, 'duckdb-read.duckdb'), {
    threads: String(WAREHOUSE.threads),
    memory_limit: WAREHOUSE.memoryLimit
  });
  const conn = await instance.connect();
  try {
    const list = `[${csvs.map((f) => `'${f.replace(/'/g, "''")}'`).join(', ')}]`;
    const count = async (sql: string) => Number((await conn.runAndReadAll(sql)).getRows()[0][0]);
    const create: number[] = [];
    const counts: number[] = [];
    let countRows = 0;
    for (let i = 0; i < DUCKDB_REPEATS; i++) {
      create.push((await timed(() => conn.run(`CREATE OR REPLACE TABLE t AS SELECT * FROM read_csv(${list})`))).seconds);
      const counted = await timed(() => count(`SELECT count(*) FROM read_csv(${list}, all_varchar = true)`));
      counts.push(counted.seconds);
      countRows = counted.value;
    }
    const createRows = await count('SELECT count(*) FROM t');
    return { create: Math.min(...create), createRuns: create, createRows, count: Math.min(...counts), countRuns: counts, countRows };
  } finally {
    conn.closeSync();
    instance.closeSync();
  }
}
