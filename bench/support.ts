import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { importFiles } from '../src/core/import/import.ts';
import { sharedDataDir } from '../src/core/paths.ts';
import { Warehouse } from '../src/core/warehouse/warehouse.ts';

/**
 * What every benchmark gets: where the real data is, a scratch folder removed at the end, and one
 * way to print figures and targets, so a reader can compare runs line by line.
 */
export interface BenchEnv {
  dataDir: string;
  scratch: string;
  print(line?: string): void;
}

export interface Benchmark {
  name: string;
  run(env: BenchEnv): Promise<void>;
}

export function sharedData(): { dir: string; present: boolean } {
  const dir = sharedDataDir();
  return { dir, present: fs.existsSync(dir) };
}

export function makeScratch(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'scrutineer-bench-'));
}

/** Runs `fn` and gives its result with the wall-clock seconds it took. */
export async function timed<T>(fn: () => Promise<T>): Promise<{ value: T; seconds: number }> {
  const started = performance.now();
  const value = await fn();
  return { value, seconds: (performance.now() - started) / 1000 };
}

const grouped = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });
export const int = (n: number) => grouped.format(n);
export const secs = (s: number) => `${s.toFixed(2)} s`;
export const ratio = (r: number) => `${r.toFixed(1)}×`;

/** One target line: PASS or MISS, the target, and the figure it was judged on. */
export function target(pass: boolean, goal: string, figure: string): string {
  return `  ${pass ? 'PASS' : 'MISS'}  ${goal.padEnd(56)} ${figure}`;
}

/** Load average and cores, printed with the figures: the machine may be shared with other work. */
export function machine(): string {
  const load = os.loadavg().map((l) => l.toFixed(2)).join(' ');
  return `${os.cpus().length} cores, load average ${load}, node ${process.version}`;
}

/** The warehouse settings of a default install (SCRUTINEER_DUCKDB_*), used by every benchmark. */
export const WAREHOUSE = { memoryLimit: '1GB', threads: 2, queryTimeoutMs: 60_000 };

/**
 * A warehouse holding all of ../shared/data, in a folder under the scratch folder, for benchmarks
 * that read figures or pages rather than import. The caller closes it.
 */
export async function importedWarehouse(env: BenchEnv, folder = 'all-data'): Promise<Warehouse> {
  const dir = path.join(env.scratch, folder);
  const wh = await Warehouse.open({ path: path.join(dir, 'warehouse.duckdb'), ...WAREHOUSE });
  const { value: report, seconds } = await timed(() => importFiles(wh, dir, { paths: [env.dataDir] }));
  env.print(`imported all of ${env.dataDir}: ${int(report.totals.loaded)} rows in ${secs(seconds)}`);
  return wh;
}
