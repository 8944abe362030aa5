import proj4 from 'proj4';
import type { Position } from 'geojson';
import { mapPositions } from './geometry.ts';
import type { AreaGeometry } from './types.ts';

/**
 * EPSG:27700 with the OS seven-parameter Helmert shift to WGS84, good to a few metres: far below
 * the size of a ward, and it needs no OSTN15 grid file (which is not available offline).
 */
const BRITISH_NATIONAL_GRID =
  '+proj=tmerc +lat_0=49 +lon_0=-2 +k=0.9996012717 +x_0=400000 +y_0=-100000 +ellps=airy ' +
  '+towgs84=446.448,-125.157,542.06,0.15,0.247,0.842,-20.489 +units=m +no_defs';

const toWgs84 = proj4(BRITISH_NATIONAL_GRID, 'WGS84');

export function bngToWgs84(position: Position): Position {
  return toWgs84.forward([position[0], position[1]]);
}

export function reprojectBng(geometry: AreaGeometry): AreaGeometry {
  return mapPositions(geometry, bngToWgs84);
}
