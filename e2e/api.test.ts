import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FigureSet } from '../src/core/figures/types.ts';
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

  it('GET /api/v1/figures gives the figure objects of an area and period', async () => {
    const res = await fetch(`${server.url}/api/v1/figures?area=hackney&from=2023-07&grouping=black_incl_mixed_black`);
    expect(res.status).toBe(200);
    const set = (await res.json()) as FigureSet;
    expect(set.context).toMatchObject({ area: { code: 'E09000012', name: 'Hackney', level: 'borough' }, period: { from: '2023-07-01', to: '2023-07-31' }, grouping: 'black_incl_mixed_black' });
    const searches = set.figures.find((f) => f.metric === 'searches' && f.group === null);
    expect(searches).toMatchObject({ metric: 'searches', group: null, value: 6, numerator: 6, flags: [] });
    for (const f of set.figures.filter((f) => f.group?.dimension === 'self_defined_ethnicity')) expect(f.group?.grouping).toBe('black_incl_mixed_black');
  });

  it('?format=csv gives the same figures as CSV, one row a figure', async () => {
    const [asJson, asCsv] = await Promise.all([
      fetch(`${server.url}/api/v1/figures?area=E09000012&from=2023-07`).then((r) => r.json() as Promise<FigureSet>),
      fetch(`${server.url}/api/v1/figures?area=E09000012&from=2023-07&format=csv`)
    ]);
    expect(asCsv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(asCsv.headers.get('content-disposition')).toBe('attachment; filename="figures-E09000012-2023-07-01-2023-07-31.csv"');
    const lines = (await asCsv.text()).replace(/^\uFEFF/, '').trim().split(/\r?\n/);
    expect(lines[0]).toMatch(/^metric,/);
    expect(lines).toHaveLength(asJson.figures.length + 1);
  });

  it('GET /api/v1/unusual gives unusual days as JSON and CSV', async () => {
    const res = await fetch(`${server.url}/api/v1/unusual?area=hackney&from=2023-07`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ area: { code: 'E09000012', name: 'Hackney', level: 'borough' }, period: { from: '2023-07-01', to: '2023-07-31' }, days: [] });
    const csv = await fetch(`${server.url}/api/v1/unusual?area=hackney&from=2023-07&format=csv`);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect((await csv.text()).replace(/^\uFEFF/, '')).toMatch(/^area_code,/);
  });

  it.each([
    ['/api/v1/figures?from=2023-07', 400, 'invalid', 'area: '],
    ['/api/v1/figures?area=hackney&from=2023-07&grouping=mine', 400, 'invalid', 'grouping: '],
    ['/api/v1/figures?area=hackney&from=2023-07&format=xml', 400, 'invalid', 'format: '],
    ['/api/v1/figures?area=hackney&from=2023-13', 400, 'invalid', ''],
    ['/api/v1/unusual?area=hackney&from=2023-07&to=2023-06', 400, 'invalid', ''],
    ['/api/v1/figures?area=Atlantis&from=2023-07', 404, 'not_found', 'No area or force called "Atlantis"'],
    ['/api/v1/figures?area=hackney&from=2020-01', 404, 'not_found', 'No stop-and-search records are loaded for 2020-01-01 to 2020-01-31']
  ])('%s answers %i in the one error shape', async (url, status, code, message) => {
    const res = await fetch(`${server.url}${url}`);
    expect(res.status).toBe(status);
    const body = (await res.json()) as { error: { code: string; message: string; details: Record<string, unknown> } };
    expect(Object.keys(body)).toEqual(['error']);
    expect(body.error).toMatchObject({ code, details: expect.any(Object) });
    expect(body.error.message.startsWith(message)).toBe(true);
  });

  it('GET /api/v1/openapi.json is an OpenAPI document of both figure endpoints', async () => {
    const doc = (await (await fetch(`${server.url}/api/v1/openapi.json`)).json()) as { openapi: string; paths: Record<string, unknown> };
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/v1/figures', '/api/v1/unusual']));
  });
});
