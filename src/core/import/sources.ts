import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Readable, Transform } from 'node:stream';
import zlib from 'node:zlib';
import yauzl from 'yauzl';
import { Invalid } from '../errors.ts';

/**
 * One file to import, wherever it came from: a file on disk, a member of a zip, or a download.
 * `sha256` and `size` describe the bytes as stored at the origin (so `sha256sum` agrees for files);
 * `materialise` gives DuckDB a plain, decompressed copy to read.
 */
export interface SourceInput {
  origin: string;
  /** The file name used to recognise force and month, e.g. 2023-07-metropolitan-stop-and-search.csv.gz */
  name: string;
  /** The parent folder's name (the API mirror keeps months under a folder named after the force). */
  folder: string;
  size: number;
  sha256: string;
  gzip: boolean;
  modifiedAt: Date | null;
  /** The first bytes of the decompressed content, as text, for recognising the format. */
  head(bytes?: number): Promise<string>;
  /** Writes the decompressed content to a temporary file; verifies gzip integrity on the way. */
  materialise(tmpDir: string): Promise<string>;
  /** Copies the stored bytes (compressed as they came) to `dest`. */
  copyTo(dest: string): Promise<void>;
}

/** A path that could not even be opened as a source, reported and skipped. */
export interface UnreadablePath {
  origin: string;
  error: string;
}

const GZIP_MAGIC = [0x1f, 0x8b];
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

/** Expands files, folders (recursively, in name order) and zips into sources. */
export async function expandPaths(paths: string[]): Promise<{ sources: SourceInput[]; unreadable: UnreadablePath[] }> {
  const sources: SourceInput[] = [];
  const unreadable: UnreadablePath[] = [];
  for (const p of paths) {
    if (!fs.existsSync(p)) throw new Invalid(`There is no file or folder at ${p}.`, { path: p });
    for (const file of listFiles(p)) {
      try {
        if (await startsWith(file, ZIP_MAGIC)) sources.push(...(await zipMembers(file)));
        else sources.push(await diskSource(file));
      } catch (err) {
        unreadable.push({ origin: file, error: (err as Error).message });
      }
    }
  }
  return { sources, unreadable };
}

function listFiles(p: string): string[] {
  const stat = fs.statSync(p);
  if (!stat.isDirectory()) return [p];
  return fs
    .readdirSync(p, { withFileTypes: true })
    .filter((d) => !d.name.startsWith('.'))
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((d) => listFiles(path.join(p, d.name)));
}

async function startsWith(file: string, magic: number[]): Promise<boolean> {
  const fd = await fs.promises.open(file, 'r');
  try {
    const buf = Buffer.alloc(magic.length);
    const { bytesRead } = await fd.read(buf, 0, magic.length, 0);
    return bytesRead === magic.length && magic.every((b, i) => buf[i] === b);
  } finally {
    await fd.close();
  }
}

async function diskSource(file: string): Promise<SourceInput> {
  const stat = fs.statSync(file);
  const sha256 = await hashStream(fs.createReadStream(file));
  const gzip = await startsWith(file, GZIP_MAGIC);
  return makeSource({
    origin: path.resolve(file),
    name: path.basename(file),
    folder: path.basename(path.dirname(path.resolve(file))),
    size: stat.size,
    sha256,
    gzip,
    modifiedAt: stat.mtime,
    open: () => fs.createReadStream(file)
  });
}

/** Zip members are read into memory: police and boundary files are tens of megabytes at most. */
async function zipMembers(file: string): Promise<SourceInput[]> {
  const members = await readZip(file);
  return members.map(({ name, bytes, modifiedAt }) =>
    makeSource({
      origin: `${path.resolve(file)}!/${name}`,
      name: path.posix.basename(name),
      // A member at the top of the zip has dirname '.': the zip's own name stands for its folder.
      folder: path.posix.dirname(name) === '.' ? path.basename(file, path.extname(file)) : path.posix.basename(path.posix.dirname(name)),
      size: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      gzip: bytes[0] === GZIP_MAGIC[0] && bytes[1] === GZIP_MAGIC[1],
      modifiedAt,
      open: () => Readable.from([bytes])
    })
  );
}

