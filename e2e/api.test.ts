import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DataStatus } from '../src/core/status/data-status.ts';
import { smallDataSet } from './support/fixtures.ts';
import { startServer, type TestServer } from './support/server.ts';

describe('JSON API', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startServer({ importPaths: smallDataSet });
  });

  afterAll(async () => {
    await server?.stop();
  });

  it('GET /api/v1/status says what data is loaded', async () => {
    const res = await fetch(`${server.url}/api/v1/status`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json');
    const status = (await res.json()) as DataStatus;
    expect(status).toMatchObject({ empty: false, records: 10, quarantined: 1 });
    expect(status.forces).toEqual([
      { force: 'metropolitan', months: ['2023-07'], firstMonth: '2023-07', lastMonth: '2023-07', records: 10, located: 9, placed: 8, thinMonths: [] }
    ]);
    expect(status.areas).toMatchObject([{ level: 'borough', count: 2 }]);
    expect(status.sources.map((s) => [s.format, s.rows, s.quarantined])).toEqual([
      ['police-uk-stop-search-csv', 10, 1],
      ['boundaries', 2, 0]
    ]);
    expect(status.lastImport).toMatch(/^\d{4}-\d\d-\d\d /);
  });

  it('GET /healthz answers { ok: true }', async () => {
    const res = await fetch(`${server.url}/healthz`);
    expect(await res.json()).toEqual({ ok: true });
  });

  it('answers errors in the one error shape', async () => {
    const missing = await fetch(`${server.url}/api/v1/no-such-thing`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({
      error: { code: 'not_found', message: 'There is no API endpoint at /api/v1/no-such-thing.', details: {} }
    });
    const wrongMethod = await fetch(`${server.url}/api/v1/status`, { method: 'DELETE' });
    expect(wrongMethod.status).toBe(405);
    expect(((await wrongMethod.json()) as { error: { code: string } }).error.code).toBe('invalid');
    expect(missing.headers.get('content-security-policy')).toContain("default-src 'none'");
  });
});
