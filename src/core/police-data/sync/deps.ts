import { SyncError } from './args.ts';
import type { HttpDeps } from './get-json.ts';
import { createRateLimiter } from './rate-limit.ts';

export type SyncDeps = {
  fetch: typeof fetch;
  /** The API root, e.g. https://data.police.uk/api */
  baseUrl: string;
  /** Folder that keeps raw responses, one `<force>/<YYYY-MM>.json` per month. */
  rawDir: string;
  /** data.police.uk allows 15 (SYNC_DEFAULTS). */
  requestsPerSecond: number;
  /** Retries after the first attempt of each request (SYNC_DEFAULTS: 5). */
  maxRetries: number;
  sleep?: (ms: number) => Promise<void>;
  now?: () => Date;
  /** Source of jitter for backoff; Math.random unless given. */
  random?: () => number;
  /** Limit for one request, body included (SYNC_DEFAULTS). */
  requestTimeoutMs?: number;
  onProgress?: (done: number, total: number, month: string) => void;
};

export const SYNC_DEFAULTS = {
  baseUrl: 'https://data.police.uk/api',
  requestsPerSecond: 15,
  maxRetries: 5,
  // A month of the Met is several MB and the API can be slow to build it.
  requestTimeoutMs: 180_000
} as const;

/** data.police.uk counts requests per second. */
export const RATE_WINDOW_MS = 1000;

export type SyncContext = { force: string; baseUrl: string; rawDir: string; http: HttpDeps };

export function syncContext(deps: SyncDeps, force: string): SyncContext {
  checkDeps(deps);
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const now = deps.now ?? (() => new Date());
  // Without an injected clock the limiter uses a monotonic one: the wall clock can be set back.
  const clockMs = deps.now ? () => now().getTime() : () => performance.now();
  const acquire = createRateLimiter({ limit: deps.requestsPerSecond, windowMs: RATE_WINDOW_MS, now: clockMs, sleep });
  const http: HttpDeps = {
    fetch: deps.fetch,
    acquire,
    sleep,
    now,
    random: deps.random ?? Math.random,
    maxRetries: deps.maxRetries,
    timeoutMs: deps.requestTimeoutMs ?? SYNC_DEFAULTS.requestTimeoutMs
  };
  return { force, baseUrl: deps.baseUrl.replace(/\/+$/, ''), rawDir: deps.rawDir, http };
}

function checkDeps(deps: SyncDeps): void {
  if (!isHttpUrl(deps.baseUrl)) throw new SyncError(`The API address must be an http(s) URL, got '${deps.baseUrl}'.`);
  if (!deps.rawDir) throw new SyncError('A folder for raw responses (rawDir) is required.');
  if (!Number.isInteger(deps.requestsPerSecond) || deps.requestsPerSecond < 1) {
    throw new SyncError(`requestsPerSecond must be a whole number of at least 1, got ${deps.requestsPerSecond}.`);
  }
  if (!Number.isInteger(deps.maxRetries) || deps.maxRetries < 0) {
    throw new SyncError(`maxRetries must be a whole number of at least 0, got ${deps.maxRetries}.`);
  }
}

function isHttpUrl(value: string): boolean {
  try {
    return ['http:', 'https:'].includes(new URL(value).protocol);
  } catch {
    return false;
  }
}