/** The most a zip may expand to; more is refused as a likely zip bomb. */
export const MAX_ZIP_BYTES = 4 * 1024 ** 3;

function readZip(file: string): Promise<Array<{ name: string; bytes: Buffer; modifiedAt: Date }>> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true, strictFileNames: false, validateEntrySizes: true }, (err, zip) => {
      if (err || !zip) return reject(new Error(`not a readable zip file (${err?.message ?? 'unknown error'})`));
      const out: Array<{ name: string; bytes: Buffer; modifiedAt: Date }> = [];
      let total = 0;
      zip.on('error', (e: Error) => reject(new Error(`the zip file is damaged (${e.message})`)));
      zip.on('end', () => resolve(out));
      zip.on('entry', (entry: yauzl.Entry) => {
        const name = entry.fileName;
        if (name.endsWith('/') || name.split('/').some((part) => part.startsWith('.') || part === '__MACOSX')) {
          zip.readEntry(); // folders (at any depth) and hidden files hold no data
          return;
        }
        total += entry.uncompressedSize;
        if (total > MAX_ZIP_BYTES) return reject(new Error(`the zip expands to more than ${MAX_ZIP_BYTES} bytes`));
        zip.openReadStream(entry, (e, stream) => {
          if (e || !stream) return reject(new Error(`cannot read ${name} in the zip (${e?.message})`));
          collect(stream)
            .then((bytes) => {
              out.push({ name, bytes, modifiedAt: entry.getLastModDate() });
              zip.readEntry();
            })
            .catch((x: Error) => reject(new Error(`cannot read ${name} in the zip (${x.message})`)));
        });
      });
      zip.readEntry();
    });
  });
}

async function collect(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

async function hashStream(stream: NodeJS.ReadableStream): Promise<string> {
  const hash = createHash('sha256');
  for await (const c of stream) hash.update(c as Buffer);
  return hash.digest('hex');
}

interface SourceParts extends Omit<SourceInput, 'head' | 'materialise' | 'copyTo'> {
  open(): NodeJS.ReadableStream;
}

function makeSource(parts: SourceParts): SourceInput {
  const { open, ...rest } = parts;
  const decoded = () => (parts.gzip ? open().pipe(zlib.createGunzip()) : open());
  return {
    ...rest,
    async head(bytes = 64 * 1024) {
      const chunks: Buffer[] = [];
      let n = 0;
      const stream = decoded();
      try {
        for await (const c of stream) {
          chunks.push(c as Buffer);
          n += (c as Buffer).length;
          if (n >= bytes) break;
        }
      } catch (err) {
        if (n === 0) throw gzipError(err);
      } finally {
        (stream as Readable).destroy?.();
      }
      return Buffer.concat(chunks).subarray(0, bytes).toString('utf8');
    },
    async materialise(tmpDir) {
      fs.mkdirSync(tmpDir, { recursive: true });
      const dest = path.join(tmpDir, `${randomUUID()}.plain`);
      try {
        const steps: Array<NodeJS.ReadableStream | NodeJS.WritableStream | Transform> = [open()];
        if (parts.gzip) steps.push(zlib.createGunzip());
        steps.push(fs.createWriteStream(dest));
        await pipeline(steps as unknown as [NodeJS.ReadableStream, NodeJS.WritableStream]);
      } catch (err) {
        fs.rmSync(dest, { force: true });
        throw parts.gzip ? gzipError(err) : err;
      }
      return dest;
    },
    async copyTo(dest) {
      fs.mkdirSync(path.dirname(dest), { recursive: true });
      const tmp = `${dest}.${process.pid}.tmp`;
      await pipeline(open(), fs.createWriteStream(tmp));
      fs.renameSync(tmp, dest);
    }
  };
}

function gzipError(err: unknown): Error {
  const msg = (err as Error).message;
  if (/unexpected end of file/i.test(msg)) return new Error('the gzip data is truncated (it ends before the compressed stream does)');
  return new Error(`the gzip data is damaged (${msg})`);
}
