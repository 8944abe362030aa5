import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Conflict } from '../../src/core/errors.ts';
import { acquireDataFolderLock, LOCK_FILE, type LockHolder } from '../../src/core/storage/lock.ts';
import { runTs, type Child } from '../import/support/child.ts';

let dataDir: string;
let holder: Child | null = null;
beforeEach(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'scrutineer-lock-'));
});
afterEach(async () => {
  if (holder && holder.proc.exitCode === null && holder.proc.signalCode === null) {
    holder.proc.kill('SIGKILL');
    await holder.exited;
  }
  holder = null;
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const lockFile = () => path.join(dataDir, LOCK_FILE);
const readLock = () => JSON.parse(fs.readFileSync(lockFile(), 'utf8')) as LockHolder;

/** Starts another process that takes the lock and keeps it. */
async function startHolder(): Promise<Child> {
  holder = runTs('tests/storage/support/hold-lock.ts', [dataDir]);
  await holder.waitFor('locked');
  return holder;
}

function conflictOf(fn: () => unknown): Conflict {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(Conflict);
    return err as Conflict;
  }
  throw new Error('expected a Conflict');
}

describe('one process owns a data folder', () => {
  it('a second process gets a Conflict naming the holder, its pid and its command', async () => {
    const child = await startHolder();
    const err = conflictOf(() => acquireDataFolderLock(dataDir, 'scrutineer import'));
    expect(err.message).toContain(`in use by process ${child.proc.pid} on ${os.hostname()}`);
    expect(err.message).toContain('"scrutineer test-holder"');
    expect(err.message).toMatch(/stop that process first, or point SCRUTINEER_DATA_DIR at another folder/);
    expect((err.details.holder as LockHolder).pid).toBe(child.proc.pid);
    expect(readLock().pid).toBe(child.proc.pid);
  });

  it('the lock of a process killed with SIGKILL is stale and taken over', async () => {
    const child = await startHolder();
    child.proc.kill('SIGKILL');
    await child.exited;
    expect(readLock().pid).toBe(child.proc.pid); // a killed process cannot clean up
    const lock = acquireDataFolderLock(dataDir, 'scrutineer import');
    expect(readLock()).toMatchObject({ pid: process.pid, command: 'scrutineer import' });
    lock.release();
    expect(fs.existsSync(lockFile())).toBe(false);
  });

  it('a lock file that cannot be read is taken over', () => {
    fs.writeFileSync(lockFile(), '{"pid": 12');
    const lock = acquireDataFolderLock(dataDir, 'scrutineer import');
    expect(readLock().pid).toBe(process.pid);
    lock.release();
  });

  it('a lock held on another machine is respected, since its process cannot be checked', () => {
    const remote: LockHolder = { pid: 1, host: `not-${os.hostname()}`, command: 'scrutineer serve', startedAt: '2024-01-01T00:00:00.000Z' };
    fs.writeFileSync(lockFile(), JSON.stringify(remote));
    expect(conflictOf(() => acquireDataFolderLock(dataDir, 'scrutineer import')).message).toContain(`process 1 on not-${os.hostname()}`);
    expect(readLock()).toEqual(remote);
  });

  it('after release the folder can be taken again', () => {
    acquireDataFolderLock(dataDir, 'first').release();
    const second = acquireDataFolderLock(dataDir, 'second');
    expect(readLock().command).toBe('second');
    second.release();
    expect(fs.existsSync(lockFile())).toBe(false);
  });

  it('a release does not remove a lock another owner has taken since', () => {
    const first = acquireDataFolderLock(dataDir, 'first');
    const taker: LockHolder = { ...readLock(), command: 'taker', startedAt: '2099-01-01T00:00:00.000Z' };
    fs.writeFileSync(lockFile(), JSON.stringify(taker));
    first.release();
    expect(readLock()).toEqual(taker);
  });
});
