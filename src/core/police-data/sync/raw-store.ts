import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';

/** Where the raw answer for one force and month is kept. */
export function rawPath(rawDir: string, force: string, month: string): string {
  return path.join(rawDir, force, `${month}.json`);
}

/**
 * The size and record count of a file saved earlier, or null if there is none we can trust.
 * A file that does not parse is treated as absent so the month is downloaded again.
 */
export async function readSaved(file: string): Promise<{ bytes: number; records: number } | null> {
  let body: Buffer;
  try {
    body = await readFile(file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
  try {
    const json: unknown = JSON.parse(body.toString('utf8'));
    return Array.isArray(json) ? { bytes: body.length, records: json.length } : null;
  } catch {
    return null;
  }
}

/**
 * Writes `body` so that `file` is either the old version or the complete new one, never a
 * partial file: write a temporary file in the same folder (rename is only atomic within one
 * file system), flush it to disk, then rename it over the target.
 */
export async function writeAtomic(file: string, body: Buffer): Promise<void> {
  const dir = path.dirname(file);
  await mkdir(dir, { recursive: true });
  // A leading dot and a random part keep temp files out of listings and apart between processes.
  const temp = path.join(dir, `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const handle = await open(temp, 'wx');
    try {
      await handle.writeFile(body);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, file);
  } catch (err) {
    await rm(temp, { force: true });
    throw err;
  }
  await syncDir(dir);
}

/** Flushes the rename itself; best effort, as some platforms (Windows) cannot open a folder. */
async function syncDir(dir: string): Promise<void> {
  try {
    const handle = await open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // The file is complete either way; at worst a power cut undoes the rename.
  }
}
