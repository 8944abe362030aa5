import type { AreaGeometry } from '../geo/types.ts';
import { chosenSourcesSql } from '../import/areas.ts';
import type { Warehouse } from '../warehouse/warehouse.ts';

export interface AreaShape {
  code: string;
  name: string;
  /** GeoJSON, WGS84, RFC 7946 winding (outer rings counter-clockwise): reverse the rings for d3-geo (toD3Rings). */
  geometry: AreaGeometry;
}

/**
 * The shapes of the boundary file in use for a level: every borough, or the wards of one borough.
 * Remembered until the next import (a few hundred kilobytes at most).
 */
export function areaShapes(wh: Warehouse, level: 'borough' | 'ward', parentCode?: string): Promise<AreaShape[]> {
  return wh.memo(`shapes:${level}:${parentCode ?? ''}`, async () => {
    const rows = await wh.query<{ code: string; name: string; geometry: string }>(
      `SELECT a.code, a.name, a.geometry FROM areas a JOIN (${chosenSourcesSql}) c USING (level, source_id)
       WHERE a.level = $level ${parentCode ? 'AND a.parent_code = $parent' : ''} ORDER BY a.code`,
      parentCode ? { level, parent: parentCode } : { level }
    );
    return rows.map((r) => ({ code: r.code, name: r.name, geometry: JSON.parse(r.geometry) as AreaGeometry }));
  });
}

export interface BoundarySource {
  level: string;
  origin: string;
  sha256: string;
  vintage: number | null;
}

/** The boundary files in use, one per level, to cite beside a map. */
export function boundarySources(wh: Warehouse): Promise<BoundarySource[]> {
  return wh.memo('boundary-sources', async () =>
    (
      await wh.query<{ level: string; origin: string; sha256: string; vintage: number | null }>(
        `SELECT c.level, s.origin, s.sha256, (SELECT max(vintage) FROM areas a WHERE a.source_id = c.source_id AND a.level = c.level) AS vintage
         FROM (${chosenSourcesSql}) c JOIN sources s ON s.id = c.source_id WHERE c.level IN ('borough', 'ward') ORDER BY c.level`
      )
    ).map((r) => ({ ...r, vintage: r.vintage === null ? null : Number(r.vintage) }))
  );
}
