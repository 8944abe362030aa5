import fs from 'node:fs';
import path from 'node:path';
import type { Warehouse } from '../warehouse/warehouse.ts';
import { loadAssigner, reassignAll, type AreaAssigner } from './areas.ts';
import { importBoundaries } from './boundaries.ts';
import { importCensus } from './census.ts';
import { recognise, type Format, type Recognised } from './formats.ts';
import { importLookup } from './lookups.ts';
import { importWardPopulation } from './ward-population.ts';
import { emptyFileReport, isBalanced, totalsOf, type FileReport, type ImportReport } from './report.ts';
import { rowsOf, timePhase, type ImportRun } from './run.ts';
import { expandPaths, type SourceInput } from './sources.ts';
import { importStopsBatch, type StopFile } from './stops/batch.ts';

export interface ImportOptions {
  paths: string[];
  /** Force for police files whose names do not say. */
  force?: string | null;
  /** Called as each file starts, for a progress bar. */
  onProgress?: (done: number, total: number, file: string) => void;
}

interface Planned {
  src: SourceInput;
  kind: Recognised;
}

/** Boundaries before the data placed in them; lookups and population next; police files last. */
const order: Record<Format, number> = {
  boundaries: 0,
  lookup: 1,
  'census-ts021': 2,
  'ward-population': 2,
  'police-uk-stop-search-csv': 3,
  'police-uk-stop-search-json': 3,
  unknown: 4
};

/**
 * Imports files, folders and zips into the warehouse in ONE transaction: a crash or kill part-way
 * leaves the warehouse exactly as it was. A file that cannot be read is reported and contributes
 * nothing; the others still load. Bytes imported before are skipped.
 */
export async function importFiles(wh: Warehouse, dataDir: string, opts: ImportOptions): Promise<ImportReport> {
  const started = Date.now();
  const phases: Record<string, number> = {};
  const { sources, unreadable } = await timePhase(phases, 'hash sources', () => expandPaths(opts.paths));
  const reports: FileReport[] = unreadable.map((u) => ({ ...emptyFileReport(u.origin, 'unknown'), status: 'failed', messages: [u.error] }));
  const planned = await timePhase(phases, 'recognise formats', () => plan(sources, reports));
  // We hold the data folder's lock, so anything in tmp/ was left by an import that was killed.
  const tmpRoot = path.join(dataDir, 'imports', 'tmp');
  fs.rmSync(tmpRoot, { recursive: true, force: true });
  const tmpDir = fs.mkdtempSync(path.join(ensureDir(tmpRoot), 'run-'));
  let reassigned: number | undefined;
  try {
    await wh.exclusive(async () => {
      const run: ImportRun = {
        conn: wh.connection,
        tmpDir,
        importsDir: path.join(dataDir, 'imports'),
        importedAt: new Date(),
        force: opts.force ?? null,
        boundaryVersion: 0,
        phases
      };
      const [{ n: before }] = await rowsOf<{ n: number }>(run.conn, 'SELECT count(*)::INTEGER AS n FROM stop_search');
      await run.conn.run('BEGIN TRANSACTION');
      try {
        const assigner = assignerCache(run);
        const stops: StopFile[] = [];
        for (const [i, p] of planned.entries()) {
          opts.onProgress?.(i, planned.length, p.src.origin);
          reports.push(await importOne(run, p, stops));
        }
        if (stops.length) await importStopsBatch(run, stops, assigner);
        opts.onProgress?.(planned.length, planned.length, '');
        if (run.boundaryVersion > 0 && before > 0)
          reassigned = await timePhase(phases, 'reassign areas', async () => reassignAll(run.conn, await assigner()));
        await timePhase(run.phases, 'commit', () => run.conn.run('COMMIT'));
      } catch (err) {
        await run.conn.run('ROLLBACK');
        throw err;
      }
    });
  } finally {
    wh.invalidate();
    fs.rmSync(tmpDir, { recursive: true, force: true });
  }
  const totals = totalsOf(reports);
  return { files: reports, totals, balanced: isBalanced(totals) && reports.every(isBalanced), reassigned, durationMs: Date.now() - started, phases };
}

