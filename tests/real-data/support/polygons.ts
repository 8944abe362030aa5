import fs from 'node:fs';
import zlib from 'node:zlib';

/**
 * An independent point-in-polygon over a GeoJSON file (even-odd ray casting, a coarse grid of
 * bounding boxes), written for the checks only: it shares no code with src/core/geo.
 */
export interface Area {
  code: string;
  name: string;
  parent: string | null;
}

type Ring = number[][];
interface Shape {
  area: Area;
  rings: Ring[];
  box: [number, number, number, number];
}

export interface PolygonSet {
  areas: Area[];
  /** The first area whose polygon holds the point, or null when none does. */
  locate(lon: number, lat: number): Area | null;
  /**
   * Every area that could claim the point: those holding it, and those with it on their edge
   * (police locations are snapped to streets, and streets are where LSOA boundaries run, so a
   * point on an edge is common and either side is a right answer).
   */
  claimants(lon: number, lat: number): { inside: Area[]; onEdge: Area[] };
}

const CELL = 0.005; // degrees: about 350 m by 550 m in London

export function readGeoJson(file: string): { features: Array<{ properties: Record<string, unknown>; geometry: { type: string; coordinates: unknown } }> } {
  const bytes = fs.readFileSync(file);
  return JSON.parse((file.endsWith('.gz') ? zlib.gunzipSync(bytes) : bytes).toString('utf8'));
}

export function polygonSet(file: string, props: { code: string; name: string; parent: string | null }): PolygonSet {
  const shapes: Shape[] = readGeoJson(file).features.map((f) => {
    const polys = (f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates) as Ring[][];
    const rings = polys.flat();
    const box: Shape['box'] = [Infinity, Infinity, -Infinity, -Infinity];
    for (const ring of rings)
      for (const [x, y] of ring) {
        if (x < box[0]) box[0] = x;
        if (y < box[1]) box[1] = y;
        if (x > box[2]) box[2] = x;
        if (y > box[3]) box[3] = y;
      }
    const area = {
      code: String(f.properties[props.code]),
      name: String(f.properties[props.name]),
      parent: props.parent ? String(f.properties[props.parent]) : null
    };
    return { area, rings, box };
  });
  const grid = new Map<string, Shape[]>();
  for (const s of shapes)
    for (let x = Math.floor(s.box[0] / CELL); x <= Math.floor(s.box[2] / CELL); x++)
      for (let y = Math.floor(s.box[1] / CELL); y <= Math.floor(s.box[3] / CELL); y++) {
        const key = `${x},${y}`;
        const cell = grid.get(key);
        if (cell) cell.push(s);
        else grid.set(key, [s]);
      }
  return {
    areas: shapes.map((s) => s.area),
    locate(lon, lat) {
      const candidates = grid.get(`${Math.floor(lon / CELL)},${Math.floor(lat / CELL)}`) ?? [];
      for (const s of candidates) {
        if (lon < s.box[0] || lon > s.box[2] || lat < s.box[1] || lat > s.box[3]) continue;
        if (insideRings(s.rings, lon, lat)) return s.area;
      }
      return null;
    },
    claimants(lon, lat) {
      const inside: Area[] = [];
      const onEdge: Area[] = [];
      for (const s of grid.get(`${Math.floor(lon / CELL)},${Math.floor(lat / CELL)}`) ?? []) {
        if (lon < s.box[0] - EDGE || lon > s.box[2] + EDGE || lat < s.box[1] - EDGE || lat > s.box[3] + EDGE) continue;
        if (onRingEdge(s.rings, lon, lat)) onEdge.push(s.area);
        else if (insideRings(s.rings, lon, lat)) inside.push(s.area);
      }
      return { inside, onEdge };
    }
  };
}

/** A point this close (in degrees, about 0.1 mm) to an edge counts as on it. */
const EDGE = 1e-9;

function onRingEdge(rings: Ring[], x: number, y: number): boolean {
  for (const ring of rings)
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [x1, y1] = ring[j];
      const [x2, y2] = ring[i];
      if (x < Math.min(x1, x2) - EDGE || x > Math.max(x1, x2) + EDGE || y < Math.min(y1, y2) - EDGE || y > Math.max(y1, y2) + EDGE) continue;
      const dx = x2 - x1;
      const dy = y2 - y1;
      const len = Math.hypot(dx, dy);
      const distance = len === 0 ? Math.hypot(x - x1, y - y1) : Math.abs(dx * (y - y1) - dy * (x - x1)) / len;
      if (distance <= EDGE) return true;
    }
  return false;
}

/** Even-odd rule over all rings, so holes need no special case. */
function insideRings(rings: Ring[], x: number, y: number): boolean {
  let inside = false;
  for (const ring of rings)
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i];
      const [xj, yj] = ring[j];
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
  return inside;
}
