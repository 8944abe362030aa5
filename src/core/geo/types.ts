import type { MultiPolygon, Polygon, Position } from 'geojson';

/** What kind of area a GSS code names, read from its three-character prefix. */
export type AreaLevel = 'borough' | 'lad' | 'ward' | 'lsoa' | 'msoa' | 'other';

/** Always WGS84 lon/lat with RFC 7946 winding: outer rings counter-clockwise, holes clockwise. */
export type AreaGeometry = Polygon | MultiPolygon;

/** A polygon as a list of closed rings, the first being the outer ring. */
export type Rings = Position[][];

export interface BoundaryFeature {
  code: string;
  name: string;
  level: AreaLevel;
  /** The local authority (E09/E06/E07/E08/W06) holding a ward, LSOA or MSOA; null otherwise. */
  parentCode: string | null;
  geometry: AreaGeometry;
}

export interface BoundarySet {
  codeProperty: string;
  nameProperty: string | null;
  parentProperty: string | null;
  /** The boundary year (e.g. 2022 for WD22CD), or null when neither properties nor file name say. */
  vintage: number | null;
  /** True when the file was in British National Grid metres and has been converted to WGS84. */
  reprojected: boolean;
  features: BoundaryFeature[];
}
