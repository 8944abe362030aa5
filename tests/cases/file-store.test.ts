import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { sniffMediaType } from '../../src/core/cases/media-type.ts';
import { unsafeUrlReason } from '../../src/core/cases/safe-url.ts';
import { Invalid, NotFound } from '../../src/core/errors.ts';
import { createFileStore } from '../../src/core/files/store.ts';

describe('the content-addressed file store', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'scrutineer-store-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const store = createFileStore(dir, { maxBytes: 100 });
  const bytes = new TextEncoder().encode('The same words, kept once.');
  const sha256 = createHash('sha256').update(bytes).digest('hex');

  it('names a file by its SHA-256, keeps the same bytes once and leaves no temporary file', async () => {
    expect(await store.put(bytes)).toEqual({ sha256, size: bytes.byteLength });
    expect(await store.put(bytes)).toEqual({ sha256, size: bytes.byteLength });
    expect(fs.readdirSync(path.join(dir, sha256.slice(0, 2)))).toEqual([sha256]);
    expect(fs.readdirSync(path.join(dir, 'tmp'))).toEqual([]);
    expect(await store.get(sha256)).toEqual(bytes);
    expect(store.has(sha256)).toBe(true);
  });

  it('leaves no temporary file when a write fails', async () => {
    const other = new TextEncoder().encode('Bytes whose write fails.');
    const rename = vi.spyOn(fs.promises, 'rename').mockRejectedValueOnce(Object.assign(new Error('no space left on device'), { code: 'ENOSPC' }));
    try {
      await expect(store.put(other)).rejects.toThrow('no space left on device');
    } finally {
      rename.mockRestore();
    }
    expect(fs.readdirSync(path.join(dir, 'tmp'))).toEqual([]);
    expect(store.has(createHash('sha256').update(other).digest('hex'))).toBe(false);
  });

  it('refuses a file over the limit, and answers "not found" for an unknown or malformed name', async () => {
    await expect(store.put(new Uint8Array(101))).rejects.toThrow(new Invalid('The file is too large: at most 100 bytes is accepted.', { field: 'file' }));
    await expect(store.get('0'.repeat(64))).rejects.toBeInstanceOf(NotFound);
    await expect(store.get('../../etc/passwd')).rejects.toBeInstanceOf(NotFound);
  });
});

describe('links and types', () => {
  it.each([
    ['https://www.bbc.co.uk/news/uk-england-london-1', null],
    ['http://8.8.8.8/page', null],
    ['http://127.0.0.1/', 'private or local network'],
    ['http://0x7f.1/', 'private or local network'],
    ['http://[::ffff:127.0.0.1]/', 'private or local network'],
    ['http://[fd00::1]/', 'private or local network'],
    ['http://[2a00:1450:4009:81f::200e]/', null],
    ['http://[::1]/', 'private or local network'],
    ['http://[::127.0.0.1]/', 'private or local network'],
    ['http://[::ffff:0:127.0.0.1]/', 'private or local network'],
    ['http://[64:ff9b::10.0.0.1]/', 'private or local network'],
    ['http://[2002:7f00:1::]/', 'private or local network'],
    ['http://[2001:0:4136:e378:8000:63bf:3fff:fdd2]/', 'private or local network'],
    ['http://[fe80::1%25eth0]/', 'full web address'],
    ['http://100.64.0.1/', 'private or local network'],
    ['http://printer.local/', 'local machine'],
    ['http://router/', 'local machine'],
    ['ftp://example.org/file', 'http:// or https://'],
    ['https://user:secret@example.org/', 'user name or password'],
    ['not a link', 'full web address']
  ])('%s', (url, reason) => {
    const got = unsafeUrlReason(url);
    if (reason === null) expect(got).toBeNull();
    else expect(got).toContain(reason);
  });

  it('judges a copy by its bytes, not its name', () => {
    const enc = (s: string) => new TextEncoder().encode(s);
    expect(sniffMediaType(enc('%PDF-1.7 ...'))).toBe('application/pdf');
    expect(sniffMediaType(enc('<!DOCTYPE html><p>x</p>'))).toBe('text/html; charset=utf-8');
    expect(sniffMediaType(enc('plain words'))).toBe('text/plain; charset=utf-8');
    expect(sniffMediaType(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toBe('image/png');
    expect(sniffMediaType(new Uint8Array([0, 1, 2, 255]))).toBe('application/octet-stream');
  });
});
