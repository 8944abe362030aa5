import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/core/paths.ts';
import { runScrutineer } from '../support/cli.ts';

const root = projectRoot();
/** e2e/fixtures: July 2023, six records located in the Hackney rectangle (E09000012), two in Tower Hamlets. */
const police = path.join(root, 'e2e', 'fixtures', '2023-07-metropolitan-stop-and-search.csv');
const boroughs = path.join(root, 'e2e', 'fixtures', 'boroughs.geojson');

const scrutineer = (dataDir: string, ...args: string[]) => runScrutineer(args, { env: { SCRUTINEER_DATA_DIR: dataDir } });

describe('scrutineer sample', () => {
  let tmp: string;
  let first: string;
  let second: string;
  beforeAll(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'scrutineer-sample-cli-'));
    first = path.join(tmp, 'first');
    second = path.join(tmp, 'second');
    expect((await scrutineer(first, 'import', boroughs, police)).code).toBe(0); // the quarantined row is reported, not a failure
    // The second folder gets the police file first (nothing placed yet), then the boundaries, then the same file again.
    const copy = path.join(tmp, 'copy');
    fs.mkdirSync(copy);
    fs.copyFileSync(police, path.join(copy, path.basename(police)));
    await scrutineer(second, 'import', boroughs);
    await scrutineer(second, 'import', path.join(copy, path.basename(police)));
  }, 300_000);
  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('prints exactly the documented JSON, and the same records for the same arguments, in another data folder too', async () => {
    const args = ['sample', '--area', 'E09000012', '--month', '2023-07', '--size', '4', '--seed', '12345', '--json'];
    // One process owns a data folder at a time, so these run one after another.
    const a = await scrutineer(first, ...args);
    const b = await scrutineer(first, ...args);
    const c = await scrutineer(second, ...args);
    expect(a.code, a.stderr).toBe(0);
    const out = JSON.parse(a.stdout);
    expect(Object.keys(out)).toEqual(['seed', 'area', 'month', 'records']);
    expect(out).toMatchObject({ seed: 12345, area: 'E09000012', month: '2023-07' });
    expect(out.records).toHaveLength(4);
    for (const r of out.records) {
      expect(Object.keys(r)).toEqual(['id', 'datetime', 'latitude', 'longitude', 'legislation', 'object', 'outcome']);
      expect(r.id).toMatch(/^metropolitan:2023-07:\d+$/);
      expect(r.datetime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    }
    expect(b.stdout).toBe(a.stdout);
    expect(c.stdout).toBe(a.stdout);
    const other = await scrutineer(first, ...args.map((x) => (x === '12345' ? '54321' : x)));
    expect(JSON.parse(other.stdout).records.map((r: { id: string }) => r.id)).not.toEqual(out.records.map((r: { id: string }) => r.id));
  }, 240_000);

  it('refuses what it cannot do, saying why', async () => {
    const base = ['sample', '--area', 'E09000012', '--month', '2023-07', '--size', '4', '--seed', '1'];
    const set = (flag: string, value: string) => base.map((x, i) => (base[i - 1] === flag ? value : x));
    const tooMany = await scrutineer(first, ...set('--size', '7'));
    const unknownArea = await scrutineer(first, ...set('--area', 'Atlantis'));
    const noData = await scrutineer(second, ...set('--month', '2023-08'));
    const badSeed = await scrutineer(second, ...set('--seed', 'abc'));
    expect(tooMany).toMatchObject({ code: 2, stderr: expect.stringContaining('Hackney has 6 records in July 2023: a sample of 7 is larger than that.') });
    expect(unknownArea).toMatchObject({ code: 3, stderr: expect.stringContaining('No area or force called "Atlantis"') });
    expect(noData).toMatchObject({ code: 3, stderr: expect.stringContaining('No police data is loaded for August 2023') });
    expect(badSeed).toMatchObject({ code: 2, stderr: expect.stringContaining('--seed "abc" is not a whole number.') });
    const json = await scrutineer(first, ...set('--size', '7'), '--json');
    expect(JSON.parse(json.stdout).error).toMatchObject({ code: 'invalid', details: { field: 'size', population: 6 } });
  }, 240_000);
});
