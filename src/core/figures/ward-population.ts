import { chosenSourcesSql } from '../import/areas.ts';
import type { Warehouse } from '../warehouse/warehouse.ts';

/**
 * Which wards in use get a population from the ONS mid-2020 estimates for the 2020 wards (the wards
 * of the May 2018 – May 2022 London elections). A ward in use gets one only when it is the same ward:
 *
 * 1. a pre-2022 ward set that is loaded — ward boundaries of vintage 2018 to 2021 (the GLA London
 *    wards 2018) or the ONS ward (Dec 2019) -> local authority lookup — has a ward with the SAME GSS
 *    code, the same local authority and the same name (normalised). ONS gives a ward a new code
 *    whenever its boundary changes, so an unchanged code means an unchanged boundary;
 * 2. the estimates have exactly one row with that local authority and name (normalised). The file's
 *    own ward code column is not used: it holds older codes for many boroughs;
 * 3. the estimates have a row for each of the borough's pre-2022 wards: ONS groups the City of
 *    London's 25 small wards into 8 rows, and a grouped row is not one ward's population.
 *
 * Any other ward has no population, with the reason: never a denominator for a different area.
 */
export interface WardPopulation {
  code: string;
  name: string;
  parentCode: string | null;
  /** All residents (persons, all ages), or null with `reason`. */
  persons: number | null;
  reason: string | null;
}

type Query = <T>(sql: string) => Promise<T[]>;

/** The estimates' source and year (the file gives the year only in title rows that copies drop). */
export const WARD_POPULATION_LABEL = 'ONS mid-2020 ward population estimates (SAPE23DT8a, persons, 2020 wards)';

/** SQL text normalising a ward name for matching: case, "&" / "and", punctuation and spacing. */
export const normalisedName = (expr: string) =>
  `trim(regexp_replace(regexp_replace(replace(lower(${expr}), '&', ' and '), '[^a-z0-9]+', ' ', 'g'), ' +', ' ', 'g'))`;

const n = normalisedName;

const matchSql = `
  WITH cur AS (
    SELECT a.code, a.name, a.parent_code FROM areas a JOIN (${chosenSourcesSql}) c USING (level, source_id) WHERE a.level = 'ward'),
  before AS (
    SELECT DISTINCT a.code, a.parent_code, ${n('a.name')} AS nname FROM areas a JOIN sources s ON s.id = a.source_id AND s.status = 'current'
    WHERE a.level = 'ward' AND a.vintage BETWEEN 2018 AND 2021
    UNION
    SELECT DISTINCT l.child_code, l.parent_code, ${n('l.child_name')} FROM area_links l JOIN sources s ON s.id = l.source_id AND s.status = 'current'
    WHERE s.detail = 'ward-lad' AND l.child_level = 'ward'),
  pop AS (
    SELECT p.la_code, ${n('p.ward_name')} AS nname, p.persons FROM ward_population p JOIN sources s ON s.id = p.source_id AND s.status = 'current')
  SELECT cur.code, cur.name, cur.parent_code AS "parentCode",
    (SELECT count(*) FROM pop) > 0 AS "popLoaded",
    (SELECT count(*) FROM before) > 0 AS "beforeLoaded",
    EXISTS (SELECT 1 FROM before b WHERE b.code = cur.code) AS "codeBefore",
    EXISTS (SELECT 1 FROM before b WHERE b.code = cur.code AND b.parent_code = cur.parent_code AND b.nname = ${n('cur.name')}) AS unchanged,
    (SELECT min(p.persons) FROM pop p WHERE p.la_code = cur.parent_code AND p.nname = ${n('cur.name')}) AS persons,
    (SELECT count(*) FROM pop p WHERE p.la_code = cur.parent_code)::INTEGER AS "laRows",
    (SELECT count(DISTINCT b.code) FROM before b WHERE b.parent_code = cur.parent_code)::INTEGER AS "laWards"
  FROM cur ORDER BY cur.parent_code, cur.name`;

export async function wardPopulations(query: Query): Promise<WardPopulation[]> {
  const rows = await query<{
    code: string;
    name: string;
    parentCode: string | null;
    popLoaded: boolean;
    beforeLoaded: boolean;
    codeBefore: boolean;
    unchanged: boolean;
    persons: number | null;
    laRows: number;
    laWards: number;
  }>(matchSql);
  return rows.map((r) => {
    const reason = !r.popLoaded
      ? 'No ward population is loaded (the ONS mid-2020 ward estimates, SAPE23DT8a).'
      : !r.beforeLoaded
        ? 'No pre-2022 ward set (the GLA London wards 2018 boundaries or the ONS ward 2019 lookup) is loaded, so whether this ward kept its 2020 boundary cannot be checked.'
        : !r.codeBefore
          ? 'No population for the 2022 ward: its boundary changed in May 2022 (its GSS code is new), and the mid-2020 estimates are for the old wards.'
          : !r.unchanged
            ? 'No population for the 2022 ward: its code was in use before May 2022 under another name or borough, so it cannot be matched safely.'
            : Number(r.laRows) < Number(r.laWards)
              ? `No population for the 2022 ward: the mid-2020 estimates group this borough's ${r.laWards} wards into ${r.laRows} rows (ONS combines small wards), so a row is not one ward's population.`
              : r.persons == null
              ? 'No population for the 2022 ward: the mid-2020 estimates have no ward of this name in its borough.'
              : null;
    return { code: r.code, name: r.name, parentCode: r.parentCode, persons: reason ? null : Number(r.persons), reason };
  });
}

/** The wards' populations, remembered until the next import. */
export function wardPopulationsOf(wh: Warehouse): Promise<Map<string, WardPopulation>> {
  return wh.memo('ward-populations', async () => new Map((await wardPopulations(<T>(sql: string) => wh.query(sql) as Promise<T[]>)).map((w) => [w.code, w])));
}

/** One line for the import report: how many wards in use got a population, and the boroughs that did not. */
export async function wardPopulationSummary(query: Query): Promise<string> {
  const wards = await wardPopulations(query);
  if (wards.length === 0) return 'no ward boundaries are loaded yet, so no ward has a population';
  const with_ = wards.filter((w) => w.persons !== null);
  const names = new Map((await query<{ code: string; name: string }>(`SELECT DISTINCT code, name FROM areas WHERE level IN ('borough', 'lad')`)).map((r) => [r.code, r.name]));
  const byBorough = new Map<string, { total: number; without: number }>();
  for (const w of wards) {
    const b = byBorough.get(w.parentCode ?? '') ?? { total: 0, without: 0 };
    b.total++;
    if (w.persons === null) b.without++;
    byBorough.set(w.parentCode ?? '', b);
  }
  const none = [...byBorough].filter(([, b]) => b.without === b.total).map(([c]) => names.get(c) ?? c).sort();
  const some = [...byBorough].filter(([, b]) => b.without > 0 && b.without < b.total).map(([c, b]) => `${names.get(c) ?? c} (${b.without} of ${b.total})`).sort();
  return (
    `ward populations: ${with_.length} of ${wards.length} wards in use have one (unchanged since the 2020 wards)` +
    (none.length ? `; none in ${none.join(', ')}` : '') +
    (some.length ? `; some wards without in ${some.join(', ')}` : '') +
    (with_.length === 0 && wards[0].reason ? ` — ${wards[0].reason}` : '')
  );
}
