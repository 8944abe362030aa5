import { afterEach, describe, expect, it } from 'vitest';
import { startPoliceApiServer, type PoliceApiServer } from '../../../../tests/support/police-api-server.ts';
import { fakeStops, tempDir } from '../../../../tests/support/sync-test-deps.ts';
import { syncStops } from './sync.ts';

let server: PoliceApiServer | undefined;
let raw: Awaited<ReturnType<typeof tempDir>> | undefined;
afterEach(async () => {
  await server?.close();
  await raw?.remove();
  server = raw = undefined;
});

/** The most arrivals the server saw in any 1-second window [t, t + 1000). */
function busiestSecond(times: number[]): number {
  return Math.max(...times.map((t) => times.filter((u) => u >= t && u < t + 1000).length));
}

describe('syncStops rate limit (real time)', () => {
  it('keeps requests at the server to at most requestsPerSecond in any second', async () => {
    const months = ['2024-01', '2024-02', '2024-03', '2024-04', '2024-05', '2024-06', '2024-07', '2024-08', '2024-09', '2024-10', '2024-11'];
    server = await startPoliceApiServer({ months: Object.fromEntries(months.map((m) => [m, fakeStops(2, m)])) });
    raw = await tempDir();
    const started = performance.now();
    // Real clock and sleep: the point is what the server sees.
    const report = await syncStops(
      { fetch, baseUrl: server.url, rawDir: raw.dir, requestsPerSecond: 5, maxRetries: 0 },
      { force: 'metropolitan', from: '2024-01', to: '2024-11' }
    );
    const elapsed = performance.now() - started;

    expect(report.months.every((m) => m.status === 'downloaded')).toBe(true);
    const times = server.requests.map((r) => r.at);
    expect(times).toHaveLength(12); // the index and 11 months
    expect(busiestSecond(times)).toBe(5);
    // 12 requests at 5 a second need just over two windows; much longer would mean needless waiting.
    expect(elapsed).toBeGreaterThan(2000);
    expect(elapsed).toBeLessThan(4000);
  }, 10_000);
});
