import type { DuckDBConnection } from '@duckdb/node-api';
import type { Format } from './formats.ts';
import type { SourceInput } from './sources.ts';

/** What one import command shares between its files: one connection, inside one transaction. */
export interface ImportRun {
  conn: DuckDBConnection;
  tmpDir: string;
  importsDir: string;
  importedAt: Date;
  /** Force to use for police files whose name does not say (the `--force` option). */
  force: string | null;
  /** Counts boundary changes, so police files after them are placed with the new areas. */
  boundaryVersion: number;
  /** Milliseconds spent in each phase of the import, summed over files (see `timePhase`). */
  phases: Record<string, number>;
}

/** Runs `fn`, adding the milliseconds it took to `phases[name]`: the report shows where time goes. */
export async function timePhase<T>(phases: Record<string, number>, name: string, fn: () => Promise<T>): Promise<T> {
  const started = performance.now();
  try {
    return await fn();
  } finally {
    phases[name] = Math.round((phases[name] ?? 0) + performance.now() - started);
  }
}

export async function rowsOf<T>(conn: DuckDBConnection, sql: string, params?: unknown[]): Promise<T[]> {
  return (await conn.runAndReadAll(sql, params as never)).getRowObjectsJson() as T[];
}

export interface NewSource {
  src: SourceInput;
  format: Format;
  force?: string | null;
  month?: string | null;
  detail?: string | null;
  storedCopy: string | null;
}

/** Records a source before its rows (they point at its id); counts are filled in by `finishSource`. */
export async function insertSource(run: ImportRun, s: NewSource): Promise<number> {
  const [{ id }] = await rowsOf<{ id: number }>(
    run.conn,
    `INSERT INTO sources (origin, sha256, size, format, force, month, detail, retrieved_at, imported_at,
       rows_read, rows_loaded, rows_quarantined, status, stored_copy)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8::TIMESTAMPTZ, $9::TIMESTAMPTZ, 0, 0, 0, 'current', $10) RETURNING id`,
    [
      s.src.origin,
      s.src.sha256,
      s.src.size,
      s.format,
      s.force ?? null,
      s.month ?? null,
      s.detail ?? null,
      s.src.modifiedAt?.toISOString() ?? null,
      run.importedAt.toISOString(),
      s.storedCopy
    ]
  );
  return id;
}

export async function finishSource(
  run: ImportRun,
  id: number,
  counts: { read: number; loaded: number; quarantined: number; month?: string | null; replaces?: number | null }
): Promise<void> {
  await run.conn.run(
    `UPDATE sources SET rows_read = $2, rows_loaded = $3, rows_quarantined = $4,
       month = coalesce($5, month), replaces = $6 WHERE id = $1`,
    [id, counts.read, counts.loaded, counts.quarantined, counts.month ?? null, counts.replaces ?? null]
  );
}

/** Marks earlier sources superseded by `id`; the caller deletes their rows. */
export async function supersede(run: ImportRun, oldIds: number[], id: number): Promise<void> {
  for (const old of oldIds)
    await run.conn.run(`UPDATE sources SET status = 'superseded', superseded_by = $2 WHERE id = $1`, [old, id]);
}

export const sqlString = (s: string) => `'${s.replace(/'/g, "''")}'`;
