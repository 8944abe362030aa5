import { spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { ensureBuilt } from '../src/cli/serve.ts';
import { projectRoot } from '../src/core/paths.ts';
import { importedWarehouse, type BenchEnv } from './support.ts';

/**
 * The built web app (`node build/index.js`, as in production) on a free loopback port, over a data
 * folder holding all of ../shared/data. SCRUTINEER_BENCH_DATA_DIR names a folder already imported
 * (e.g. by `scrutineer import ../shared/data`) to skip the minute of importing; nothing else may
 * have it open.
 */
export interface BenchServer {
  url: string;
  stop(): Promise<void>;
}

export async function benchServer(env: BenchEnv, folder = 'server-data'): Promise<BenchServer> {
  const root = projectRoot();
  let dataDir = process.env.SCRUTINEER_BENCH_DATA_DIR;
  if (dataDir) env.print(`data folder: ${dataDir} (SCRUTINEER_BENCH_DATA_DIR, imported beforehand)`);
  else {
    dataDir = path.join(env.scratch, folder);
    await (await importedWarehouse(env, folder)).close();
  }
  await ensureBuilt(root, 'auto');
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [path.join(root, 'build', 'index.js')], {
    cwd: root,
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), ORIGIN: url, SCRUTINEER_DATA_DIR: dataDir, SCRUTINEER_LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'pipe']
  });
  let errors = '';
  child.stderr?.on('data', (d) => (errors = (errors + d).slice(-4000)));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  };
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited (${child.exitCode}): ${errors}`);
    if (await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(1000) }).then((r) => r.ok, () => false)) return { url, stop };
    await new Promise((r) => setTimeout(r, 200));
  }
  await stop();
  throw new Error(`the server did not answer ${url}/healthz within 60 s: ${errors}`);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** Nearest-rank percentile of sorted numbers. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}
