import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { figuresOf, loadMainScenario, NORTHBANK } from './support/main-scenario.ts';
import type { TestWarehouse } from './support/warehouse.ts';

// METRICS.md: a rate, share or ratio with numerator < 10 is suppressed (value null) and low_count;
// 10–29 is low_count; counts are always shown. Hand totals: support/main-scenario.ts.
describe('small numbers', () => {
  let t: TestWarehouse;
  let march: Awaited<ReturnType<typeof figuresOf>>;
  beforeAll(async () => {
    t = await loadMainScenario();
    march = await figuresOf(t, { area: NORTHBANK, from: '2024-03' });
  });
  afterAll(() => t.close());

  it('a numerator below 10 hides the value and interval but keeps numerator and denominator', () => {
    // Other: 3 of 107 -> suppressed
    expect(march.one('share', 'other', 'self_defined_ethnicity')).toMatchObject({
      numerator: 3,
      denominator: 107,
      value: null,
      ci95: null,
      flags: ['suppressed', 'low_count']
    });
    // Other's rate: 3 / 800 residents, and its ratio vs White
    expect(march.one('rate_per_1000', 'other')).toMatchObject({ numerator: 3, denominator: 800, value: null, flags: ['suppressed', 'low_count'] });
    expect(march.one('rate_ratio_vs_white', 'other')).toMatchObject({ value: null, ci95: null, flags: ['suppressed', 'low_count'] });
  });

  it('a numerator of 0 is suppressed too, never shown as 0%', () => {
    // Mixed arrests: 0 of 12
    expect(march.one('arrest_rate', 'mixed')).toMatchObject({ numerator: 0, denominator: 12, value: null, flags: ['suppressed', 'low_count'] });
  });

  it('a numerator of 10 to 29 is shown with low_count', () => {
    // Mixed: 12 of 107 = 0.11215
    const mixed = march.one('share', 'mixed', 'self_defined_ethnicity');
    expect(mixed.flags).toEqual(['low_count']);
    expect(mixed.value).toBeCloseTo(12 / 107, 12);
    expect(mixed.ci95).not.toBeNull();
    // Exactly 10: White formal outcomes 10 of 40 = 0.25
    expect(march.one('formal_outcome_rate', 'white')).toMatchObject({ numerator: 10, value: 0.25, flags: ['low_count'] });
    // 29 would still be low; 30 is not: White NFA 30 of 40
    expect(march.one('nfa_share', 'white')).toMatchObject({ numerator: 30, value: 0.75, flags: [] });
  });

  it('counts are never suppressed', () => {
    // 4 vehicle-only searches: the count is shown, while their share (4/112) is suppressed
    expect(march.one('searches', 'vehicle', 'type')).toMatchObject({ value: 4, flags: [] });
    const counts = march.figures.filter((f) => f.metric === 'searches' || f.metric === 's60_count');
    expect(counts.every((f) => f.value === f.numerator && !f.flags.includes('suppressed'))).toBe(true);
  });

  it('a count below 10 in a small area is shown too', async () => {
    // The day 2024-02-29 in Southmere has 1 record.
    const day = await figuresOf(t, { area: 'E09000099', from: '2024-02-29' });
    expect(day.one('searches')).toMatchObject({ value: 1, flags: [] });
  });

  it('a rate ratio is as unsure as its smaller count: a group of 12 against White 40 is low_count', () => {
    // Mixed 12 / 1,200 vs White 40 / 8,000: RR 10/5 = 2.0, min(12, 40) = 12 -> low_count
    expect(march.one('rate_ratio_vs_white', 'mixed')).toMatchObject({ value: 2, flags: ['low_count'] });
  });
});
