import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Invalid, NotFound } from '../../src/core/errors.ts';
import { importFiles } from '../../src/core/import/import.ts';
import { drawSample, parseSampleSize, type SampleRequest } from '../../src/core/reviews/sampling.ts';
import { Warehouse } from '../../src/core/warehouse/warehouse.ts';
import { loadMainScenario, NORTHBANK, SOUTHMERE } from '../figures/support/main-scenario.ts';
import type { TestWarehouse } from '../figures/support/warehouse.ts';
import { boundaryFiles, populationFiles } from '../figures/support/warehouse.ts';

/**
 * The figures' main scenario: Northbank (E09000098) has 112 records in March 2024 (self-defined:
 * Black 40, White 40, Mixed 12, Asian 12, Other 3, not stated 5; powers: s23 48, s60 26, PACE 22,
 * s47 3, other 8, unknown 5), Southmere none in March 2023.
 */
describe('drawing a sample from the warehouse', () => {
  let t: TestWarehouse;
  beforeAll(async () => {
    t = await loadMainScenario();
  });
  afterAll(async () => t?.close());

  const req = (over: Partial<SampleRequest> = {}): SampleRequest => ({ area: NORTHBANK, month: '2024-03', size: { count: 12 }, seed: 20240301, ...over });

  it('gives the same records for the same seed and arguments, others for another seed', async () => {
    const a = await drawSample(t.wh, req());
    expect(a.population).toBe(112);
    expect(a.records).toHaveLength(12);
    expect(new Set(a.records.map((r) => r.id)).size).toBe(12);
    expect((await drawSample(t.wh, req())).records).toEqual(a.records);
    expect((await drawSample(t.wh, req({ seed: 20240302 }))).records.map((r) => r.id)).not.toEqual(a.records.map((r) => r.id));
    expect(a.records[0]).toEqual({
      id: expect.stringMatching(/^testforce:2024-03:\d+$/),
      datetime: expect.stringMatching(/^2024-03-\d\dT12:00:00Z$/),
      latitude: 51.52,
      longitude: expect.any(Number),
      street: null,
      legislation: expect.any(String),
      object: expect.any(String),
      outcome: expect.any(String),
      ethnicGroup: expect.any(String),
      type: expect.any(String),
      stratum: 'all'
    });
    // Listed in time order, for the police.
    expect(a.records.map((r) => r.datetime)).toEqual([...a.records.map((r) => r.datetime)].sort());
  });

  it('gives the same records from a warehouse whose files were imported in another order, and after a re-import', async () => {
    const a = await drawSample(t.wh, req({ strata: 'ethnicity', size: { count: 20 } }));
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'scrutineer-sample-'));
    const wh = await Warehouse.open({ path: path.join(root, 'w.duckdb'), memoryLimit: '512MB', threads: 1, queryTimeoutMs: 10_000 });
    try {
      // The same police files, written out again from the first warehouse's source copies, imported last-first, in two goes.
      const copies = fs.mkdtempSync(path.join(root, 'in-'));
      const sources = await t.wh.query<{ origin: string; month: string }>(`SELECT origin, month FROM sources WHERE format = 'police-uk-stop-search-csv' ORDER BY month DESC`);
      const files = sources.map((s) => {
        const file = path.join(copies, path.basename(s.origin));
        fs.copyFileSync(s.origin, file);
        return file;
      });
      await importFiles(wh, path.join(root, 'data'), { paths: [...boundaryFiles, ...populationFiles, files[0]] });
      await importFiles(wh, path.join(root, 'data'), { paths: files.slice(1).reverse() });
      await importFiles(wh, path.join(root, 'data'), { paths: files }); // the same bytes again: nothing changes
      const order = (w: Warehouse) => w.query<{ month: string }>(`SELECT month FROM sources WHERE format = 'police-uk-stop-search-csv' ORDER BY id`);
      expect(await order(wh)).not.toEqual(await order(t.wh)); // really another import order
      const b = await drawSample(wh, req({ strata: 'ethnicity', size: { count: 20 } }));
      expect(b.records).toEqual(a.records);
    } finally {
      await wh.close();
      fs.rmSync(root, { recursive: true, force: true });
    }
  });

  it('allocates a stratified sample in proportion to the strata (worked by hand)', async () => {
    // 28 of 112 by ethnicity: 10 Black, 10 White, 3 Mixed, 3 Asian; Other 0.75 and not stated 1.25
    // share the last two, one each.
    const s = await drawSample(t.wh, req({ strata: 'ethnicity', size: { percent: 25 } }));
    expect(s.records).toHaveLength(28);
    const counts = Object.fromEntries(s.allocation.map((a) => [a.key, a.drawn]));
    expect(counts).toEqual({ asian: 3, black: 10, mixed: 3, other: 1, unknown: 1, white: 10 });
    for (const [key, n] of Object.entries(counts)) expect(s.records.filter((r) => r.ethnicGroup === key)).toHaveLength(n);
    // By power, 10 of 112: s23 4.29, s60 2.32, PACE 1.96, other 0.71, unknown 0.45, s47 0.27 ->
    // floors 4, 2, 1, 0, 0, 0 = 7; the three left go to PACE (.96), other (.71) and unknown (.45).
    const byPower = await drawSample(t.wh, req({ strata: 'power', size: { count: 10 } }));
    expect(Object.fromEntries(byPower.allocation.map((a) => [a.key, a.drawn]))).toEqual({
      cja_s139b: 1, cjpoa_s60: 2, firearms_s47: 0, misuse_of_drugs_s23: 4, pace_s1: 2, unknown: 1
    });
    const byOutcome = await drawSample(t.wh, req({ strata: 'outcome', size: { count: 5 } }));
    expect(byOutcome.records.every((r) => r.outcome === r.stratum)).toBe(true);
  });

  it('refuses bad requests with clear messages', async () => {
    await expect(drawSample(t.wh, req({ size: { count: 113 } }))).rejects.toThrow('Northbank has 112 records in March 2024: a sample of 113 is larger than that.');
    await expect(drawSample(t.wh, req({ area: 'Atlantis' }))).rejects.toBeInstanceOf(NotFound);
    await expect(drawSample(t.wh, req({ month: '2024-05' }))).rejects.toThrow(/No police data is loaded for May 2024 \(loaded: March 2023 to March 2024\)/);
    await expect(drawSample(t.wh, req({ area: SOUTHMERE, month: '2023-03' }))).rejects.toThrow('Southmere has no records in March 2023: there is nothing to sample.');
    await expect(drawSample(t.wh, req({ month: '2024-13' }))).rejects.toThrow(/not a month/);
    await expect(drawSample(t.wh, req({ seed: 0 }))).rejects.toThrow(/seed must be a whole number from 1/);
    await expect(drawSample(t.wh, req({ size: { percent: 0 } }))).rejects.toThrow(/more than 0%/);
  });

  it('reads sizes as counts or shares', () => {
    expect(parseSampleSize('20')).toEqual({ count: 20 });
    expect(parseSampleSize('12.5%')).toEqual({ percent: 12.5 });
    expect(() => parseSampleSize('a few')).toThrow(Invalid);
  });
});
