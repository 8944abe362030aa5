import { readdir, readFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';

/**
 * One misbehaviour, used up by one request. A month's faults are served in order to its first
 * requests; once they are used up the month is served normally.
 * - `{ status }`: answer with that status (429 gets `Retry-After: 0` unless `retryAfter` says otherwise)
 * - `{ truncate: true }`: promise the full length, send half the body, then close the connection
 * - `{ body }`: answer 200 with this exact body (e.g. JSON cut short with a matching length)
 */
export type Fault = { status: number; retryAfter?: string } | { truncate: true } | { body: string };

export type PoliceApiServerOptions = {
  /** The force the server knows; default 'metropolitan'. Other forces get 404. */
  force?: string;
  /** Months given by the test, as arrays of records. */
  months?: Record<string, unknown[]>;
  /** A folder of `YYYY-MM.json.gz` files, as saved from the real API. */
  dir?: string;
  /** Months listed in the index for another force only, i.e. not published for ours. */
  unpublished?: string[];
  /** Faults per month ('YYYY-MM'), or for the index under 'crimes-street-dates'. */
  faults?: Record<string, Fault[]>;
};

export type RecordedRequest = { path: string; url: string; month: string | null; at: number };

export type PoliceApiServer = {
  /** Base URL to use as SyncDeps.baseUrl, e.g. http://127.0.0.1:41234/api */
  url: string;
  /** Every request in arrival order; `at` is performance.now() on arrival, in ms. */
  requests: RecordedRequest[];
  /** Requests so far to a path, e.g. count('/crimes-street-dates') or count('/stops-force', '2025-01'). */
  count: (path: string, month?: string) => number;
  close: () => Promise<void>;
};

/** Repeats one fault n times, e.g. `times(2, { status: 503 })`. */
export function times(n: number, fault: Fault): Fault[] {
  return Array.from({ length: n }, () => fault);
}

/** A local stand-in for data.police.uk's API, listening on 127.0.0.1 on a free port. */
export async function startPoliceApiServer(opts: PoliceApiServerOptions = {}): Promise<PoliceApiServer> {
  const force = opts.force ?? 'metropolitan';
  const files = opts.dir ? await gzMonths(opts.dir) : new Map<string, string>();
  const faults = new Map(Object.entries(opts.faults ?? {}).map(([key, list]) => [key, [...list]]));
  const requests: RecordedRequest[] = [];

  async function monthBody(month: string): Promise<Buffer | null> {
    if (opts.months?.[month]) return Buffer.from(JSON.stringify(opts.months[month]));
    const file = files.get(month);
    return file ? gunzipSync(await readFile(file)) : null;
  }

  function indexBody(): Buffer {
    const ours = new Set([...Object.keys(opts.months ?? {}), ...files.keys()]);
    const all = [...new Set([...ours, ...(opts.unpublished ?? [])])].sort().reverse();
    // Newest first, as the real API lists them.
    const index = all.map((date) => ({ date, 'stop-and-search': ours.has(date) ? ['avon-and-somerset', force] : ['avon-and-somerset'] }));
    return Buffer.from(JSON.stringify(index));
  }

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const route = url.pathname.replace(/^\/api/, '');
    const month = route === '/stops-force' ? url.searchParams.get('date') : null;
    requests.push({ path: route, url: req.url ?? '', month, at: performance.now() });
    const fault = faults.get(route === '/crimes-street-dates' ? 'crimes-street-dates' : (month ?? ''))?.shift();
    if (fault) return serveFault(res, fault, route === '/crimes-street-dates' ? indexBody() : await monthBody(month ?? ''));
    if (route === '/crimes-street-dates') return send(res, 200, indexBody());
    if (route !== '/stops-force') return send(res, 404, Buffer.from('Not found'));
    const body = url.searchParams.get('force') === force && month ? await monthBody(month) : null;
    // The real API answers 404 for a force it does not know.
    return body ? send(res, 200, body) : send(res, 404, Buffer.from('Not found'));
  }

  const server = http.createServer((req, res) => {
    handle(req, res).catch((err: unknown) => send(res, 500, Buffer.from(String(err))));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}/api`,
    requests,
    count: (p, m) => requests.filter((r) => r.path === p && (m === undefined || r.month === m)).length,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      })
  };
}

function send(res: http.ServerResponse, status: number, body: Buffer, headers: Record<string, string> = {}): void {
  const type = status === 200 ? 'application/json' : 'text/plain';
  res.writeHead(status, { 'content-type': type, 'content-length': body.length, ...headers });
  res.end(body);
}

function serveFault(res: http.ServerResponse, fault: Fault, body: Buffer | null): void {
  if ('status' in fault) {
    const retryAfter = fault.retryAfter ?? (fault.status === 429 ? '0' : undefined);
    return send(res, fault.status, Buffer.from(`Fault ${fault.status}`), retryAfter === undefined ? {} : { 'retry-after': retryAfter });
  }
  if ('body' in fault) return send(res, 200, Buffer.from(fault.body));
  const full = body ?? Buffer.from('[]');
  res.writeHead(200, { 'content-type': 'application/json', 'content-length': full.length });
  // Flush half the body, then drop the connection without finishing it.
  res.write(full.subarray(0, Math.floor(full.length / 2)), () => res.destroy());
}

/** Maps 'YYYY-MM' to the path of its `YYYY-MM.json.gz` file in `dir`. */
async function gzMonths(dir: string): Promise<Map<string, string>> {
  const names = await readdir(dir);
  const months = names.map((name) => /^(\d{4}-\d{2})\.json\.gz$/.exec(name)).filter((m) => m !== null);
  return new Map(months.map((m) => [m[1], path.join(dir, m[0])]));
}
