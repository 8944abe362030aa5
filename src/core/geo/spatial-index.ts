import Flatbush from 'flatbush';
import { polygonsOf } from './geometry.ts';
import { containsPoint, distanceToEdges, METRES_PER_DEGREE, ringsBbox } from './planar.ts';
import type { BoundaryFeature, Rings } from './types.ts';

export interface AreaIndex {
  /** The first feature (in input order) containing the point; a point on an edge counts as inside. */
  locate(lon: number, lat: number): BoundaryFeature | null;
  /** The feature whose edge is closest to the point (0 if inside), if within maxDistanceMetres. */
  nearest(lon: number, lat: number, maxDistanceMetres: number): BoundaryFeature | null;
}

/** One polygon of a feature: MultiPolygons are indexed part by part so bboxes stay tight. */
interface Part {
  feature: number;
  rings: Rings;
}

export function createAreaIndex(features: readonly BoundaryFeature[]): AreaIndex {
  const parts: Part[] = features.flatMap((f, feature) =>
    polygonsOf(f.geometry)
      .filter((rings) => (rings[0]?.length ?? 0) >= 4) // quantised TopoJSON can collapse tiny parts
      .map((rings) => ({ feature, rings }))
  );
  if (parts.length === 0) return { locate: () => null, nearest: () => null };
  const tree = new Flatbush(parts.length);
  for (const part of parts) tree.add(...ringsBbox(part.rings));
  tree.finish();

  // Parts were added in feature order, so sorting part ids gives input order: ties go to the first.
  const candidates = (minX: number, minY: number, maxX: number, maxY: number) =>
    tree.search(minX, minY, maxX, maxY).sort((a, b) => a - b);

  function locate(lon: number, lat: number): BoundaryFeature | null {
    if (!Number.isFinite(lon) || !Number.isFinite(lat)) return null;
    const hit = candidates(lon, lat, lon, lat).find((id) => containsPoint(parts[id].rings, lon, lat));
    return hit === undefined ? null : features[parts[hit].feature];
  }

  function nearest(lon: number, lat: number, maxDistanceMetres: number): BoundaryFeature | null {
    if (!Number.isFinite(lon) || !Number.isFinite(lat)) return null;
    const dLat = maxDistanceMetres / METRES_PER_DEGREE;
    const dLon = dLat / Math.max(Math.cos((lat * Math.PI) / 180), 1e-6);
    let best: { id: number; distance: number } | null = null;
    for (const id of candidates(lon - dLon, lat - dLat, lon + dLon, lat + dLat)) {
      const { rings } = parts[id];
      const distance = containsPoint(rings, lon, lat) ? 0 : distanceToEdges(rings, lon, lat);
      if (distance <= maxDistanceMetres && (!best || distance < best.distance)) best = { id, distance };
      if (distance === 0) break;
    }
    return best ? features[parts[best.id].feature] : null;
  }

  return { locate, nearest };
}
