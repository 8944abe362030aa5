import { forceIdOfPfaName } from '../police-data/forces.ts';
import { ethnicGroups, selfDefinedGroup, type Grouping } from '../police-data/ethnicity.ts';
import type { Warehouse } from '../warehouse/warehouse.ts';
import type { AreaRef } from './types.ts';

export interface Population {
  byGroup: Map<string, number>;
  total: number;
  source: string;
}

/**
 * Usual residents by ethnic group (Census 2021 TS021) for a borough, or for a force (the local
 * authorities of its police force area, from the LA -> PFA lookup). Wards and LSOAs have no
 * ethnicity table in the loaded data: null.
 */
export async function populationOf(wh: Warehouse, area: AreaRef, grouping: Grouping): Promise<Population | null> {
  // GSS codes only (they come from the warehouse), so they can stand in the SQL text.
  const codes = (await areaCodes(wh, area))?.filter((c) => /^[EWSN]\d{8}$/.test(c));
  if (!codes || codes.length === 0) return null;
  const rows = await wh.query<{ category: string; value: number; source: string }>(
    `SELECT p.category, sum(p.value)::BIGINT AS value, any_value(s.origin) AS source
     FROM population p JOIN sources s ON s.id = p.source_id
     WHERE p.dataset = 'census2021_ts021' AND p.area_code IN (${codes.map((c) => `'${c}'`).join(', ')}) GROUP BY p.category`
  );
  if (rows.length === 0) return null;
  const byGroup = new Map<string, number>(ethnicGroups.map((g) => [g, 0]));
  let total = 0;
  for (const r of rows) {
    if (r.category === 'not_applicable') continue;
    const g = selfDefinedGroup(r.category, grouping);
    byGroup.set(g, (byGroup.get(g) ?? 0) + Number(r.value));
    total += Number(r.value);
  }
  return { byGroup, total, source: 'ONS Census 2021 TS021 (usual residents)' };
}

async function areaCodes(wh: Warehouse, area: AreaRef): Promise<string[] | null> {
  if (area.level === 'borough') return [area.code];
  if (area.level !== 'force') return null;
  const links = await wh.query<{ lad: string; pfa: string }>(
    `SELECT l.child_code AS lad, l2.parent_name AS pfa FROM area_links l
     JOIN area_links l2 ON l2.child_code = l.parent_code AND l2.child_level = 'csp' AND l2.parent_level = 'police_force_area'
     JOIN sources s ON s.id = l.source_id AND s.status = 'current'
     WHERE l.child_level = 'local_authority' AND l.parent_level = 'csp'`
  );
  return links.filter((l) => forceIdOfPfaName(l.pfa) === area.code).map((l) => l.lad);
}
