import { NotFound } from '../errors.ts';
import type { Warehouse } from '../warehouse/warehouse.ts';
import { chosenSourcesSql } from '../import/areas.ts';
import type { AreaRef } from './types.ts';

/**
 * Finds an area by GSS code or name (any case): a borough, ward or LSOA of the boundaries in use,
 * or a police force by its data.police.uk id (e.g. "metropolitan"). An ambiguous name lists the
 * candidates; an unknown one says what exists.
 */
export async function resolveArea(wh: Warehouse, text: string): Promise<AreaRef> {
  const q = text.trim();
  const forces = await wh.memo('forces', () => wh.query<{ force: string }>('SELECT DISTINCT force FROM stop_search ORDER BY force'));
  const force = forces.find((f) => f.force === q.toLowerCase());
  if (force) return { code: force.force, name: forceName(force.force), level: 'force' };
  const rows = (await areasInUse(wh)).filter((a) => a.code.toUpperCase() === q.toUpperCase() || a.name.toLowerCase() === q.toLowerCase());
  if (rows.length === 0)
    throw new NotFound(
      `No area or force called "${q}". Use a borough, ward or LSOA GSS code or name (e.g. E09000012 or Hackney)` +
        (forces.length ? `, or a force: ${forces.map((f) => f.force).join(', ')}.` : '; no police data is loaded yet (run `scrutineer import` first).'),
      { area: q }
    );
  const exact = rows.filter((r) => r.code.toUpperCase() === q.toUpperCase());
  const pick = exact[0] ?? (rows.filter((r) => r.level === rows[0].level).length === 1 ? rows[0] : null);
  if (!pick)
    throw new NotFound(`"${q}" names several areas: ${rows.map((r) => `${r.code} (${r.level}${r.parent ? ` in ${r.parent}` : ''})`).join(', ')}. Use a code.`, {
      area: q,
      candidates: rows.map((r) => r.code)
    });
  return { code: pick.code, name: pick.name, level: pick.level };
}

export function forceName(id: string): string {
  if (id === 'metropolitan') return 'Metropolitan Police Service';
  return id.replace(/(^|-)([a-z])/g, (_m, sep: string, c: string) => `${sep ? ' ' : ''}${c.toUpperCase()}`);
}

export interface AreaInUse {
  code: string;
  name: string;
  level: 'borough' | 'ward' | 'lsoa';
  parentCode: string | null;
  parent: string | null;
}

const levelOrder = { borough: 0, ward: 1, lsoa: 2 } as const;

/** Boroughs, wards and LSOAs of the boundary files in use (remembered until the next import). */
export function areasInUse(wh: Warehouse): Promise<AreaInUse[]> {
  return wh.memo('areas-in-use', async () => {
    const rows = await wh.query<{ code: string; name: string; level: AreaInUse['level']; parent_code: string | null }>(
      `SELECT a.code, a.name, a.level, a.parent_code FROM areas a JOIN (${chosenSourcesSql}) c USING (level, source_id)
       WHERE a.level IN ('borough', 'ward', 'lsoa')`
    );
    const boroughs = new Map(rows.filter((r) => r.level === 'borough').map((r) => [r.code, r.name]));
    return rows
      .map((r) => ({ code: r.code, name: r.name, level: r.level, parentCode: r.parent_code, parent: r.parent_code ? (boroughs.get(r.parent_code) ?? null) : null }))
      .sort((a, b) => levelOrder[a.level] - levelOrder[b.level] || a.code.localeCompare(b.code));
  });
}
