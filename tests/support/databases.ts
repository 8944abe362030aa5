import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openDatabase, type Database } from '../../src/core/db/client.ts';

/**
 * The workflow database tests run against every engine Scrutineer supports: PGlite always, and a
 * real PostgreSQL server when TEST_DATABASE_URL names one (CI starts Debian's postgresql for this).
 * Each call gets a fresh, empty database.
 */
export interface DatabaseTarget {
  name: 'pglite' | 'postgres';
  open(): Promise<Database & { dispose(): Promise<void> }>;
}

export const postgresUrl = process.env.TEST_DATABASE_URL ?? null;

export function databaseTargets(): DatabaseTarget[] {
  const targets: DatabaseTarget[] = [{ name: 'pglite', open: openPglite }];
  if (postgresUrl) targets.push({ name: 'postgres', open: () => openPostgres(postgresUrl) });
  else console.warn('TEST_DATABASE_URL is not set: database tests run on PGlite only (CI runs them on PostgreSQL too).');
  return targets;
}

async function openPglite() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'scrutineer-pglite-'));
  const db = await openDatabase({ dataDir: dir, databaseUrl: null });
  return {
    ...db,
    async dispose() {
      await db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  };
}

async function openPostgres(adminUrl: string) {
  const name = `scrutineer_test_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const db = await openDatabase({ dataDir: os.tmpdir(), databaseUrl: url.toString() });
  return {
    ...db,
    async dispose() {
      await db.close();
      const a = new pg.Client({ connectionString: adminUrl });
      await a.connect();
      // pool.end() returns before the server has let go of every connection; forcing the drop then
      // kills a closing one, whose FATAL 57P01 reaches a client nobody listens to any more.
      for (let i = 0; i < 50; i++) {
        const { rows } = await a.query('SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1', [name]);
        if (rows[0].n === 0) break;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
    }
  };
}
