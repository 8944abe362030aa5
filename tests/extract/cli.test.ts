import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, type TestContext } from 'vitest';
import { runCli } from '../../src/cli/main.ts';
import { projectRoot } from '../../src/core/paths.ts';
import { MAX_SOURCE_BYTES, readSource } from '../../src/cli/commands/extract.ts';
import { LOCK_FILE } from '../../src/core/storage/lock.ts';
import { fixtures } from './support.ts';
import { runScrutineer, type CliRun } from '../support/cli.ts';

const article = path.join(fixtures, 'articles', 'ridley-road.txt');

type Run = CliRun;

/** Runs the real `scrutineer` command with a data folder of its own, perhaps feeding standard input. */
const scrutineer = (dataDir: string, args: string[], stdin?: string | Buffer): Promise<Run> =>
  runScrutineer(args, { cwd: path.dirname(dataDir), env: { SCRUTINEER_DATA_DIR: dataDir }, stdin });

function tempFolder({ onTestFinished }: TestContext) {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'scrutineer-extract-'));
  onTestFinished(() => fs.rmSync(root, { recursive: true, force: true }));
  const dataDir = path.join(root, 'data');
  return { root, dataDir, run: (args: string[], stdin?: string | Buffer) => scrutineer(dataDir, args, stdin) };
}

type Suggestion = { text: string; start: number; end: number } & Record<string, unknown>;

/** Each run starts Node and tsx: slow on a busy machine, so these run one at a time with room to spare. */
describe('scrutineer extract, the real command', { timeout: 180_000 }, () => {
  it('FILE --published --json prints exactly the documented shape, every span matching the file', async (context) => {
    const { run, dataDir } = tempFolder(context);
    const r = await run(['extract', article, '--published', '2023-07-24', '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as Record<string, Suggestion[]>;
    expect(Object.keys(out)).toEqual(['quotes', 'quantities', 'dates', 'places']);
    const text = fs.readFileSync(article, 'utf8');
    const keys = { quotes: ['speaker', 'text', 'start', 'end'], quantities: ['value', 'counted', 'text', 'start', 'end'], dates: ['date', 'text', 'start', 'end'], places: ['name', 'text', 'start', 'end'] };
    for (const [c, list] of Object.entries(out))
      for (const s of list) {
        expect(Object.keys(s).sort()).toEqual([...keys[c as keyof typeof keys]].sort());
        expect(text.slice(s.start, s.end)).toBe(s.text);
      }
    expect(out.quotes[0]).toMatchObject({ speaker: 'Jane Smith' });
    expect(out.quantities.map((q) => q.value)).toEqual([30, 100, 8, 24]);
    expect(out.dates.map((d) => d.date)).toEqual(['2023-07-21', '2023-07-21', '2023-08-03']);
    // No data: a note on standard error, built-in places only, and no data folder made for nothing.
    expect(r.stderr).toContain('No data is loaded');
    expect(out.places.map((p) => p.name)).toEqual(['Ridley Road Market', 'Kingsland High Street', 'Dalston Kingsland station']);
    expect(fs.existsSync(dataDir)).toBe(false);
  });

  it('- reads standard input; without --published only dates with a year are given', async (context) => {
    const { run } = tempFolder(context);
    const r = await run(['extract', '-', '--json'], 'Eight people were arrested on Mare Street on Friday, 21 July 2023, and on Saturday.');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as Record<string, Suggestion[]>;
    expect(out.quantities).toEqual([{ value: 8, counted: 'people', text: 'Eight people', start: 0, end: 12 }]);
    expect(out.dates.map((d) => d.date)).toEqual(['2023-07-21']);
  });

  it('recognises the wards and boroughs of loaded boundaries by their official names, and releases the data folder', async (context) => {
    const { run, dataDir } = tempFolder(context);
    const geo = path.join(projectRoot(), 'tests', 'fixtures', 'geo');
    const imported = await run(['import', path.join(geo, 'boroughs.geojson'), path.join(geo, 'wards_generalised.geojson'), '--json']);
    expect(imported.code).toBe(0);
    const r = await run(['extract', '-', '--json'], 'Officers patrolled Alpha North and Bravo, then left by Station Road.');
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout) as Record<string, Suggestion[]>;
    expect(out.places.map((p) => [p.name, p.text])).toEqual([
      ['Alpha North', 'Alpha North'],
      ['Bravo', 'Bravo'],
      ['Station Road', 'Station Road']
    ]);
    expect(fs.existsSync(path.join(dataDir, LOCK_FILE))).toBe(false);
  });

  it('still extracts when another process holds the data folder, and says wards are not recognised', async (context) => {
    const { run, dataDir } = tempFolder(context);
    fs.mkdirSync(dataDir, { recursive: true });
    fs.writeFileSync(path.join(dataDir, 'warehouse.duckdb'), '');
    const holder = { pid: process.pid, host: os.hostname(), command: 'scrutineer serve', startedAt: new Date().toISOString() };
    fs.writeFileSync(path.join(dataDir, LOCK_FILE), JSON.stringify(holder));
    const r = await run(['extract', '-', '--json'], 'About 100 police came to Ridley Road Market.');
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/in use|locked/i);
    expect((JSON.parse(r.stdout) as Record<string, Suggestion[]>).places.map((p) => p.name)).toEqual(['Ridley Road Market']);
  });


});

