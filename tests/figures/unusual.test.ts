import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { poissonUpperTail } from '../../src/core/figures/stats/index.ts';
import { findUnusualDays } from '../../src/core/figures/unusual.ts';
import { loadUnusualScenario } from './support/unusual-scenario.ts';
import type { TestWarehouse } from './support/warehouse.ts';

const HILL = 'E05009801';

// Fixture: support/unusual-scenario.ts (Northbank Hill, 2 a day in January–March 2024, 6 a day in May).
describe('unusual days', () => {
  let t: TestWarehouse;
  beforeAll(async () => {
    t = await loadUnusualScenario();
  });
  afterAll(() => t.close());

  it('a day of 15 against a steady 2 a day is flagged with its count, baseline, ratio and p', async () => {
    const { days } = await findUnusualDays(t.wh, { area: HILL, from: '2024-03' });
    // Only 1 March: the 9 of 10 March is below the minimum count of 10.
    expect(days.map((d) => d.date)).toEqual(['2024-03-01']);
    const [day] = days;
    // Previous 56 days: 5 January – 29 February, all loaded, 2 a day -> baseline 112 / 56 = 2.0; ratio 15 / 2 = 7.5
    expect(day).toMatchObject({ area: { code: HILL, name: 'Northbank Hill', level: 'ward' }, count: 15, baseline: 2, ratio: 7.5, baselineDays: 56 });
    // p = P(X ≥ 15 | Poisson(2)) = 3.87e-9 < 0.001
    expect(day.p).toBe(poissonUpperTail(15, 2));
    expect(day.p).toBeCloseTo(3.8712e-9, 12);
  });

  it('reports what the day was made of: powers, objects, ethnicity, outcomes and local hours', async () => {
    const [day] = (await findUnusualDays(t.wh, { area: HILL, from: '2024-03-01' })).days;
    // 10 under s60 from 14:00 UTC, 5 under PACE s1 from 15:00 UTC; 1 March is GMT, so the same local hours
    expect(day.makeup.legislation).toEqual({ cjpoa_s60: 10, pace_s1: 5 });
    expect(day.makeup.hour).toEqual({ '14': 10, '15': 5 });
    expect(day.makeup.object_of_search).toEqual({ offensive_weapons: 15 });
    expect(day.makeup.self_defined_ethnicity).toEqual({ black: 15 });
    expect(day.makeup.outcome).toEqual({ no_further_action: 15 });
  });

  it('a day of 9 is never flagged, though its p is below 0.001', async () => {
    // 10 March: baseline over 14 January – 9 March: 47 days × 2 (to 29 Feb) + 15 (1 Mar) + 8 × 2 (2–9 Mar) = 125 / 56 = 2.232;
    // P(X ≥ 9 | 2.232) = 0.00052 < 0.001, but 9 < 10
    expect(poissonUpperTail(9, 125 / 56)).toBeLessThan(0.001);
    const { days } = await findUnusualDays(t.wh, { area: HILL, from: '2024-03-10' });
    expect(days).toEqual([]);
  });

  it('a borough request reports the borough and its wards', async () => {
    const { area, days } = await findUnusualDays(t.wh, { area: 'Northbank', from: '2024-03' });
    expect(area.level).toBe('borough');
    // All records are in Northbank Hill, so the borough's day is the same day with the same numbers.
    expect(days.map((d) => [d.area.level, d.area.code, d.date, d.count])).toEqual(
      expect.arrayContaining([
        ['borough', 'E09000098', '2024-03-01', 15],
        ['ward', HILL, '2024-03-01', 15]
      ])
    );
    expect(days).toHaveLength(2);
  });

  it('after a month missing from the data, the baseline is the mean over the covered days only', async () => {
    const { days } = await findUnusualDays(t.wh, { area: HILL, from: '2024-05' });
    // 29 May (12): the 56 days before run from 3 April, but April is not loaded; covered are 1–28 May,
    // 6 a day -> baseline 6.0, P(X ≥ 12 | 6) = 0.020: not unusual. Counting April as 56 − 28 days of zero
    // would give a baseline of 3.0 and P(X ≥ 12 | 3) = 0.00007: a false flag.
    expect(days.map((d) => d.date)).toEqual(['2024-05-31']);
    // 31 May (25): covered 1–30 May = 30 days, (28 × 6 + 12 + 6) / 30 = 186 / 30 = 6.2; ratio 25 / 6.2 = 4.03
    expect(days[0]).toMatchObject({ count: 25, baseline: 6.2, ratio: 4.03, baselineDays: 30 });
    expect(days[0].p).toBe(poissonUpperTail(25, 186 / 30));
    // 13:00 UTC on 31 May is 14:00 BST
    expect(days[0].makeup.hour).toEqual({ '14': 25 });
  });

  it('rejects a bad period like the figures do', async () => {
    await expect(findUnusualDays(t.wh, { area: HILL, from: '2024-13' })).rejects.toThrow('--from "2024-13" is not a date');
  });
});
