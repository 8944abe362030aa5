import { Invalid } from '../errors.ts';
import { createAreaIndex, type AreaIndex } from './spatial-index.ts';
import type { BoundaryFeature } from './types.ts';

/** Generalised ward edges leave slivers; a point this close to one of its borough's wards joins it. */
export const WARD_SNAP_METRES = 500;

export interface Assignment {
  lsoa: string | null;
  ward: string | null;
  borough: string | null;
  wardMethod: 'contained' | 'nearest' | null;
}

export interface AssignerBoundaries {
  lsoa?: readonly BoundaryFeature[];
  ward?: readonly BoundaryFeature[];
  borough?: readonly BoundaryFeature[];
}

export interface Assigner {
  assign(lon: number, lat: number): Assignment;
}

const NOWHERE: Assignment = { lsoa: null, ward: null, borough: null, wardMethod: null };

/**
 * Places points so that counts always nest: every ward total sums to its borough's total, and every
 * LSOA total to its borough's. Boundary files from different publishers and years do not line up
 * (generalised wards overlap the neighbouring borough, LSOAs include the Thames, boroughs stop at the
 * high-water mark), so looking each level up on its own would put a point near an edge in a ward of
 * one borough and the LSOA of another. Instead the borough is decided once, from the LSOA's parent
 * when LSOAs are given (LSOAs tile London exactly and carry their LA code), otherwise from the
 * borough polygons; the ward is then searched only among that borough's wards. Empty lists count as
 * not given.
 */
export function createAssigner(boundaries: AssignerBoundaries): Assigner {
  const place = boroughPlacer(boundaries);
  const wards = wardIndexes(boundaries.ward ?? []);
  return {
    assign(lon, lat) {
      const placed = place(lon, lat);
      if (!placed) return NOWHERE;
      const index = wards.get(placed.borough);
      const contained = index?.locate(lon, lat);
      if (contained) return { ...placed, ward: contained.code, wardMethod: 'contained' };
      const near = index?.nearest(lon, lat, WARD_SNAP_METRES);
      if (near) return { ...placed, ward: near.code, wardMethod: 'nearest' };
      return { ...placed, ward: null, wardMethod: null };
    }
  };
}

type Placer = (lon: number, lat: number) => { lsoa: string | null; borough: string } | null;

function boroughPlacer({ lsoa = [], borough = [] }: AssignerBoundaries): Placer {
  if (lsoa.length > 0) {
    requireParents(lsoa, 'LSOA');
    const index = createAreaIndex(lsoa);
    return (lon, lat) => {
      const found = index.locate(lon, lat);
      return found ? { lsoa: found.code, borough: found.parentCode! } : null;
    };
  }
  if (borough.length === 0) throw new Invalid('Assigning points needs LSOA or borough boundaries: wards are placed within a borough.');
  const index = createAreaIndex(borough);
  return (lon, lat) => {
    const found = index.locate(lon, lat);
    return found ? { lsoa: null, borough: found.code } : null;
  };
}

function wardIndexes(wards: readonly BoundaryFeature[]): Map<string, AreaIndex> {
  requireParents(wards, 'ward');
  const byBorough = new Map<string, BoundaryFeature[]>();
  for (const ward of wards) {
    const list = byBorough.get(ward.parentCode!) ?? [];
    list.push(ward);
    byBorough.set(ward.parentCode!, list);
  }
  return new Map([...byBorough].map(([borough, list]) => [borough, createAreaIndex(list)]));
}

function requireParents(features: readonly BoundaryFeature[], what: string): void {
  const orphan = features.find((f) => !f.parentCode);
  if (orphan) throw new Invalid(`The ${what} ${orphan.code} has no local-authority code, so counts could not nest in boroughs.`, { code: orphan.code });
}
