import type { DuckDBConnection } from '@duckdb/node-api';
import { createAssigner, type Assigner } from '../geo/assign.ts';
import type { AreaGeometry, BoundaryFeature } from '../geo/boundaries.ts';

export type AreaAssigner = Assigner;

/**
 * Which boundary file serves each level when several are loaded: a file of that level alone (the
 * GLA borough file) before a mixed national one (ONS local authorities of the whole UK), then the
 * latest vintage, then the most detailed (most vertices). One file per level, never a mix, so
 * coverage is consistent. Kept in SQL so the home page and the importer agree.
 */
export const chosenSourcesSql = `
  SELECT level, source_id FROM (
    SELECT level, source_id, row_number() OVER (
      PARTITION BY level ORDER BY any_value(dedicated) DESC, max(vintage) DESC NULLS LAST, sum(vertices) DESC, source_id DESC) AS rank
    FROM (SELECT *, count(DISTINCT level) OVER (PARTITION BY source_id) = 1 AS dedicated FROM areas)
    GROUP BY level, source_id)
  WHERE rank = 1`;

/** Builds the point-in-polygon assigner from the boundaries in the warehouse, or null if none. */
export async function loadAssigner(conn: DuckDBConnection): Promise<AreaAssigner | null> {
  const rows = (await conn.runAndReadAll(`
    SELECT a.level, a.code, a.name, a.parent_code, a.geometry
    FROM areas a JOIN (${chosenSourcesSql}) c USING (level, source_id)
    WHERE a.level IN ('lsoa', 'ward', 'borough')`)).getRowObjectsJson() as Array<{
    level: 'lsoa' | 'ward' | 'borough';
    code: string;
    name: string;
    parent_code: string | null;
    geometry: string;
  }>;
  if (rows.length === 0) return null;
  const byLevel: Record<string, BoundaryFeature[]> = { lsoa: [], ward: [], borough: [] };
  for (const r of rows)
    byLevel[r.level].push({
      code: r.code,
      name: r.name,
      level: r.level,
      parentCode: r.parent_code,
      geometry: JSON.parse(r.geometry) as AreaGeometry
    });
  return createAssigner(byLevel);
}

/**
 * Re-places every located record after boundaries change, so figures never mix boundary sets.
 * Returns the number of records whose areas were recomputed.
 */
export async function reassignAll(conn: DuckDBConnection, assigner: AreaAssigner | null): Promise<number> {
  const coords = (await conn.runAndReadAll(
    'SELECT DISTINCT latitude, longitude FROM stop_search WHERE located'
  )).getRowObjectsJson() as Array<{ latitude: number; longitude: number }>;
  await writeCoordAreas(conn, coords, assigner);
  const reader = await conn.runAndReadAll(`
    UPDATE stop_search s SET lsoa = c.lsoa, ward = c.ward, borough = c.borough, ward_nearest = c.ward_nearest
    FROM coord_area c WHERE s.located AND c.latitude = s.latitude AND c.longitude = s.longitude`);
  return Number(reader.getRowsJson()[0]?.[0] ?? 0);
}

/** Fills temp table coord_area with the areas of each distinct coordinate. */
export async function writeCoordAreas(
  conn: DuckDBConnection,
  coords: Array<{ latitude: number; longitude: number }>,
  assigner: AreaAssigner | null
): Promise<void> {
  await conn.run(`CREATE OR REPLACE TEMP TABLE coord_area (latitude DOUBLE, longitude DOUBLE,
    lsoa VARCHAR, ward VARCHAR, borough VARCHAR, ward_nearest BOOLEAN)`);
  const appender = await conn.createAppender('coord_area', 'main', 'temp');
  for (const { latitude, longitude } of coords) {
    const a = assigner?.assign(longitude, latitude) ?? null;
    appender.appendDouble(latitude);
    appender.appendDouble(longitude);
    for (const v of [a?.lsoa, a?.ward, a?.borough]) (v ? appender.appendVarchar(v) : appender.appendNull());
    a?.wardMethod ? appender.appendBoolean(a.wardMethod === 'nearest') : appender.appendNull();
    appender.endRow();
  }
  appender.closeSync();
}