/** The same command in this process: quick checks of output and refusals. */
describe('scrutineer extract, in process', () => {
  let root = '';
  let saved: string | undefined;
  beforeAll(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'scrutineer-extract-'));
    saved = process.env.SCRUTINEER_DATA_DIR;
    process.env.SCRUTINEER_DATA_DIR = path.join(root, 'data');
  });
  afterAll(() => {
    if (saved === undefined) delete process.env.SCRUTINEER_DATA_DIR;
    else process.env.SCRUTINEER_DATA_DIR = saved;
    fs.rmSync(root, { recursive: true, force: true });
  });

  async function cli(...args: string[]): Promise<Run> {
    let stdout = '';
    let stderr = '';
    const code = await runCli(['extract', ...args], { out: (t) => (stdout += t + '\n'), err: (t) => (stderr += t + '\n'), isTty: false });
    return { code, stdout, stderr };
  }

  it('prints readable suggestions with their offsets without --json', async () => {
    const r = await cli(article, '--published', '2023-07-24');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Quotes (4)');
    expect(r.stdout).toMatch(/\d+–\d+\s+Jane Smith: “Residents deserve/);
    expect(r.stdout).toMatch(/\d+–\d+\s+24 officers {2}\(“two dozen officers”\)/);
    expect(r.stdout).toContain('Dates resolved against 2023-07-24.');
  });

  it('refuses a missing file (exit 3), a folder, binary and non-UTF-8 files and a bad date (exit 2), saying what and where', async () => {
    const missing = await cli(path.join(root, 'nope.txt'));
    expect(missing.code).toBe(3);
    expect(missing.stderr).toContain(`There is no file ${path.join(root, 'nope.txt')}.`);

    const folder = await cli(root);
    expect(folder.code).toBe(2);
    expect(folder.stderr).toContain(`${root} is a folder`);

    fs.writeFileSync(path.join(root, 'photo.jpg'), Buffer.from([0xff, 0xd8, 0xff, 0x00, 0x10]));
    const binary = await cli(path.join(root, 'photo.jpg'), '--json');
    expect(binary.code).toBe(2);
    expect(JSON.parse(binary.stdout)).toEqual({ error: { code: 'invalid', message: expect.stringContaining('zero byte at byte 3'), details: expect.any(Object) } });

    fs.writeFileSync(path.join(root, 'latin1.txt'), Buffer.from('Caf\xe9 on Mare Street', 'latin1'));
    const latin = await cli(path.join(root, 'latin1.txt'));
    expect(latin.code).toBe(2);
    expect(latin.stderr).toContain('latin1.txt is not UTF-8 text');

    fs.writeFileSync(path.join(root, 'huge.txt'), Buffer.alloc(MAX_SOURCE_BYTES + 1, 'a'));
    const huge = await cli(path.join(root, 'huge.txt'));
    expect(huge.code).toBe(2);
    expect(huge.stderr).toContain('huge.txt is larger than 2 MB');

    const badDate = await cli(article, '--published', '24/07/2023');
    expect(badDate.code).toBe(2);
    expect(badDate.stderr).toContain('The publication date "24/07/2023" is not a day written YYYY-MM-DD.');
  });

  it('reads a byte-order mark as no text, so offsets start at the first character', () => {
    const text = readSource('-', () => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('Eight people')]));
    expect(text).toBe('Eight people');
  });

  it('--help explains the command and its exit status', async () => {
    const r = await cli('--help');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('--published <date>');
    expect(r.stdout).toContain('"-" reads standard input');
    expect(r.stdout).toMatch(/Exit status: 0 on success, 2 for a bad date/);
  });
});
