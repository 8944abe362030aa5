import fs from 'node:fs';
import path from 'node:path';
import { sharedDataDir } from '../../../src/core/paths.ts';

/** The real public data beside the project (never copied into it) and what PROVENANCE.md says about it. */
export const SHARED = sharedDataDir();
export const present = fs.existsSync(SHARED);
export const SKIP_MESSAGE = '../shared/data not found: real-data suite skipped';

export const files = {
  archive: path.join(SHARED, 'police-uk/stop-and-search/archive-csv'),
  api: path.join(SHARED, 'police-uk/stop-and-search/api-stops-force/metropolitan'),
  borough: path.join(SHARED, 'boundaries/borough/london_boroughs_gla_wgs84.geojson'),
  ward22: path.join(SHARED, 'boundaries/ward/london_wards_2022_WD22_drkane_generalised_wgs84.geojson'),
  ward18: path.join(SHARED, 'boundaries/ward/london_wards_2018_gla_fullres_wgs84.geojson.gz'),
  lsoa: path.join(SHARED, 'boundaries/lsoa/london_lsoa2021_gla_wgs84.geojson.gz'),
  census: path.join(SHARED, 'population/census2021_TS021_ethnic_group_20cat_by_ltla.csv'),
  wardPopulation: path.join(SHARED, 'population/mid2020_ward_population_sape23dt8a_london_persons.csv'),
  provenance: path.join(SHARED, 'PROVENANCE.md')
};

/** Figures stated in PROVENANCE.md prose (the per-file table is parsed from the file itself). */
export const stated = {
  archiveFiles: 85,
  archiveRows: 1_069_661,
  apiRecords: {
    '2024-09': 3253,
    '2024-10': 3400,
    '2024-11': 3389,
    '2024-12': 2836,
    '2025-01': 3646,
    '2025-02': 3506,
    '2025-03': 3824,
    '2025-04': 3541
  } as Record<string, number>,
  stripSearches: { '2024-02': 149, '2024-03': 234, '2024-04': 163, '2024-05': 179, '2024-06': 138, '2024-07': 164, '2024-08': 137 } as Record<
    string,
    number
  >,
  londonResidents: 8_799_736,
  londonBoroughs: 33,
  wards2022: 704,
  lsoas: 4994
};

export const HACKNEY = 'E09000012';

/** Every file the importer will be shown, as it lists them: recursive, hidden files left out. */
export function listDataFiles(dir = SHARED): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((d) => !d.name.startsWith('.'))
    .flatMap((d) => (d.isDirectory() ? listDataFiles(path.join(dir, d.name)) : [path.join(dir, d.name)]));
}

export interface ProvenanceRow {
  file: string;
  month: string;
  rows: number;
  unlocated: number;
  stripSearches: number;
  under18: number;
}

/** The per-file table of PROVENANCE.md §1 (data rows, rows without lat/lon, strip-search True, age under 18). */
export function provenanceArchiveTable(): ProvenanceRow[] {
  const num = (s: string) => Number(s.replace(/[,\s]/g, ''));
  return fs
    .readFileSync(files.provenance, 'utf8')
    .split('\n')
    .filter((l) => /^\|\s*\d{4}-\d{2}-metropolitan-stop-and-search\.csv\.gz\s*\|/.test(l))
    .map((l) => {
      const cells = l.split('|').slice(1, -1).map((c) => c.trim());
      return {
        file: cells[0],
        month: cells[0].slice(0, 7),
        rows: num(cells[2]),
        unlocated: num(cells[4]),
        stripSearches: num(cells[5]),
        under18: num(cells[6])
      };
    });
}
