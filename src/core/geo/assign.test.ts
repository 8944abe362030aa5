import { describe, expect, it } from 'vitest';
import { geoFixture } from '../../../tests/fixtures/geo/load-fixture.ts';
import { createAssigner } from './assign.ts';
import { parseBoundaries } from './boundaries.ts';

const load = (name: string) => parseBoundaries(geoFixture(name), name).features;
// See spatial-index.test.ts for the boroughs. LSOAs: E01000001 is Alpha south of lat 0.005,
// E01000002 Alpha north of it, E01000003 all of Bravo. The generalised wards leave a sliver:
// E05000001 stops at lat 0.0045, E05000002 starts at 0.005, and Bravo's E05000003 starts at
// lon 0.0098, overlapping Alpha. One degree here is 111 195.08 m.
const borough = load('boroughs.geojson');
const lsoa = load('lsoas.geojson');
const ward = load('wards_generalised.geojson');
const withLsoas = createAssigner({ lsoa, ward, borough });

describe('createAssigner with LSOAs', () => {
  it('takes the borough from the LSOA and the ward that contains the point', () => {
    expect(withLsoas.assign(0.002, 0.002)).toEqual({ lsoa: 'E01000001', ward: 'E05000001', borough: 'E09000001', wardMethod: 'contained' });
    expect(withLsoas.assign(0.005, 0.007)).toEqual({ lsoa: 'E01000003', ward: 'E05000003', borough: 'E09000002', wardMethod: 'contained' });
  });

  it('snaps a point in a sliver to the nearest ward of its borough (22 m vs 33 m)', () => {
    expect(withLsoas.assign(0.005, 0.0047)).toEqual({ lsoa: 'E01000001', ward: 'E05000001', borough: 'E09000001', wardMethod: 'nearest' });
  });

  it("never takes a ward of another borough, even one that contains the point", () => {
    // Inside Bravo's generalised ward, but the LSOA (and so the borough) is Alpha's.
    expect(withLsoas.assign(0.0099, 0.0047)).toEqual({ lsoa: 'E01000001', ward: 'E05000001', borough: 'E09000001', wardMethod: 'nearest' });
  });

  it('gives all nulls outside every LSOA', () => {
    expect(withLsoas.assign(0.03, 0.005)).toEqual({ lsoa: null, ward: null, borough: null, wardMethod: null });
  });
});

describe('createAssigner with boroughs only', () => {
  it('finds the borough by polygon', () => {
    const assigner = createAssigner({ borough, ward });
    expect(assigner.assign(0.002, 0.002)).toEqual({ lsoa: null, ward: 'E05000001', borough: 'E09000001', wardMethod: 'contained' });
    expect(assigner.assign(0.03, 0.005)).toEqual({ lsoa: null, ward: null, borough: null, wardMethod: null });
  });

  it('snaps within 500 m only: 0.004° (444.8 m) yes, 0.0049° (544.9 m) no', () => {
    const assigner = createAssigner({ borough, ward: [ward[1]] });
    expect(assigner.assign(0.005, 0.001)).toEqual({ lsoa: null, ward: 'E05000002', borough: 'E09000001', wardMethod: 'nearest' });
    expect(assigner.assign(0.005, 0.0001)).toEqual({ lsoa: null, ward: null, borough: 'E09000001', wardMethod: null });
  });

  it('leaves the ward null when no wards are given', () => {
    expect(createAssigner({ borough }).assign(0.015, 0.005)).toEqual({ lsoa: null, ward: null, borough: 'E09000002', wardMethod: null });
  });
});

describe('createAssigner refuses what cannot nest', () => {
  it('needs LSOAs or boroughs', () => {
    expect(() => createAssigner({ ward })).toThrow(/needs LSOA or borough boundaries/);
  });

  it('needs an LA code on every LSOA and ward', () => {
    expect(() => createAssigner({ lsoa: [{ ...lsoa[0], parentCode: null }] })).toThrow(/E01000001 has no local-authority code/);
    expect(() => createAssigner({ borough, ward: [{ ...ward[0], parentCode: null }] })).toThrow(/E05000001 has no local-authority code/);
  });
});
