import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addPlace, createIncident } from '../../src/core/cases/cases.ts';
import { recordsNearCase } from '../../src/core/cases/nearby.ts';
import { warehouseAreaFinder } from '../../src/core/cases/places.ts';
import { createFileStore } from '../../src/core/files/store.ts';
import { Forbidden } from '../../src/core/errors.ts';
import { databaseTargets } from '../support/databases.ts';
import { cast, openWorkspace, type TestWorkspace } from '../support/workspace.ts';
import { loadUnusualScenario } from '../figures/support/unusual-scenario.ts';
import type { TestWarehouse } from '../figures/support/warehouse.ts';

// The warehouse: tests/figures/support/unusual-scenario.ts (Northbank Hill: 2 a day, but 15 on 1 March 2024).
const [target] = databaseTargets();

describe('the records near an incident, and the unusual days it overlaps', () => {
  let ws: TestWorkspace;
  let t: TestWarehouse;
  let c: Awaited<ReturnType<typeof cast>>;
  beforeAll(async () => {
    [ws, t] = await Promise.all([openWorkspace(target), loadUnusualScenario()]);
    c = await cast(ws);
  });
  afterAll(async () => {
    await t?.close();
    await ws?.dispose();
  });

  it('counts the searches within 500 m from the day before to the day after, and finds the unusual day', async () => {
    const ctx = { ...ws, warehouse: t.wh, files: createFileStore('/nonexistent'), areas: warehouseAreaFinder(t.wh) };
    const inc = await createIncident(ctx, c.clerk, { panelId: c.hackney.id, title: 'Operation on Northbank Hill', startsOn: '2024-03-01', kinds: ['operation'] });
    const ref = { panelId: c.hackney.id, incidentId: inc.id };
    expect((await recordsNearCase(ctx, c.member, ref)).places).toBe(0);
    // The fixture's records are at 51.52, -0.185; this place is about 110 m north of them.
    const place = await addPlace(ctx, c.clerk, { ...ref, name: 'Northbank Hill market', latitude: '51.521', longitude: '-0.185' });
    expect(place).toMatchObject({ wardCode: 'E05009801', wardName: 'Northbank Hill', boroughCode: 'E09000098' });

    const near = await recordsNearCase(ctx, c.member, ref);
    expect(near).toMatchObject({ from: '2024-02-29', to: '2024-03-02', places: 1, total: 19, capped: false, unavailable: null });
    expect(near.byDay).toEqual([
      { date: '2024-02-29', count: 2 },
      { date: '2024-03-01', count: 15 },
      { date: '2024-03-02', count: 2 }
    ]);
    expect(near.records[0]).toMatchObject({ date: '2024-02-29', hour: 12, place: 'Northbank Hill market' });
    expect(near.records[0].metres).toBeGreaterThan(100);
    expect(near.records[0].metres).toBeLessThan(120);
    expect(near.unusual.map((d) => [d.date, d.area.code, d.count])).toContainEqual(['2024-03-01', 'E05009801', 15]);
    await expect(recordsNearCase(ctx, c.police, ref)).rejects.toBeInstanceOf(Forbidden);

    // A place 2 km away sees none of them.
    const far = await createIncident(ctx, c.clerk, { panelId: c.hackney.id, title: 'Elsewhere', startsOn: '2024-03-01', kinds: ['other'] });
    await addPlace(ctx, c.clerk, { panelId: c.hackney.id, incidentId: far.id, name: 'Far away', latitude: '51.538', longitude: '-0.185' });
    expect((await recordsNearCase(ctx, c.member, { panelId: c.hackney.id, incidentId: far.id })).total).toBe(0);
  });
});
