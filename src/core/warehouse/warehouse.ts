import fs from 'node:fs';
import path from 'node:path';
import { DuckDBConnection, DuckDBInstance, type DuckDBValue } from '@duckdb/node-api';
import { Unavailable } from '../errors.ts';
import { projectRoot } from '../paths.ts';
import { enumTypesSql } from '../police-data/vocabulary.ts';

export type Row = Record<string, unknown>;
export type Params = DuckDBValue[] | Record<string, DuckDBValue>;

export interface WarehouseOptions {
  /** A file path, or ':memory:' for tests. */
  path: string;
  memoryLimit: string;
  threads: number;
  queryTimeoutMs: number;
}

/** Reads a .sql file kept beside the code that runs it. */
export function readSql(name: string, dir = path.join(projectRoot(), 'src', 'core', 'warehouse')): string {
  return fs.readFileSync(path.join(dir, name), 'utf8');
}

/**
 * The DuckDB warehouse. One connection serves one query at a time, so calls are queued; every
 * query is time-boxed (interrupted past its limit) so a public page can never hang the server.
 */
export class Warehouse {
  private queue: Promise<unknown> = Promise.resolve();
  private memos = new Map<string, Promise<unknown>>();

  private constructor(
    private readonly instance: DuckDBInstance,
    readonly connection: DuckDBConnection,
    readonly options: WarehouseOptions
  ) {}

  static async open(options: WarehouseOptions): Promise<Warehouse> {
    if (options.path !== ':memory:') fs.mkdirSync(path.dirname(options.path), { recursive: true });
    const instance = await DuckDBInstance.create(options.path, {
      memory_limit: options.memoryLimit,
      threads: String(options.threads)
    });
    const connection = await instance.connect();
    // Timestamps without an offset are read as UTC whatever the machine's zone; London dates are explicit.
    await connection.run(`SET TimeZone = 'UTC'`);
    const wh = new Warehouse(instance, connection, options);
    await wh.migrate();
    return wh;
  }

  private async migrate(): Promise<void> {
    await this.connection.run(enumTypesSql());
    await this.connection.run(readSql('schema.sql'));
  }

  /** Runs one statement (or a script) with no time limit: for imports and maintenance. */
  run(sql: string, params?: Params): Promise<void> {
    return this.exclusive(async () => {
      await this.connection.run(sql, params);
    });
  }

  /** Reads rows as JSON-friendly objects (BIGINT and HUGEINT arrive as strings). Time-boxed. */
  query<T extends Row = Row>(sql: string, params?: Params, timeoutMs = this.options.queryTimeoutMs): Promise<T[]> {
    return this.exclusive(() => this.timeBoxed(sql, params, timeoutMs));
  }

  /** Reads rows without queueing: only for use inside `exclusive` (an import's transaction). */
  async read<T extends Row = Row>(sql: string, params?: Params): Promise<T[]> {
    const reader = await this.connection.runAndReadAll(sql, params);
    return reader.getRowObjectsJson() as T[];
  }

  /**
   * Remembers a small, slow-changing answer (the areas in use, the months loaded) until the data
   * changes: `invalidate` is called by every import. One process owns the warehouse, so nothing
   * else can change it behind our back.
   */
  memo<T>(key: string, fn: () => Promise<T>): Promise<T> {
    let hit = this.memos.get(key) as Promise<T> | undefined;
    if (!hit) {
      hit = fn();
      this.memos.set(key, hit);
      hit.catch(() => this.memos.delete(key));
    }
    return hit;
  }

  invalidate(): void {
    this.memos.clear();
  }

  /** Gives `fn` the connection alone until it settles (imports, transactions). */
  exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const next = this.queue.then(fn, fn);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async timeBoxed<T>(sql: string, params: Params | undefined, timeoutMs: number): Promise<T[]> {
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      this.connection.interrupt();
    }, timeoutMs);
    try {
      const reader = await this.connection.runAndReadAll(sql, params);
      return reader.getRowObjectsJson() as T[];
    } catch (err) {
      if (timedOut) throw new Unavailable(`The query took longer than ${timeoutMs} ms and was stopped.`, { timeoutMs });
      throw err;
    } finally {
      clearTimeout(timer);
    }
  }

  async close(): Promise<void> {
    await this.queue;
    this.connection.closeSync();
    this.instance.closeSync();
  }
}

