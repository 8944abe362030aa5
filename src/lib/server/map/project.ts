import { geoArea, geoPath, geoTransverseMercator, type GeoProjection } from 'd3-geo';
import type { Feature, FeatureCollection } from 'geojson';
import type { AreaShape } from '$core/dashboard/shapes.ts';
import { polygonsOf, toD3Rings } from '$core/geo/geometry.ts';
import type { AreaGeometry } from '$core/geo/types.ts';

export interface ProjectedArea {
  code: string;
  name: string;
  /** SVG path data in the map's pixel space; draw with fill-rule="evenodd" (holes are kept). */
  d: string;
}

export interface ProjectedMap {
  width: number;
  height: number;
  areas: ProjectedArea[];
}

/** Points closer than this (in pixels) to the last one kept are dropped: invisible, and they double the page size. */
const MIN_STEP = 1;

const cache = new WeakMap<AreaShape[], Map<number, ProjectedMap>>();

/**
 * Projects shapes to SVG paths `width` pixels wide (height follows the shapes). Transverse
 * Mercator centred on 2°W, as the Ordnance Survey's national grid, so London looks as on its maps.
 * Results are remembered per shape list (areaShapes returns the same list until the next import).
 */
export function projectShapes(shapes: AreaShape[], width = 600, padding = 6): ProjectedMap {
  let byWidth = cache.get(shapes);
  if (!byWidth) cache.set(shapes, (byWidth = new Map()));
  const hit = byWidth.get(width);
  if (hit) return hit;
  const collection: FeatureCollection = { type: 'FeatureCollection', features: shapes.map((s) => d3Feature(s.geometry)) };
  // fitWidth puts the top edge at y = 0; the height follows from the shapes' bounds.
  const projection = geoTransverseMercator().rotate([2, -49]).fitWidth(width - 2 * padding, collection);
  const [tx, ty] = projection.translate();
  projection.translate([tx + padding, ty + padding]);
  const bounds = geoPath(projection).bounds(collection);
  const map: ProjectedMap = {
    width,
    height: Math.ceil(bounds[1][1] + padding),
    areas: shapes.map((s) => ({ code: s.code, name: s.name, d: pathData(s.geometry, projection) }))
  };
  byWidth.set(width, map);
  return map;
}

/**
 * d3-geo wants clockwise outer rings (the opposite of RFC 7946): reversed, each shape must cover
 * less than half the sphere. A shape that still does was wound the other way already: keep it as given.
 */
function d3Feature(geometry: AreaGeometry): Feature {
  const reversed: Feature = { type: 'Feature', properties: {}, geometry: toD3Rings(geometry) };
  return geoArea(reversed) < 2 * Math.PI ? reversed : { type: 'Feature', properties: {}, geometry };
}

function pathData(geometry: AreaGeometry, projection: GeoProjection): string {
  const parts: string[] = [];
  for (const rings of polygonsOf(geometry))
    for (const ring of rings) {
      const kept: Array<[number, number]> = [];
      for (const position of ring) {
        const p = projection([position[0], position[1]]);
        if (!p) continue;
        const last = kept[kept.length - 1];
        if (!last || Math.hypot(p[0] - last[0], p[1] - last[1]) >= MIN_STEP) kept.push([p[0], p[1]]);
      }
      if (kept.length >= 3) parts.push(ringPath(kept));
    }
  return parts.join('');
}

/** A ring as compact path data: absolute first point, then relative steps to 0.1 px ("M12.3,4.5l1.2-0.4…z"). */
function ringPath(points: Array<[number, number]>): string {
  const r = (v: number) => Math.round(v * 10);
  const num = (tenths: number, first: boolean) => {
    const s = (tenths / 10).toString().replace(/^(-?)0\./, '$1.');
    return first || tenths < 0 ? s : `,${s}`;
  };
  let [px, py] = [r(points[0][0]), r(points[0][1])];
  let out = `M${px / 10},${py / 10}l`;
  for (let i = 1; i < points.length; i++) {
    const [x, y] = [r(points[i][0]), r(points[i][1])];
    if (x === px && y === py) continue;
    out += `${i > 1 && x - px >= 0 ? ' ' : ''}${num(x - px, true)}${num(y - py, false)}`;
    [px, py] = [x, y];
  }
  return `${out}z`;
}
