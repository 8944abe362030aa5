import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { areasInUse } from '../../src/core/figures/area.ts';
import { computeBoroughMonths } from '../../src/core/figures/batch.ts';
import { computeFigures } from '../../src/core/figures/compute.ts';
import type { Figure, FigureSet } from '../../src/core/figures/types.ts';
import { thinMonths } from '../../src/core/figures/thin-months.ts';
import { findUnusualDays } from '../../src/core/figures/unusual.ts';
import { parseDashboardQuery } from '../../src/core/dashboard/request.ts';
import { dashboardPage } from '../../src/lib/server/dashboard-page.ts';
import { importedSharedData, releaseSharedData, type ImportedData } from './support/fixture.ts';
import { present, SHARED, SKIP_MESSAGE } from './support/shared-data.ts';

/** The figures of every London borough for several months of the real data, checked for consistency. */
if (!present) console.warn(SKIP_MESSAGE);

const MONTHS = ['2022-05', '2023-07', '2024-03'];

describe.skipIf(!present)(present ? `real data: figures of every borough from ${SHARED}` : SKIP_MESSAGE, () => {
  let data: ImportedData;
  let sets: FigureSet[];
  /** Each ward's searches per 1,000 residents in July 2023, gathered by the ward test below. */
  const wardRates: Figure[] = [];
  const one = (s: FigureSet, metric: string, group?: string) =>
    s.figures.find((f) => f.metric === metric && (group === undefined ? f.group === null : f.group?.value === group));

  beforeAll(async () => {
    data = await importedSharedData();
    const boroughs = (await areasInUse(data.warehouse)).filter((a) => a.level === 'borough').map((a) => a.code);
    sets = await computeBoroughMonths(data.warehouse, { boroughs, months: MONTHS });
  }, 600_000);
  afterAll(() => releaseSharedData());

  it('has a figure set for each of the 33 boroughs and each month', () => {
    expect(sets).toHaveLength(33 * MONTHS.length);
  });

  it.each(MONTHS)('borough searches in %s sum to the force total minus records not placed in any borough', async (month) => {
    const force = await computeFigures(data.warehouse, { area: 'metropolitan', from: month });
    const boroughSum = sets.filter((s) => s.context.period.from.startsWith(month)).reduce((n, s) => n + one(s, 'searches')!.numerator, 0);
    const { forceRecords, unlocated, locatedOutsideAreas } = force.context.placement;
    // Records of other forces placed in London boroughs would break this; only the Met is loaded.
    expect(boroughSum).toBe(forceRecords - unlocated - locatedOutsideAreas);
    expect(one(force, 'searches')!.numerator).toBe(forceRecords);
  });

  it('ward searches sum to their borough in every borough (July 2023, 704 ward figure sets)', async () => {
    const inUse = await areasInUse(data.warehouse);
    const wards = inUse.filter((a) => a.level === 'ward');
    for (const borough of inUse.filter((a) => a.level === 'borough').map((a) => a.code)) {
      const total = one(sets.find((s) => s.context.area.code === borough && s.context.period.from.startsWith('2023-07'))!, 'searches')!.numerator;
      let sum = 0;
      for (const w of wards.filter((x) => x.parentCode === borough)) {
        const set = await computeFigures(data.warehouse, { area: w.code, from: '2023-07' });
        sum += one(set, 'searches')!.numerator;
        wardRates.push(one(set, 'rate_per_1000')!);
      }
      expect(sum, borough).toBe(total);
    }
  }, 600_000);

  it('gives 149 wards a rate per 1,000 residents (July 2023), each inside its interval; the rest say why not', async () => {
    const hackneyWards = new Set((await areasInUse(data.warehouse)).filter((a) => a.level === 'ward' && a.parentCode === 'E09000012').map((a) => a.code));
    expect(wardRates).toHaveLength(704);
    const rated = wardRates.filter((f) => f.denominator !== null);
    expect(rated).toHaveLength(149);
    for (const f of rated) {
      expect(f.sources.at(-1), f.area.name).toBe('ONS mid-2020 ward population estimates (SAPE23DT8a, persons, 2020 wards)');
      expect(f.flags.includes('suppressed'), f.area.name).toBe(f.numerator < 10);
      if (f.value === null) continue;
      expect(f.value).toBeCloseTo((f.numerator / f.denominator!) * 1000, 9);
      expect(f.ci95![0] <= f.value && f.value <= f.ci95![1], `${f.area.name} ${f.value} ${f.ci95}`).toBe(true);
    }
    const hackney = rated.filter((f) => f.method.includes('unchanged') && hackneyWards.has(f.area.code));
    expect(hackney).toHaveLength(21);
    for (const f of wardRates.filter((x) => x.denominator === null)) {
      expect(f).toMatchObject({ value: null, ci95: null, flags: ['no_population'] });
      expect(f.method).toMatch(/^No population for the 2022 ward: /);
    }
    // Dalston, July 2023 (the Ridley Road operation): its rate is printed for a person to look at.
    const dalston = rated.find((f) => f.area.name === 'Dalston')!;
    console.log(`Dalston, July 2023: ${dalston.numerator} searches / ${dalston.denominator} residents = ${dalston.value?.toFixed(2)} per 1,000 [${dalston.ci95?.map((x) => x.toFixed(2)).join(', ')}]`);
  });

  it('shares of every dimension sum to 1 where none is suppressed', () => {
    for (const s of sets)
      for (const dim of ['self_defined_ethnicity', 'age_range', 'gender', 'outcome']) {
        const shares = s.figures.filter((f) => f.metric === 'share' && f.group?.dimension === dim);
        if (shares.length === 0 || shares.some((f) => f.value === null)) continue;
        expect(shares.reduce((n, f) => n + f.value!, 0)).toBeCloseTo(1, 9);
      }
  });

  it('every interval contains its value, and every value is within its bounds', () => {
    const bad: Figure[] = [];
    for (const s of sets)
      for (const f of s.figures)
        if (f.value !== null && f.ci95 && !(f.ci95[0] <= f.value + 1e-12 && f.value <= f.ci95[1] + 1e-12)) bad.push(f);
    expect(bad.map((f) => `${f.metric} ${f.area.name} ${f.group?.value ?? ''}`)).toEqual([]);
  });

  it('suppresses exactly the rates, shares and ratios whose numerator is below 10', () => {
    for (const s of sets)
      for (const f of s.figures) {
        if (['searches', 's60_count', 'concentration', 'change_vs_previous', 'change_vs_last_year', 'rate_ratio_vs_white'].includes(f.metric)) continue;
        if (f.flags.includes('not_recorded')) continue;
        expect(f.flags.includes('suppressed'), `${f.metric} ${f.numerator}`).toBe(f.numerator < 10);
        if (f.numerator < 10) expect(f.value).toBeNull();
      }
  });

  it('says strip searches were not recorded before February 2024, and gives a share after', () => {
    const hackney = (month: string) => one(sets.find((s) => s.context.area.code === 'E09000012' && s.context.period.from.startsWith(month))!, 'strip_search_share')!;
    expect(hackney('2023-07')).toMatchObject({ value: null, flags: ['not_recorded'] });
    expect(hackney('2024-03').flags).not.toContain('not_recorded');
  });

  it('flags as possibly incomplete exactly the months PROVENANCE.md calls partial or anomalous', async () => {
    const thin = [...(await thinMonths(data.warehouse, 'metropolitan')).values()];
    // December 2022 was published only to the 17th; the API's September 2024 to April 2025 hold about a third.
    expect(thin.map((t) => t.month)).toEqual(['2022-12', '2024-09', '2024-10', '2024-11', '2024-12', '2025-01', '2025-02', '2025-03', '2025-04']);
    expect(thin[0]).toMatchObject({ records: 5706, stopsOn: '2022-12-17' });
    expect(thin.slice(1).every((t) => t.stopsOn === null)).toBe(true);
    const set = await computeFigures(data.warehouse, { area: 'E09000012', from: '2024-09', to: '2024-11' });
    expect(set.context.thinMonths.map((t) => t.month)).toEqual(['2024-09', '2024-10', '2024-11']);
  });

  it('finds the unusual days of July 2023 in every borough (the top ones printed for a person to look at)', async () => {
    const lines: string[] = [];
    const boroughs = (await areasInUse(data.warehouse)).filter((a) => a.level === 'borough');
    for (const borough of boroughs) {
      const r = await findUnusualDays(data.warehouse, { area: borough.code, from: '2023-07' });
      lines.push(`${borough.name}: ${r.days.length} unusual days (borough and wards)`);
      for (const d of r.days.slice(0, 3))
        lines.push(`  ${d.date} ${d.area.name} (${d.area.level}) ${d.count} searches vs ${d.baseline} a day, p=${d.p.toExponential(1)}`);
      for (const d of r.days) {
        expect(d.count).toBeGreaterThanOrEqual(10);
        expect(d.p).toBeLessThan(0.001);
        expect(d.count).toBeGreaterThan(d.baseline);
      }
    }
    console.log(lines.join('\n'));
    // The Ridley Road Market operation: Dalston ward, 21 July 2023.
    const hackney = await findUnusualDays(data.warehouse, { area: 'Hackney', from: '2023-07' });
    expect(hackney.days.some((d) => d.date === '2023-07-21' && d.area.name === 'Dalston')).toBe(true);
  }, 300_000);

  it('builds the dashboard of every London borough at the latest month: headlines, six charts, a ward map', async () => {
    const boroughs = (await areasInUse(data.warehouse)).filter((a) => a.level === 'borough');
    expect(boroughs).toHaveLength(33);
    for (const borough of boroughs) {
      const page = await dashboardPage(data.warehouse, borough.code, parseDashboardQuery({}));
      expect(page.title, borough.name).toMatch(new RegExp(`^Stop and search in ${borough.name}, `));
      expect(page.headlines.length, borough.name).toBeGreaterThan(0);
      expect(page.charts.map((c) => c.id), borough.name).toEqual(['trend', 'rates', 'outcomes', 'powers', 'objects', 'age']);
      for (const c of page.charts) expect(c.svg.wide, `${borough.name} ${c.id}`).toMatch(/^<svg[^>]*role="img"/);
      expect(page.wardMap?.table.rows.length, borough.name).toBeGreaterThan(0);
      expect(page.comparison.rows.length, borough.name).toBeGreaterThan(0);
    }
  }, 300_000);
});
