import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeBoroughMonths } from '../../src/core/figures/batch.ts';
import { computeFigures } from '../../src/core/figures/compute.ts';
import { loadMainScenario, NORTHBANK, SOUTHMERE } from './support/main-scenario.ts';
import type { TestWarehouse } from './support/warehouse.ts';

describe('many boroughs and months at once', () => {
  let t: TestWarehouse;
  beforeAll(async () => {
    t = await loadMainScenario();
  });
  afterAll(() => t.close());

  it.each(['census2021', 'black_incl_mixed_black'] as const)('gives exactly the figure sets of one borough and month at a time (%s)', async (grouping) => {
    const months = ['2024-02', '2024-03'];
    const sets = await computeBoroughMonths(t.wh, { boroughs: [NORTHBANK, SOUTHMERE], months, grouping });
    expect(sets).toHaveLength(4);
    for (const set of sets) {
      const one = await computeFigures(t.wh, { area: set.context.area.code, from: set.context.period.from.slice(0, 7), grouping });
      expect(set).toEqual(one);
    }
  });

  it('refuses a borough that is not in the boundaries in use', async () => {
    await expect(computeBoroughMonths(t.wh, { boroughs: ['E09000097'], months: ['2024-03'] })).rejects.toThrow(/No borough with code E09000097/);
  });
});
