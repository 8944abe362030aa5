import type { Warehouse } from '../warehouse/warehouse.ts';
import { monthlyPack } from './pack.ts';
import type { MonthlyPack, PackRequest } from './types.ts';

/** How many packs are remembered: a person reading a pack and then printing it asks for it twice. */
export const PACKS_REMEMBERED = 16;

interface Entry {
  /** The warehouse's memo generation the pack was made in: an import starts a new one. */
  generation: object;
  pack: Promise<MonthlyPack>;
}

const remembered = new WeakMap<Warehouse, Map<string, Entry>>();

/**
 * monthlyPack, remembering the last few packs until the next import (whose `invalidate` clears the
 * warehouse's memos, and with them the generation token checked here). The PDF of a pack prints the
 * page just read, so it is made from the same pack rather than computed again.
 */
export async function cachedMonthlyPack(wh: Warehouse, req: PackRequest): Promise<MonthlyPack> {
  const generation = await wh.memo('pack:generation', async () => ({}));
  let packs = remembered.get(wh);
  if (!packs) remembered.set(wh, (packs = new Map()));
  const key = [req.borough.toLowerCase(), req.month, req.grouping ?? 'census2021', req.ethnicity ?? 'self_defined_ethnicity'].join('|');
  const hit = packs.get(key);
  if (hit && hit.generation === generation) {
    packs.delete(key);
    packs.set(key, hit); // most recently used last
    return hit.pack;
  }
  const pack = monthlyPack(wh, req);
  packs.set(key, { generation, pack });
  pack.catch(() => packs.delete(key));
  while (packs.size > PACKS_REMEMBERED) packs.delete(packs.keys().next().value as string);
  return pack;
}
