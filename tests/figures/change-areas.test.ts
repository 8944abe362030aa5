import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { concentration, type FigureBase } from '../../src/core/figures/builders.ts';
import { expectInterval } from './support/expect.ts';
import { figuresOf, loadMainScenario, NORTHBANK } from './support/main-scenario.ts';
import type { TestWarehouse } from './support/warehouse.ts';

// Northbank: March 2024 112 records (support/main-scenario.ts), February 2024 58, March 2023 56.
describe('change, concentration and ward figures', () => {
  let t: TestWarehouse;
  let march: Awaited<ReturnType<typeof figuresOf>>;
  beforeAll(async () => {
    t = await loadMainScenario();
    march = await figuresOf(t, { area: NORTHBANK, from: '2024-03' });
  });
  afterAll(() => t.close());

  it('change vs the previous period: searches per day, exact Poisson interval', () => {
    // (112 / 31 days) / (58 / 29 days) = 3.6129 / 2.0 = 1.80645
    // Exact conditional: Clopper–Pearson on 112 of 170, mapped by π/(1−π)·29/31 -> [1.3042, 2.5252]
    const previous = march.one('change_vs_previous');
    expect(previous).toMatchObject({ numerator: 112, denominator: 58, flags: [], comparedWith: { from: '2024-02-01', to: '2024-02-29' } });
    expect(previous.value).toBeCloseTo(112 / 31 / 2, 12);
    expectInterval(previous.ci95, [1.3042, 2.5252]);
  });

  it('change vs the same period a year before', () => {
    // 112 / 56, both 31 days = 2.0; Clopper–Pearson on 112 of 168 -> [1.4386, 2.8080]
    const lastYear = march.one('change_vs_last_year');
    expect(lastYear).toMatchObject({ numerator: 112, denominator: 56, value: 2, comparedWith: { from: '2023-03-01', to: '2023-03-31' } });
    expectInterval(lastYear.ci95, [1.4386, 2.808]);
  });

  it('no_comparison when the earlier period has no data loaded, never a fall to zero', async () => {
    // February 2024: January 2024 and February 2023 are not loaded.
    const feb = await figuresOf(t, { area: NORTHBANK, from: '2024-02' });
    for (const metric of ['change_vs_previous', 'change_vs_last_year'] as const)
      expect(feb.one(metric)).toMatchObject({ numerator: 58, value: null, ci95: null, flags: ['no_comparison'] });
    // March 2023: February 2023 and March 2022 are not loaded.
    const march2023 = await figuresOf(t, { area: NORTHBANK, from: '2023-03' });
    expect(march2023.one('change_vs_previous').flags).toEqual(['no_comparison']);
  });

  it('concentration: the smallest share of wards (and LSOAs) holding at least half the searches', () => {
    // Wards 56, 30, 26 of 112: the first holds 56 = exactly 50% -> 1 of 3 wards = 0.333
    expect(march.one('concentration', 'ward')).toMatchObject({ numerator: 1, denominator: 3, coverage: { known: 112, total: 112 } });
    expect(march.one('concentration', 'ward').value).toBeCloseTo(1 / 3, 12);
    // LSOAs 82 (001A: Hill + Green), 30 (001B: Quay) -> 1 of 2 = 0.5
    expect(march.one('concentration', 'lsoa')).toMatchObject({ numerator: 1, denominator: 2, value: 0.5 });
  });

  it('a force concentrates over its boroughs and wards, counting wards with no searches', async () => {
    const force = await figuresOf(t, { area: 'testforce', from: '2024-03' });
    // Boroughs 112, 20 of 132 placed: 112 ≥ 66 -> 1 of 2 = 0.5
    expect(force.one('concentration', 'borough')).toMatchObject({ numerator: 1, denominator: 2, value: 0.5 });
    // Wards 56, 30, 26, 20, 0 of 132: 56 < 66, 56 + 30 = 86 ≥ 66 -> 2 of 5 = 0.4
    expect(force.one('concentration', 'ward')).toMatchObject({ numerator: 2, denominator: 5, value: 0.4 });
  });

  it('concentration of 8, 1 and 1 searches: 1 of 3 wards, low_count (10 searches)', () => {
    const base: FigureBase = {
      scope: { area: { code: NORTHBANK, name: 'Northbank', level: 'borough' }, period: { from: '2024-03-01', to: '2024-03-31' }, grouping: 'census2021', ethnicity: 'self_defined_ethnicity' },
      sources: []
    };
    // 8 ≥ 10/2 -> k = 1; 1 / 3 = 0.333
    const f = concentration(base, 'ward', [1, 8, 1], 3);
    expect(f).toMatchObject({ numerator: 1, denominator: 3, flags: ['low_count'] });
    expect(f.value).toBeCloseTo(1 / 3, 12);
  });

  it('ward counts add up to the borough count; LSOA counts too', async () => {
    const count = async (area: string) => (await figuresOf(t, { area, from: '2024-03' })).one('searches').numerator;
    const wards = [await count('E05009801'), await count('E05009802'), await count('E05009803')];
    expect(wards).toEqual([56, 26, 30]);
    expect(wards.reduce((s, n) => s + n, 0)).toBe(112);
    expect((await count('E01009801')) + (await count('E01009802'))).toBe(112);
  });

  it('a ward has counts and shares, no ethnic-group rates and no concentration; its rate per 1,000 has no population here', async () => {
    const ward = await figuresOf(t, { area: 'E05009802', from: '2024-03' });
    // Northbank Green: 10 Black Caribbean, 10 White (W1), 4 White Irish, 2 blank = 26; White 14 of 24 known
    expect(ward.one('share', 'white', 'self_defined_ethnicity')).toMatchObject({ numerator: 14, denominator: 24 });
    // No ward population is loaded in this scenario (tests/figures/ward-rates.test.ts loads one).
    expect(ward.one('rate_per_1000')).toMatchObject({ group: null, numerator: 26, value: null, flags: ['no_population'] });
    expect(ward.one('rate_per_1000').method).toMatch(/^No ward population is loaded/);
    expect(ward.all('rate_per_1000')).toHaveLength(1);
    expect(ward.all('rate_ratio_vs_white')).toEqual([]);
    expect(ward.all('concentration')).toEqual([]);
  });

  it('every area figure set says how many of the force’s records could not be placed', () => {
    // testforce, March local dates: 137 records; 3 without coordinates, 2 located outside both boroughs
    expect(march.context.placement).toEqual({ forceRecords: 137, unlocated: 3, locatedOutsideAreas: 2 });
    expect(march.context.force).toBe('testforce');
    expect(march.context.sources).toEqual([expect.stringMatching(/^data\.police\.uk testforce stop-and-search 2024-03 \(sha256 [0-9a-f]{12}…\)$/)]);
  });
});
