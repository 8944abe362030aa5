import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The project's root folder, found by walking up from this module. Works both from the sources
 * (run by tsx or Vitest) and from the bundled server in build/, which still sits inside the project.
 */
export function projectRoot(from = path.dirname(fileURLToPath(import.meta.url))): string {
  let dir = from;
  for (;;) {
    const pkg = path.join(dir, 'package.json');
    if (fs.existsSync(pkg) && JSON.parse(fs.readFileSync(pkg, 'utf8')).name === 'scrutineer') return dir;
    const up = path.dirname(dir);
    if (up === dir) throw new Error(`Cannot find the Scrutineer project folder above ${from}`);
    dir = up;
  }
}

/** `../shared/data` beside the project, where the real public data sets live when present. */
export function sharedDataDir(): string {
  return path.resolve(projectRoot(), '..', 'shared', 'data');
}
