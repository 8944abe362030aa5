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
  const forces = await wh.query<{ force: string }>('SELECT DISTINCT force FROM stop_search ORDER BY force');
  const force = forces.find((f) => f.force === q.toLowerCase());
  if (force) return { code: force.force, name: forceName(force.force), level: 'force' };
  const rows = await wh.query<{ code: string; name: string; level: 'borough' | 'ward' | 'lsoa'; parent: string | null }>(
    `SELECT a.code, a.name, a.level, p.name AS parent FROM areas a JOIN (${chosenSourcesSql}) c USING (level, source_id)
     LEFT JOIN areas p ON p.code = a.parent_code AND p.level = 'borough' AND p.source_id = (SELECT source_id FROM (${chosenSourcesSql}) WHERE level = 'borough')
     WHERE a.level IN ('borough', 'ward', 'lsoa') AND (upper(a.code) = upper($1) OR lower(a.name) = lower($1))
     ORDER BY CASE a.level WHEN 'borough' THEN 0 WHEN 'ward' THEN 1 ELSE 2 END, a.code`,
    [q]
  );
  if (rows.length === 0)
    throw new NotFound(
      `No area or force called "${q}". Use a borough, ward or LSOA GSS code or name (e.g. E09000012 or Hackney)` +
        (forces.length ? `, or a force: ${forces.map((f) => f.force).join(', ')}.` : '; no police data is loaded yet.'),
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
