import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { importFiles, type ImportOptions } from '../../../src/core/import/import.ts';
import type { FileReport, ImportReport } from '../../../src/core/import/report.ts';
import { Warehouse, type WarehouseOptions } from '../../../src/core/warehouse/warehouse.ts';

/** Every table of the warehouse schema (schema.sql). */
export const TABLES = ['sources', 'stop_search', 'labels', 'quarantine', 'unknown_labels', 'areas', 'area_links', 'population', 'ward_population'] as const;

export function tempDir(prefix = 'scrutineer-import-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export function warehouseOptions(dataDir: string): WarehouseOptions {
  return { path: path.join(dataDir, 'warehouse.duckdb'), memoryLimit: '512MB', threads: 2, queryTimeoutMs: 10_000 };
}

/** A warehouse in a fresh temp folder: `dataDir` is the data folder, `inputDir` a place for test inputs. */
export interface TempWarehouse {
  root: string;
  dataDir: string;
  inputDir: string;
  wh: Warehouse;
  import(paths: string[], opts?: Omit<ImportOptions, 'paths'>): Promise<ImportReport>;
  reopen(): Promise<void>;
  close(): Promise<void>;
}

export async function openTempWarehouse(): Promise<TempWarehouse> {
  const root = tempDir();
  const dataDir = path.join(root, 'data');
  const inputDir = path.join(root, 'in');
  fs.mkdirSync(inputDir, { recursive: true });
  const t: TempWarehouse = {
    root,
    dataDir,
    inputDir,
    wh: await Warehouse.open(warehouseOptions(dataDir)),
    import: (paths, opts = {}) => importFiles(t.wh, dataDir, { paths, ...opts }),
    async reopen() {
      await t.wh.close();
      t.wh = await Warehouse.open(warehouseOptions(dataDir));
    },
    async close() {
      try {
        await t.wh.close();
      } finally {
        fs.rmSync(root, { recursive: true, force: true });
      }
    }
  };
  return t;
}

/** Row count and an order-independent checksum of every table: equal states give equal results. */
export async function tableState(wh: Warehouse): Promise<Record<string, { rows: number; checksum: string }>> {
  const state: Record<string, { rows: number; checksum: string }> = {};
  for (const table of TABLES) {
    const [r] = await wh.query<{ rows: number; checksum: string }>(
      `SELECT count(*)::INTEGER AS rows, coalesce(sum(hash(t)), 0)::VARCHAR AS checksum FROM ${table} AS t`
    );
    state[table] = r;
  }
  return state;
}

/** The one file report whose path ends with `name`. */
export function reportOf(report: ImportReport, name: string): FileReport {
  const found = report.files.filter((f) => f.path.endsWith(name));
  if (found.length !== 1) throw new Error(`expected one report for ${name}, found ${found.length}: ${report.files.map((f) => f.path).join(', ')}`);
  return found[0];
}

export async function count(wh: Warehouse, sql: string, params?: Array<string | number>): Promise<number> {
  const [r] = await wh.query<{ n: number }>(`SELECT (${sql})::INTEGER AS n`, params);
  return r.n;
}
