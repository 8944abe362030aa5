import fs from 'node:fs';
import path from 'node:path';
import type { AppConfig } from '../config.ts';
import { createContext } from '../context.ts';
import { Conflict } from '../errors.ts';
import { areasInUse } from '../figures/area.ts';
import type { Warehouse } from '../warehouse/warehouse.ts';
import type { GazetteerEntry } from './types.ts';

/** The boroughs and wards of the boundary files in use, by their official names. */
export async function gazetteerOf(wh: Warehouse): Promise<GazetteerEntry[]> {
  const areas = await areasInUse(wh);
  return areas
    .filter((a) => a.level === 'borough' || a.level === 'ward')
    .map((a) => ({ name: a.name, level: a.level as GazetteerEntry['level'], code: a.code, parent: a.parent }));
}

export interface LoadedGazetteer {
  entries: GazetteerEntry[];
  /** Why there are none, when there are none: said to the user, never fatal. */
  note: string | null;
}

/**
 * Reads the gazetteer from the data folder for a command that needs nothing else there: the folder
 * is taken only for the one query and released at once. No warehouse yet, or a folder in use by
 * another process, gives an empty gazetteer and a note: extraction then uses its built-in patterns.
 */
export async function loadGazetteer(config: AppConfig, command: string): Promise<LoadedGazetteer> {
  if (!fs.existsSync(path.join(config.dataDir, 'warehouse.duckdb')))
    return { entries: [], note: `No data is loaded in ${config.dataDir}, so wards and boroughs are not recognised (streets, markets and stations are).` };
  let ctx;
  try {
    ctx = await createContext(config, { command, database: false });
  } catch (err) {
    if (err instanceof Conflict) return { entries: [], note: `${err.message} Wards and boroughs are not recognised this time.` };
    throw err;
  }
  try {
    const entries = await gazetteerOf(ctx.warehouse);
    return { entries, note: entries.length ? null : 'No boundaries are loaded, so wards and boroughs are not recognised (streets, markets and stations are).' };
  } finally {
    await ctx.close();
  }
}
