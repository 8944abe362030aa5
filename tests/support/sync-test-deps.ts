import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { SyncDeps } from '../../src/core/police-data/sync/sync.ts';
import { fakeClock } from './fake-clock.ts';

/** Deps for syncStops against a test server, on virtual time so retries and limits cost nothing. */
export function syncTestDeps(baseUrl: string, rawDir: string, overrides: Partial<SyncDeps> = {}) {
  const clock = fakeClock();
  const deps: SyncDeps = {
    fetch,
    baseUrl,
    rawDir,
    requestsPerSecond: 15,
    maxRetries: 5,
    sleep: clock.sleep,
    now: clock.now,
    random: () => 0.5,
    ...overrides
  };
  return { deps, clock };
}

/** n small records shaped like the API's, told apart by `datetime`. */
export function fakeStops(n: number, month = '2025-01'): Array<Record<string, unknown>> {
  return Array.from({ length: n }, (_, i) => ({
    type: 'Person search',
    datetime: `${month}-01T00:${String(i % 60).padStart(2, '0')}:00+00:00`,
    location: i % 3 === 0 ? null : { latitude: '51.5', longitude: '-0.1', street: { id: i, name: 'On or near Test Street' } },
    outcome: 'A no further action disposal'
  }));
}

/** A fresh temporary folder and a function that removes it. */
export async function tempDir(prefix = 'sync-'): Promise<{ dir: string; remove: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), prefix));
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}
