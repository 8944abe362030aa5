import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NotFound } from '../errors.ts';
import { loadMainScenario, NORTHBANK } from '../../../tests/figures/support/main-scenario.ts';
import type { TestWarehouse } from '../../../tests/figures/support/warehouse.ts';
import { cachedMonthlyPack } from './cache.ts';
import { monthlyPack, packSubject, shiftMonth } from './pack.ts';
import { comparisonTable, searchesByMonth } from './table.ts';

// The figures' main scenario (tests/figures/support/main-scenario.ts): testforce, Northbank, with
// March 2024, February 2024 and March 2023 loaded, and January 2024 and December 2023 not.
describe('monthlyPack (medium: a real warehouse of hand-made records)', () => {
  let t: TestWarehouse;

  beforeAll(async () => {
    t = await loadMainScenario();
  });

  afterAll(async () => {
    await t?.close();
  });

  it('holds the month, the three before and a year before, with missing months as null', async () => {
    const pack = await monthlyPack(t.wh, { borough: 'northbank', month: '2024-03' });
    expect(pack.subject).toMatchObject({ borough: { code: NORTHBANK, name: 'Northbank', level: 'borough' }, slug: 'northbank', month: '2024-03' });
    expect(pack.force).toBe('testforce');
    expect(pack.earlier.map((e) => [e.month, e.role, e.set === null ? 'missing' : 'loaded'])).toEqual([
      ['2024-02', 'previous', 'loaded'],
      ['2024-01', 'previous', 'missing'],
      ['2023-12', 'previous', 'missing'],
      ['2023-03', 'year_before', 'loaded']
    ]);
    expect(searchesByMonth(pack)).toEqual([
      { month: '2023-03', searches: 56 },
      { month: '2023-12', searches: null },
      { month: '2024-01', searches: null },
      { month: '2024-02', searches: 58 },
      { month: '2024-03', searches: 112 }
    ]);
    expect(pack.forceArea?.context.area).toMatchObject({ code: 'testforce', level: 'force' });
    expect(pack.appendix.coverage).toMatchObject({ force: 'testforce', forceRecords: 137, unlocated: 3, missingMonths: ['2024-01', '2023-12'], stripSearchRecorded: true });
  });

  it('never shows a missing month as zero in the comparison table', async () => {
    const table = comparisonTable(await monthlyPack(t.wh, { borough: NORTHBANK, month: '2024-03' }));
    expect(table.columns.map((c) => [c.label, c.kind, c.loaded])).toEqual([
      ['Mar 2024', 'current', true],
      ['Testforce Police area', 'force_area', true],
      ['Feb 2024', 'previous', true],
      ['Jan 2024', 'previous', false],
      ['Dec 2023', 'previous', false],
      ['Mar 2023', 'year_before', true]
    ]);
    const searches = table.rows.find((r) => r.key.metric === 'searches');
    expect(searches?.cells.map((c) => c?.numerator ?? null)).toEqual([112, 137, 58, null, null, 56]);
    const ratio = table.rows.find((r) => r.key.metric === 'rate_ratio_vs_white' && r.key.value === 'black');
    expect(ratio?.cells[0]?.value).toBeCloseTo(4, 6); // (40 / 2,000) / (40 / 8,000)
  });

  it('suggests questions drawn from the month', async () => {
    const pack = await monthlyPack(t.wh, { borough: 'Northbank', month: '2024-03' });
    const rules = pack.questions.map((q) => q.rule);
    expect(rules).toContain('disproportionate_searching');
    expect(rules).toContain('strip_searches');
    expect(rules).toContain('section_60');
    expect(rules).not.toContain('searches_without_location'); // 3 of 137 is under 5%
    const s60 = pack.questions.find((q) => q.rule === 'section_60');
    expect(s60?.text).toBe(
      'Section 60 was used for 26 searches in Northbank in March 2024. Please share each authorisation: who authorised it, for which area and hours, on what intelligence, and what the searches found.'
    );
    for (const q of pack.questions) expect(q.figures.length + q.unusualDays.length + (q.placement ? 1 : 0)).toBeGreaterThan(0);
  });

  it('lists every source with its full SHA-256', async () => {
    const pack = await monthlyPack(t.wh, { borough: 'northbank', month: '2024-03' });
    const police = pack.appendix.sources.filter((s) => s.role === 'police');
    expect(police.map((s) => s.month)).toEqual(['2024-03', '2024-02', '2023-03']);
    expect(pack.appendix.sources.map((s) => s.role)).toEqual(expect.arrayContaining(['police', 'boundaries', 'population', 'lookup']));
    for (const s of pack.appendix.sources) expect(s.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('remembers a pack until the next import', async () => {
    const req = { borough: 'northbank', month: '2024-03' };
    const first = await cachedMonthlyPack(t.wh, req);
    expect(await cachedMonthlyPack(t.wh, req)).toBe(first);
    expect(await cachedMonthlyPack(t.wh, { ...req, ethnicity: 'officer_defined_ethnicity' })).not.toBe(first);
    t.wh.invalidate(); // what every import does
    const after = await cachedMonthlyPack(t.wh, req);
    expect(after).not.toBe(first);
    expect(after.current.figures).toEqual(first.current.figures);
  });

  it('is a NotFound, saying why, for an unknown borough, a bad month or a month not loaded', async () => {
    await expect(packSubject(t.wh, { borough: 'atlantis', month: '2024-03' })).rejects.toThrow(/no borough called "atlantis"/);
    await expect(packSubject(t.wh, { borough: 'northbank', month: '2024-13' })).rejects.toThrow(/"2024-13" is not a month/);
    const missing = packSubject(t.wh, { borough: 'northbank', month: '2024-01' });
    await expect(missing).rejects.toBeInstanceOf(NotFound);
    await expect(missing).rejects.toThrow('There is no data pack for Northbank for January 2024: no stop-and-search records are loaded for that month. Loaded months run from March 2023 to March 2024');
  });
});

describe('addresses and months', () => {
  it('shifts months across years', () => {
    expect(shiftMonth('2024-02', -3)).toBe('2023-11');
    expect(shiftMonth('2023-07', -12)).toBe('2022-07');
    expect(shiftMonth('2023-12', 1)).toBe('2024-01');
  });
});
