import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/core/paths.ts';
import { runScrutineer } from '../support/cli.ts';

const root = projectRoot();
/** e2e/fixtures: July 2023, Metropolitan records in the Hackney (E09000012) and Tower Hamlets rectangles. */
const police = path.join(root, 'e2e', 'fixtures', '2023-07-metropolitan-stop-and-search.csv');
const boroughs = path.join(root, 'e2e', 'fixtures', 'boroughs.geojson');

const scrutineer = (dataDir: string, ...args: string[]) => runScrutineer(args, { env: { SCRUTINEER_DATA_DIR: dataDir } });

/** Issue 3 item 4: `scrutineer figures` and `scrutineer unusual`, and their messages for bad requests. */
describe('scrutineer figures and unusual', () => {
  let tmp: string;
  let data: string;
  let empty: string;
  beforeAll(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'scrutineer-figures-cli-'));
    data = path.join(tmp, 'data');
    empty = path.join(tmp, 'empty');
    expect((await scrutineer(data, 'import', boroughs, police)).code).toBe(0);
  }, 300_000);
  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('--json prints the figure objects of METRICS.md', async () => {
    const r = await scrutineer(data, 'figures', '--area', 'hackney', '--from', '2023-07', '--json');
    expect(r.code, r.stderr).toBe(0);
    const set = JSON.parse(r.stdout);
    expect(set.context).toMatchObject({ area: { code: 'E09000012', level: 'borough' }, period: { from: '2023-07-01', to: '2023-07-31' }, grouping: 'census2021' });
    const searches = set.figures.find((f: { metric: string; group: unknown }) => f.metric === 'searches' && f.group === null);
    expect(Object.keys(searches).sort()).toEqual(['area', 'ci95', 'coverage', 'denominator', 'flags', 'group', 'method', 'metric', 'numerator', 'period', 'sources', 'value'].sort());
    expect(searches.value).toBeGreaterThan(0);
  });

  it('without --json prints a readable table naming the grouping, and the sources', async () => {
    const r = await scrutineer(data, 'figures', '--area', 'E09000012', '--from', '2023-07', '--grouping', 'black_incl_mixed_black');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('Hackney (borough E09000012), 2023-07-01 to 2023-07-31');
    expect(r.stdout).toContain('self-defined, black_incl_mixed_black grouping');
    expect(r.stdout).toMatch(/^searches\s+\d+/m);
    expect(r.stdout).toContain('Sources:');
  });

  it("a ward's figures say where its rate per 1,000 residents' population comes from, or why it has none", async () => {
    const dir = path.join(tmp, 'wards');
    const fixture = (f: string) => path.join(root, 'e2e', 'fixtures', 'dashboard', f);
    const imported = await scrutineer(dir, 'import', boroughs, police, fixture('wards.geojson'), fixture('wards-2018.geojson'), fixture('ward-population-mid2020-persons.csv'));
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stdout).toContain('ward populations: 6 of 6 wards in use have one (unchanged since the 2020 wards)');
    const r = await scrutineer(dir, 'figures', '--area', 'Dalston', '--from', '2023-07');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^rate_per_1000 +(too few|n\/a|\d)/m);
    expect(r.stdout).toContain('Searches per 1,000 residents: Searches per 1,000 residents of the ward (all residents, all searches; ONS mid-2020 ward population estimates (SAPE23DT8a, persons, 2020 wards)');
    const status = await scrutineer(dir, 'status');
    expect(status.stdout).toContain('ward populations: 6 of 6 wards in use (ONS mid-2020 ward population estimates (SAPE23DT8a, persons, 2020 wards); only wards unchanged since 2020)');
    const without = path.join(tmp, 'wards-without-2018');
    expect((await scrutineer(without, 'import', boroughs, police, fixture('wards.geojson'), fixture('ward-population-mid2020-persons.csv'))).code).toBe(0);
    const none = await scrutineer(without, 'figures', '--area', 'Dalston', '--from', '2023-07');
    expect(none.stdout).toMatch(/^rate_per_1000 +no population +\d+ +no_population$/m);
    expect(none.stdout).toContain('Searches per 1,000 residents: No pre-2022 ward set');
  }, 120_000);

  it('a bad area is named, with what to give instead (exit 3, not found)', async () => {
    const r = await scrutineer(data, 'figures', '--area', 'Atlantis', '--from', '2023-07');
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('scrutineer: No area or force called "Atlantis". Use a borough, ward or LSOA GSS code or name');
    expect(r.code).toBe(3);
  });

  it('an empty or impossible period gets a message naming the parameter', async () => {
    const blank = await scrutineer(data, 'figures', '--area', 'hackney', '--from', ' ');
    expect(blank.code).toBe(2);
    expect(blank.stderr).toContain('scrutineer: from: give the first month or day (YYYY-MM or YYYY-MM-DD)');
    const backwards = await scrutineer(data, 'unusual', '--area', 'hackney', '--from', '2023-07', '--to', '2023-06');
    expect(backwards.code).toBe(2);
    expect(backwards.stderr).toMatch(/^scrutineer: .*(before|after)/);
  });

  it('a period with no data says which months are loaded', async () => {
    const r = await scrutineer(data, 'figures', '--area', 'hackney', '--from', '2020-01');
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('No stop-and-search records are loaded for 2020-01-01 to 2020-01-31');
    expect(r.stderr).toContain('Loaded months run from 2023-07 to 2023-07');
  });

  it('with nothing imported, says to import first', async () => {
    const r = await scrutineer(empty, 'figures', '--area', 'metropolitan', '--from', '2023-07');
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('no police data is loaded yet (run `scrutineer import` first)');
  });

  it('unusual prints a plain list, and --json the unusual-day objects', async () => {
    const text = await scrutineer(data, 'unusual', '--area', 'hackney', '--from', '2023-07');
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toContain('Unusual days in Hackney and its wards, 2023-07-01 to 2023-07-31:');
    const json = await scrutineer(data, 'unusual', '--area', 'hackney', '--from', '2023-07', '--json');
    expect(json.code, json.stderr).toBe(0);
    expect(Array.isArray(JSON.parse(json.stdout))).toBe(true);
  });
});
