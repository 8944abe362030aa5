import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Invalid, NotFound } from '../../src/core/errors.ts';
import { computeFigures } from '../../src/core/figures/compute.ts';
import { parsePeriod } from '../../src/core/figures/period.ts';
import { figuresOf, loadMainScenario, NORTHBANK, SOUTHMERE } from './support/main-scenario.ts';
import type { TestWarehouse } from './support/warehouse.ts';

describe('London dates, areas and periods', () => {
  let t: TestWarehouse;
  beforeAll(async () => {
    t = await loadMainScenario();
  });
  afterAll(() => t.close());

  const searches = async (area: string, from: string, to?: string) => (await figuresOf(t, { area, from, to })).one('searches').value;

  it('a record at 2024-03-31T23:30Z is on 1 April, London time (BST began that night)', async () => {
    // Southmere: 20 records at noon on 1–20 March, and one at 23:30 UTC on 31 March = 00:30 BST on 1 April.
    expect(await searches(SOUTHMERE, '2024-04-01')).toBe(1);
    expect(await searches(SOUTHMERE, '2024-03')).toBe(20);
    // The whole force: 137 in March (support/main-scenario.ts), and this one on 1 April.
    expect(await searches('testforce', '2024-03')).toBe(137);
    expect(await searches('testforce', '2024-04-01')).toBe(1);
    // It came in the March file, but April's data is not loaded: the period says so.
    expect((await computeFigures(t.wh, { area: SOUTHMERE, from: '2024-04' })).context.missingMonths).toEqual(['2024-04']);
  });

  it('a day of a loaded month with no searches has zero searches, not an error', async () => {
    // Southmere's March records are at noon on 1–20 March: 25 March is loaded but empty.
    expect(await searches(SOUTHMERE, '2024-03-25')).toBe(0);
    expect(await searches('testforce', '2024-03-25')).toBeGreaterThanOrEqual(0);
  });

  it('a record at 2024-02-29T23:30Z stays on 29 February (GMT)', async () => {
    expect(await searches(SOUTHMERE, '2024-02-29')).toBe(1);
    // 1 March has only the noon record of the March file.
    expect(await searches(SOUTHMERE, '2024-03-01')).toBe(1);
  });

  it('an area is found by its code in any case, or by its name in any case', async () => {
    const area = async (text: string) => (await computeFigures(t.wh, { area: text, from: '2024-03' })).context.area;
    const northbank = { code: NORTHBANK, name: 'Northbank', level: 'borough' };
    expect(await area('E09000098')).toEqual(northbank);
    expect(await area('e09000098')).toEqual(northbank);
    expect(await area('NORTHBANK')).toEqual(northbank);
    expect(await area('  northbank ')).toEqual(northbank);
    expect(await area('northbank hill')).toEqual({ code: 'E05009801', name: 'Northbank Hill', level: 'ward' });
    expect(await area('E01009802')).toEqual({ code: 'E01009802', name: 'Northbank 001B', level: 'lsoa' });
    expect(await area('TestForce')).toEqual({ code: 'testforce', name: 'Testforce', level: 'force' });
  });

  it('an unknown area is a NotFound that says what to give instead', async () => {
    const err = await computeFigures(t.wh, { area: 'Atlantis', from: '2024-03' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(NotFound);
    expect((err as Error).message).toBe(
      'No area or force called "Atlantis". Use a borough, ward or LSOA GSS code or name (e.g. E09000012 or Hackney), or a force: testforce.'
    );
  });

  it('a period with no data loaded is a NotFound that says which months are loaded', async () => {
    const err = await computeFigures(t.wh, { area: NORTHBANK, from: '2019-01' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(NotFound);
    // Loaded: 2023-03, 2024-02, 2024-03
    expect((err as Error).message).toMatch(/^No stop-and-search records are loaded for 2019-01-01 to 2019-01-31\. Loaded months run from 2023-03 to 2024-03/);
    const forForce = await computeFigures(t.wh, { area: 'testforce', from: '2023-06' }).catch((e: unknown) => e);
    expect(forForce).toBeInstanceOf(NotFound);
    expect((forForce as Error).message).toContain('2023-06-01 to 2023-06-30 (testforce)');
  });

  it('an area with no searches in a loaded period has 0 searches, not an error', async () => {
    // Northbank Quay had no records in February 2024 (all 58 were in Northbank Hill).
    expect(await searches('E05009803', '2024-02')).toBe(0);
  });

  it('a month that does not exist is Invalid, with a clear message', async () => {
    const err = await computeFigures(t.wh, { area: NORTHBANK, from: '2024-13' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Invalid);
    expect((err as Error).message).toBe('--from "2024-13" is not a date: use YYYY, YYYY-Qn, YYYY-MM or YYYY-MM-DD.');
    await expect(computeFigures(t.wh, { area: NORTHBANK, from: '2024-02-30' })).rejects.toThrow(Invalid);
    await expect(computeFigures(t.wh, { area: NORTHBANK, from: '2024-03', to: 'March' })).rejects.toThrow('--to "March" is not a date');
  });

  it('a period that ends before it starts is Invalid', async () => {
    const err = await computeFigures(t.wh, { area: NORTHBANK, from: '2024-03', to: '2024-02' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Invalid);
    expect((err as Error).message).toBe('The period ends (2024-02-29) before it starts (2024-03-01).');
  });

  it('"to" defaults to the end of "from": a month, a day or a year', async () => {
    const period = async (from: string) => (await computeFigures(t.wh, { area: NORTHBANK, from })).context.period;
    expect(await period('2024-02')).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(await period('2024-03-05')).toEqual({ from: '2024-03-05', to: '2024-03-05' });
    expect(await period('2024')).toEqual({ from: '2024-01-01', to: '2024-12-31' });
    expect(await period('2024-Q1')).toEqual({ from: '2024-01-01', to: '2024-03-31' });
  });

  it('a quarter is its three months, compared with the quarter before and the same quarter a year before', async () => {
    const q = await computeFigures(t.wh, { area: NORTHBANK, from: '2024-Q1' });
    const months = await computeFigures(t.wh, { area: NORTHBANK, from: '2024-01', to: '2024-03' });
    expect(q).toEqual(months);
    const change = q.figures.find((f) => f.metric === 'change_vs_previous');
    expect(change?.comparedWith).toEqual({ from: '2023-10-01', to: '2023-12-31' });
    expect(q.figures.find((f) => f.metric === 'change_vs_last_year')?.comparedWith).toEqual({ from: '2023-01-01', to: '2023-03-31' });
    expect(parsePeriod('2023-q4', '2024-Q2')).toEqual({ from: '2023-10-01', to: '2024-06-30' });
    expect(() => parsePeriod('2024-Q5')).toThrow('--from "2024-Q5" is not a date: use YYYY, YYYY-Qn, YYYY-MM or YYYY-MM-DD.');
  });
});
