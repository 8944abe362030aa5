import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { BoundaryError } from './boundary-error.ts';
import { parseBoundaries } from './boundaries.ts';
import type { BoundarySet } from './types.ts';

/** Reads and parses a .geojson/.topojson/.json file, gunzipping it first when it ends in .gz. */
export async function loadBoundaryFile(filePath: string): Promise<BoundarySet> {
  const fileName = path.basename(filePath);
  const bytes = await readFile(filePath);
  const text = (filePath.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8');
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    throw new BoundaryError(fileName, `is not valid JSON (${(err as Error).message})`);
  }
  return parseBoundaries(doc, fileName);
}
