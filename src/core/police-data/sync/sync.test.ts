import { readdir, readFile, writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startPoliceApiServer, type PoliceApiServer } from '../../../../tests/support/police-api-server.ts';
import { fakeStops, syncTestDeps, tempDir } from '../../../../tests/support/sync-test-deps.ts';
import { SyncError, syncStops } from './sync.ts';

let server: PoliceApiServer | undefined;
let raw: Awaited<ReturnType<typeof tempDir>> | undefined;
afterEach(async () => {
  await server?.close();
  await raw?.remove();
  server = raw = undefined;
});

async function setup(months: Record<string, unknown[]>, unpublished: string[] = []) {
  server = await startPoliceApiServer({ months, unpublished });
  raw = await tempDir();
  return { server, rawDir: raw.dir, ...syncTestDeps(server.url, raw.dir) };
}

describe('syncStops', () => {
  it('downloads each published month to <rawDir>/<force>/<YYYY-MM>.json', async () => {
    const { server, rawDir, deps } = await setup({ '2025-01': fakeStops(3), '2025-02': fakeStops(5), '2025-03': [] });
    const report = await syncStops(deps, { force: 'metropolitan', from: '2025-01', to: '2025-03' });

    expect(report).toMatchObject({ force: 'metropolitan', from: '2025-01', to: '2025-03' });
    expect(report.months.map((m) => [m.month, m.status, m.records, m.attempts])).toEqual([
      ['2025-01', 'downloaded', 3, 1],
      ['2025-02', 'downloaded', 5, 1],
      ['2025-03', 'downloaded', 0, 1]
    ]);
    const file = path.join(rawDir, 'metropolitan', '2025-02.json');
    expect(report.months[1].path).toBe(file);
    const body = await readFile(file);
    expect(report.months[1].bytes).toBe(body.length);
    // The raw body is kept as served, not re-serialised.
    expect(body.toString()).toBe(JSON.stringify(fakeStops(5)));
    expect(await readdir(path.join(rawDir, 'metropolitan'))).toEqual(['2025-01.json', '2025-02.json', '2025-03.json']);
    expect(server.count('/crimes-street-dates')).toBe(1);
    expect(server.count('/stops-force')).toBe(3);
  });

  it('reports months the force has not published without asking for them', async () => {
    const { server, deps } = await setup({ '2025-02': fakeStops(2) }, ['2025-03']);
    const report = await syncStops(deps, { force: 'metropolitan', from: '2025-01', to: '2025-04' });

    expect(report.months.map((m) => [m.month, m.status])).toEqual([
      ['2025-01', 'unpublished'], // not in the index at all
      ['2025-02', 'downloaded'],
      ['2025-03', 'unpublished'], // in the index, but only for another force
      ['2025-04', 'unpublished']
    ]);
    expect(report.months[0]).toEqual({ month: '2025-01', status: 'unpublished', path: null, bytes: 0, records: null, attempts: 0 });
    expect(server.requests.map((r) => r.month).filter(Boolean)).toEqual(['2025-02']);
  });

  it('resumes: a second run requests nothing and reports the months as cached', async () => {
    const { server, deps } = await setup({ '2025-01': fakeStops(3), '2025-02': fakeStops(4) });
    const req = { force: 'metropolitan', from: '2025-01', to: '2025-02' };
    const first = await syncStops(deps, req);
    const before = server.requests.length;
    const second = await syncStops(deps, req);

    expect(server.requests.length).toBe(before);
    expect(second.months.map((m) => [m.status, m.records, m.attempts])).toEqual([
      ['cached', 3, 0],
      ['cached', 4, 0]
    ]);
    expect(second.months.map((m) => [m.path, m.bytes])).toEqual(first.months.map((m) => [m.path, m.bytes]));
  });

  it('resumes a partial run: only missing or unreadable months are fetched', async () => {
    const { server, rawDir, deps } = await setup({ '2025-01': fakeStops(3), '2025-02': fakeStops(4), '2025-03': fakeStops(1) });
    await mkdir(path.join(rawDir, 'metropolitan'), { recursive: true });
    await writeFile(path.join(rawDir, 'metropolitan', '2025-01.json'), JSON.stringify(fakeStops(3)));
    await writeFile(path.join(rawDir, 'metropolitan', '2025-02.json'), '[{"cut": "off'); // e.g. copied by hand
    const report = await syncStops(deps, { force: 'metropolitan', from: '2025-01', to: '2025-03' });

    expect(report.months.map((m) => m.status)).toEqual(['cached', 'downloaded', 'downloaded']);
    expect(server.requests.map((r) => r.month).filter(Boolean)).toEqual(['2025-02', '2025-03']);
  });

  it('reports progress after every month', async () => {
    const calls: unknown[] = [];
    const { deps } = await setup({ '2025-01': fakeStops(1) });
    await syncStops({ ...deps, onProgress: (...args) => calls.push(args) }, { force: 'metropolitan', from: '2024-12', to: '2025-01' });
    expect(calls).toEqual([
      [1, 2, '2024-12'],
      [2, 2, '2025-01']
    ]);
  });

  it('rejects a force the index never mentions, before downloading anything', async () => {
    const { server, deps } = await setup({ '2025-01': fakeStops(1) });
    const run = syncStops(deps, { force: 'metropolitian', from: '2025-01', to: '2025-01' });
    await expect(run).rejects.toThrow(SyncError);
    await expect(run).rejects.toThrow(/no stop-and-search data for force 'metropolitian' in any month; check the force id/);
    await expect(run).rejects.toMatchObject({ code: 'not_found' });
    expect(server.count('/stops-force')).toBe(0);
  });
});
