import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { inject } from 'vitest';
import { projectRoot } from '../../src/core/paths.ts';

export interface TestServer {
  url: string;
  dataDir: string;
  /** Everything the server wrote, for a failing test's message. */
  output(): string;
  stop(): Promise<void>;
}

export interface StartOptions {
  /** Files, folders or zips imported into the fresh data folder before the server starts. */
  importPaths?: string[];
  /** Runs before the server starts, with the data folder (e.g. `scrutineer admin invite`). */
  prepare?: (dataDir: string) => Promise<void>;
  /** Settings for the server, e.g. SCRUTINEER_SIGN_IN_ATTEMPTS. */
  env?: Record<string, string>;
}

const root = projectRoot();

/**
 * Starts the built app (`node build/index.js`, as in production) on a free loopback port with a
 * fresh temporary data folder, and waits until /healthz answers. The build and the empty data
 * folder copied here are made once by e2e/support/global-setup.ts.
 */
export async function startServer(opts: StartOptions = {}): Promise<TestServer> {
  const dataDir = freshDataFolder();
  if (opts.importPaths?.length) await prepareData(dataDir, opts.importPaths);
  await opts.prepare?.(dataDir);
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [path.join(root, 'build', 'index.js')], {
    cwd: root,
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), ORIGIN: url, SCRUTINEER_DATA_DIR: dataDir, SCRUTINEER_LOG_LEVEL: 'warn', ...opts.env },
    stdio: ['ignore', 'pipe', 'pipe']
  });
  let output = '';
  child.stdout?.on('data', (d) => (output += d));
  child.stderr?.on('data', (d) => (output += d));
  const server: TestServer = {
    url,
    dataDir,
    output: () => output,
    async stop() {
      await stopChild(child);
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  };
  try {
    await waitForHealth(url, child, () => output);
  } catch (err) {
    await server.stop();
    throw err;
  }
  return server;
}

/** A new temporary data folder holding an empty, migrated workflow database and warehouse. */
export function freshDataFolder(): string {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'scrutineer-e2e-'));
  fs.cpSync(inject('dataTemplate'), dataDir, { recursive: true });
  return dataDir;
}

/** Imports into the folder in a separate process, as `scrutineer import` would (one owner per folder). */
async function prepareData(dataDir: string, paths: string[]): Promise<void> {
  const script = path.join(root, 'e2e', 'support', 'prepare-data.ts');
  const child = spawn(process.execPath, ['--import', 'tsx', script, dataDir, ...paths], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (d) => (output += d));
  child.stderr?.on('data', (d) => (output += d));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (code !== 0) throw new Error(`Preparing the data folder failed (exit ${code}):\n${output}`);
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

async function waitForHealth(url: string, child: ChildProcess, output: () => string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The server exited with code ${child.exitCode}:\n${output()}`);
    try {
      const res = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(1000) });
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`The server did not answer ${url}/healthz within ${timeoutMs} ms:\n${output()}`);
}

/** SIGTERM (adapter-node finishes requests, then the data folder is closed); SIGKILL after 10 s. */
async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}
