import { chosenSourcesSql, loadAssigner } from '../import/areas.ts';
import type { Warehouse } from '../warehouse/warehouse.ts';

/** The ward and borough a point falls in, by the boundaries loaded in the warehouse. */
export interface PlaceAreas {
  wardCode: string | null;
  wardName: string | null;
  boroughCode: string | null;
  boroughName: string | null;
}

/** Assigns a point (WGS84) to its ward and borough. Tests pass one built from hand-made boundaries. */
export type AreaFinder = (lon: number, lat: number) => Promise<PlaceAreas>;

export const nowhere: PlaceAreas = { wardCode: null, wardName: null, boroughCode: null, boroughName: null };

/**
 * Places points with the same nested assigner the importer uses (src/core/geo), so a case's places
 * and the stop-and-search records agree on wards and boroughs. Built once, until the data changes.
 */
export function warehouseAreaFinder(wh: Warehouse): AreaFinder {
  const load = () =>
    wh.memo('case-area-finder', () =>
      wh.exclusive(async () => {
        const assigner = await loadAssigner(wh.connection);
        const rows = await wh.read<{ code: string; name: string }>(
          `SELECT DISTINCT a.code, a.name FROM areas a JOIN (${chosenSourcesSql}) c USING (level, source_id) WHERE a.level IN ('ward', 'borough')`
        );
        return { assigner, names: new Map(rows.map((r) => [r.code, r.name])) };
      })
    );
  return async (lon, lat) => {
    const { assigner, names } = await load();
    const a = assigner?.assign(lon, lat);
    if (!a) return nowhere;
    return { wardCode: a.ward, wardName: a.ward ? (names.get(a.ward) ?? null) : null, boroughCode: a.borough, boroughName: a.borough ? (names.get(a.borough) ?? null) : null };
  };
}
