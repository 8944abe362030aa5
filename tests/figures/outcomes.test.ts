import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectInterval } from './support/expect.ts';
import { figuresOf, loadMainScenario, NORTHBANK } from './support/main-scenario.ts';
import type { TestWarehouse } from './support/warehouse.ts';

// Hand totals: support/main-scenario.ts (Northbank, March 2024, 112 records).
describe('outcomes, finds, strip searches, age, powers and objects', () => {
  let t: TestWarehouse;
  let march: Awaited<ReturnType<typeof figuresOf>>;
  beforeAll(async () => {
    t = await loadMainScenario();
    march = await figuresOf(t, { area: NORTHBANK, from: '2024-03' });
  });
  afterAll(() => t.close());

  it('outcome rates overall: NFA, arrest and formal outcome of searches with known outcome', () => {
    // Known outcome 110 (2 blank). NFA 80 (58 "A no further action disposal" + 22 "Nothing found - no further action")
    // = 80/110 = 0.72727, Wilson [0.63743, 0.80177]
    const nfa = march.one('nfa_share');
    expect(nfa).toMatchObject({ numerator: 80, denominator: 110, coverage: { known: 110, total: 112 } });
    expectInterval(nfa.ci95, [0.63743, 0.80177]);
    // Arrest 18 (12 "Arrest" + 6 "Suspect arrested") / 110 = 0.16364
    expect(march.one('arrest_rate')).toMatchObject({ numerator: 18, denominator: 110 });
    // Formal: 110 − 80 NFA = 30 (18 arrest + 8 community resolution + 4 penalty notice) / 110 = 0.27273
    expect(march.one('formal_outcome_rate')).toMatchObject({ numerator: 30, denominator: 110, flags: [] });
    expect(march.one('formal_outcome_rate').value).toBeCloseTo(30 / 110, 12);
  });

  it('old and new outcome labels count together', () => {
    // Black arrests: 6 "Arrest" + 6 "Suspect arrested" = 12 of 40
    expect(march.one('arrest_rate', 'black')).toMatchObject({ numerator: 12, denominator: 40, value: 0.3 });
    // Black NFA: 10 "A no further action disposal" + 10 "Nothing found - no further action" = 20 of 40
    expect(march.one('nfa_share', 'black')).toMatchObject({ numerator: 20, denominator: 40, value: 0.5 });
  });

  it('outcome rates by group carry the difference from White with its Newcombe interval', () => {
    // NFA: Black 20/40 = 0.50, White 30/40 = 0.75; difference −0.25, Newcombe hybrid score [−0.4333, −0.0379]
    const nfa = march.one('nfa_share', 'black');
    expect(nfa.comparison?.vs).toBe('white');
    expect(nfa.comparison?.difference).toBeCloseTo(-0.25, 12);
    expectInterval(nfa.comparison?.ci95, [-0.4333, -0.0379]);
    // Formal: Black 20/40 = 0.50, White 10/40 = 0.25; difference +0.25, [0.0379, 0.4333]
    const formal = march.one('formal_outcome_rate', 'black');
    expect(formal.comparison?.difference).toBeCloseTo(0.25, 12);
    expectInterval(formal.comparison?.ci95, [0.0379, 0.4333]);
    // Arrest: White has 6 arrests (< 10, suppressed), so there is no difference to show.
    expect(march.one('arrest_rate', 'black').comparison).toEqual({ vs: 'white', difference: null, ci95: null });
    // White itself has no comparison.
    expect(march.one('nfa_share', 'white').comparison).toBeUndefined();
  });

  it('find rate: linked to object true / records where that field is known, with coverage', () => {
    // True 36 (Black 20, White 16); known 97 (112 − 10 Black Caribbean blank − 5 unknown-ethnicity blank)
    // 36/97 = 0.37113, Wilson [0.28162, 0.47046]
    const all = march.one('find_rate');
    expect(all).toMatchObject({ numerator: 36, denominator: 97, coverage: { known: 97, total: 112 }, flags: [] });
    expectInterval(all.ci95, [0.28162, 0.47046]);
    // Black 20/30 (10 blank) = 0.6667 vs White 16/40 = 0.40: difference 0.2667, Newcombe [0.0306, 0.4629]
    const black = march.one('find_rate', 'black');
    expect(black).toMatchObject({ numerator: 20, denominator: 30, coverage: { known: 30, total: 40 } });
    expect(black.comparison?.difference).toBeCloseTo(0.26667, 4);
    expectInterval(black.comparison?.ci95, [0.0306, 0.4629]);
  });

  it('strip-search share: removal true / person searches where recorded; vehicle-only searches are left out', () => {
    // Person or person-and-vehicle searches with the field filled: 112 − 4 vehicle-only − 5 blank = 103.
    // True: 6 + 6 Black + 6 White = 18 -> 18/103 = 0.17476, Wilson [0.11350, 0.25940], low_count (< 30)
    const strip = march.one('strip_search_share');
    expect(strip).toMatchObject({ numerator: 18, denominator: 103, coverage: { known: 103, total: 112 }, flags: ['low_count'] });
    expectInterval(strip.ci95, [0.1135, 0.2594]);
    // White: 6 of 36 (40 − 4 vehicle-only): suppressed, but its numerator and denominator stay visible
    expect(march.one('strip_search_share', 'white')).toMatchObject({ numerator: 6, denominator: 36, value: null });
    expect(march.one('strip_search_share', 'black')).toMatchObject({ numerator: 12, denominator: 40, value: 0.3 });
  });

  it('under-18 share: "under 10" and "10-17" / searches with known age', () => {
    // under 10: 2, 10-17: 6 + 6 = 12 -> 14 / 107 known (5 blank) = 0.13084, Wilson [0.07957, 0.20771]
    const young = march.one('under_18_share');
    expect(young).toMatchObject({ numerator: 14, denominator: 107, coverage: { known: 107, total: 112 } });
    expectInterval(young.ci95, [0.07957, 0.20771]);
  });

  it('power mix by legislation, "other" gathering the rest, and the s60 count', () => {
    // Known 107: s23 48, s60 26, PACE s1 22, firearms s47 3, other 8 (CJA 1988 s139B)
    const mix = Object.fromEntries(march.all('power_mix').map((f) => [f.group?.value, [f.numerator, f.denominator]]));
    expect(mix).toEqual({
      pace_s1: [22, 107],
      misuse_of_drugs_s23: [48, 107],
      cjpoa_s60: [26, 107],
      firearms_s47: [3, 107],
      other: [8, 107]
    });
    expect(march.one('power_mix', 'misuse_of_drugs_s23').value).toBeCloseTo(48 / 107, 12);
    // s60 count: 10 + 6 Black + 10 Mixed W+B Caribbean = 26; a count, so no flags
    expect(march.one('s60_count')).toMatchObject({ numerator: 26, value: 26, flags: [] });
  });

  it('object mix by object of search', () => {
    // Known 107: controlled drugs 48, offensive weapons 36, stolen goods 20, firearms 3
    const mix = Object.fromEntries(march.all('object_mix').map((f) => [f.group?.value, f.numerator]));
    expect(mix).toEqual({ controlled_drugs: 48, firearms: 3, offensive_weapons: 36, stolen_goods: 20 });
    expect(march.one('object_mix', 'offensive_weapons')).toMatchObject({ denominator: 107, coverage: { known: 107, total: 112 } });
  });
});
