import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, type TestContext } from 'vitest';
import { projectRoot, runTs } from '../import/support/child.ts';
import { goodRows, policeCsv, policeFixture, writeInput } from '../import/support/police-files.ts';
import { tempDir } from '../import/support/warehouse.ts';

const FORMATS = ['police-uk-stop-search-csv', 'police-uk-stop-search-json', 'boundaries', 'census-ts021', 'lookup'];

/**
 * A temp folder for one test, holding the data folder; each test gets its own, so they run
 * concurrently. Concurrent tests must use their own context's onTestFinished.
 */
function tempFolders({ onTestFinished }: TestContext) {
  const root = tempDir('scrutineer-cli-');
  onTestFinished(() => fs.rmSync(root, { recursive: true, force: true }));
  const dataDir = path.join(root, 'data');
  return { root, dataDir, scrutineer: (...args: string[]) => runScrutineer(root, dataDir, args) };
}

/** Runs the real `scrutineer` command with its data folder set by SCRUTINEER_DATA_DIR. */
function runScrutineer(cwd: string, dataDir: string, args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const proc = spawn(process.execPath, [path.join(projectRoot, 'bin/scrutineer.js'), ...args], {
    cwd,
    env: { ...process.env, SCRUTINEER_DATA_DIR: dataDir, SCRUTINEER_LOG_LEVEL: 'silent' }
  });
  let stdout = '';
  let stderr = '';
  proc.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
  proc.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  return new Promise((resolve) => proc.on('close', (code) => resolve({ code, stdout, stderr })));
}

/** The documented `--json` shape of one file and of the totals. */
function expectDocumentedShape(report: Record<string, unknown>) {
  const counts = { read: expect.any(Number), loaded: expect.any(Number), quarantined: expect.any(Number), skipped: expect.any(Number) };
  expect(report).toEqual(expect.objectContaining({ totals: expect.objectContaining(counts), balanced: true }));
  for (const file of report.files as unknown[])
    expect(file).toEqual(
      expect.objectContaining({
        path: expect.any(String),
        sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
        format: expect.any(String),
        status: expect.stringMatching(/^(loaded|skipped|failed)$/),
        ...counts,
        messages: expect.any(Array)
      })
    );
}

describe.concurrent('scrutineer import', () => {
  it('with no arguments exits 2 and explains itself', async (context) => {
    const { scrutineer } = tempFolders(context);
    const r = await scrutineer('import');
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('scrutineer import: tell me what to import.');
    for (const format of FORMATS) expect(r.stderr).toContain(format);
  });

  it('--help explains the formats and the exit status', async (context) => {
    const { scrutineer } = tempFolders(context);
    const r = await scrutineer('import', '--help');
    expect(r.code).toBe(0);
    for (const format of FORMATS) expect(r.stdout).toContain(format);
    expect(r.stdout).toContain('--force <force>');
    expect(r.stdout).toMatch(/Exit status: 0 when every file loaded or was skipped, 1 when some file failed/);
  });

  it('PATH --json prints only the report as JSON, in the documented shape', async (context) => {
    const { scrutineer } = tempFolders(context);
    const fixture = policeFixture('2023-07-testforce-stop-and-search.csv');
    const r = await scrutineer('import', fixture, '--json');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as { files: Array<Record<string, unknown>>; totals: unknown };
    expectDocumentedShape(report);
    expect(report.files).toHaveLength(1);
    expect(report.files[0]).toMatchObject({ path: fixture, format: 'police-uk-stop-search-csv', read: 12, loaded: 12, quarantined: 0, skipped: 0 });
    expect(report.totals).toEqual({ read: 12, loaded: 12, quarantined: 0, skipped: 0 });
  });

  it('a failed file makes the exit status 1, while the other files still load', async (context) => {
    const { root, scrutineer } = tempFolders(context);
    const good = writeInput(root, 'in/2023-07-goodforce-stop-and-search.csv', policeCsv(goodRows(3)));
    const bad = writeInput(root, 'in/2023-07-badforce-stop-and-search.csv', 'Type,When\nx,y\n');
    const r = await scrutineer('import', path.dirname(good), '--json');
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as { files: Array<{ path: string; status: string; loaded: number; messages: string[] }> };
    expectDocumentedShape(report);
    expect(report.files.find((f) => f.path === bad)).toMatchObject({ status: 'failed', loaded: 0, messages: [expect.stringMatching(/^line 1: /)] });
    expect(report.files.find((f) => f.path === good)).toMatchObject({ status: 'loaded', loaded: 3 });
  });

  it('a failed file is named in the plain report too', async (context) => {
    const { root, scrutineer } = tempFolders(context);
    const bad = writeInput(root, 'in/2023-07-badforce-stop-and-search.csv', '');
    const r = await scrutineer('import', bad);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`FAILED  ${bad}\n  - the file is empty`);
    expect(r.stdout).toContain('1 file(s) failed; nothing was loaded from them.');
  });

  it('a path that does not exist exits 2 and says so', async (context) => {
    const { root, scrutineer } = tempFolders(context);
    const missing = path.join(root, 'nowhere.csv');
    const r = await scrutineer('import', missing);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`There is no file or folder at ${missing}.`);
  });

  it('a data folder held by another process exits 5, naming the holder, in the one error shape with --json', async (context) => {
    const { dataDir, scrutineer } = tempFolders(context);
    const holder = runTs('tests/storage/support/hold-lock.ts', [dataDir]);
    try {
      await holder.waitFor('locked');
      const r = await scrutineer('import', policeFixture('testforce'), '--json');
      expect(r.code).toBe(5);
      const body = JSON.parse(r.stdout) as { error: { code: string; message: string } };
      expect(body.error.code).toBe('conflict');
      expect(body.error.message).toContain(`in use by process ${holder.proc.pid}`);
    } finally {
      holder.proc.kill('SIGKILL');
      await holder.exited;
    }
  });
});
