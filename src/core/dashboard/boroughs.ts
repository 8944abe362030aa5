import { NotFound } from '../errors.ts';
import { areasInUse } from '../figures/area.ts';
import type { AreaRef } from '../figures/types.ts';
import type { Warehouse } from '../warehouse/warehouse.ts';

export interface Borough extends AreaRef {
  level: 'borough';
  /** The name as it appears in addresses: "Kensington and Chelsea" -> "kensington-and-chelsea". */
  slug: string;
}

/** "Kensington & Chelsea" -> "kensington-and-chelsea". */
export function slugOf(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** The boroughs of the boundary file in use, by name (remembered until the next import). */
export function boroughsInUse(wh: Warehouse): Promise<Borough[]> {
  return wh.memo('boroughs-in-use', async () =>
    (await areasInUse(wh))
      .filter((a) => a.level === 'borough')
      .map((a) => ({ code: a.code, name: a.name, level: 'borough' as const, slug: slugOf(a.name) }))
      .sort((a, b) => a.name.localeCompare(b.name))
  );
}

/** A borough by GSS code, slug or name (any case), as written in `/b/[borough]`; else NotFound. */
export async function resolveBorough(wh: Warehouse, text: string): Promise<Borough> {
  const boroughs = await boroughsInUse(wh);
  const q = text.trim();
  const slug = slugOf(q);
  const found = boroughs.find((b) => b.slug === slug || b.code.toUpperCase() === q.toUpperCase());
  if (found) return found;
  throw new NotFound(
    boroughs.length
      ? `There is no borough called "${q.slice(0, 60)}". Choose one of the ${boroughs.length} boroughs on the home page, by name (e.g. ${boroughs[0].slug}) or GSS code (e.g. ${boroughs[0].code}).`
      : 'No borough boundaries are loaded yet, so there are no borough pages. Import a boundary file first (see the home page).',
    { borough: q }
  );
}

/**
 * The last publication month loaded for the force whose records an area's figures rest on (the
 * force with most records there), or of any force when the area has none. Null: nothing loaded.
 */
export async function latestMonth(wh: Warehouse, area?: AreaRef): Promise<string | null> {
  const rows = await wh.memo('latest-months', () =>
    wh.query<{ force: string; month: string }>(`SELECT force, max(month) AS month FROM sources WHERE status = 'current' AND force IS NOT NULL GROUP BY force`)
  );
  if (rows.length === 0) return null;
  const force = area ? await mainForce(wh, area) : null;
  const own = rows.find((r) => r.force === force);
  return own?.month ?? rows.map((r) => r.month).sort().at(-1) ?? null;
}

/** The force with most records placed in a borough (remembered until the next import). */
async function mainForce(wh: Warehouse, area: AreaRef): Promise<string | null> {
  if (area.level === 'force') return area.code;
  return wh.memo(`main-force:${area.code}`, async () => {
    const [row] = await wh.query<{ force: string }>(
      `SELECT force FROM stop_search WHERE borough = $code GROUP BY force ORDER BY count(*) DESC LIMIT 1`,
      { code: area.code }
    );
    return row?.force ?? null;
  });
}
