import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { wardPopulations, type WardPopulation } from '../../src/core/figures/ward-population.ts';
import { chosenSourcesSql } from '../../src/core/import/areas.ts';
import type { FileReport } from '../../src/core/import/report.ts';
import type { Row } from '../../src/core/warehouse/warehouse.ts';
import { csvRows } from './support/csv.ts';
import { importedSharedData, releaseSharedData, type ImportedData } from './support/fixture.ts';
import { londonDateHour, utcDate } from './support/london-time.ts';
import { claimsOf, placeByLsoa, type ClaimAt, type Placement } from './support/placement.ts';
import { polygonSet, readGeoJson, type PolygonSet } from './support/polygons.ts';
import { files, HACKNEY, listDataFiles, present, provenanceArchiveTable, SHARED, SKIP_MESSAGE, stated } from './support/shared-data.ts';
import { dimensions, readPoliceFiles, type MonthFacts, type RowFact } from './support/source-facts.ts';

/**
 * The importer on the real public data: everything in ../shared/data is imported once, and the
 * warehouse is checked against counts taken from the files themselves (support/) and PROVENANCE.md.
 */
if (!present) console.warn(SKIP_MESSAGE);

const DAYS = [
  { date: '2022-05-14', month: '2022-05', what: 'Dalston' },
  { date: '2023-07-21', month: '2023-07', what: 'Ridley Road' }
];
const SETUP_MS = 600_000;

