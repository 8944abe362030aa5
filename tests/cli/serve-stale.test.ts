import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ensureBuilt, isStale } from '../../src/cli/serve.ts';

let root: string;

function write(rel: string, mtimeSeconds: number) {
  const file = path.join(root, rel);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, rel);
  fs.utimesSync(file, mtimeSeconds, mtimeSeconds);
  for (let dir = path.dirname(file); dir !== root; dir = path.dirname(dir)) fs.utimesSync(dir, 1000, 1000);
}

afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

describe('when the web app needs building', () => {
  it('builds when build/ is missing or older than a source, not for a test file', () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'scrutineer-stale-'));
    write('src/routes/+page.svelte', 1000);
    write('package.json', 1000);
    expect(isStale(root)).toBe(true); // no build yet
    write('build/index.js', 2000);
    expect(isStale(root)).toBe(false);
    write('src/lib/describe.test.ts', 3000);
    expect(isStale(root)).toBe(false);
    write('src/lib/describe.ts', 3000);
    expect(isStale(root)).toBe(true);
  });

  it('refuses to run without a build when told never to build', async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'scrutineer-stale-'));
    await expect(ensureBuilt(root, 'never')).rejects.toThrow(/has not been built/);
  });
});
