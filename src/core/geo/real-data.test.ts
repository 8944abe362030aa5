import { existsSync } from 'node:fs';
import path from 'node:path';
import { geoArea } from 'd3-geo';
import { beforeAll, describe, expect, it } from 'vitest';
import { sharedDataDir } from '../paths.ts';
import { createAssigner } from './assign.ts';
import { toD3Rings, type BoundarySet } from './boundaries.ts';
import { loadBoundaryFile } from './load.ts';
import { createAreaIndex } from './spatial-index.ts';

const dir = path.join(sharedDataDir(), 'boundaries');
const present = existsSync(dir);
if (!present) console.warn(`Skipping the real boundary-file tests: ${dir} is absent.`);
const FILES = {
  borough: 'borough/london_boroughs_gla_wgs84.geojson',
  ward22: 'ward/london_wards_2022_WD22_drkane_generalised_wgs84.geojson',
  ward18: 'ward/london_wards_2018_gla_fullres_wgs84.geojson.gz',
  lsoa: 'lsoa/london_lsoa2021_gla_wgs84.geojson.gz',
  lad: 'lad/Local_Authority_Districts_December_2022_UK_BGC_V2.topojson.gz'
};
type Name = keyof typeof FILES;

const RIDLEY_ROAD: [number, number] = [-0.0755, 51.5484];
const TRAFALGAR_SQUARE: [number, number] = [-0.1281, 51.508];
const NORTH_SEA: [number, number] = [2.0, 53.5];
const HACKNEY = 'E09000012';
const WESTMINSTER = 'E09000033';

describe.skipIf(!present)(`real boundary files in ${dir} (skipped when that folder is absent)`, () => {
  const sets = {} as Record<Name, BoundarySet>;
  beforeAll(async () => {
    for (const name of Object.keys(FILES) as Name[]) sets[name] = await loadBoundaryFile(path.join(dir, FILES[name]));
  });

  it('parses every file with the expected counts and detected properties', () => {
    const summary = (s: BoundarySet) => [s.features.length, s.codeProperty, s.parentProperty, s.vintage, s.reprojected];
    expect(summary(sets.borough)).toEqual([33, 'GSS_CODE', null, null, false]);
    expect(summary(sets.ward22)).toEqual([704, 'WD22CD', 'LAD22CD', 2022, false]);
    expect(summary(sets.ward18)).toEqual([657, 'GSS_CODE', 'LAGSSCODE', 2018, false]);
    expect(summary(sets.lsoa)).toEqual([4994, 'lsoa21cd', 'lad22cd', 2021, false]);
    expect(summary(sets.lad)).toEqual([374, 'LAD22CD', null, 2022, true]);
  });

  it('places known points in every layer, including the reprojected LADs', () => {
    const locate = (name: Name, [lon, lat]: [number, number]) => createAreaIndex(sets[name].features).locate(lon, lat);
    expect(locate('borough', RIDLEY_ROAD)?.code).toBe(HACKNEY);
    expect(locate('lad', RIDLEY_ROAD)?.code).toBe(HACKNEY);
    expect(locate('lsoa', RIDLEY_ROAD)?.parentCode).toBe(HACKNEY);
    expect(locate('ward22', RIDLEY_ROAD)?.parentCode).toBe(HACKNEY);
    expect(locate('borough', TRAFALGAR_SQUARE)?.code).toBe(WESTMINSTER);
    expect(locate('lad', TRAFALGAR_SQUARE)?.code).toBe(WESTMINSTER);
    for (const name of Object.keys(FILES) as Name[]) expect(locate(name, NORTH_SEA)).toBeNull();
  });

  it('assigns nested codes: Ridley Road to a Hackney LSOA and ward, the North Sea to nothing', () => {
    const assigner = createAssigner({ lsoa: sets.lsoa.features, ward: sets.ward22.features });
    const ridley = assigner.assign(...RIDLEY_ROAD);
    expect(ridley).toMatchObject({ borough: HACKNEY, wardMethod: 'contained' });
    expect(sets.ward22.features.find((w) => w.code === ridley.ward)?.parentCode).toBe(HACKNEY);
    expect(sets.lsoa.features.find((l) => l.code === ridley.lsoa)?.parentCode).toBe(HACKNEY);
    expect(assigner.assign(...TRAFALGAR_SQUARE).borough).toBe(WESTMINSTER);
    expect(assigner.assign(...NORTH_SEA)).toEqual({ lsoa: null, ward: null, borough: null, wardMethod: null });
  });

  it('keeps every ward inside its borough for random London points', () => {
    const assigner = createAssigner({ lsoa: sets.lsoa.features, ward: sets.ward22.features });
    const wardParent = new Map(sets.ward22.features.map((w) => [w.code, w.parentCode]));
    const random = seeded(7);
    for (let i = 0; i < 5000; i++) {
      const r = assigner.assign(...randomLondonPoint(random));
      if (r.ward) expect(wardParent.get(r.ward)).toBe(r.borough);
    }
  });

  it('stores RFC 7946 rings, which d3-geo reads correctly after toD3Rings', () => {
    const hackney = sets.borough.features.find((f) => f.code === HACKNEY)!;
    const area = geoArea(toD3Rings(hackney.geometry));
    expect(area).toBeLessThan(1e-3);
    // Hackney is about 19 km²; the sphere is 4π × 6371 km² ≈ 5.1e8 km².
    expect(area * 6371.0088 ** 2).toBeGreaterThan(15);
    expect(area * 6371.0088 ** 2).toBeLessThan(25);
    expect(geoArea(hackney.geometry)).toBeGreaterThan(4 * Math.PI - 1e-3);
  });

  it('locates 100,000 random London points with the LSOA index (timing printed, not asserted)', () => {
    const index = createAreaIndex(sets.lsoa.features);
    const random = seeded(42);
    const points = Array.from({ length: 100_000 }, () => randomLondonPoint(random));
    const start = performance.now();
    const found = points.filter(([lon, lat]) => index.locate(lon, lat) !== null).length;
    const ms = performance.now() - start;
    console.log(`LSOA index: located 100,000 random London points in ${ms.toFixed(0)} ms (${found} inside an LSOA)`);
    expect(found).toBeGreaterThan(0);
  });
});

/** A deterministic generator (mulberry32), so failures can be replayed. */
function seeded(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Greater London's bounding box, roughly. */
function randomLondonPoint(random: () => number): [number, number] {
  return [-0.51 + random() * 0.85, 51.28 + random() * 0.42];
}
