import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rawPath, readSaved, writeAtomic } from './raw-store.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'raw-store-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('raw store', () => {
  it('keeps one file per force and month', () => {
    expect(rawPath('/raw', 'metropolitan', '2025-04')).toBe(path.join('/raw', 'metropolitan', '2025-04.json'));
  });

  it('writes atomically, creating folders and leaving no temp file', async () => {
    const file = rawPath(dir, 'metropolitan', '2025-04');
    await writeAtomic(file, Buffer.from('[1,2,3]'));
    await writeAtomic(file, Buffer.from('[1,2]'));
    expect(await readFile(file, 'utf8')).toBe('[1,2]');
    expect(await readdir(path.dirname(file))).toEqual(['2025-04.json']);
  });

  it('reads back size and record count of a saved array', async () => {
    const file = path.join(dir, 'a.json');
    await writeFile(file, '[{"a":1},{"a":2}]');
    expect(await readSaved(file)).toEqual({ bytes: 17, records: 2 });
  });

  it('treats a missing, unparsable or non-array file as not saved', async () => {
    expect(await readSaved(path.join(dir, 'missing.json'))).toBeNull();
    await writeFile(path.join(dir, 'cut.json'), '[{"a":1},{"a"');
    expect(await readSaved(path.join(dir, 'cut.json'))).toBeNull();
    await writeFile(path.join(dir, 'object.json'), '{"a":1}');
    expect(await readSaved(path.join(dir, 'object.json'))).toBeNull();
  });
});
