import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectInterval } from './support/expect.ts';
import { figuresOf, loadMainScenario, NORTHBANK } from './support/main-scenario.ts';
import type { TestWarehouse } from './support/warehouse.ts';

// Searches: support/main-scenario.ts. Residents (tests/fixtures/figures/census-ts021.csv), Northbank:
// Asian 4,000, Black 2,000, Mixed 1,200 (W+B African 200, W+B Caribbean 500), White 8,000, Other 800.
describe('rates per 1,000 residents and rate ratios vs White', () => {
  let t: TestWarehouse;
  let census: Awaited<ReturnType<typeof figuresOf>>;
  let alternative: Awaited<ReturnType<typeof figuresOf>>;
  beforeAll(async () => {
    t = await loadMainScenario();
    census = await figuresOf(t, { area: NORTHBANK, from: '2024-03' });
    alternative = await figuresOf(t, { area: NORTHBANK, from: '2024-03', grouping: 'black_incl_mixed_black' });
  });
  afterAll(() => t.close());

  it('rate per 1,000: searches of the group / residents of the group × 1000, Garwood interval', () => {
    // Black: 40 / 2,000 × 1000 = 20.0; Garwood [χ²(.025; 80)/2, χ²(.975; 82)/2] / 2,000 × 1000 = [14.288, 27.234]
    const black = census.one('rate_per_1000', 'black');
    expect(black).toMatchObject({ numerator: 40, denominator: 2000, value: 20, flags: [] });
    expectInterval(black.ci95, [14.2883, 27.2343]);
    // White: 40 / 8,000 × 1000 = 5.0; Asian: 12 / 4,000 × 1000 = 3.0; Mixed: 12 / 1,200 × 1000 = 10.0
    expect(census.one('rate_per_1000', 'white').value).toBe(5);
    expect(census.one('rate_per_1000', 'asian').value).toBeCloseTo(3, 12);
    expect(census.one('rate_per_1000', 'mixed').value).toBeCloseTo(10, 12);
    // Coverage: ethnicity known for 107 of 112 searches.
    expect(black.coverage).toEqual({ known: 107, total: 112 });
  });

  it('rate ratio vs White with the Katz interval', () => {
    // Black 20.0 / White 5.0 = 4.0; Katz exp(ln 4 ± 1.96·√(1/40 − 1/2000 + 1/40 − 1/8000)) = exp(ln 4 ± 1.96·√0.049375) = [2.5877, 6.1831]
    const black = census.one('rate_ratio_vs_white', 'black');
    expect(black).toMatchObject({ numerator: 40, denominator: 2000, value: 4, flags: [] });
    expectInterval(black.ci95, [2.5877, 6.1831]);
    // Asian 3.0 / 5.0 = 0.6; √(1/12 − 1/4000 + 1/40 − 1/8000) = √0.107958 -> [0.3151, 1.1424]; 12 searches: low_count
    const asian = census.one('rate_ratio_vs_white', 'asian');
    expect(asian.value).toBeCloseTo(0.6, 12);
    expectInterval(asian.ci95, [0.3151, 1.1424]);
    expect(asian.flags).toEqual(['low_count']);
    // No ratio of White to itself.
    expect(census.all('rate_ratio_vs_white').map((f) => f.group?.value)).not.toContain('white');
  });

  it('the alternative grouping moves Mixed White and Black Caribbean into Black, numerator and population', () => {
    // Black: searches 40 + 10 W+B Caribbean = 50; residents 2,000 + 500 W+B Caribbean + 200 W+B African = 2,700
    // rate 50 / 2,700 × 1000 = 18.519; RR 18.519 / 5.0 = 3.7037;
    // Katz √(1/50 − 1/2700 + 1/40 − 1/8000) = √0.044505 -> exp(ln 3.7037 ± 0.41349) = [2.4494, 5.6003]
    const rate = alternative.one('rate_per_1000', 'black');
    expect(rate).toMatchObject({ numerator: 50, denominator: 2700 });
    expect(rate.value).toBeCloseTo(18.5185, 4);
    const rr = alternative.one('rate_ratio_vs_white', 'black');
    expect(rr).toMatchObject({ numerator: 50, denominator: 2700 });
    expect(rr.value).toBeCloseTo(3.7037, 4);
    expectInterval(rr.ci95, [2.4494, 5.6003]);
    // Mixed keeps the rest: 2 searches (W+Asian), residents 300 + 200 other mixed = 500
    expect(alternative.one('rate_per_1000', 'mixed')).toMatchObject({ numerator: 2, denominator: 500 });
    // White is untouched: 40 / 8,000
    expect(alternative.one('rate_per_1000', 'white')).toMatchObject({ numerator: 40, denominator: 8000, value: 5 });
    // Shares follow too: Black 50 of 107 known
    expect(alternative.one('share', 'black', 'self_defined_ethnicity').numerator).toBe(50);
  });

  it('every self-defined figure says which grouping it used', () => {
    for (const [set, grouping] of [[census, 'census2021'], [alternative, 'black_incl_mixed_black']] as const) {
      expect(set.context.grouping).toBe(grouping);
      const ethnic = set.figures.filter((f) => f.group?.dimension === 'self_defined_ethnicity');
      expect(ethnic.length).toBeGreaterThan(20);
      expect(ethnic.every((f) => f.group!.grouping === grouping)).toBe(true);
      // Other dimensions have no ethnic grouping.
      expect(set.figures.filter((f) => f.group && f.group.dimension !== 'self_defined_ethnicity').every((f) => f.group!.grouping === null)).toBe(true);
    }
  });

  it('rates cite the census as a source', () => {
    expect(census.one('rate_per_1000', 'black').sources).toContain('ONS Census 2021 TS021 (usual residents)');
    expect(census.one('rate_ratio_vs_white', 'black').method).toMatch(/Katz/);
  });

  it('a force uses the residents of the local authorities of its police force area', async () => {
    const force = await figuresOf(t, { area: 'testforce', from: '2024-03' });
    // Lookup: Northbank and Southmere -> "Testforce Police". Black residents 2,000 + 1,500 = 3,500;
    // White 8,000 + 2,500 = 10,500. Searches, including the 5 not placed in a borough (ethnicity blank):
    // Black 40; White 40 + 20 (Southmere) = 60.
    // Black 40 / 3,500 × 1000 = 11.429; White 60 / 10,500 × 1000 = 5.714; RR = 2.0
    // Katz √(1/40 − 1/3500 + 1/60 − 1/10500) = √0.041286 -> exp(ln 2 ± 0.39825) = [1.3430, 2.9784]
    expect(force.one('rate_per_1000', 'black')).toMatchObject({ numerator: 40, denominator: 3500 });
    expect(force.one('rate_per_1000', 'white')).toMatchObject({ numerator: 60, denominator: 10500 });
    const rr = force.one('rate_ratio_vs_white', 'black');
    expect(rr.value).toBeCloseTo(2, 12);
    expectInterval(rr.ci95, [1.343, 2.9784]);
    // 112 + 20 + 3 unlocated + 2 outside = 137 force records with a March local date.
    expect(force.one('searches').value).toBe(137);
  });
});
