import yauzl from 'yauzl';
import { Invalid } from '../errors.ts';
import { formatBytes } from '../files/store.ts';

/** What a zip of evidence (a phone's export, say) may hold before anything in it is kept. */
export interface ZipLimits {
  /** Files in it, at most. */
  entries: number;
  /** Bytes of all its files once unpacked, at most. */
  totalBytes: number;
  /** Bytes of one file once unpacked, at most (the file store's cap). */
  entryBytes: number;
  /** How many times smaller a file may be packed than unpacked: a zip bomb packs far tighter. */
  ratio: number;
}

export const defaultZipLimits: Omit<ZipLimits, 'entryBytes'> = { entries: 100, totalBytes: 50 * 1024 * 1024, ratio: 100 };

export interface ZipEntry {
  /** The entry's path inside the zip (folders separated by '/'). */
  path: string;
  bytes: Uint8Array;
}

const refuse = (message: string) => new Invalid(message, { field: 'file' });

/**
 * Why a zip entry's name is refused, or null: a name climbing out of its folder (`..`), an absolute
 * path (`/etc/x`, `C:\x`) or one with backslashes could write outside a folder if anyone unpacked it.
 */
export function unsafeEntryName(name: string): string | null {
  if (name.includes('\\')) return `"${name}" has a backslash in its name`;
  if (name.startsWith('/') || /^[a-zA-Z]:/.test(name)) return `"${name}" is an absolute path`;
  if (name.split('/').includes('..')) return `"${name}" climbs out of its folder ("..")`;
  if (/[\u0000-\u001F\u007F]/.test(name)) return 'an entry has control characters in its name';
  return null;
}

/**
 * Unpacks a zip in memory after checking it: the number of entries, every name, and each entry's
 * declared sizes and compression ratio are checked from the central directory before anything is
 * inflated; while inflating, the bytes are counted again, so a zip that lies about its sizes is
 * stopped at the limit. Folders are skipped. Any problem refuses the whole zip with a message.
 */
export async function unpackZip(bytes: Uint8Array, limits: ZipLimits): Promise<ZipEntry[]> {
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.fromBufferPromise(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), { lazyEntries: true, decodeStrings: false, validateEntrySizes: true });
  } catch (err) {
    throw refuse(`The zip file cannot be read: ${(err as Error).message}.`);
  }
  try {
    if (zip.entryCount > limits.entries) throw refuse(`The zip holds ${zip.entryCount} files: at most ${limits.entries} are accepted in one zip.`);
    const entries: { entry: yauzl.Entry; path: string }[] = [];
    let declared = 0;
    for await (const entry of zip.eachEntry()) {
      const raw = entry.fileNameRaw as unknown as Buffer;
      const path = raw.toString((entry.generalPurposeBitFlag & 0x800) !== 0 ? 'utf8' : 'latin1');
      const unsafe = unsafeEntryName(path);
      if (unsafe) throw refuse(`The zip is refused: ${unsafe}.`);
      if (path.endsWith('/')) continue;
      if (entry.isEncrypted()) throw refuse(`The zip is refused: "${path}" is encrypted.`);
      checkSizes(path, entry.uncompressedSize, entry.compressedSize, limits);
      declared += entry.uncompressedSize;
      if (declared > limits.totalBytes) throw refuse(`The zip is refused: its files come to more than ${formatBytes(limits.totalBytes)} unpacked.`);
      entries.push({ entry, path });
    }
    const out: ZipEntry[] = [];
    let total = 0;
    for (const { entry, path } of entries) {
      const chunks: Buffer[] = [];
      let size = 0;
      const stream = await zip.openReadStreamPromise(entry);
      try {
        for await (const chunk of stream as AsyncIterable<Buffer>) {
          size += chunk.length;
          total += chunk.length;
          checkSizes(path, size, entry.compressedSize, limits);
          if (total > limits.totalBytes) throw refuse(`The zip is refused: its files come to more than ${formatBytes(limits.totalBytes)} unpacked.`);
          chunks.push(chunk);
        }
      } catch (err) {
        stream.destroy();
        if (err instanceof Invalid) throw err;
        throw refuse(`The zip is refused: "${path}" cannot be unpacked (${(err as Error).message}).`);
      }
      out.push({ path, bytes: new Uint8Array(Buffer.concat(chunks)) });
    }
    return out;
  } finally {
    zip.close();
  }
}

function checkSizes(path: string, unpacked: number, packed: number, limits: ZipLimits) {
  // Tiny files compress badly or not at all; the ratio matters once there is something to inflate.
  if (unpacked > 64 * 1024 && unpacked > Math.max(packed, 1) * limits.ratio)
    throw refuse(`The zip is refused as a possible zip bomb: "${path}" unpacks to more than ${limits.ratio} times its packed size.`);
  if (unpacked > limits.entryBytes) throw refuse(`The zip is refused: "${path}" is larger than ${formatBytes(limits.entryBytes)} unpacked.`);
}
