import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { importFiles } from '../../../src/core/import/import.ts';
import type { ImportReport } from '../../../src/core/import/report.ts';
import { projectRoot } from '../../../src/core/paths.ts';
import { Warehouse } from '../../../src/core/warehouse/warehouse.ts';
import { SHARED } from './shared-data.ts';

/**
 * The whole of ../shared/data imported once per test process into a temporary data folder, then
 * imported again by the CLI into the same folder (which must load nothing new). Test files share
 * it through this module-level promise; the import takes 15–30 s on two cores.
 */
export interface ImportedData {
  dataDir: string;
  warehouse: Warehouse;
  report: ImportReport;
  importSeconds: number;
  cli: { exitCode: number; report: ImportReport; seconds: number; stderr: string };
}

let pending: Promise<ImportedData> | null = null;

export function importedSharedData(): Promise<ImportedData> {
  return (pending ??= importAll());
}

export async function releaseSharedData(): Promise<void> {
  if (!pending) return;
  const data = await pending.catch(() => null);
  pending = null;
  if (!data) return;
  await data.warehouse.close();
  await rm(data.dataDir, { recursive: true, force: true });
}

const openWarehouse = (dataDir: string) =>
  Warehouse.open({ path: path.join(dataDir, 'warehouse.duckdb'), memoryLimit: '1GB', threads: 2, queryTimeoutMs: 60_000 });

async function importAll(): Promise<ImportedData> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'scrutineer-real-data-'));
  try {
    const first = await openWarehouse(dataDir);
    const started = performance.now();
    let report: ImportReport;
    try {
      report = await importFiles(first, dataDir, { paths: [SHARED] });
    } finally {
      await first.close();
    }
    const importSeconds = (performance.now() - started) / 1000;
    const cli = await cliImport(dataDir);
    return { dataDir, warehouse: await openWarehouse(dataDir), report, importSeconds, cli };
  } catch (err) {
    await rm(dataDir, { recursive: true, force: true });
    throw err;
  }
}

/** `scrutineer import ../shared/data --json` as a person would run it, in a child process. */
function cliImport(dataDir: string): Promise<ImportedData['cli']> {
  const root = projectRoot();
  const started = performance.now();
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [path.join(root, 'bin', 'scrutineer.js'), 'import', path.relative(root, SHARED), '--json'],
      { cwd: root, env: { ...process.env, SCRUTINEER_DATA_DIR: dataDir, SCRUTINEER_LOG_LEVEL: 'warn' }, maxBuffer: 256 * 1024 * 1024 },
      (err, stdout, stderr) => {
        const exitCode = err ? Number((err as NodeJS.ErrnoException & { code?: unknown }).code ?? 1) : 0;
        try {
          resolve({ exitCode, report: JSON.parse(stdout) as ImportReport, seconds: (performance.now() - started) / 1000, stderr });
        } catch {
          reject(new Error(`scrutineer import --json exited ${exitCode} without a JSON report:\n${stderr}\n${stdout.slice(0, 2000)}`));
        }
      }
    );
  });
}
