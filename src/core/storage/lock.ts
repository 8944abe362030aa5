import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Conflict } from '../errors.ts';

/**
 * PGlite and DuckDB files must have exactly one owning process: two writers silently lose data.
 * The owner writes a lock file naming itself; a lock left by a dead process is taken over.
 */
export interface LockHolder {
  pid: number;
  host: string;
  command: string;
  startedAt: string;
}

export interface DataFolderLock {
  readonly path: string;
  release(): void;
}

export const LOCK_FILE = '.scrutineer.lock';

export function acquireDataFolderLock(dataDir: string, command: string): DataFolderLock {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, LOCK_FILE);
  const me: LockHolder = { pid: process.pid, host: os.hostname(), command, startedAt: new Date().toISOString() };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      fs.writeFileSync(file, JSON.stringify(me), { flag: 'wx' });
      return lockHandle(file, me);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const holder = readHolder(file);
      if (holder && isAlive(holder)) throw lockedError(dataDir, holder);
      fs.rmSync(file, { force: true }); // stale: its process is gone
    }
  }
  throw new Conflict(`Could not take the lock on the data folder ${dataDir}; another process keeps taking it.`);
}

function lockHandle(file: string, me: LockHolder): DataFolderLock {
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    const holder = readHolder(file);
    if (holder?.pid === me.pid && holder.startedAt === me.startedAt) fs.rmSync(file, { force: true });
    process.off('exit', release);
  };
  process.on('exit', release);
  return { path: file, release };
}

function readHolder(file: string): LockHolder | null {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as LockHolder;
  } catch {
    return null; // unreadable or half-written: treat as stale
  }
}

function isAlive(holder: LockHolder): boolean {
  if (holder.host !== os.hostname()) return true; // cannot check another machine: assume it is alive
  try {
    process.kill(holder.pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function lockedError(dataDir: string, h: LockHolder): Conflict {
  return new Conflict(
    `The data folder ${dataDir} is in use by process ${h.pid} on ${h.host} ` +
      `("${h.command}", since ${h.startedAt}). Only one Scrutineer process may use a data folder at a time: ` +
      `stop that process first, or point SCRUTINEER_DATA_DIR at another folder.`,
    { holder: h }
  );
}
