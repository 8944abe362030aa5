import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { projectRoot } from '../src/core/paths.ts';
import { LOCK_FILE, type LockHolder } from '../src/core/storage/lock.ts';
import { freePort, freshDataFolder } from './support/server.ts';

const root = projectRoot();
const folders: string[] = [];

/** `scrutineer serve --build never` (global-setup has built the app) with its output collected. */
function scrutineerServe(dataDir: string, port: number) {
  const child = spawn(process.execPath, [path.join(root, 'bin', 'scrutineer.js'), 'serve', '--build', 'never'], {
    cwd: root,
    env: { ...process.env, SCRUTINEER_DATA_DIR: dataDir, HOST: '127.0.0.1', PORT: String(port), ORIGIN: '', SCRUTINEER_LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe']
  });
  const out = { stdout: '', stderr: '' };
  child.stdout.on('data', (d) => (out.stdout += d));
  child.stderr.on('data', (d) => (out.stderr += d));
  const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, out, exit };
}

function tempFolder(): string {
  const dir = freshDataFolder();
  folders.push(dir);
  return dir;
}

async function until(check: () => boolean, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 100));
  }
}

afterEach(() => {
  for (const dir of folders.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe('scrutineer serve', () => {
  it('prints the address, serves, and on Ctrl+C stops cleanly and frees the data folder', async () => {
    const dataDir = tempFolder();
    const port = await freePort();
    const run = scrutineerServe(dataDir, port);
    await until(() => run.out.stdout.includes('Scrutineer is running'));
    expect(run.out.stdout).toBe(`Scrutineer is running at http://127.0.0.1:${port}\n`);
    expect(await (await fetch(`http://127.0.0.1:${port}/healthz`)).json()).toEqual({ ok: true });
    expect(fs.existsSync(path.join(dataDir, LOCK_FILE))).toBe(true);
    run.child.kill('SIGINT');
    expect(await run.exit).toBe(0);
    expect(fs.existsSync(path.join(dataDir, LOCK_FILE))).toBe(false);
  });

  it('refuses a data folder another process owns, before building anything', async () => {
    const dataDir = tempFolder();
    const holder: LockHolder = { pid: process.pid, host: os.hostname(), command: 'scrutineer import', startedAt: new Date().toISOString() };
    fs.writeFileSync(path.join(dataDir, LOCK_FILE), JSON.stringify(holder));
    const run = scrutineerServe(dataDir, await freePort());
    expect(await run.exit).toBe(5); // Conflict
    expect(run.out.stderr).toContain(`is in use by process ${process.pid}`);
    expect(run.out.stdout).toBe('');
  });
});
