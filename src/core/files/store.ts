import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Invalid, NotFound } from '../errors.ts';

/** What the store keeps of one file: its name in the store is its SHA-256. */
export interface StoredFile {
  sha256: string;
  size: number;
}

/**
 * The content-addressed file store in the data folder (`files/`): each file is named by the
 * SHA-256 of its bytes (`files/ab/abcd…`), so the same bytes are kept once and a file cannot be
 * altered without its name ceasing to match. A file is written to `files/tmp/` and renamed into
 * place, so a crash never leaves half a file under a hash name.
 */
export interface FileStore {
  put(bytes: Uint8Array): Promise<StoredFile>;
  get(sha256: string): Promise<Uint8Array>;
  has(sha256: string): boolean;
  /** Largest file accepted, in bytes. */
  readonly maxBytes: number;
}

/** Archived copies of sources: generous for a saved web page or a PDF letter, small enough for one request. */
export const defaultMaxBytes = 10 * 1024 * 1024;

const hashName = /^[0-9a-f]{64}$/;

export function createFileStore(dir: string, { maxBytes = defaultMaxBytes }: { maxBytes?: number } = {}): FileStore {
  const where = (sha256: string) => {
    if (!hashName.test(sha256)) throw new NotFound('There is no such file.');
    return path.join(dir, sha256.slice(0, 2), sha256);
  };
  return {
    maxBytes,
    async put(bytes) {
      if (bytes.byteLength > maxBytes) throw new Invalid(`The file is too large: at most ${formatBytes(maxBytes)} is accepted.`, { field: 'file' });
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      const dest = where(sha256);
      if (!fs.existsSync(dest)) {
        const tmpDir = path.join(dir, 'tmp');
        await fs.promises.mkdir(tmpDir, { recursive: true });
        await fs.promises.mkdir(path.dirname(dest), { recursive: true });
        const tmp = path.join(tmpDir, `${sha256}.${randomBytes(6).toString('hex')}`);
        const handle = await fs.promises.open(tmp, 'wx', 0o640);
        try {
          try {
            await handle.writeFile(bytes);
            await handle.sync();
          } finally {
            await handle.close();
          }
          await fs.promises.rename(tmp, dest);
        } catch (err) {
          // A failed write (disk full, say) leaves nothing behind, not even the temporary file.
          await fs.promises.rm(tmp, { force: true });
          throw err;
        }
      }
      return { sha256, size: bytes.byteLength };
    },
    async get(sha256) {
      try {
        return new Uint8Array(await fs.promises.readFile(where(sha256)));
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw new NotFound('There is no such file.');
        throw err;
      }
    },
    has: (sha256) => fs.existsSync(where(sha256))
  };
}

export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${Math.round((n / 1024 / 1024) * 10) / 10} MB`;
  if (n >= 1024) return `${Math.round(n / 1024)} KB`;
  return `${n} bytes`;
}
