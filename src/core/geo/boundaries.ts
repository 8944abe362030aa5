import { BoundaryError } from './boundary-error.ts';
import { levelOfCode } from './gss.ts';
import { isProjected, polygonalGeometry, rewindRfc7946 } from './geometry.ts';
import { detectFields, type Fields, type Properties } from './properties.ts';
import { readFeatures } from './read-features.ts';
import { reprojectBng } from './reproject.ts';
import type { AreaGeometry, BoundaryFeature, BoundarySet } from './types.ts';

export { BoundaryError } from './boundary-error.ts';
export { toD3Rings } from './geometry.ts';
export type { AreaGeometry, AreaLevel, BoundaryFeature, BoundarySet } from './types.ts';

/**
 * Reads a boundary file already parsed from JSON (GeoJSON FeatureCollection or TopoJSON Topology)
 * into WGS84, RFC 7946-wound features keyed by GSS code. `fileName` is only used in messages and,
 * when the properties do not say, to read the boundary year.
 */
export function parseBoundaries(doc: unknown, fileName: string): BoundarySet {
  const raw = readFeatures(doc, fileName);
  if (raw.length === 0) throw new BoundaryError(fileName, 'contains no features');
  const rows = raw.map((f) => f.properties);
  const fields = detectFields(rows, fileName);
  let geometries = raw.map((f, i) => polygonalGeometry(f.geometry, i, fileName));
  const reprojected = isProjected(geometries);
  if (reprojected) geometries = geometries.map(reprojectBng);
  const features = rows.map((row, i) => toFeature(row, rewindRfc7946(geometries[i]), fields));
  return { ...fields, reprojected, features };
}

function toFeature(row: Properties, geometry: AreaGeometry, fields: Fields): BoundaryFeature {
  const code = row[fields.codeProperty] as string;
  const name = fields.nameProperty ? row[fields.nameProperty] : null;
  return {
    code,
    name: typeof name === 'string' && name.trim() !== '' ? name.trim() : code,
    level: levelOfCode(code),
    parentCode: fields.parentProperty ? (row[fields.parentProperty] as string) : null,
    geometry
  };
}
