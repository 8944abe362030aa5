import { geoArea } from 'd3-geo';
import { describe, expect, it } from 'vitest';
import { geoFixture } from '../../../tests/fixtures/geo/load-fixture.ts';
import { BoundaryError, parseBoundaries, toD3Rings } from './boundaries.ts';
import type { Position } from 'geojson';

const parseFixture = (name: string) => parseBoundaries(geoFixture(name), name);

describe('parseBoundaries on GeoJSON', () => {
  it('detects the GSS code and name of GLA-style files', () => {
    const set = parseFixture('boroughs.geojson');
    expect(set).toMatchObject({ codeProperty: 'GSS_CODE', nameProperty: 'NAME', parentProperty: null, vintage: null, reprojected: false });
    expect(set.features.map((f) => [f.code, f.name, f.level, f.parentCode])).toEqual([
      ['E09000001', 'Alpha', 'borough', null],
      ['E09000002', 'Bravo', 'borough', null]
    ]);
  });

  it('rewinds a clockwise outer ring and counter-clockwise hole to RFC 7946', () => {
    const alpha = parseFixture('boroughs.geojson').features[0].geometry;
    // The fixture has them the wrong way round; each ring is simply reversed.
    expect(alpha.coordinates).toEqual([
      [[0, 0], [0.01, 0], [0.01, 0.01], [0, 0.01], [0, 0]],
      [[0.004, 0.006], [0.004, 0.008], [0.006, 0.008], [0.006, 0.006], [0.004, 0.006]]
    ]);
  });

  it('closes an unclosed ring and leaves correctly wound rings alone', () => {
    const b = parseFixture('lsoas.geojson').features[1].geometry;
    expect(b.coordinates).toEqual([
      [[0, 0.005], [0.01, 0.005], [0.01, 0.01], [0, 0.01], [0, 0.005]],
      [[0.004, 0.006], [0.004, 0.008], [0.006, 0.008], [0.006, 0.006], [0.004, 0.006]]
    ]);
  });

  it('takes the unique LSOA code, not the MSOA or LA code, and the LA code as parent', () => {
    const set = parseFixture('lsoas.geojson');
    expect(set).toMatchObject({ codeProperty: 'lsoa21cd', nameProperty: 'lsoa21nm', parentProperty: 'lad22cd', vintage: 2021 });
    expect(set.features.map((f) => [f.code, f.level, f.parentCode])).toEqual([
      ['E01000001', 'lsoa', 'E09000001'],
      ['E01000002', 'lsoa', 'E09000001'],
      ['E01000003', 'lsoa', 'E09000002']
    ]);
  });

  it('reads ward codes and the 2022 vintage from WD22CD, ignoring the region code', () => {
    const set = parseFixture('wards_generalised.geojson');
    expect(set).toMatchObject({ codeProperty: 'WD22CD', nameProperty: 'WD22NM', parentProperty: 'LAD22CD', vintage: 2022 });
    expect(set.features[2]).toMatchObject({ code: 'E05000003', name: 'Bravo', level: 'ward', parentCode: 'E09000002' });
  });
});

describe('parseBoundaries on TopoJSON', () => {
  const set = parseFixture('lads_quantised.topojson');

  it('reads every object and applies the quantisation transform', () => {
    expect(set).toMatchObject({ codeProperty: 'LAD22CD', nameProperty: 'LAD22NM', vintage: 2022, reprojected: false });
    expect(set.features.map((f) => [f.code, f.name, f.level])).toEqual([
      ['E07000001', 'West', 'lad'],
      ['E07000002', 'East', 'lad']
    ]);
    // West: arcs 0 then 1 give quantised (10,0) (10,10) (0,10) (0,0) (10,0); x*0.001-0.01, y*0.001+51.5.
    expectRing(set.features[0].geometry.coordinates[0] as Position[], [[0, 51.5], [0, 51.51], [-0.01, 51.51], [-0.01, 51.5], [0, 51.5]]);
    // East: arc 2 then arc 0 reversed give (10,0) (20,0) (20,10) (10,10) (10,0).
    expectRing(set.features[1].geometry.coordinates[0] as Position[], [[0, 51.5], [0.01, 51.5], [0.01, 51.51], [0, 51.51], [0, 51.5]]);
  });
});

describe('parseBoundaries on British National Grid coordinates', () => {
  it('reprojects to WGS84', () => {
    const set = parseFixture('trafalgar_bng.geojson');
    expect(set.reprojected).toBe(true);
    // Worked out independently with the Ordnance Survey's own formulas ("A guide to coordinate
    // systems in Great Britain": inverse transverse Mercator on Airy 1830, then the 7-parameter
    // Helmert to WGS84), checked against the OS worked example. The square, ±50 m around
    // BNG 530047,180431, is rewound counter-clockwise, so its corners come SW, SE, NE, NW.
    expectRing(
      set.features[0].geometry.coordinates[0] as Position[],
      [[-0.128257, 51.507415], [-0.126817, 51.507392], [-0.12678, 51.508291], [-0.12822, 51.508314], [-0.128257, 51.507415]],
      5
    );
  });
});

describe('toD3Rings', () => {
  it('gives d3-geo the small area, where RFC 7946 winding reads as nearly the whole sphere', () => {
    const alpha = parseFixture('boroughs.geojson').features[0].geometry;
    // 0.01° square less a 0.002° hole at the equator: 9.6e-5 square degrees × (π/180)² sr.
    const expected = 9.6e-5 * (Math.PI / 180) ** 2;
    expect(geoArea(toD3Rings(alpha)) / expected).toBeCloseTo(1, 4);
    expect(geoArea(alpha)).toBeCloseTo(4 * Math.PI - expected, 6);
  });

  it('returns a copy', () => {
    const alpha = parseFixture('boroughs.geojson').features[0].geometry;
    const before = JSON.stringify(alpha);
    toD3Rings(alpha);
    expect(JSON.stringify(alpha)).toBe(before);
  });
});

describe('parseBoundaries errors name the file and the problem', () => {
  const failure = (name: string, doc: unknown = geoFixture(name)) => {
    try {
      parseBoundaries(doc, name);
    } catch (err) {
      expect(err).toBeInstanceOf(BoundaryError);
      return (err as Error).message;
    }
    throw new Error(`${name} parsed without error`);
  };

  it('no features', () => {
    expect(failure('empty.geojson')).toBe('Boundary file empty.geojson: contains no features');
  });

  it('no GSS code property', () => {
    expect(failure('no_gss.geojson')).toMatch(/^Boundary file no_gss\.geojson: no property holds a GSS code/);
  });

  it('a LineString, naming the feature index', () => {
    expect(failure('linestring.geojson')).toMatch(/^Boundary file linestring\.geojson: feature 1 has a LineString geometry/);
  });

  it('duplicate codes, even when the LA codes alongside happen to be unique', () => {
    expect(failure('duplicate_codes.geojson')).toBe(
      'Boundary file duplicate_codes.geojson: codes in WD22CD are duplicated: E05000001 (features 0 and 2)'
    );
  });

  it('neither a FeatureCollection nor a Topology', () => {
    expect(failure('feature.json', { type: 'Feature', properties: {}, geometry: null })).toMatch(
      /^Boundary file feature\.json: is not a GeoJSON FeatureCollection or a TopoJSON Topology/
    );
  });
});

function expectRing(actual: Position[], expected: number[][], digits = 9): void {
  expect(actual).toHaveLength(expected.length);
  actual.forEach(([x, y], i) => {
    expect(x).toBeCloseTo(expected[i][0], digits);
    expect(y).toBeCloseTo(expected[i][1], digits);
  });
}
