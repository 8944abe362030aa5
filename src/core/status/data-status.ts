import type { Warehouse } from '../warehouse/warehouse.ts';
import { chosenSourcesSql } from '../import/areas.ts';
import { thinMonths, type ThinMonth } from '../figures/thin-months.ts';
import { WARD_POPULATION_LABEL, wardPopulationsOf } from '../figures/ward-population.ts';

export interface ForceCoverage {
  force: string;
  months: string[];
  firstMonth: string;
  lastMonth: string;
  records: number;
  located: number;
  placed: number;
  /** Months with far fewer records than the force's usual month: possibly incomplete. */
  thinMonths: ThinMonth[];
}

export interface DataStatus {
  empty: boolean;
  records: number;
  quarantined: number;
  forces: ForceCoverage[];
  /** Areas per level in the boundary file chosen for that level. */
  areas: Array<{ level: string; count: number; source: string; vintage: number | null }>;
  population: { dataset: string; areas: number; residents: number; source: string } | null;
  /** Wards in use with a mid-2020 population (unchanged since 2020: figures/ward-population.ts), when one is loaded. */
  wardPopulation: { wards: number; of: number; source: string } | null;
  lookups: Array<{ kind: string; links: number }>;
  sources: Array<{ id: number; origin: string; format: string; force: string | null; month: string | null; rows: number; quarantined: number; status: string; importedAt: string }>;
  lastImport: string | null;
}

const n = (v: unknown) => Number(v ?? 0);

/** What data is loaded: for the home page, `scrutineer status` and the admin. Public information. */
export async function dataStatus(wh: Warehouse): Promise<DataStatus> {
  const [totals] = await wh.query(`SELECT (SELECT count(*) FROM stop_search) AS records,
      (SELECT count(*) FROM quarantine q JOIN sources s ON s.id = q.source_id WHERE s.status = 'current') AS quarantined,
      (SELECT max(imported_at)::VARCHAR FROM sources) AS last_import`);
  const forces = await wh.query(`SELECT force, list(DISTINCT month ORDER BY month) AS months, min(month) AS first_month,
      max(month) AS last_month, count(*) AS records, count(*) FILTER (WHERE located) AS located, count(borough) AS placed
    FROM stop_search GROUP BY force ORDER BY force`);
  const areas = await wh.query(`SELECT a.level, count(*) AS count, any_value(s.origin) AS source, max(a.vintage) AS vintage
    FROM areas a JOIN (${chosenSourcesSql}) c USING (level, source_id) JOIN sources s ON s.id = a.source_id
    GROUP BY a.level ORDER BY a.level`);
  const [pop] = await wh.query(`SELECT p.dataset, count(DISTINCT p.area_code) AS areas, sum(p.value) AS residents, any_value(s.origin) AS source
    FROM population p JOIN sources s ON s.id = p.source_id WHERE p.dataset = 'census2021_ts021' GROUP BY p.dataset`);
  const wardPops = [...(await wardPopulationsOf(wh)).values()];
  const [{ loaded }] = await wh.query(`SELECT count(*) AS loaded FROM ward_population`);
  const lookups = await wh.query(`SELECT s.detail AS kind, count(*) AS links FROM area_links l JOIN sources s ON s.id = l.source_id
    WHERE s.status = 'current' GROUP BY s.detail ORDER BY 1`);
  const sources = await wh.query(`SELECT id, origin, format, force, month, rows_loaded, rows_quarantined, status, imported_at::VARCHAR AS imported_at
    FROM sources ORDER BY id DESC LIMIT 500`);
  const thin = await Promise.all(forces.map((f) => thinMonths(wh, String(f.force))));
  const records = n(totals.records);
  return {
    empty: records === 0 && areas.length === 0 && !pop,
    records,
    quarantined: n(totals.quarantined),
    lastImport: (totals.last_import as string | null) ?? null,
    forces: forces.map((f, i) => ({
      force: String(f.force),
      months: f.months as string[],
      firstMonth: String(f.first_month),
      lastMonth: String(f.last_month),
      records: n(f.records),
      located: n(f.located),
      placed: n(f.placed),
      thinMonths: [...thin[i].values()]
    })),
    areas: areas.map((a) => ({ level: String(a.level), count: n(a.count), source: String(a.source), vintage: a.vintage == null ? null : n(a.vintage) })),
    population: pop ? { dataset: String(pop.dataset), areas: n(pop.areas), residents: n(pop.residents), source: String(pop.source) } : null,
    wardPopulation: n(loaded) > 0 ? { wards: wardPops.filter((w) => w.persons !== null).length, of: wardPops.length, source: WARD_POPULATION_LABEL } : null,
    lookups: lookups.map((l) => ({ kind: String(l.kind), links: n(l.links) })),
    sources: sources.map((s) => ({
      id: n(s.id),
      origin: String(s.origin),
      format: String(s.format),
      force: (s.force as string | null) ?? null,
      month: (s.month as string | null) ?? null,
      rows: n(s.rows_loaded),
      quarantined: n(s.rows_quarantined),
      status: String(s.status),
      importedAt: String(s.imported_at)
    }))
  };
}
