import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymous } from '../../src/core/access/actor.ts';
import { recordsNearCase } from '../../src/core/cases/nearby.ts';
import { warehouseAreaFinder } from '../../src/core/cases/places.ts';
import { publishedCase } from '../../src/core/cases/publish.ts';
import { getCase } from '../../src/core/cases/read.ts';
import { createDemoPanel } from '../../src/core/demo/demo.ts';
import { ridleyRoadDataLink } from '../../src/core/demo/demo-cases.ts';
import type { Block, Stop } from '../figures/support/stops.ts';
import { onDay } from '../figures/support/stops.ts';
import { loadWarehouse, type TestWarehouse } from '../figures/support/warehouse.ts';
import { databaseTargets } from '../support/databases.ts';
import { openWorkspace, person, type TestWorkspace } from '../support/workspace.ts';
import { caseContext } from './support.ts';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/demo-case/${name}`, import.meta.url));
/** A search in the fixture's Dalston ward (point SW). */
const dalston: Block = [1, 'SW', 'person', 'M', '18-24', 'Black African', 'Black', 's23', 'drugs', 'NFA', 'F', 'F'];

/** 3 searches a day from 20 May to 31 July 2023, but 25 on 21 July: the unusual day. */
function records(): Record<string, Stop[]> {
  const files: Record<string, Stop[]> = {};
  for (const [month, from, days] of [['2023-05', 20, 31], ['2023-06', 1, 30], ['2023-07', 1, 31]] as const) {
    const stops: Stop[] = [];
    for (let d = from; d <= days; d++) {
      const day = `${month}-${String(d).padStart(2, '0')}`;
      stops.push(...onDay(day, day === '2023-07-21' ? 25 : 3, dalston, 9));
    }
    files[`${month}-testforce-stop-and-search.csv`] = stops;
  }
  return files;
}

const [target] = databaseTargets();

describe('the demonstration case file of the Ridley Road Market operation', () => {
  let ws: TestWorkspace;
  let t: TestWarehouse;
  let ctx: ReturnType<typeof caseContext>;
  beforeAll(async () => {
    [ws, t] = await Promise.all([openWorkspace(target), loadWarehouse([fixture('boroughs.geojson'), fixture('wards-2022.geojson')], records())]);
    ctx = caseContext(ws);
  });
  afterAll(async () => {
    ctx?.removeFiles();
    await t?.close();
    await ws?.dispose();
  });

  it('links the case to the unusual day found in the loaded data, and publishes it', async () => {
    const demo = await createDemoPanel({ ...ctx, warehouse: t.wh, areas: warehouseAreaFinder(t.wh) }, ws.cli, { borough: 'hackney' });
    expect(demo.case?.link).toMatchObject({ loaded: true, unusual: { date: '2023-07-21', area: 'Hackney', level: 'borough', count: 25, baseline: 3 } });
    const ref = { panelId: demo.panel.id, incidentId: demo.case!.incidentId };
    const clerk = await person(ws, 'clerk@example.org', { id: demo.panel.id, role: 'clerk' });

    // The case page's "unusual days the incident overlaps" finds the same day, in the borough and the ward.
    const near = await recordsNearCase({ ...ws, warehouse: t.wh }, clerk, ref);
    expect(near.unusual.map((d) => [d.date, d.area.name])).toEqual([
      ['2023-07-21', 'Hackney'],
      ['2023-07-21', 'Dalston']
    ]);

    const view = await getCase(ctx, clerk, ref);
    expect(view.places.map((p) => [p.name, p.wardName, p.boroughName])).toEqual([
      ['Ridley Road Market', 'Dalston', 'Hackney'],
      ['Dalston Kingsland station', 'Dalston', 'Hackney']
    ]);
    expect(view.sources).toHaveLength(4);
    expect(view.sources.every((s) => s.text.startsWith('DEMONSTRATION MATERIAL'))).toBe(true);
    expect(view.claims.filter((c) => c.relations.some((r) => r.kind === 'contradicts')).length).toBeGreaterThanOrEqual(4);
    expect(view.incident.summary).toContain('21 July 2023 is an unusual day in Hackney: 25 searches against about 3 on a usual day');
    expect(view.referrals).toHaveLength(1);

    const pub = await publishedCase(ws, anonymous, { borough: 'hackney', incidentId: ref.incidentId });
    expect(pub.version).toBe(1);
    expect(pub.summary.summary).toContain('unusual day in Hackney');
    const json = JSON.stringify(pub.summary);
    expect(json).not.toContain('Demo Witness');
    expect(json).not.toContain('Ama Boateng');
    expect(json).not.toContain('DEMO-PSD-0001');
    expect(pub.summary.sources.map((s) => s.kind)).toEqual(['police statement', 'news article', 'witness account', 'official letter']);
  });

  it('says the data is not loaded when there is no warehouse', async () => {
    expect(await ridleyRoadDataLink(null)).toMatchObject({ loaded: false });
  });
});
