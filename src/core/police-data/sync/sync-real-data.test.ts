import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPoliceApiServer, type PoliceApiServer } from '../../../../tests/support/police-api-server.ts';
import { tempDir } from '../../../../tests/support/sync-test-deps.ts';
import { SYNC_DEFAULTS, syncStops } from './sync.ts';

// The shared data folder sits beside the repository, not in it (too large, and not ours to commit).
const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));
const sharedData = path.resolve(repoRoot, '..', 'shared', 'data');
const metDir = path.join(sharedData, 'police-uk', 'stop-and-search', 'api-stops-force', 'metropolitan');

const EXPECTED: Record<string, number> = {
  '2024-09': 3253,
  '2024-10': 3400,
  '2024-11': 3389,
  '2024-12': 2836,
  '2025-01': 3646,
  '2025-02': 3506,
  '2025-03': 3824,
  '2025-04': 3541
};

describe.skipIf(!existsSync(metDir))(`syncStops on real Met answers (skipped when ${metDir} is absent)`, () => {
  let server: PoliceApiServer;
  let raw: Awaited<ReturnType<typeof tempDir>>;
  beforeAll(async () => {
    server = await startPoliceApiServer({ dir: metDir });
    raw = await tempDir('sync-real-');
  });
  afterAll(async () => {
    await server?.close();
    await raw?.remove();
  });

  it('downloads the 8 months with their record counts, and leaves the months around them unpublished', async () => {
    const report = await syncStops(
      { ...SYNC_DEFAULTS, fetch, baseUrl: server.url, rawDir: raw.dir },
      { force: 'metropolitan', from: '2024-08', to: '2025-05' }
    );
    const byMonth = Object.fromEntries(report.months.map((m) => [m.month, m]));
    expect(byMonth['2024-08'].status).toBe('unpublished');
    expect(byMonth['2025-05'].status).toBe('unpublished');
    for (const [month, records] of Object.entries(EXPECTED)) {
      expect(byMonth[month]).toMatchObject({ status: 'downloaded', records, attempts: 1 });
      const saved: unknown[] = JSON.parse(await readFile(byMonth[month].path!, 'utf8'));
      expect(saved).toHaveLength(records);
    }
  });
});
