import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveBorough, slugOf } from '../../src/core/dashboard/boroughs.ts';
import { boroughDashboard } from '../../src/core/dashboard/dashboard.ts';
import { londonMap } from '../../src/core/dashboard/london.ts';
import { parseDashboardQuery, parseMapQuery } from '../../src/core/dashboard/request.ts';
import { Invalid, NotFound } from '../../src/core/errors.ts';
import { computeFigures } from '../../src/core/figures/compute.ts';
import type { Figure } from '../../src/core/figures/types.ts';
import { loadMainScenario, NORTHBANK, SOUTHMERE } from '../figures/support/main-scenario.ts';
import type { TestWarehouse } from '../figures/support/warehouse.ts';

/** The dashboard use case on the hand-made figures scenario (tests/figures/support/main-scenario.ts). */
describe('borough dashboard', () => {
  let t: TestWarehouse;
  beforeAll(async () => {
    t = await loadMainScenario();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('opens on the latest loaded month and gives the same figures as computeFigures', async () => {
    const d = await boroughDashboard(t.wh, { borough: 'northbank' });
    expect(d.view).toEqual({ from: '2024-03', to: '2024-03', grouping: 'census2021', ethnicity: 'self_defined_ethnicity' });
    expect(d.period).toEqual({ from: '2024-03-01', to: '2024-03-31' });
    expect(d.figures).toEqual(await computeFigures(t.wh, { area: NORTHBANK, from: '2024-03' }));
    expect(d.headlines[0].headlines[0].text).toBe('There were 112 searches in Northbank in March 2024.');
  });

  it('compares with the month before and the year before, and has no London without Metropolitan data', async () => {
    const d = await boroughDashboard(t.wh, { borough: NORTHBANK, from: '2024-03' });
    expect(d.london).toBeNull();
    expect(d.previous?.context.period).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(d.previous?.figures.find((f) => f.metric === 'searches' && !f.group)?.value).toBe(58);
    expect(d.lastYear?.figures.find((f) => f.metric === 'searches' && !f.group)?.value).toBe(56);
  });

  it('gives two years of months with gaps where no data is loaded, never zeros', async () => {
    const d = await boroughDashboard(t.wh, { borough: NORTHBANK, from: '2024-03' });
    expect(d.trend.months).toHaveLength(24);
    expect(d.trend.months[0].month).toBe('2022-04');
    const loaded = d.trend.months.filter((m) => m.searches !== null);
    expect(loaded.map((m) => [m.month, m.searches, m.inPeriod])).toEqual([
      ['2023-03', 56, false],
      ['2024-02', 58, false],
      ['2024-03', 112, true]
    ]);
    expect(d.trend.gaps).toHaveLength(21);
  });

  it('counts searches per ward, with shares only where the count is 10 or more', async () => {
    const d = await boroughDashboard(t.wh, { borough: NORTHBANK, from: '2024-03' });
    expect(d.wards.wards.map((w) => [w.name, w.searches, w.share])).toEqual([
      ['Northbank Hill', 56, 0.5],
      ['Northbank Quay', 30, 30 / 112],
      ['Northbank Green', 26, 26 / 112]
    ]);
    expect(d.wards).toMatchObject({ inBorough: 112, inWards: 112, notInWard: 0 });
    const feb = await boroughDashboard(t.wh, { borough: SOUTHMERE, from: '2024-02' });
    expect(feb.wards.wards.find((w) => w.code === 'E05009902')).toMatchObject({ searches: 1, share: null, flags: ['suppressed', 'low_count'] });
  });

  it('reports coverage and sources', async () => {
    const d = await boroughDashboard(t.wh, { borough: NORTHBANK, from: '2024-03' });
    expect(d.coverage).toMatchObject({ force: 'testforce', forceRecords: 137, unlocated: 3, locatedOutsideAreas: 2, missingMonths: [], notInWard: 0 });
    expect(d.coverage.ethnicity).toEqual({ known: 107, total: 112 });
    expect(d.coverage.loaded).toEqual({ first: '2023-03', last: '2024-03' });
    expect(d.sources.police).toHaveLength(1);
    expect(d.sources.population).toEqual(['ONS Census 2021 TS021 (usual residents)']);
    expect(d.sources.boundaries.map((b) => b.level)).toEqual(['borough', 'ward']);
  });

  it('finds a borough by code, slug or name, and says when there is none', async () => {
    expect((await resolveBorough(t.wh, 'E09000098')).slug).toBe('northbank');
    expect((await resolveBorough(t.wh, 'NorthBank')).code).toBe(NORTHBANK);
    await expect(resolveBorough(t.wh, 'atlantis')).rejects.toThrow(NotFound);
    await expect(boroughDashboard(t.wh, { borough: 'northbank', from: '2020-01' })).rejects.toThrow(/No stop-and-search records are loaded for 2020-01-01/);
    expect(slugOf('Kensington & Chelsea')).toBe('kensington-and-chelsea');
    expect(slugOf('  Richmond upon Thames ')).toBe('richmond-upon-thames');
  });
});

describe('London map', () => {
  let t: TestWarehouse;
  beforeAll(async () => {
    t = await loadMainScenario();
  });
  afterAll(async () => {
    await t?.close();
  });

  const strip = (f: Figure | undefined) => f && { value: f.value, ci95: f.ci95, flags: f.flags, numerator: f.numerator, denominator: f.denominator, coverage: f.coverage };

  it.each([
    ['searches', 'searches', null],
    ['rate_ratio', 'rate_ratio_vs_white', 'black'],
    ['arrest_rate', 'arrest_rate', null]
  ] as const)('colours each borough by %s exactly as its dashboard computes it', async (metric, figure, group) => {
    const map = await londonMap(t.wh, { metric, from: '2024-03' });
    expect(map.boroughs.map((b) => b.borough.name)).toEqual(['Northbank', 'Southmere']);
    for (const { borough, figure: shown } of map.boroughs) {
      const set = await computeFigures(t.wh, { area: borough.code, from: '2024-03' });
      expect(strip(shown)).toEqual(strip(set.figures.find((f) => f.metric === figure && (f.group?.value ?? null) === group)));
    }
  });
});

describe('dashboard query parameters', () => {
  it('takes blank form fields as not given and fills the defaults', () => {
    expect(parseDashboardQuery({ from: '', to: '', grouping: '', ethnicity: '' })).toEqual({ from: undefined, to: undefined, grouping: 'census2021', ethnicity: 'self_defined_ethnicity' });
    expect(parseDashboardQuery({ from: '2023-07' })).toMatchObject({ from: '2023-07', to: '2023-07' });
    expect(parseDashboardQuery({ to: '2023-07', ethnicity: 'officer' })).toMatchObject({ from: '2023-07', to: '2023-07', ethnicity: 'officer_defined_ethnicity' });
    expect(parseMapQuery({})).toEqual({ from: undefined, to: undefined, metric: 'searches' });
  });

  it('names a bad parameter in plain words', () => {
    expect(() => parseDashboardQuery({ from: '2023-13' })).toThrow(Invalid);
    expect(() => parseDashboardQuery({ from: '2023-13' })).toThrow('from: use a month written YYYY-MM, e.g. 2023-07 (got "2023-13").');
    expect(() => parseDashboardQuery({ from: '2023-07', to: '2023-06' })).toThrow('to: the period ends (2023-06) before it starts (2023-07).');
    expect(() => parseDashboardQuery({ grouping: 'all' })).toThrow('grouping: choose one of census2021, black_incl_mixed_black (got "all").');
    expect(() => parseMapQuery({ metric: 'crime' })).toThrow('metric: choose one of searches, rate_ratio, arrest_rate (got "crime").');
  });
});
