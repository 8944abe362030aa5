import { loadConfig, type AppConfig } from '$core/config.ts';
import { systemActor } from '$core/access/actor.ts';
import { createContext, createLog, type Context, type Log } from '$core/context.ts';
import { startNotifier, type Notifier } from '$core/notifications/notify.ts';

/**
 * The server's one Context, created on first use. SvelteKit imports server modules while building,
 * so nothing may open at import time: the data folder is only taken when `serverContext()` is called
 * (at start-up by the `init` hook, or by the first request).
 */
let pending: Promise<Context> | null = null;
let log: Log | null = null;
let notifier: Notifier | null = null;

/**
 * Starts the notification rounds (src/core/notifications) once, while the server serves; they stop
 * before the data folder closes at shutdown.
 */
export async function startServerNotifier(): Promise<void> {
  if (notifier) return;
  const ctx = await serverContext();
  const intervalMs = ctx.config.notifyIntervalSeconds * 1000;
  notifier = startNotifier(ctx, systemActor('scrutineer serve'), { config: ctx.config, log: ctx.log, intervalMs, firstAfterMs: Math.min(intervalMs, 5000) });
}

export function serverContext(): Promise<Context> {
  if (!pending) {
    const opening = createContext(loadConfig(process.env), { command: 'scrutineer serve' });
    pending = opening;
    opening.then(closeOnShutdown, () => {
      pending = null; // e.g. the folder was locked: let a later request try again
    });
  }
  return pending;
}

/** The server's log, usable before (or without) the context, e.g. for an error at start-up. */
export function serverLog(): Log {
  if (!log) {
    let level: AppConfig['logLevel'] = 'info';
    try {
      level = loadConfig(process.env).logLevel;
    } catch {
      // a bad setting is reported by whoever loads the config; the log still works
    }
    log = createLog(level);
  }
  return log;
}

const exitStatus = { SIGINT: 130, SIGTERM: 143 } as const;

/**
 * adapter-node answers SIGINT/SIGTERM by finishing the requests in flight, then emitting
 * `sveltekit:shutdown`: the warehouse is closed only after that. Where nothing else handles the
 * signal (vite dev), this closes the context and exits itself.
 */
function closeOnShutdown(ctx: Context): void {
  let closing: Promise<void> | null = null;
  const close = () => (closing ??= (notifier?.stop() ?? Promise.resolve()).then(() => ctx.close()).catch((err) => serverLog().error('Closing the data folder failed', { err: String(err) })));
  process.once('sveltekit:shutdown', close);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      if (process.listenerCount(signal) > 0) return; // adapter-node drains first, then emits sveltekit:shutdown
      void close().finally(() => process.exit(exitStatus[signal]));
    });
  }
}

/** Whether SCRUTINEER_SMTP_URL is set: invitation links are then emailed too. */
export async function mailConfigured(): Promise<boolean> {
  return (await serverContext()).config.mail.smtpUrl !== null;
}
