import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { authSecret, secretFileName } from '../../src/core/panels/secret.ts';

describe('the session secret', () => {
  const dirs: string[] = [];
  const folder = () => {
    const d = fs.mkdtempSync(path.join(os.tmpdir(), 'scrutineer-secret-'));
    dirs.push(d);
    return d;
  };
  afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

  it('is made once, at random, readable by its owner only, and kept in the data folder', () => {
    const dataDir = folder();
    const first = authSecret({ dataDir, authSecret: null });
    expect(first).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(fs.statSync(path.join(dataDir, secretFileName)).mode & 0o777).toBe(0o600);
    expect(authSecret({ dataDir, authSecret: null })).toBe(first);
    expect(authSecret({ dataDir: folder(), authSecret: null })).not.toBe(first);
  });

  it('is SCRUTINEER_AUTH_SECRET when set, and then nothing is written', () => {
    const dataDir = folder();
    expect(authSecret({ dataDir, authSecret: 'x'.repeat(40) })).toBe('x'.repeat(40));
    expect(fs.existsSync(path.join(dataDir, secretFileName))).toBe(false);
  });
});
