import type { Position } from 'geojson';
import { BoundaryError } from './boundary-error.ts';
import type { AreaGeometry, Rings } from './types.ts';

/** Checks that a feature's geometry is a Polygon or MultiPolygon; the message names the feature index. */
export function polygonalGeometry(geometry: unknown, index: number, fileName: string): AreaGeometry {
  const type = (geometry as { type?: unknown } | null)?.type;
  if (type === 'Polygon' || type === 'MultiPolygon') {
    if (Array.isArray((geometry as AreaGeometry).coordinates)) return geometry as AreaGeometry;
  }
  const what = geometry == null ? 'no geometry' : `a ${String(type)} geometry`;
  throw new BoundaryError(fileName, `feature ${index} has ${what}; boundaries must be Polygon or MultiPolygon`);
}

/** The polygons of a geometry, each as its rings (outer first). */
export function polygonsOf(geometry: AreaGeometry): Rings[] {
  return geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
}

function withPolygons(geometry: AreaGeometry, polygons: Rings[]): AreaGeometry {
  return geometry.type === 'Polygon'
    ? { type: 'Polygon', coordinates: polygons[0] }
    : { type: 'MultiPolygon', coordinates: polygons };
}

export function mapPositions(geometry: AreaGeometry, fn: (p: Position) => Position): AreaGeometry {
  return withPolygons(
    geometry,
    polygonsOf(geometry).map((rings) => rings.map((ring) => ring.map(fn)))
  );
}

/** Projected metres (British National Grid) are the only way a coordinate leaves the lon/lat range. */
export function isProjected(geometries: AreaGeometry[]): boolean {
  return geometries.some((g) =>
    polygonsOf(g).some((rings) => rings.some((ring) => ring.some(([x, y]) => Math.abs(x) > 180 || Math.abs(y) > 90)))
  );
}

/** Twice the planar signed area: positive for counter-clockwise rings (x east, y north). */
function signedArea(ring: Position[]): number {
  let sum = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    sum += (ring[j][0] - ring[i][0]) * (ring[j][1] + ring[i][1]);
  }
  return sum;
}

function closed(ring: Position[]): Position[] {
  if (ring.length === 0) return ring;
  const [first, last] = [ring[0], ring[ring.length - 1]];
  return first[0] === last[0] && first[1] === last[1] ? ring : [...ring, first];
}

/**
 * RFC 7946 winding: outer rings counter-clockwise, holes clockwise. Publishers disagree (shapefiles
 * and d3 use the opposite), so every ring is closed and re-wound rather than trusted. Planar area in
 * lon/lat is fine here: the sign only flips for rings spanning the antimeridian, not in the UK.
 */
export function rewindRfc7946(geometry: AreaGeometry): AreaGeometry {
  const polygons = polygonsOf(geometry).map((rings) =>
    rings.map((ring, i) => {
      const c = closed(ring);
      const counterClockwise = signedArea(c) > 0;
      return counterClockwise === (i === 0) ? c : [...c].reverse();
    })
  );
  return withPolygons(geometry, polygons);
}

/**
 * d3-geo reads winding the other way from RFC 7946 (clockwise outer rings, on the sphere): given an
 * RFC 7946 polygon it takes the complement, a near-global area of ~4π steradians. This returns a
 * copy with every ring reversed, ready for geoArea, geoPath and friends.
 */
export function toD3Rings<G extends AreaGeometry>(geometry: G): G {
  return withPolygons(
    geometry,
    polygonsOf(geometry).map((rings) => rings.map((ring) => [...ring].reverse()))
  ) as G;
}
