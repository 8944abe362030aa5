import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatValue } from '../../src/core/figures/format.ts';
import { figuresOf, NORTHBANK } from './support/main-scenario.ts';
import { expand, spreadOver } from './support/stops.ts';
import { boundaryFiles, figuresFixture, loadWarehouse, type TestWarehouse } from './support/warehouse.ts';

/**
 * The Met fills "Removal of more than just outer clothing" only from February 2024. Fixtures
 * (tests/fixtures/figures): January 2024, 12 person searches, all "False" as the Met wrote them;
 * February 2024, 12 person searches, 2 "True". All without coordinates. Beside them, testforce has
 * 3 records in Northbank Hill in February 2024.
 */
describe('the Metropolitan Police strip-search rule, and a borough among several forces', () => {
  let t: TestWarehouse;
  beforeAll(async () => {
    t = await loadWarehouse(
      [...boundaryFiles, figuresFixture('2024-01-metropolitan-stop-and-search.csv'), figuresFixture('2024-02-metropolitan-stop-and-search.csv')],
      { '2024-02-testforce-stop-and-search.csv': expand([[3, 'A', 'person', 'M', '18-24', 'White British', 'White', 's23', 'drugs', 'NFA', 'F', 'T']], spreadOver('2024-02')) }
    );
  });
  afterAll(() => t.close());

  it('before February 2024 the Met strip-search share is "not recorded" with value null, never 0%', async () => {
    const jan = await figuresOf(t, { area: 'metropolitan', from: '2024-01' });
    // 12 person searches, "False" in the file, but the field was not in use: 0 known of 12
    expect(jan.one('strip_search_share')).toMatchObject({
      numerator: 0,
      denominator: 0,
      value: null,
      ci95: null,
      coverage: { known: 0, total: 12 },
      flags: ['not_recorded']
    });
    expect(jan.all('strip_search_share').every((f) => f.value === null && f.flags.includes('not_recorded'))).toBe(true);
    expect(formatValue(jan.one('strip_search_share'))).toBe('not recorded');
  });

  it('from February 2024 the Met share is counted (2 of 12: too few to show, but not "not recorded")', async () => {
    const feb = await figuresOf(t, { area: 'metropolitan', from: '2024-02' });
    expect(feb.one('strip_search_share')).toMatchObject({ numerator: 2, denominator: 12, value: null, flags: ['suppressed', 'low_count'] });
  });

  it('a period across the change counts only the months the field was recorded', async () => {
    const both = await figuresOf(t, { area: 'metropolitan', from: '2024-01', to: '2024-02' });
    // January's 12 "False" are not counted as known: 2 of 12, coverage 12 of 24
    expect(both.one('strip_search_share')).toMatchObject({ numerator: 2, denominator: 12, coverage: { known: 12, total: 24 } });
  });

  it('other forces count the field in every month', async () => {
    const testforce = await figuresOf(t, { area: 'testforce', from: '2024-02' });
    expect(testforce.one('strip_search_share')).toMatchObject({ numerator: 3, denominator: 3, flags: ['suppressed', 'low_count'] });
  });

  it("a borough's context is the force whose records are in it, not the force with most records anywhere", async () => {
    // February 2024: Met 12 records (none placed), testforce 3 (all in Northbank)
    const northbank = await figuresOf(t, { area: NORTHBANK, from: '2024-02' });
    expect(northbank.one('searches').value).toBe(3);
    expect(northbank.context.force).toBe('testforce');
    expect(northbank.context.placement).toEqual({ forceRecords: 3, unlocated: 0, locatedOutsideAreas: 0 });
  });
});
