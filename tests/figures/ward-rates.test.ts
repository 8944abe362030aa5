import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDashboardQuery } from '../../src/core/dashboard/request.ts';
import { formatValue } from '../../src/core/figures/format.ts';
import { dashboardPage } from '../../src/lib/server/dashboard-page.ts';
import { wardPopulations } from '../../src/core/figures/ward-population.ts';
import { expectInterval } from './support/expect.ts';
import { figuresOf, loadMainScenario } from './support/main-scenario.ts';
import { figuresFixture, type TestWarehouse } from './support/warehouse.ts';

// Searches in March 2024 (support/main-scenario.ts): Northbank Hill 56, Northbank Green 26, Northbank
// Quay 30, Southmere West 20, Southmere East 0 (its one record is 1 April, London time).
// Populations (tests/fixtures/figures/ward-population-mid2020-persons.csv, mid-2020, 2020 wards):
// Northbank Hill 12,000, "NORTHBANK GREEN" 2,500, Northbank Quay 4,000, Northbank Wharf 3,000,
// Southmere West 4,000, Southmere East 1,500. The 2018 wards (wards-2018.geojson) share the 2022
// codes of Hill, Green, Southmere West and East; Quay and Wharf had other codes: Quay's 2022
// boundary is new (E05009803), so Quay gets no population although a 2020 ward has its name.
const HILL = 'E05009801';
const GREEN = 'E05009802';
const QUAY = 'E05009803';
const SOUTHMERE_WEST = 'E05009901';
const SOUTHMERE_EAST = 'E05009902';
const wardPopulation = figuresFixture('ward-population-mid2020-persons.csv');
const wards2018 = figuresFixture('wards-2018.geojson');

describe('ward searches per 1,000 residents', () => {
  let t: TestWarehouse;
  const rate = async (ward: string) => (await figuresOf(t, { area: ward, from: '2024-03' })).one('rate_per_1000');
  beforeAll(async () => {
    t = await loadMainScenario([wards2018, wardPopulation]);
  });
  afterAll(() => t.close());

  it('is all searches / all residents × 1000 with the Garwood interval, labelled with the mid-2020 source', async () => {
    // Hill: 56 / 12,000 × 1000 = 4.6667; Garwood [χ²(.025; 112)/2, χ²(.975; 114)/2] / 12,000 × 1000 = [3.5251, 6.0601]
    const hill = await rate(HILL);
    expect(hill).toMatchObject({ group: null, numerator: 56, denominator: 12000, flags: [], coverage: null });
    expect(hill.value).toBeCloseTo(4.6667, 4);
    expectInterval(hill.ci95, [3.5251, 6.0601]);
    expect(hill.method).toMatch(/ONS mid-2020 ward population estimates.*exact Poisson \(Garwood\)/);
    expect(hill.sources.at(-1)).toBe('ONS mid-2020 ward population estimates (SAPE23DT8a, persons, 2020 wards)');
    // Green: the estimates write "NORTHBANK GREEN"; names match whatever their case. 26 / 2,500 × 1000 = 10.4, [6.7936, 15.2384], low count
    const green = await rate(GREEN);
    expect(green).toMatchObject({ numerator: 26, denominator: 2500, value: 10.4, flags: ['low_count'] });
    expectInterval(green.ci95, [6.7936, 15.2384]);
    // Southmere West: 20 / 4,000 × 1000 = 5.0, [3.0541, 7.7221]
    expectInterval((await rate(SOUTHMERE_WEST)).ci95, [3.0541, 7.7221]);
  });

  it('is suppressed below 10 searches, as every rate is', async () => {
    const east = await rate(SOUTHMERE_EAST);
    expect(east).toMatchObject({ numerator: 0, denominator: 1500, value: null, ci95: null, flags: ['suppressed', 'low_count'] });
  });

  it('has no value for a ward whose boundary changed in 2022, even when a 2020 ward had its name', async () => {
    const quay = await rate(QUAY);
    expect(quay).toMatchObject({ numerator: 30, denominator: null, value: null, ci95: null, flags: ['no_population'] });
    expect(quay.method).toMatch(/boundary changed in May 2022/);
    expect(formatValue(quay)).toBe('no population');
  });

  it('gives boroughs their ethnic-group rates only: no all-residents ward figure', async () => {
    const borough = await figuresOf(t, { area: 'E09000098', from: '2024-03' });
    expect(borough.all('rate_per_1000').every((f) => f.group !== null)).toBe(true);
  });

  it("shows the rate in the dashboard's ward table and data, and says which wards have no population", async () => {
    const page = await dashboardPage(t.wh, 'northbank', parseDashboardQuery({ from: '2024-03' }));
    expect(page.wardMap!.table.columns.map((c) => c.label)).toEqual(['Ward', 'Searches', 'Share', 'Per 1,000 residents']);
    expect(page.wardMap!.table.rows).toEqual([
      ['Northbank Hill', '56', '50.0%', { text: '4.7', note: '3.5 to 6.1' }],
      ['Northbank Quay', '30', '26.8%', 'no population for the 2022 ward'],
      ['Northbank Green', '26', '23.2%', { text: '10.4', note: '6.8 to 15.2' }]
    ]);
    expect(page.wardMap!.caption).toContain('searches per 1,000 of all residents (ONS mid-2020 estimates) for the 2 wards whose boundary is unchanged since 2020');
    expect(page.wardRows.find((r) => r.code === HILL)).toMatchObject({ residents_mid2020: 12000, per_1000_ci95_low: expect.closeTo(3.5251, 4) });
    expect(page.wardRows.find((r) => r.code === QUAY)).toMatchObject({ residents_mid2020: null, per_1000_residents: null });
  });

  it('lists every ward in use with its population or the reason it has none', async () => {
    const all = await wardPopulations(<T,>(sql: string) => t.wh.query(sql) as Promise<T[]>);
    expect(all.map((w) => [w.code, w.persons])).toEqual([
      [GREEN, 2500],
      [HILL, 12000],
      [QUAY, null],
      [SOUTHMERE_EAST, 1500],
      [SOUTHMERE_WEST, 4000]
    ]);
  });
});

describe('ward populations without the pre-2022 wards', () => {
  let t: TestWarehouse;
  beforeAll(async () => {
    t = await loadMainScenario([wardPopulation]);
  });
  afterAll(() => t.close());

  it('gives no ward a population: whether a boundary changed cannot be checked', async () => {
    const hill = (await figuresOf(t, { area: HILL, from: '2024-03' })).one('rate_per_1000');
    expect(hill).toMatchObject({ value: null, denominator: null, flags: ['no_population'] });
    expect(hill.method).toMatch(/cannot be checked/);
  });
});
