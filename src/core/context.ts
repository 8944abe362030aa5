import path from 'node:path';
import type { AppConfig } from './config.ts';
import { openDatabase, type Database } from './db/client.ts';
import { acquireDataFolderLock, type DataFolderLock } from './storage/lock.ts';
import { Warehouse } from './warehouse/warehouse.ts';

export interface Clock {
  now(): Date;
}

export interface Log {
  debug(msg: string, extra?: Record<string, unknown>): void;
  info(msg: string, extra?: Record<string, unknown>): void;
  warn(msg: string, extra?: Record<string, unknown>): void;
  error(msg: string, extra?: Record<string, unknown>): void;
}

/** Everything a use case may touch outside itself. Tests build one over a temporary folder. */
export interface Context {
  config: AppConfig;
  db: Database;
  warehouse: Warehouse;
  clock: Clock;
  log: Log;
  /** Folder of content-addressed files (evidence, archived sources). */
  filesDir: string;
  close(): Promise<void>;
}

export const systemClock: Clock = { now: () => new Date() };

const levels = ['debug', 'info', 'warn', 'error', 'silent'] as const;

/** Logs one line of JSON per event to standard error, from `level` up. */
export function createLog(level: AppConfig['logLevel'], write: (line: string) => void = (l) => process.stderr.write(l + '\n')): Log {
  const min = levels.indexOf(level);
  const at = (lvl: (typeof levels)[number]) => (msg: string, extra?: Record<string, unknown>) => {
    if (levels.indexOf(lvl) >= min) write(JSON.stringify({ time: new Date().toISOString(), level: lvl, msg, ...extra }));
  };
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

export interface ContextOptions {
  /** Names the owner in the lock file, e.g. "scrutineer import". */
  command: string;
  clock?: Clock;
  log?: Log;
  /** The workflow database is skipped by commands that only need the warehouse (import, figures). */
  database?: boolean;
}

/**
 * Takes the data folder (one process at a time), opens the warehouse and, unless told not to, the
 * workflow database with its migrations. Nothing opens at module import time.
 */
export async function createContext(config: AppConfig, opts: ContextOptions): Promise<Context> {
  const lock: DataFolderLock = acquireDataFolderLock(config.dataDir, opts.command);
  let warehouse: Warehouse | null = null;
  let db: Database | null = null;
  try {
    warehouse = await Warehouse.open({
      path: path.join(config.dataDir, 'warehouse.duckdb'),
      memoryLimit: config.duckdb.memoryLimit,
      threads: config.duckdb.threads,
      queryTimeoutMs: config.duckdb.queryTimeoutMs
    });
    if (opts.database !== false) db = await openDatabase({ dataDir: config.dataDir, databaseUrl: config.databaseUrl });
  } catch (err) {
    await warehouse?.close();
    lock.release();
    throw err;
  }
  const wh = warehouse;
  const database = db;
  return {
    config,
    warehouse: wh,
    get db(): Database {
      if (!database) throw new Error('This command opened no workflow database.');
      return database;
    },
    clock: opts.clock ?? systemClock,
    log: opts.log ?? createLog(config.logLevel),
    filesDir: path.join(config.dataDir, 'files'),
    async close() {
      await database?.close();
      await wh.close();
      lock.release();
    }
  };
}
