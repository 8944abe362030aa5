import { backoffDelay, retryAfterMs } from './backoff.ts';

export type HttpDeps = {
  fetch: typeof fetch;
  /** Resolves when the rate limit allows one more request, with a function to call once it is answered. */
  acquire: () => Promise<() => void>;
  sleep: (ms: number) => Promise<void>;
  now: () => Date;
  random: () => number;
  maxRetries: number;
  timeoutMs: number;
};

export type GetResult =
  | { ok: true; body: Buffer; json: unknown; attempts: number }
  | { ok: false; error: string; status?: number; attempts: number; gaveUp: boolean };

/** A server asking for a longer pause than this is treated as down for now, not waited on. */
export const MAX_RETRY_AFTER_MS = 120_000;

type Outcome =
  | { kind: 'ok'; body: Buffer; json: unknown }
  | { kind: 'retry' | 'fail'; error: string; status?: number; waitMs?: number | null };

/**
 * GETs a JSON document, retrying network errors, cut-off or unparsable bodies, 429 and 5xx
 * with backoff; other statuses fail at once since asking again will not change the answer.
 * Every attempt, retries included, goes through the rate limit.
 */
export async function getJson(http: HttpDeps, url: string): Promise<GetResult> {
  for (let attempt = 1; ; attempt++) {
    const outcome = await attemptOnce(http, url);
    if (outcome.kind === 'ok') return { ok: true, body: outcome.body, json: outcome.json, attempts: attempt };
    const failed = { ok: false as const, error: outcome.error, status: outcome.status, attempts: attempt };
    if (outcome.kind === 'fail') return { ...failed, gaveUp: false };
    if (attempt > http.maxRetries) return { ...failed, gaveUp: true };
    const wait = outcome.waitMs ?? backoffDelay(attempt, http.random);
    if (wait > MAX_RETRY_AFTER_MS) {
      return { ...failed, error: `${outcome.error}; the server asked us to wait ${Math.round(wait / 1000)} s`, gaveUp: true };
    }
    await http.sleep(wait);
  }
}

async function attemptOnce(http: HttpDeps, url: string): Promise<Outcome> {
  // Called unbound: some fetch implementations refuse to run with a foreign `this`.
  const { fetch: doFetch } = http;
  const release = await http.acquire();
  let res: Response;
  try {
    res = await doFetch(url, {
      headers: { accept: 'application/json', 'user-agent': 'scrutineer-sync' },
      signal: AbortSignal.timeout(http.timeoutMs)
    });
  } catch (err) {
    return { kind: 'retry', error: `request failed: ${describeError(err)}` };
  } finally {
    // The server has seen the request once it answers; the body can take as long as it likes.
    release();
  }
  if (!res.ok) return statusOutcome(res, http.now());
  return readBody(res);
}

async function statusOutcome(res: Response, now: Date): Promise<Outcome> {
  // Read the (small) error body so the connection can be reused for the next request.
  await res.arrayBuffer().catch(() => undefined);
  const status = res.status;
  const error = `HTTP ${status}${res.statusText ? ` ${res.statusText}` : ''}`;
  const retryable = status === 429 || status >= 500;
  return { kind: retryable ? 'retry' : 'fail', error, status, waitMs: retryAfterMs(res.headers.get('retry-after'), now) };
}

async function readBody(res: Response): Promise<Outcome> {
  let body: Buffer;
  try {
    body = Buffer.from(await res.arrayBuffer());
  } catch (err) {
    return { kind: 'retry', error: `response was cut off: ${describeError(err)}` };
  }
  try {
    return { kind: 'ok', body, json: JSON.parse(body.toString('utf8')) };
  } catch {
    // A body that ends early without a network error (e.g. a proxy closing the connection
    // where no length was given) shows up here; another try usually gets all of it.
    return { kind: 'retry', error: `response was not complete JSON (${body.length} bytes)` };
  }
}

/** fetch hides the useful part (ECONNREFUSED, "terminated", timeout) in `cause` or `name`. */
export function describeError(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  if (err.name === 'TimeoutError') return 'no answer in time';
  const cause = err.cause instanceof Error ? ((err.cause as NodeJS.ErrnoException).code ?? err.cause.message) : null;
  return cause && cause !== err.message ? `${err.message} (${cause})` : err.message;
}
