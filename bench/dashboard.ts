import { benchServer, percentile } from './dashboard-server.ts';
import { int, target, type Benchmark } from './support.ts';

/**
 * The borough dashboard's server response times under 20 concurrent clients, over a server holding
 * all of ../shared/data: each address once first (cold), then 20 clients in a loop over them
 * (bounded by request count and time). Requests go to 127.0.0.1 only.
 *
 * The address is a template ({borough}, {from}, {to}); SCRUTINEER_BENCH_DASHBOARD_URL overrides it.
 * Should the dashboard page not answer (404), the figures API is measured instead, and said so.
 */
export const DASHBOARD_URL = '/b/{borough}?from={from}&to={to}';
export const FALLBACK_URL = '/api/v1/figures?area={borough}&from={from}&to={to}';

const BOROUGHS = ['hackney', 'lambeth', 'westminster', 'croydon', 'newham', 'tower-hamlets', 'southwark', 'haringey', 'brent', 'ealing'];
const PERIODS: Array<[string, string]> = [
  ['2023-07', '2023-07'],
  ['2024-01', '2024-03'],
  ['2022-01', '2022-12'],
  ['2025-04', '2025-04']
];
const CLIENTS = 20;
const MAX_REQUESTS = 1000;
const MAX_SECONDS = 60;
const TARGET_P95_MS = 200;

export interface LoadResult {
  latencies: number[];
  seconds: number;
  failures: Map<number, number>;
}

const fill = (template: string, borough: string, [from, to]: [string, string]) =>
  template.replace('{borough}', encodeURIComponent(borough)).replace('{from}', from).replace('{to}', to);

async function timedGet(url: string): Promise<{ ms: number; status: number }> {
  const t = performance.now();
  const res = await fetch(url, { signal: AbortSignal.timeout(30_000) });
  await res.arrayBuffer();
  return { ms: performance.now() - t, status: res.status };
}

/** `clients` loops, each taking the next address in turn, until the request count or time runs out. */
export async function loadTest(urls: string[], clients = CLIENTS, maxRequests = MAX_REQUESTS, maxSeconds = MAX_SECONDS): Promise<LoadResult> {
  const latencies: number[] = [];
  const failures = new Map<number, number>();
  let next = 0;
  const started = performance.now();
  const deadline = started + maxSeconds * 1000;
  const client = async () => {
    while (next < maxRequests && performance.now() < deadline) {
      const url = urls[next++ % urls.length];
      const r = await timedGet(url).catch(() => ({ ms: NaN, status: 0 }));
      if (r.status >= 200 && r.status < 300) latencies.push(r.ms);
      else failures.set(r.status, (failures.get(r.status) ?? 0) + 1);
    }
  };
  await Promise.all(Array.from({ length: clients }, client));
  return { latencies: latencies.sort((a, b) => a - b), seconds: (performance.now() - started) / 1000, failures };
}

const ms = (x: number) => `${x.toFixed(0)} ms`;

/** Measures `template` (default the dashboard) on a running server and prints the figures. */
export async function benchDashboard(baseUrl: string, print: (line?: string) => void, template = process.env.SCRUTINEER_BENCH_DASHBOARD_URL || DASHBOARD_URL): Promise<void> {
  const probe = await timedGet(baseUrl + fill(template, BOROUGHS[0], PERIODS[0]));
  if (probe.status === 404 && template === DASHBOARD_URL) {
    print(`note: ${DASHBOARD_URL} answered 404 (no dashboard page yet): measuring the figures API, ${FALLBACK_URL}, instead`);
    template = FALLBACK_URL;
  }
  const urls = BOROUGHS.flatMap((b) => PERIODS.map((p) => baseUrl + fill(template, b, p)));
  print(`address: ${template}, ${BOROUGHS.length} boroughs × ${PERIODS.length} periods (${PERIODS.map(([f, t]) => (f === t ? f : `${f}..${t}`)).join(', ')})`);

  const cold: number[] = [];
  for (const url of urls) {
    const r = await timedGet(url);
    if (r.status !== 200) print(`  ${r.status} from ${url}`);
    cold.push(r.ms);
  }
  cold.sort((a, b) => a - b);
  print(`each address once, one at a time (first visit): p50 ${ms(percentile(cold, 50))}, p95 ${ms(percentile(cold, 95))}, max ${ms(cold[cold.length - 1])}`);

  const r = await loadTest(urls);
  const ok = r.latencies;
  const failed = [...r.failures].map(([status, n]) => `${n} × ${status || 'no answer'}`).join(', ');
  print(
    `${CLIENTS} concurrent clients: ${int(ok.length)} answered in ${r.seconds.toFixed(1)} s = ${(ok.length / r.seconds).toFixed(1)} requests/s; ` +
      `p50 ${ms(percentile(ok, 50))}, p95 ${ms(percentile(ok, 95))}, p99 ${ms(percentile(ok, 99))}, max ${ms(ok[ok.length - 1] ?? NaN)}` +
      (failed ? `; failed: ${failed}` : '')
  );
  print('targets:');
  const p95 = percentile(ok, 95);
  print(target(p95 < TARGET_P95_MS, `p95 < ${TARGET_P95_MS} ms under ${CLIENTS} concurrent clients`, ms(p95)));
}

export const dashboardBenchmark: Benchmark = {
  name: 'dashboard: server response times under 20 concurrent clients',
  async run(env) {
    const server = await benchServer(env);
    try {
      await benchDashboard(server.url, env.print);
    } finally {
      await server.stop();
    }
  }
};
