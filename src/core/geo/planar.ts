import inside from 'point-in-polygon-hao';
import type { Position } from 'geojson';
import type { Rings } from './types.ts';

/** Mean Earth radius (IUGG) gives metres per degree of latitude. */
export const METRES_PER_DEGREE = (6_371_008.8 * Math.PI) / 180;

/**
 * point-in-polygon-hao takes all rings of one polygon (even-odd, so holes work), uses robust
 * orientation predicates, and reports points on an edge as 0: we count those as inside.
 */
export function containsPoint(rings: Rings, lon: number, lat: number): boolean {
  return inside([lon, lat], rings) !== false;
}

/**
 * Distance in metres from a point to the nearest edge of any ring, on an equirectangular plane
 * centred on the point: under 0.1% error across a few km at London's latitude.
 */
export function distanceToEdges(rings: Rings, lon: number, lat: number): number {
  const kx = Math.cos((lat * Math.PI) / 180) * METRES_PER_DEGREE;
  const toXY = (p: Position): [number, number] => [(p[0] - lon) * kx, (p[1] - lat) * METRES_PER_DEGREE];
  let best = Infinity;
  for (const ring of rings) {
    for (let i = 1; i < ring.length; i++) {
      best = Math.min(best, distanceToSegment(toXY(ring[i - 1]), toXY(ring[i])));
    }
  }
  return best;
}

/** Distance from the origin to the segment a-b. */
function distanceToSegment([ax, ay]: [number, number], [bx, by]: [number, number]): number {
  const dx = bx - ax;
  const dy = by - ay;
  const lengthSquared = dx * dx + dy * dy;
  const t = lengthSquared === 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / lengthSquared));
  return Math.hypot(ax + t * dx, ay + t * dy);
}

export function ringsBbox(rings: Rings): [number, number, number, number] {
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [x, y] of rings[0] ?? []) {
    if (x < minX) minX = x;
    if (y < minY) minY = y;
    if (x > maxX) maxX = x;
    if (y > maxY) maxY = y;
  }
  return [minX, minY, maxX, maxY];
}
