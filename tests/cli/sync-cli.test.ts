import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot, sharedDataDir } from '../../src/core/paths.ts';
import { startPoliceApiServer, times, type PoliceApiServer } from '../support/police-api-server.ts';

const run = promisify(execFile);
const root = projectRoot();
const apiMonths = path.join(sharedDataDir(), 'police-uk', 'stop-and-search', 'api-stops-force', 'metropolitan');
const hasRealData = fs.existsSync(apiMonths);
if (!hasRealData) console.warn(`${apiMonths} not found: the real-data sync test is skipped.`);

async function scrutineer(args: string[], env: Record<string, string>) {
  try {
    const r = await run(process.execPath, [path.join(root, 'bin', 'scrutineer.js'), ...args], { env: { ...process.env, ...env }, maxBuffer: 64 * 1024 * 1024 });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

const record = (datetime: string) => ({
  age_range: '18-24', outcome: 'Arrest', involved_person: true, self_defined_ethnicity: 'White - Irish', gender: 'Male',
  legislation: 'Misuse of Drugs Act 1971 (section 23)', outcome_linked_to_object_of_search: null, datetime,
  removal_of_more_than_outer_clothing: false, outcome_object: { id: 'bu-arrest', name: 'Arrest' }, location: null,
  operation: false, officer_defined_ethnicity: 'White', type: 'Person search', operation_name: null, object_of_search: 'Controlled drugs'
});

describe('scrutineer sync over real HTTP', () => {
  let server: PoliceApiServer;
  let dataDir: string;
  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'scrutineer-sync-'));
    server = await startPoliceApiServer({
      months: { '2024-01': [record('2024-01-05T10:00:00+00:00'), record('2024-01-05T10:00:00+00:00')], '2024-02': [record('2024-02-01T09:00:00+00:00')] },
      unpublished: ['2024-03'],
      faults: { '2024-02': times(1, { status: 503 }) }
    });
  });
  afterAll(async () => {
    await server?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('downloads the published months, retries a 503, imports them, and resumes without asking again', async () => {
    const env = { SCRUTINEER_DATA_DIR: dataDir, SCRUTINEER_POLICE_API_URL: server.url };
    const first = await scrutineer(['sync', '--force', 'metropolitan', '--from', '2024-01', '--to', '2024-03', '--json'], env);
    expect(first.code, first.stderr).toBe(0);
    const report = JSON.parse(first.stdout);
    expect(report.sync.months.map((m: { month: string; status: string }) => `${m.month} ${m.status}`)).toEqual([
      '2024-01 downloaded',
      '2024-02 downloaded',
      '2024-03 unpublished'
    ]);
    expect(report.import.totals).toEqual({ read: 3, loaded: 3, quarantined: 0, skipped: 0 });
    expect(fs.existsSync(path.join(dataDir, 'imports', 'api', 'metropolitan', '2024-01.json'))).toBe(true);
    expect(server.count('/stops-force', '2024-02')).toBe(2);

    const again = await scrutineer(['sync', '--force', 'metropolitan', '--from', '2024-01', '--to', '2024-02', '--json'], env);
    expect(again.code, again.stderr).toBe(0);
    const second = JSON.parse(again.stdout);
    expect(second.sync.months.map((m: { status: string }) => m.status)).toEqual(['cached', 'cached']);
    expect(second.import.totals).toEqual({ read: 3, loaded: 0, quarantined: 0, skipped: 3 });
    expect(server.count('/stops-force', '2024-01')).toBe(1);
  });

  it('refuses a bad month with a clear message and exit status 2', async () => {
    const r = await scrutineer(['sync', '--force', 'metropolitan', '--from', '2024-13', '--to', '2024-02'], {
      SCRUTINEER_DATA_DIR: dataDir,
      SCRUTINEER_POLICE_API_URL: server.url
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/2024-13/);
  });
});

describe.skipIf(!hasRealData)('scrutineer sync of the real API months from a local mirror', () => {
  it('loads every record of the eight months', async () => {
    const server = await startPoliceApiServer({ dir: apiMonths });
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'scrutineer-sync-real-'));
    try {
      const r = await scrutineer(['sync', '--force', 'metropolitan', '--from', '2024-09', '--to', '2025-04', '--json'], {
        SCRUTINEER_DATA_DIR: dataDir,
        SCRUTINEER_POLICE_API_URL: server.url
      });
      expect(r.code, r.stderr).toBe(0);
      const report = JSON.parse(r.stdout);
      // PROVENANCE.md: 3,253 + 3,400 + 3,389 + 2,836 + 3,646 + 3,506 + 3,824 + 3,541 records.
      expect(report.import.totals.loaded).toBe(27_395);
      expect(report.import.totals.read).toBe(27_395);
    } finally {
      await server.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
