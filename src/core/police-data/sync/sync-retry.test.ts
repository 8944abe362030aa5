import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startPoliceApiServer, times, type Fault, type PoliceApiServer } from '../../../../tests/support/police-api-server.ts';
import { fakeStops, syncTestDeps, tempDir } from '../../../../tests/support/sync-test-deps.ts';
import type { SyncDeps } from './deps.ts';
import { SyncError, syncStops } from './sync.ts';

let server: PoliceApiServer | undefined;
let raw: Awaited<ReturnType<typeof tempDir>> | undefined;
afterEach(async () => {
  await server?.close();
  await raw?.remove();
  server = raw = undefined;
});

const JAN = { force: 'metropolitan', from: '2025-01', to: '2025-01' };

/** A server with two months, faults on January, and deps on virtual time. */
async function setup(faults: Fault[], overrides: Partial<SyncDeps> = {}) {
  server = await startPoliceApiServer({ months: { '2025-01': fakeStops(7), '2025-02': fakeStops(2) }, faults: { '2025-01': faults } });
  raw = await tempDir();
  const dir = path.join(raw.dir, 'metropolitan');
  return { server, dir, ...syncTestDeps(server.url, raw.dir, overrides) };
}

describe('syncStops retries', () => {
  it('retries 429, waiting as long as Retry-After says', async () => {
    const { server, deps, clock } = await setup(times(2, { status: 429 }));
    const [jan] = (await syncStops(deps, JAN)).months;
    expect(jan).toMatchObject({ status: 'downloaded', records: 7, attempts: 3 });
    expect(server.count('/stops-force', '2025-01')).toBe(3);
    expect(clock.sleeps).toEqual([0, 0]); // Retry-After: 0
  });

  it('retries 503 with growing backoff', async () => {
    const { deps, clock } = await setup(times(3, { status: 503 }));
    const [jan] = (await syncStops(deps, JAN)).months;
    expect(jan).toMatchObject({ status: 'downloaded', records: 7, attempts: 4 });
    expect(clock.sleeps).toEqual([750, 1500, 3000]); // random() = 0.5 puts each at 3/4 of its ceiling
  });

  it('gives up after maxRetries with a clear error, and carries on with the next month', async () => {
    const { dir, deps } = await setup(times(10, { status: 503 }), { maxRetries: 2 });
    const report = await syncStops(deps, { ...JAN, to: '2025-02' });
    expect(report.months[0]).toMatchObject({ status: 'failed', path: null, records: null, attempts: 3, httpStatus: 503 });
    expect(report.months[0].error).toMatch(/^HTTP 503 Service Unavailable after 3 attempts: .*too many records for the API/);
    expect(report.months[1]).toMatchObject({ status: 'downloaded', records: 2 });
    expect(await readdir(dir)).toEqual(['2025-02.json']);
  });

  it('gives up on 429 too, saying why', async () => {
    const { deps } = await setup(times(10, { status: 429 }), { maxRetries: 1 });
    const [jan] = (await syncStops(deps, JAN)).months;
    expect(jan).toMatchObject({ status: 'failed', attempts: 2, httpStatus: 429 });
    expect(jan.error).toMatch(/HTTP 429 .*after 2 attempts: .*limiting our requests/);
  });

  it('does not wait out a Retry-After longer than two minutes', async () => {
    const { deps, clock } = await setup([{ status: 429, retryAfter: '3600' }]);
    const [jan] = (await syncStops(deps, JAN)).months;
    expect(jan).toMatchObject({ status: 'failed', attempts: 1 });
    expect(jan.error).toMatch(/asked us to wait 3600 s/);
    expect(clock.sleeps).toEqual([]);
  });

  it('does not retry other 4xx; 404 is explained as an unknown force', async () => {
    const { server, deps } = await setup(times(3, { status: 404 }));
    const [jan] = (await syncStops(deps, JAN)).months;
    expect(jan).toMatchObject({ status: 'failed', attempts: 1, httpStatus: 404 });
    expect(jan.error).toMatch(/^HTTP 404 Not Found: data.police.uk does not know force 'metropolitan' for 2025-01; check the force id/);
    expect(server.count('/stops-force', '2025-01')).toBe(1);
  });

  it('does not retry a 400 either', async () => {
    const { deps } = await setup([{ status: 400 }]);
    const [jan] = (await syncStops(deps, JAN)).months;
    expect(jan).toMatchObject({ status: 'failed', attempts: 1, httpStatus: 400, error: 'HTTP 400 Bad Request.' });
  });

  it('retries a body cut off mid-way and saves only the complete one', async () => {
    const { dir, deps } = await setup(times(2, { truncate: true }));
    const [jan] = (await syncStops(deps, JAN)).months;
    expect(jan).toMatchObject({ status: 'downloaded', records: 7, attempts: 3 });
    expect(await readFile(path.join(dir, '2025-01.json'), 'utf8')).toBe(JSON.stringify(fakeStops(7)));
    expect(await readdir(dir)).toEqual(['2025-01.json']);
  });

  it('never leaves a partial file when every body is cut off', async () => {
    const { dir, deps } = await setup(times(10, { truncate: true }), { maxRetries: 2 });
    const [jan] = (await syncStops(deps, JAN)).months;
    expect(jan).toMatchObject({ status: 'failed', attempts: 3, path: null });
    expect(jan.error).toMatch(/^response was cut off: .* after 3 attempts\.$/);
    expect(existsSync(dir) ? await readdir(dir) : []).toEqual([]);
  });

  it('retries a complete answer that is not whole JSON', async () => {
    const { deps } = await setup([{ body: '[{"type":"Person search"},{"ty' }]);
    const [jan] = (await syncStops(deps, JAN)).months;
    expect(jan).toMatchObject({ status: 'downloaded', records: 7, attempts: 2 });
  });

  it('fails without retrying on JSON that is not an array', async () => {
    const { dir, deps } = await setup([{ body: '{"error":"something"}' }]);
    const [jan] = (await syncStops(deps, JAN)).months;
    expect(jan).toMatchObject({ status: 'failed', attempts: 1 });
    expect(jan.error).toMatch(/not an array of stop-and-search records/);
    expect(existsSync(dir)).toBe(false);
  });

  it('retries the index of published months too', async () => {
    server = await startPoliceApiServer({ months: { '2025-01': fakeStops(1) }, faults: { 'crimes-street-dates': [{ status: 500 }, { truncate: true }] } });
    raw = await tempDir();
    const [jan] = (await syncStops(syncTestDeps(server.url, raw.dir).deps, JAN)).months;
    expect(jan.status).toBe('downloaded');
    expect(server.count('/crimes-street-dates')).toBe(3);
  });

  it('throws a clear error when the API cannot be reached at all', async () => {
    const gone = await startPoliceApiServer();
    await gone.close();
    raw = await tempDir();
    const run = syncStops(syncTestDeps(gone.url, raw.dir, { maxRetries: 2 }).deps, JAN);
    await expect(run).rejects.toThrow(SyncError);
    await expect(run).rejects.toThrow(/^Could not get the list of published months from http:\/\/127\.0\.0\.1:\d+\/api\/crimes-street-dates: request failed: fetch failed \(ECONNREFUSED\) after 3 attempts\.$/);
    await expect(run).rejects.toMatchObject({ code: 'unavailable' });
  });
});