describe.skipIf(!present)(present ? `real data: importing all of ${SHARED}` : SKIP_MESSAGE, () => {
  let data: ImportedData;
  let facts: Map<string, MonthFacts>;
  let lsoas: PolygonSet;
  let claimAt: ClaimAt;
  let placed: Map<string, Placement>;
  let wards18: PolygonSet | undefined;
  const q = <T extends Row>(sql: string, params?: Array<string | number>) => data.warehouse.query<T>(sql, params);
  const archive = () => [...facts.values()].filter((f) => f.format === 'csv');
  const api = () => [...facts.values()].filter((f) => f.format === 'json');
  const factsOfMonth = (month: string) => [...facts.values()].find((f) => f.month === month)!;

  beforeAll(async () => {
    const started = performance.now();
    data = await importedSharedData();
    facts = readPoliceFiles(DAYS.map((d) => d.month));
    lsoas = polygonSet(files.lsoa, { code: 'lsoa21cd', name: 'lsoa21nm', parent: 'lad22cd' });
    claimAt = claimsOf(lsoas);
    placed = placeByLsoa(facts.values(), claimAt);
    console.info(
      `real data: import ${data.importSeconds.toFixed(1)} s, CLI re-import ${data.cli.seconds.toFixed(1)} s, ` +
        `independent counts ${((performance.now() - started) / 1000 - data.importSeconds - data.cli.seconds).toFixed(1)} s`
    );
  }, SETUP_MS);
  afterAll(() => releaseSharedData(), 60_000);

  /** Per police source: records, unlocated, located outside every area, strip searches, under-18s. */
  const perSource = () =>
    q<{ origin: string; month: string; records: number; unlocated: number; outside: number; strip: number; under18: number }>(`
      SELECT s.origin, s.month, count(t.record)::INTEGER AS records,
        count(*) FILTER (WHERE NOT t.located)::INTEGER AS unlocated,
        count(*) FILTER (WHERE t.located AND t.borough IS NULL)::INTEGER AS outside,
        count(*) FILTER (WHERE t.removal_more_than_outer)::INTEGER AS strip,
        count(*) FILTER (WHERE t.age_range IN ('under_10', '10_17'))::INTEGER AS under18
      FROM sources s LEFT JOIN stop_search t ON t.source_id = s.id
      WHERE s.format LIKE 'police-uk-stop-search-%' AND s.status = 'current'
      GROUP BY ALL ORDER BY s.month`);

  describe('the import report', () => {
    const balanced = (r: { read: number; loaded: number; quarantined: number; skipped: number }) =>
      r.read === r.loaded + r.quarantined + r.skipped;

    it('accounts for every file in the folder and balances per file and in total', () => {
      const { report } = data;
      expect(report.files.map((f) => f.path).sort()).toEqual(listDataFiles().map((f) => path.resolve(f)).sort());
      expect(report.files.filter((f) => !balanced(f)).map((f) => f.path)).toEqual([]);
      const sum = (k: 'read' | 'loaded' | 'quarantined' | 'skipped') => report.files.reduce((n, f) => n + f[k], 0);
      expect(report.totals).toEqual({ read: sum('read'), loaded: sum('loaded'), quarantined: sum('quarantined'), skipped: sum('skipped') });
      expect(balanced(report.totals)).toBe(true);
      expect(report.balanced).toBe(true);
      expect(report.files.filter((f) => f.status === 'failed')).toEqual([]);
    });

    it('reads every data line of every police file, as counted from the files and listed in PROVENANCE.md', () => {
      const byPath = new Map(data.report.files.map((f) => [f.path, f]));
      const table = provenanceArchiveTable();
      expect(table).toHaveLength(stated.archiveFiles);
      expect(table.reduce((n, r) => n + r.rows, 0)).toBe(stated.archiveRows);
      expect(archive().reduce((n, f) => n + f.records, 0)).toBe(stated.archiveRows);
      const got = [...facts.values()].map((f) => pick(byPath.get(f.origin), ['status', 'read', 'loaded', 'quarantined', 'month']));
      const want = [...facts.values()].map((f) => ({ status: 'loaded', read: f.records, loaded: f.records - f.malformed, quarantined: f.malformed, month: f.month }));
      expect(got).toEqual(want);
      expect(archive().map((f) => [f.month, f.records])).toEqual(table.map((r) => [r.month, r.rows]));
      expect(Object.fromEntries(api().map((f) => [f.month, f.records]))).toEqual(stated.apiRecords);
    });

    it('loads boundaries, lookups and the census table, and skips with a reason what it does not read', () => {
      const byFormat = (format: string) => data.report.files.filter((f) => f.format === format);
      expect(byFormat('boundaries').map((f) => [path.basename(f.path), f.loaded])).toEqual([
        ['london_boroughs_gla_wgs84.geojson', 33],
        ['Local_Authority_Districts_December_2022_UK_BGC_V2.topojson.gz', 374],
        ['london_lsoa2021_gla_wgs84.geojson.gz', stated.lsoas],
        ['london_wards_2018_gla_fullres_wgs84.geojson.gz', 657],
        ['london_wards_2022_WD22_drkane_generalised_wgs84.geojson', stated.wards2022]
      ]);
      expect(byFormat('lookup').map((f) => f.loaded)).toEqual([331, 4994, 8887]);
      expect(byFormat('census-ts021').map((f) => f.loaded)).toEqual([6620]);
      expect(byFormat('ward-population').map((f) => [path.basename(f.path), f.loaded, f.quarantined])).toEqual([
        ['mid2020_ward_population_sape23dt8a_london_persons.csv', 640, 0]
      ]);
      const unknown = byFormat('unknown');
      expect(unknown.every((f) => f.status === 'skipped' && f.read === 0 && /^skipped: /.test(f.messages[0]))).toBe(true);
      const topFolders = unknown.map((f) => path.relative(SHARED, f.path).split(path.sep)[0]).sort();
      // Census 2011 by output area and the mid-2020 males and females ward tables; 4 Met burglary and 50 City street-crime files.
      expect(topFolders).toEqual(['PROVENANCE.md', ...Array(54).fill('police-uk'), ...Array(3).fill('population')]);
    });

    it('`scrutineer import ../shared/data --json` run again loads nothing new and skips everything', async () => {
      const { cli, report } = data;
      expect(cli.exitCode, cli.stderr).toBe(0);
      expect(cli.report.totals).toEqual({ read: report.totals.read, loaded: 0, quarantined: 0, skipped: report.totals.read });
      expect(cli.report.balanced).toBe(true);
      expect(cli.report.files.filter((f) => f.status !== 'skipped')).toEqual([]);
      const [{ n }] = await q<{ n: number }>('SELECT count(*)::INTEGER AS n FROM stop_search');
      expect(n).toBe([...facts.values()].reduce((s, f) => s + f.records, 0));
      const [{ current }] = await q<{ current: number }>(`SELECT count(*)::INTEGER AS current FROM sources WHERE status = 'current'`);
      expect(current).toBe(report.files.filter((f) => f.status === 'loaded').length);
    });
  });

  describe('records per source month', () => {
    it('stop_search holds one row per data line, and the unlocated rows are those with a blank latitude', async () => {
      const rows = await perSource();
      expect(rows.map((r) => [r.origin, r.records, r.unlocated])).toEqual(
        [...facts.values()].sort(byMonth).map((f) => [f.origin, f.records, f.unlocated])
      );
      const table = provenanceArchiveTable();
      expect(rows.filter((r) => table.some((t) => t.month === r.month)).map((r) => [r.month, r.unlocated])).toEqual(
        table.map((t) => [t.month, t.unlocated])
      );
      const month = (m: string) => rows.find((r) => r.month === m)!;
      expect([month('2015-04').unlocated, month('2015-04').records, month('2016-06').unlocated]).toEqual([11126, 11126, 871]);
    });

    it('keeps every record of 2022-05 and 2023-07 as written: time, coordinates, Europe/London date and hour', async () => {
      for (const { month } of DAYS) {
        const f = factsOfMonth(month);
        const rows = await q<{ record: number; ms: string; lat: number | null; lon: number | null; local_date: string; local_hour: number }>(
          `SELECT t.record, epoch_ms(t.ts)::VARCHAR AS ms, t.latitude AS lat, t.longitude AS lon, t.local_date::VARCHAR AS local_date,
             t.local_hour::INTEGER AS local_hour
           FROM stop_search t JOIN sources s ON s.id = t.source_id WHERE s.origin = $1 ORDER BY t.record`,
          [f.origin]
        );
        const got = rows.map((r) => [r.record, Number(r.ms), r.lat, r.lon, r.local_date, r.local_hour]);
        const want = f.rows!.map((r) => {
          const london = londonDateHour(r.epochMs);
          return [r.record, r.epochMs, r.lat, r.lon, london.date, london.hour];
        });
        expect(got).toEqual(want);
      }
    });

    it('counts every source’s records per Europe/London date as the files do (all clock changes 2015–2025)', async () => {
      const rows = await q<{ origin: string; day: string; n: number }>(`
        SELECT s.origin, t.local_date::VARCHAR AS day, count(*)::INTEGER AS n
        FROM stop_search t JOIN sources s ON s.id = t.source_id GROUP BY ALL ORDER BY s.origin, day`);
      const got = [...facts.values()].map((f) => [f.month, rows.filter((r) => r.origin === f.origin).map((r) => [r.day, r.n])]);
      const want = [...facts.values()].map((f) => [f.month, [...f.londonDates].sort(([a], [b]) => a.localeCompare(b))]);
      expect(got).toEqual(want);
    });

    it('gives records between 23:00 and 24:00 UTC in summer the next day as their London date', async () => {
      const late = await q<{ ms: string; local_date: string; local_hour: number }>(`
        SELECT epoch_ms(ts)::VARCHAR AS ms, local_date::VARCHAR AS local_date, local_hour::INTEGER AS local_hour
        FROM stop_search WHERE month IN ('2022-05', '2023-07') AND hour(timezone('UTC', ts)) = 23`);
      expect(late.length).toBeGreaterThan(100);
      const nextDay = (ms: number) => utcDate(ms + 24 * 3600 * 1000);
      expect(late.filter((r) => r.local_date !== nextDay(Number(r.ms)) || r.local_hour !== 0)).toEqual([]);
    });
  });

  describe('areas', () => {
    it('places every located point in an LSOA holding it (or with it on its edge) and in that LSOA’s borough', async () => {
      const points = await q<{ latitude: number; longitude: number; lsoa: string | null; borough: string | null }>(
        'SELECT DISTINCT latitude, longitude, lsoa, borough FROM stop_search WHERE located'
      );
      const parentOf = new Map(lsoas.areas.map((a) => [a.code, a.parent]));
      const wrong = points.filter((p) => {
        const claim = claimAt(p.longitude, p.latitude);
        if (p.lsoa === null) return claim.inside || p.borough !== null;
        return !claim.lsoas.includes(p.lsoa) || parentOf.get(p.lsoa) !== p.borough;
      });
      expect(wrong).toEqual([]);
      const edge = points.filter((p) => claimAt(p.longitude, p.latitude).onEdge).length;
      console.info(`${points.length} distinct located points, ${edge} of them on an LSOA edge (either side is right)`);
    });

    it('gives each borough, every month, the records an independent point-in-polygon puts there (edge points either side)', async () => {
      const rows = await q<{ origin: string; borough: string; n: number }>(`
        SELECT s.origin, t.borough, count(*)::INTEGER AS n FROM stop_search t JOIN sources s ON s.id = t.source_id
        WHERE t.borough IS NOT NULL GROUP BY ALL`);
      const outOfBounds: string[] = [];
      let ambiguous = 0;
      for (const f of facts.values()) {
        const p = placed.get(f.origin)!;
        const got = new Map(rows.filter((r) => r.origin === f.origin).map((r) => [r.borough, r.n]));
        for (const b of new Set([...got.keys(), ...p.certain.keys(), ...p.possible.keys()])) {
          const [n, min, max] = [got.get(b) ?? 0, p.certain.get(b) ?? 0, (p.certain.get(b) ?? 0) + (p.possible.get(b) ?? 0)];
          if (n < min || n > max) outOfBounds.push(`${f.month} ${b}: ${n} not in ${min}…${max}`);
        }
        ambiguous += [...p.possible.values()].reduce((a, b) => a + b, 0);
      }
      expect(outOfBounds).toEqual([]);
      console.info(`records on an edge between boroughs (counted on either side): ${ambiguous}`);
    });

    it('borough totals sum to the located total minus the records located outside every area, counted independently', async () => {
      const rows = await perSource();
      const byPath = new Map(data.report.files.map((f) => [f.path, f]));
      for (const f of facts.values()) {
        const p = placed.get(f.origin)!;
        const [w] = await q<{ boroughs: number; located: number }>(
          `SELECT count(borough)::INTEGER AS boroughs, count(*) FILTER (WHERE located)::INTEGER AS located
           FROM stop_search t JOIN sources s ON s.id = t.source_id WHERE s.origin = $1`,
          [f.origin]
        );
        const outside = w.located - w.boroughs;
        expect(w.located, f.month).toBe(f.records - f.unlocated);
        expect(outside >= p.outside && outside <= p.outside + p.possiblyOutside, `${f.month}: ${outside} outside, expected ${p.outside}…${p.outside + p.possiblyOutside}`).toBe(true);
        expect(byPath.get(f.origin)!.outsideAreas, f.month).toBe(outside);
      }
      const show = ['2016-06', '2019-02', '2022-05', '2023-07', '2024-08', '2025-01'];
      console.info(
        `located outside every LSOA: ${rows.reduce((n, r) => n + r.outside, 0)} records in ${rows.length} months; ` +
          rows.filter((r) => show.includes(r.month)).map((r) => `${r.month} ${r.outside}`).join(', ')
      );
    });

    it('nests: ward totals sum to their borough, and every ward and LSOA belongs to the record’s borough', async () => {
      const unbalanced = await q(`
        WITH w AS (SELECT month, borough, ward, count(*) AS n FROM stop_search WHERE borough IS NOT NULL GROUP BY ALL)
        SELECT month, borough, sum(n) FILTER (WHERE ward IS NOT NULL) AS in_wards, sum(n) AS total FROM w GROUP BY ALL
        HAVING in_wards IS DISTINCT FROM total`);
      expect(unbalanced).toEqual([]);
      const chosen = `(${chosenSourcesSql})`;
      const [nest] = await q<{ ward_elsewhere: number; ward_unknown: number; lsoa_elsewhere: number; lsoa_unknown: number; area_without_borough: number }>(`
        SELECT
          count(*) FILTER (WHERE t.ward IS NOT NULL AND w.parent_code IS DISTINCT FROM t.borough AND w.code IS NOT NULL)::INTEGER AS ward_elsewhere,
          count(*) FILTER (WHERE t.ward IS NOT NULL AND w.code IS NULL)::INTEGER AS ward_unknown,
          count(*) FILTER (WHERE t.lsoa IS NOT NULL AND l.parent_code IS DISTINCT FROM t.borough AND l.code IS NOT NULL)::INTEGER AS lsoa_elsewhere,
          count(*) FILTER (WHERE t.lsoa IS NOT NULL AND l.code IS NULL)::INTEGER AS lsoa_unknown,
          count(*) FILTER (WHERE t.borough IS NULL AND (t.ward IS NOT NULL OR t.lsoa IS NOT NULL))::INTEGER AS area_without_borough
        FROM stop_search t
        LEFT JOIN areas w ON w.level = 'ward' AND w.code = t.ward AND w.source_id = (SELECT source_id FROM ${chosen} WHERE level = 'ward')
        LEFT JOIN areas l ON l.level = 'lsoa' AND l.code = t.lsoa AND l.source_id = (SELECT source_id FROM ${chosen} WHERE level = 'lsoa')`);
      expect(nest).toEqual({ ward_elsewhere: 0, ward_unknown: 0, lsoa_elsewhere: 0, lsoa_unknown: 0, area_without_borough: 0 });
      const wardCodes = new Set(readGeoJson(files.ward22).features.map((f) => String(f.properties.WD22CD)));
      const used = await q<{ ward: string }>('SELECT DISTINCT ward FROM stop_search WHERE ward IS NOT NULL');
      expect(used.filter((u) => !wardCodes.has(u.ward))).toEqual([]);
      expect(used.length).toBeGreaterThan(650);
    });

    it('uses 33 boroughs, the 704 wards of 2022 and 4,994 LSOAs, as the boundary files hold', async () => {
      const chosen = await q<{ level: string; origin: string; vintage: number | null; n: number }>(`
        SELECT c.level, s.origin, max(a.vintage) AS vintage, count(*)::INTEGER AS n
        FROM (${chosenSourcesSql}) c JOIN areas a USING (level, source_id) JOIN sources s ON s.id = c.source_id
        WHERE c.level IN ('borough', 'ward', 'lsoa') GROUP BY ALL ORDER BY c.level`);
      const features = (file: string) => readGeoJson(file).features.length;
      expect([features(files.borough), features(files.ward22), lsoas.areas.length]).toEqual([stated.londonBoroughs, stated.wards2022, stated.lsoas]);
      expect(chosen.map((c) => [c.level, c.n])).toEqual([
        ['borough', stated.londonBoroughs],
        ['lsoa', stated.lsoas],
        ['ward', stated.wards2022]
      ]);
      const byLevel = Object.fromEntries(chosen.map((c) => [c.level, c]));
      expect([byLevel.ward.origin, byLevel.ward.vintage]).toEqual([files.ward22, 2022]);
      expect(byLevel.lsoa.origin).toBe(files.lsoa);
      const boroughs = new Set(lsoas.areas.map((a) => a.parent));
      expect(boroughs.size).toBe(stated.londonBoroughs);
      const [{ n }] = await q<{ n: number }>(`SELECT count(DISTINCT borough)::INTEGER AS n FROM stop_search WHERE borough IS NOT NULL`);
      expect(n).toBe(stated.londonBoroughs);
      console.info(`borough polygons chosen from ${path.relative(SHARED, byLevel.borough.origin)}`);
    });
  });

  describe('strip searches', () => {
    it('are flagged only from 2024-02, as many as the files say, never before', async () => {
      const rows = await perSource();
      expect(rows.map((r) => [r.month, r.strip])).toEqual([...facts.values()].sort(byMonth).map((f) => [f.month, f.stripSearches]));
      expect(rows.filter((r) => r.month < '2024-02' && r.strip > 0)).toEqual([]);
      expect(Object.fromEntries(rows.filter((r) => r.month >= '2024-02' && r.month <= '2024-08').map((r) => [r.month, r.strip]))).toEqual(
        stated.stripSearches
      );
      const table = provenanceArchiveTable();
      expect(table.map((t) => [t.month, t.stripSearches])).toEqual(archive().map((f) => [f.month, f.stripSearches]));
      console.info(`strip searches flagged in the API months: ${rows.filter((r) => r.month > '2024-08').map((r) => `${r.month} ${r.strip}`).join(', ')}`);
    });
  });

  describe('the Europe/London day', () => {
    for (const day of DAYS)
      it(`counts Hackney on ${day.date} (${day.what}) as the files do, and shows its wards`, async () => {
        const wards = await q<{ ward: string | null; name: string | null; n: number }>(
          `SELECT t.ward, a.name, count(*)::INTEGER AS n FROM stop_search t
           LEFT JOIN areas a ON a.level = 'ward' AND a.code = t.ward AND a.source_id = (SELECT source_id FROM (${chosenSourcesSql}) WHERE level = 'ward')
           WHERE t.borough = $1 AND t.local_date = $2::DATE GROUP BY ALL ORDER BY n DESC, t.ward`,
          [HACKNEY, day.date]
        );
        const total = wards.reduce((n, w) => n + w.n, 0);
        const f = factsOfMonth(day.month);
        const onDay = f.rows!.filter((r) => londonDateHour(r.epochMs).date === day.date);
        const claims = (r: RowFact) => (r.lat === null ? [] : claimAt(r.lon!, r.lat).boroughs);
        const surely = onDay.filter((r) => claims(r).join() === HACKNEY).length;
        const maybe = onDay.filter((r) => claims(r).length > 1 && claims(r).includes(HACKNEY)).length;
        const utcSameDay = f.rows!.filter((r) => utcDate(r.epochMs) === day.date && claims(r).join() === HACKNEY).length;
        console.info(
          `${day.date} Hackney: ${total} searches on the London day (${utcSameDay} on the UTC day); all of London that day: ${onDay.length}.\n` +
            `  top wards: ${wards.slice(0, 5).map((w) => `${w.name ?? w.ward} ${w.n}`).join(', ')}`
        );
        // For a person to look at: Hackney's ward codes did not change in 2022, so the full-resolution
        // 2018 GLA wards show how often the generalised 2022 wards put a record in another ward.
        const records = await q<{ record: number; ward: string | null }>(
          `SELECT t.record, t.ward FROM stop_search t JOIN sources s ON s.id = t.source_id
           WHERE s.origin = $1 AND t.borough = $2 AND t.local_date = $3::DATE`,
          [f.origin, HACKNEY, day.date]
        );
        const byRecord = new Map(f.rows!.map((r) => [r.record, r]));
        wards18 ??= polygonSet(files.ward18, { code: 'GSS_CODE', name: 'NAME', parent: 'LAGSSCODE' });
        const same = records.filter((r) => {
          const row = byRecord.get(r.record)!;
          return wards18!.locate(row.lon!, row.lat!)?.code === r.ward;
        }).length;
        console.info(`  ${same} of ${records.length} in the ward the full-resolution 2018 GLA boundaries give`);
        expect(total).toBeGreaterThanOrEqual(surely);
        expect(total).toBeLessThanOrEqual(surely + maybe);
        expect(total).toBeGreaterThan(0);
        const [{ n }] = await q<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM stop_search WHERE local_date = $1::DATE`, [day.date]);
        expect(n).toBe(onDay.length);
      });
  });

  describe('vocabularies', () => {
    it('leaves no unknown label in the shared data: every label seen in the files maps to a code', async () => {
      expect(data.report.files.flatMap((f: FileReport) => f.unknownLabels ?? [])).toEqual([]);
      expect(await q('SELECT * FROM unknown_labels')).toEqual([]);
      const labels = await q<{ dimension: string; raw: string; code: string }>('SELECT dimension, raw, code FROM labels');
      const code = new Map(labels.map((l) => [`${l.dimension}|${l.raw}`, l.code]));
      const seen = dimensions.flatMap((d) => [...new Set([...facts.values()].flatMap((f) => [...f.labels[d]]))].map((raw) => `${d}|${raw}`));
      expect(seen.filter((k) => !code.has(k) || code.get(k) === 'unknown')).toEqual([]);
      expect(labels.filter((l) => l.code === 'unknown')).toEqual([]);
    });

    it('gives `unknown` exactly to the blank fields', async () => {
      const [got] = await q<Record<string, number>>(
        `SELECT ${dimensions.map((d) => `count(*) FILTER (WHERE ${d} = 'unknown')::INTEGER AS ${d}`).join(', ')} FROM stop_search`
      );
      const want = Object.fromEntries(dimensions.map((d) => [d, [...facts.values()].reduce((n, f) => n + f.blanks[d], 0)]));
      expect(got).toEqual(want);
    });

    it('maps both vocabularies of one concept to one code', async () => {
      const pairs: Array<[string, string, string, string]> = [
        ['outcome', 'Suspect arrested', 'Arrest', 'arrest'],
        ['outcome', 'Nothing found - no further action', 'A no further action disposal', 'no_further_action'],
        ['self_defined_ethnicity', 'White - White British (W1)', 'White - English/Welsh/Scottish/Northern Irish/British', 'white_british'],
        ['self_defined_ethnicity', 'Black or Black British - Caribbean (B1)', 'Black/African/Caribbean/Black British - Caribbean', 'black_caribbean']
      ];
      for (const [dimension, older, newer, code] of pairs) {
        const rows = await q<{ raw: string; code: string; n: number }>(
          `SELECT l.raw, l.code, count(t.record)::INTEGER AS n FROM labels l
           LEFT JOIN stop_search t ON t.${dimension}_label = l.id
           WHERE l.dimension = $1 AND l.raw IN ($2, $3) GROUP BY ALL`,
          [dimension, older, newer]
        );
        rows.sort((a, b) => Number(a.raw === newer) - Number(b.raw === newer));
        expect(rows.map((r) => [r.raw, r.code])).toEqual([
          [older, code],
          [newer, code]
        ]);
        expect(rows.every((r) => r.n > 0)).toBe(true);
      }
      const [{ code }] = await q<{ code: string }>(`SELECT code FROM labels WHERE dimension = 'outcome' AND raw = 'Offender given drugs possession warning'`);
      expect(code).toBe('cannabis_or_khat_warning');
    });

    it('counts under-18s per month as PROVENANCE.md does', async () => {
      const rows = await perSource();
      const table = provenanceArchiveTable();
      expect(rows.filter((r) => table.some((t) => t.month === r.month)).map((r) => [r.month, r.under18])).toEqual(
        table.map((t) => [t.month, t.under18])
      );
    });
  });

  describe('population', () => {
    it('holds Census 2021 TS021 for the 33 London boroughs, 8,799,736 usual residents', async () => {
      const [got] = await q<{ boroughs: number; residents: number }>(`
        SELECT count(DISTINCT area_code)::INTEGER AS boroughs, sum(value)::INTEGER AS residents
        FROM population WHERE dataset = 'census2021_ts021' AND area_code LIKE 'E09%'`);
      const { header, rows } = csvRows(fs.readFileSync(files.census, 'utf8'));
      const [code, value] = ['Lower Tier Local Authorities Code', 'Observation'].map((h) => header.indexOf(h));
      const london = rows.filter((r) => r[code].startsWith('E09'));
      expect(london.reduce((n, r) => n + Number(r[value]), 0)).toBe(stated.londonResidents);
      expect(got).toEqual({ boroughs: stated.londonBoroughs, residents: stated.londonResidents });
      const inLsoaFile = [...new Set(lsoas.areas.map((a) => a.parent))].sort();
      const withPopulation = (await q<{ c: string }>(`SELECT DISTINCT area_code AS c FROM population WHERE area_code LIKE 'E09%' ORDER BY 1`)).map((r) => r.c);
      expect(withPopulation).toEqual(inLsoaFile);
    });

    describe('mid-2020 ward populations on the 2022 wards', () => {
      let wards: WardPopulation[];
      beforeAll(async () => {
        wards = await wardPopulations(<T,>(sql: string) => q(sql) as Promise<T[]>);
      });

      it('gives 149 of the 704 wards in use a population: those whose code, borough and name are the same in the 2018 wards', () => {
        expect(wards).toHaveLength(stated.wards2022);
        const withPop = wards.filter((w) => w.persons !== null);
        expect(withPop).toHaveLength(149);
        const report = data.report.files.find((f) => f.format === 'ward-population')!;
        expect(report.messages.at(-1)).toMatch(/^ward populations: 149 of 704 wards in use have one .*none in Barking and Dagenham, Barnet, .*City of London/);
        // The rest: 530 wards drawn anew in May 2022, and the City's 25, which ONS groups into 8 rows.
        expect(wards.filter((w) => /boundary changed in May 2022/.test(w.reason ?? ''))).toHaveLength(530);
        expect(wards.filter((w) => w.parentCode === 'E09000001').every((w) => /group this borough's 25 wards into 8 rows/.test(w.reason ?? ''))).toBe(true);
      });

      it("gives each of Hackney's 21 wards the population the file gives its name", () => {
        const { header, rows } = csvRows(fs.readFileSync(files.wardPopulation, 'utf8'));
        const [la, name, all] = ['LA Code (2021 boundaries)', 'Ward Name 1', 'All Ages'].map((h) => header.indexOf(h));
        const inFile = new Map(rows.filter((r) => r[la] === HACKNEY).map((r) => [r[name], Number(r[all].replace(/,/g, ''))]));
        const hackney = wards.filter((w) => w.parentCode === HACKNEY);
        expect(hackney).toHaveLength(21);
        expect(hackney.map((w) => [w.name, w.persons])).toEqual(hackney.map((w) => [w.name, inFile.get(w.name)]));
        expect(hackney.every((w) => w.persons! > 5000)).toBe(true);
      });

      it("gives none to a ward whose boundary changed in 2022, though a 2020 ward had its name (Barking and Dagenham's Abbey)", () => {
        const abbey = wards.find((w) => w.code === 'E05014053')!;
        expect(abbey).toMatchObject({ name: 'Abbey', parentCode: 'E09000002', persons: null });
        expect(abbey.reason).toMatch(/boundary changed in May 2022/);
      });
    });
  });
});

function pick<T extends object, K extends keyof T>(o: T | undefined, keys: K[]): Partial<Pick<T, K>> | undefined {
  return o && (Object.fromEntries(keys.map((k) => [k, o[k]])) as Pick<T, K>);
}

function byMonth(a: MonthFacts, b: MonthFacts) {
  return a.month.localeCompare(b.month);
}

function sortKeys(o: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(o).sort(([a], [b]) => a.localeCompare(b)));
}
