import { chosenSourcesSql } from '../import/areas.ts';
import type { Warehouse } from '../warehouse/warehouse.ts';
import type { PackSource } from './types.ts';

const policeFormats = `('police-uk-stop-search-csv', 'police-uk-stop-search-json')`;
const MONTH = /^\d{4}-\d{2}$/;

/**
 * Every file a pack rests on, with its full SHA-256: the force's police files for the months shown,
 * the boundary files in use for boroughs, wards and LSOAs, the Census 2021 table, and the lookup
 * that says which boroughs make up the force area.
 */
export async function packSources(wh: Warehouse, force: string, months: string[]): Promise<PackSource[]> {
  // Months are checked YYYY-MM strings, so they may stand in the SQL text.
  const monthList = months.filter((m) => MONTH.test(m)).map((m) => `'${m}'`).join(', ') || `''`;
  const rows = await wh.query<{ origin: string; sha256: string; format: string; month: string | null; detail: string | null; rows: number; imported_at: string }>(
    `SELECT origin, sha256, format, month, detail, rows_loaded AS rows, imported_at::VARCHAR AS imported_at FROM sources
     WHERE status = 'current' AND (
       (format IN ${policeFormats} AND force = $force AND month IN (${monthList}))
       OR id IN (SELECT source_id FROM (${chosenSourcesSql}) WHERE level IN ('borough', 'ward', 'lsoa'))
       OR format = 'census-ts021'
       OR (format = 'lookup' AND detail = 'lad-csp-pfa'))
     ORDER BY CASE WHEN format IN ${policeFormats} THEN 0 WHEN format = 'boundaries' THEN 1 WHEN format = 'census-ts021' THEN 2 ELSE 3 END, month DESC, origin`,
    { force }
  );
  return rows.map((r) => ({
    role: r.format.startsWith('police-uk') ? 'police' : r.format === 'boundaries' ? 'boundaries' : r.format === 'census-ts021' ? 'population' : 'lookup',
    origin: r.origin,
    file: fileName(r.origin),
    sha256: r.sha256,
    month: r.month,
    detail: r.detail,
    rows: Number(r.rows),
    importedAt: r.imported_at
  }));
}

/** The file's own name from its origin: a path, a zip entry ("a.zip!/b.csv") or a URL. */
function fileName(origin: string): string {
  const inner = origin.includes('!/') ? origin.slice(origin.lastIndexOf('!/') + 2) : origin;
  const clean = inner.replace(/[?#].*$/, '').replace(/\/+$/, '');
  return clean.slice(clean.lastIndexOf('/') + 1) || origin;
}
