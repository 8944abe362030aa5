import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectInterval } from './support/expect.ts';
import { figuresOf, loadMainScenario, NORTHBANK } from './support/main-scenario.ts';
import type { TestWarehouse } from './support/warehouse.ts';

// Hand totals of the fixture: support/main-scenario.ts (Northbank, March 2024).
describe('searches and shares', () => {
  let t: TestWarehouse;
  let march: Awaited<ReturnType<typeof figuresOf>>;
  beforeAll(async () => {
    t = await loadMainScenario();
    march = await figuresOf(t, { area: NORTHBANK, from: '2024-03' });
  });
  afterAll(() => t.close());

  it('searches counts every record of the area and period, and by type', () => {
    // 112 Northbank records with a March local date (Southmere, unlocated and outside records excluded).
    expect(march.one('searches')).toMatchObject({ numerator: 112, value: 112, denominator: null, group: null, flags: [] });
    // person 96, vehicle 4, person and vehicle 12 (= 112)
    expect(march.one('searches', 'person', 'type').value).toBe(96);
    expect(march.one('searches', 'vehicle', 'type').value).toBe(4);
    expect(march.one('searches', 'person_and_vehicle', 'type').value).toBe(12);
  });

  it('an ethnicity share is of records with ethnicity known; blank and "not stated" only lower the coverage', () => {
    // Black 40 / known 107 (112 − 3 "not stated" − 2 blank) = 0.3738; coverage 107 of 112
    const black = march.one('share', 'black', 'self_defined_ethnicity');
    expect(black).toMatchObject({ numerator: 40, denominator: 107, coverage: { known: 107, total: 112 }, flags: [] });
    expect(black.value).toBeCloseTo(40 / 107, 12);
    // No share figure for `unknown`: it is not a category, it is the missing coverage.
    expect(march.all('share', 'self_defined_ethnicity').map((f) => f.group?.value)).toEqual(['asian', 'black', 'mixed', 'other', 'white']);
  });

  it('a share carries its Wilson 95% interval', () => {
    // Wilson, z = 1.959964, p = 40/107 = 0.37383, n = 107: centre (p + z²/2n)/(1 + z²/n) = 0.37821,
    // half-width z/(1 + z²/n)·√(p(1−p)/n + z²/4n²) = 0.09018 -> [0.28803, 0.46838]
    expectInterval(march.one('share', 'black', 'self_defined_ethnicity').ci95, [0.28803, 0.46838]);
    // Outcome: NFA 80 / 110 known (2 blank) = 0.72727; Wilson [0.63743, 0.80177]
    const nfa = march.one('share', 'no_further_action', 'outcome');
    expect(nfa).toMatchObject({ numerator: 80, denominator: 110, coverage: { known: 110, total: 112 } });
    expectInterval(nfa.ci95, [0.63743, 0.80177]);
  });

  it('the shares of a dimension add up to 1 over the records with it known', () => {
    for (const dimension of ['self_defined_ethnicity', 'age_range', 'gender', 'outcome']) {
      const shares = march.all('share', dimension);
      const known = shares[0].denominator!;
      // e.g. ethnicity 12 + 40 + 12 + 3 + 40 = 107; age 2 + 12 + 36 + 45 + 12 = 107; gender 95 + 12 = 107; outcome 80 + 18 + 8 + 4 = 110
      expect(shares.every((f) => f.denominator === known)).toBe(true);
      expect(shares.reduce((s, f) => s + f.numerator, 0)).toBe(known);
      expect(shares.reduce((s, f) => s + f.numerator / f.denominator!, 0)).toBeCloseTo(1, 12);
    }
    // Where nothing is suppressed the shown values themselves add up to 1: gender 95/107 + 12/107.
    expect(march.all('share', 'gender').reduce((s, f) => s + f.value!, 0)).toBeCloseTo(1, 12);
  });

  it('old and new labels of one category are counted together', () => {
    // White: 26 "White - English/Welsh/…/British" + 10 "White - White British (W1)" + 4 "White - Irish" = 40
    expect(march.one('share', 'white', 'self_defined_ethnicity').numerator).toBe(40);
    // Mixed: 10 "Mixed/Multiple ethnic groups - White and Black Caribbean" + 2 "Mixed - White and Asian (M3)" = 12
    expect(march.one('share', 'mixed', 'self_defined_ethnicity').numerator).toBe(12);
  });

  it('officer-defined ethnicity is labelled as such, with its own coverage and no grouping', async () => {
    const officer = await figuresOf(t, { area: NORTHBANK, from: '2024-03', ethnicity: 'officer_defined_ethnicity' });
    expect(officer.context.ethnicity).toBe('officer_defined_ethnicity');
    expect(officer.all('share', 'self_defined_ethnicity')).toEqual([]);
    // Officer-defined Black: 40 self-defined Black + 10 self-defined Mixed W+B Caribbean = 50, of 110 known (2 blank)
    expect(officer.one('share', 'black', 'officer_defined_ethnicity')).toMatchObject({
      numerator: 50,
      denominator: 110,
      coverage: { known: 110, total: 112 },
      group: { dimension: 'officer_defined_ethnicity', value: 'black', grouping: null }
    });
    // Every ethnic-group figure of the set (shares, rates, outcome rates…) names the officer-defined dimension.
    expect(officer.figures.filter((f) => f.group?.dimension === 'officer_defined_ethnicity').length).toBeGreaterThan(20);
    expect(officer.figures.some((f) => f.group?.dimension === 'self_defined_ethnicity')).toBe(false);
  });
});
