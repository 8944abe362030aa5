import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { AppConfig } from '../core/config.ts';
import { Invalid, Unavailable } from '../core/errors.ts';
import { projectRoot } from '../core/paths.ts';
import { acquireDataFolderLock } from '../core/storage/lock.ts';
import { ExitError } from './output.ts';

export type BuildMode = 'auto' | 'always' | 'never';

export interface ServeOptions {
  /** 'auto' (default) builds when build/ is missing or older than the sources. */
  build?: BuildMode;
  /** Where progress goes; the URL line goes to standard output. */
  stderr?: NodeJS.WritableStream;
  stdout?: NodeJS.WritableStream;
}

/** Files whose change means the built app is out of date (tests excepted: they are not in the app). */
const buildInputs = ['src', 'static', 'svelte.config.js', 'vite.config.ts', 'package.json'];
const isBuildInput = (name: string) => !/\.test\.ts$/.test(name);

/**
 * Runs the web app: builds it when needed, then starts the built server (adapter-node) as a child
 * process, forwarding SIGINT/SIGTERM to it. Resolves when the server stops cleanly; otherwise throws
 * ExitError with the server's exit code (the server has already said why on standard error).
 */
export async function serve(config: AppConfig, opts: ServeOptions = {}): Promise<void> {
  const root = projectRoot();
  const err = opts.stderr ?? process.stderr;
  const out = opts.stdout ?? process.stdout;
  // Fail before a long build if another process owns the data folder; the server takes it for itself.
  acquireDataFolderLock(config.dataDir, 'scrutineer serve').release();
  await ensureBuilt(root, opts.build ?? 'auto', err);
  const child = spawn(process.execPath, [path.join(root, 'build', 'index.js')], {
    cwd: process.cwd(),
    env: serverEnv(config),
    stdio: ['ignore', 'pipe', 'pipe']
  });
  const exited = exitOf(child);
  // adapter-node's own "Listening on" line and the JSON log go to standard error; ours is the URL.
  child.stdout?.pipe(err, { end: false });
  child.stderr?.pipe(err, { end: false });
  const stopForwarding = forwardSignals(child);
  try {
    const ready = await Promise.race([waitUntilHealthy(listenUrl(config)), exited.then(() => false)]);
    if (ready) out.write(`Scrutineer is running at ${listenUrl(config)}${publicNote(config)}\n`);
    else if (child.exitCode === null) err.write(`Scrutineer has not answered at ${listenUrl(config)}/healthz yet; still waiting.\n`);
    const code = await exited;
    if (code !== 0) throw new ExitError(code);
  } finally {
    stopForwarding();
  }
}

/** The environment adapter-node and loadConfig read in the child: resolved, so cwd does not matter. */
function serverEnv(config: AppConfig): NodeJS.ProcessEnv {
  return {
    ...process.env,
    HOST: config.host,
    PORT: String(config.port),
    ORIGIN: config.origin,
    SCRUTINEER_DATA_DIR: config.dataDir,
    // adapter-node refuses request bodies over 512 KB by default; a source's archived copy may be
    // up to 10 MB (src/core/files/store.ts), so a form carrying one must get through to be judged.
    BODY_SIZE_LIMIT: process.env.BODY_SIZE_LIMIT ?? '11M'
  };
}

function listenUrl(config: AppConfig): string {
  const host = config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host;
  return `http://${host.includes(':') ? `[${host}]` : host}:${config.port}`;
}

function publicNote(config: AppConfig): string {
  const local = new URL(listenUrl(config)).origin;
  return new URL(config.origin).origin === local ? '' : ` (public address ${config.origin})`;
}

/** Builds with `vite build` when asked to, or when the build is missing or older than its inputs. */
export async function ensureBuilt(root: string, mode: BuildMode, log: NodeJS.WritableStream = process.stderr): Promise<void> {
  const built = path.join(root, 'build', 'index.js');
  const hasBuild = fs.existsSync(built);
  if (mode === 'never') {
    if (!hasBuild) throw new Invalid(`The web app has not been built (no ${built}): run \`npm run build\` first.`);
    return;
  }
  if (mode === 'auto' && !isStale(root, built)) return;
  const vite = viteBin(root);
  if (!vite) {
    // An installation without the development tools runs the build it was given.
    if (mode === 'auto' && hasBuild) return;
    throw new Unavailable('Cannot build the web app: vite is not installed (run `npm install`, which includes the development tools).');
  }
  log.write('Building the web app (this takes a little while, and only happens after a change)…\n');
  await runViteBuild(root, vite, log);
}

/** True when the build is missing or any input changed after it. */
export function isStale(root: string, built = path.join(root, 'build', 'index.js')): boolean {
  if (!fs.existsSync(built)) return true;
  const builtAt = fs.statSync(built).mtimeMs;
  return buildInputs.some((input) => newestChange(path.join(root, input)) > builtAt);
}

function newestChange(file: string): number {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return isBuildInput(file) ? stat.mtimeMs : 0;
  let newest = stat.mtimeMs; // a deleted file changes its folder
  for (const entry of fs.readdirSync(file)) newest = Math.max(newest, newestChange(path.join(file, entry)));
  return newest;
}

function viteBin(root: string): string | null {
  try {
    return path.join(path.dirname(createRequire(path.join(root, 'package.json')).resolve('vite/package.json')), 'bin', 'vite.js');
  } catch {
    return null;
  }
}

function runViteBuild(root: string, vite: string, log: NodeJS.WritableStream): Promise<void> {
  // A production build whoever asks (Vitest sets NODE_ENV=test, which would make `dev` true in the app).
  const child = spawn(process.execPath, [vite, 'build', '--logLevel', 'warn'], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NODE_ENV: 'production' }
  });
  child.stdout?.pipe(log, { end: false });
  child.stderr?.pipe(log, { end: false });
  const stop = forwardSignals(child);
  return exitOf(child)
    .then((code) => {
      if (code !== 0) throw new Unavailable(`Building the web app failed (vite exited with code ${code}); see the messages above.`);
    })
    .finally(stop);
}

const signalNumbers: Record<string, number> = { SIGHUP: 1, SIGINT: 2, SIGTERM: 15, SIGKILL: 9 };

/** The child's exit code, or 128 + the signal that ended it, as a shell reports it. */
function exitOf(child: ChildProcess): Promise<number> {
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code, signal) => resolve(code ?? 128 + (signal ? (signalNumbers[signal] ?? 0) : 1)));
  });
}

function forwardSignals(child: ChildProcess): () => void {
  const forward = (signal: NodeJS.Signals) => child.kill(signal);
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  return () => {
    process.off('SIGINT', forward);
    process.off('SIGTERM', forward);
  };
}

/** Polls /healthz until it answers, every 100 ms. Gives up (false) after `timeoutMs`. */
async function waitUntilHealthy(url: string, timeoutMs = 60_000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2000) });
      if (res.ok) return true;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return false;
}