async function plan(sources: SourceInput[], reports: FileReport[]): Promise<Planned[]> {
  const planned: Planned[] = [];
  for (const src of sources) {
    try {
      planned.push({ src, kind: recognise(await src.head(), src.name) });
    } catch (err) {
      reports.push({ ...fileReport(src, 'unknown'), status: 'failed', messages: [(err as Error).message] });
    }
  }
  return planned.sort((a, b) => order[a.kind.format] - order[b.kind.format]);
}

function fileReport(src: SourceInput, format: Format): FileReport {
  return { ...emptyFileReport(src.origin, format), sha256: src.sha256, size: src.size };
}

/** Loads one file, except police files, which are queued in `stops` and loaded together. */
async function importOne(run: ImportRun, { src, kind }: Planned, stops: StopFile[]): Promise<FileReport> {
  const report = fileReport(src, kind.format);
  if (kind.problem) return { ...report, status: 'failed', messages: [kind.problem] };
  if (kind.format === 'unknown') return { ...report, messages: [`skipped: ${kind.reason}`] };
  const seen = await rowsOf<{ id: number; origin: string; rows_read: number; imported_at: string }>(
    run.conn,
    `SELECT id, origin, rows_read, imported_at::VARCHAR AS imported_at FROM sources WHERE sha256 = $1 AND format = $2 ORDER BY id LIMIT 1`,
    [src.sha256, kind.format]
  );
  if (seen.length > 0) {
    const s = seen[0];
    return { ...report, read: s.rows_read, skipped: s.rows_read, sourceId: s.id, messages: [`already loaded (source ${s.id}, from ${s.origin})`] };
  }
  try {
    const stored = await timePhase(run.phases, 'store copies', () => storeCopy(run, src));
    if (kind.format === 'boundaries') await importBoundaries(run, src, report, stored);
    else if (kind.format === 'census-ts021') await importCensus(run, src, report, stored);
    else if (kind.format === 'ward-population') await importWardPopulation(run, src, report, stored);
    else if (kind.format === 'lookup') await importLookup(run, src, kind.lookupKind!, report, stored);
    else stops.push({ src, format: kind.format, header: kind.header, report, storedCopy: stored });
    return report;
  } catch (err) {
    if (isInternal(err)) throw err;
    return { ...fileReport(src, kind.format), status: 'failed', messages: [(err as Error).message] };
  }
}

/** DuckDB failures that are not about the file (out of memory, I/O) must abort the whole import. */
function isInternal(err: unknown): boolean {
  const msg = (err as Error).message ?? '';
  return /out of memory|INTERNAL Error|I\/O Error|disk/i.test(msg) && !/read_csv|CSV/i.test(msg);
}

/** Raw copies are content-addressed, so a copy of the same bytes is kept once. */
async function storeCopy(run: ImportRun, src: SourceInput): Promise<string> {
  const ext = src.name.includes('.') ? src.name.slice(src.name.indexOf('.')) : '';
  const rel = path.join(src.sha256.slice(0, 2), `${src.sha256}${ext}`);
  const dest = path.join(run.importsDir, rel);
  if (!fs.existsSync(dest)) await src.copyTo(dest);
  return path.join('imports', rel);
}

/** The assigner is built when first needed and rebuilt after boundaries change. */
function assignerCache(run: ImportRun) {
  let cached: Promise<AreaAssigner | null> | null = null;
  let builtFor = -1;
  return () => {
    if (!cached || builtFor !== run.boundaryVersion) {
      builtFor = run.boundaryVersion;
      cached = loadAssigner(run.conn);
    }
    return cached;
  };
}

function ensureDir(dir: string): string {
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}
