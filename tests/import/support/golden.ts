import fs from 'node:fs';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { expect } from 'vitest';

/**
 * Compares `actual` with `<dir>/<name>.json`. On a difference it writes `<name>-changed.json` beside
 * the golden, so a person can diff the two, and fails; UPDATE_GOLDEN=1 rewrites the golden instead.
 */
export function expectGolden(dir: string, name: string, actual: unknown, update = process.env.UPDATE_GOLDEN === '1'): void {
  const golden = path.join(dir, `${name}.json`);
  const changed = path.join(dir, `${name}-changed.json`);
  const text = JSON.stringify(actual, null, 2) + '\n';
  const normalised: unknown = JSON.parse(text);
  if (update) {
    fs.writeFileSync(golden, text);
    fs.rmSync(changed, { force: true });
    return;
  }
  const expected: unknown = fs.existsSync(golden) ? JSON.parse(fs.readFileSync(golden, 'utf8')) : undefined;
  if (isDeepStrictEqual(normalised, expected)) {
    fs.rmSync(changed, { force: true });
    return;
  }
  fs.writeFileSync(changed, text);
  expect(normalised, `output differs from ${golden}: compare it with ${changed} (UPDATE_GOLDEN=1 accepts it)`).toEqual(expected);
}
