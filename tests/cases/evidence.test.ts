import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { eq, sql } from 'drizzle-orm';
import exifr from 'exifr';
import sharp from 'sharp';
import yazl from 'yazl';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportBundle, type Manifest } from '../../src/core/cases/bundle.ts';
import { createIncident, addReferral } from '../../src/core/cases/cases.ts';
import { evidenceFile, listEvidence, openEvidence, redactImage, setTags, uploadEvidence, uploadRedactedCopy } from '../../src/core/cases/evidence.ts';
import { sniffMediaType } from '../../src/core/cases/media-type.ts';
import { auditLog, evidenceCustody } from '../../src/core/db/schema.ts';
import { Forbidden, Invalid, NotFound } from '../../src/core/errors.ts';
import { databaseTargets } from '../support/databases.ts';
import { fakeClock } from '../support/fake-clock.ts';
import { photoWithExif, unzip } from '../support/evidence-files.ts';
import { cast, openWorkspace, type TestWorkspace } from '../support/workspace.ts';
import { caseContext } from './support.ts';

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

async function zipOf(entries: { name: string; bytes: Uint8Array; compress?: boolean }[]): Promise<Uint8Array> {
  const zip = new yazl.ZipFile();
  for (const e of entries) {
    if (e.name.endsWith('/')) zip.addEmptyDirectory(e.name);
    else zip.addBuffer(Buffer.from(e.bytes), e.name, { compress: e.compress ?? true });
  }
  zip.end();
  const chunks: Buffer[] = [];
  for await (const c of zip.outputStream as AsyncIterable<Buffer>) chunks.push(c);
  return new Uint8Array(Buffer.concat(chunks));
}

describe.each(databaseTargets())('evidence files on $name', (target) => {
  let ws: TestWorkspace;
  let ctx: ReturnType<typeof caseContext>;
  let c: Awaited<ReturnType<typeof cast>>;
  let ref: { panelId: number; incidentId: number };
  let photo: Uint8Array;
  let photoId = 0;
  beforeAll(async () => {
    ws = await openWorkspace(target);
    c = await cast(ws);
    ws.clock = fakeClock(Date.UTC(2023, 6, 22, 9));
    ctx = caseContext(ws, 200 * 1024);
    const inc = await createIncident(ctx, c.clerk, { panelId: c.hackney.id, title: 'Ridley Road Market operation', startsOn: '2023-07-21', kinds: ['operation'] });
    ref = { panelId: c.hackney.id, incidentId: inc.id };
    await addReferral(ctx, c.clerk, { ...ref, body: 'iopc', reference: 'IOPC 2023/012345', referredOn: '2023-07-25', status: 'referred' });
    photo = await photoWithExif();
  });
  afterAll(async () => {
    ctx?.removeFiles();
    await ws?.dispose();
  });

  const upload = (name: string, bytes: Uint8Array, extra: Record<string, unknown> = {}, actor = c.clerk) =>
    uploadEvidence(ctx, actor, { ...ref, kind: 'photo', description: 'Taken by a stallholder', tags: ['personal data'], ...extra, file: { name, bytes } });
  const custodyRows = async () => ws.db.db.select().from(evidenceCustody).orderBy(evidenceCustody.id);

  it('keeps a photo hashed, with its capture time and place (ward and borough) from EXIF', async () => {
    const [item] = await upload('IMG_0001.jpg', photo);
    photoId = item.id;
    expect(item).toMatchObject({
      sha256: sha(photo),
      size: photo.byteLength,
      mediaType: 'image/jpeg',
      fileName: 'IMG_0001.jpg',
      capturedAt: '2023-07-21T11:05:30+01:00',
      latitude: 51.5486,
      longitude: -0.0755,
      wardName: 'Dalston',
      boroughName: 'Hackney',
      tags: ['personal data'],
      uploadedByLabel: 'clerk@example.org'
    });
    expect(fs.readFileSync(path.join(ctx.filesDir, item.sha256.slice(0, 2), item.sha256))).toEqual(Buffer.from(photo));
    const [row] = await custodyRows();
    expect(row).toMatchObject({ action: 'upload', evidenceId: item.id, sha256: item.sha256, actorLabel: 'clerk@example.org' });
    // A file without metadata has no capture time or place.
    const [text] = await upload('note.txt', new TextEncoder().encode('Notes of what I saw.'), { kind: 'document', tags: [] });
    expect(text).toMatchObject({ mediaType: 'text/plain; charset=utf-8', capturedAt: null, latitude: null, wardCode: null });
  });

  it('refuses a file too large, of a type not allowed (by content, whatever its name), or named with a path', async () => {
    const before = (await custodyRows()).length;
    await expect(upload('big.jpg', new Uint8Array(ctx.files.maxBytes + 1).fill(0xff))).rejects.toThrow(/too large \(200 KB\): at most 200 KB/);
    const gif = Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1');
    await expect(upload('holiday.jpg', gif)).rejects.toThrow('The file is a GIF image (image/gif), judged from its contents');
    await expect(upload('video.mp4', new TextEncoder().encode('<!doctype html><script>alert(1)</script>'))).rejects.toThrow(/is an HTML page \(text\/html\)/);
    await expect(upload('x.pdf', new Uint8Array([0x00, 0x01, 0x02, 0xfe]))).rejects.toThrow(/is of a type not recognised/);
    for (const name of ['../x.jpg', 'a/b.jpg', 'a\\b.jpg', '..']) {
      const err = await upload(name, photo).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(Invalid);
      expect((err as Invalid).message).toMatch(/path separator/);
    }
    await expect(upload('empty.jpg', new Uint8Array())).rejects.toThrow('Choose a file to upload.');
    await expect(upload('x.jpg', photo, { kind: 'painting' })).rejects.toThrow('Choose the kind of evidence.');
    await expect(upload('x.jpg', photo, { tags: ['secret'] })).rejects.toThrow('Choose from the sensitivity tags listed.');
    expect((await custodyRows()).length).toBe(before);
  });

  it('sniffs the types evidence comes as', () => {
    const ascii = (s: string) => Array.from(s, (ch) => ch.charCodeAt(0));
    const box = (brand: string) => new Uint8Array([0, 0, 0, 0x18, ...ascii('ftyp'), ...ascii(brand), 0, 0, 0, 0]);
    expect(sniffMediaType(box('isom'))).toBe('video/mp4');
    expect(sniffMediaType(box('qt  '))).toBe('video/quicktime');
    expect(sniffMediaType(box('M4A '))).toBe('audio/mp4');
    expect(sniffMediaType(box('heic'))).toBe('image/heic');
    expect(sniffMediaType(new Uint8Array([...ascii('RIFF'), 0, 0, 0, 0, ...ascii('WAVE')]))).toBe('audio/wav');
    expect(sniffMediaType(new Uint8Array([...ascii('RIFF'), 0, 0, 0, 0, ...ascii('WEBP')]))).toBe('image/webp');
    expect(sniffMediaType(new Uint8Array([...ascii('ID3'), 4, 0]))).toBe('audio/mpeg');
    expect(sniffMediaType(new Uint8Array([0xff, 0xfb, 0x90, 0x00]))).toBe('audio/mpeg');
    expect(sniffMediaType(new TextEncoder().encode("I'm free to go"))).toBe('text/plain; charset=utf-8');
  });

  it('unpacks a zip of evidence, and refuses a zip bomb or entries with unsafe names before keeping anything', async () => {
    const photoZip = await zipOf([
      { name: 'DCIM/', bytes: new Uint8Array() },
      { name: 'DCIM/IMG_0002.jpg', bytes: photo, compress: false },
      { name: 'notes.txt', bytes: new TextEncoder().encode('What I saw.') }
    ]);
    const items = await upload('export.zip', photoZip, { kind: 'other' });
    expect(items.map((i) => [i.fileName, i.mediaType])).toEqual([
      ['IMG_0002.jpg', 'image/jpeg'],
      ['notes.txt', 'text/plain; charset=utf-8']
    ]);
    expect(items[0].sha256).toBe(sha(photo));

    const before = { custody: (await custodyRows()).length, files: fs.readdirSync(ctx.filesDir, { recursive: true }).length };
    // 50 MB of zeros deflate to about 50 KB: far past the ratio, and past every size limit.
    const bomb = await zipOf([{ name: 'zeros.txt', bytes: new Uint8Array(50 * 1024 * 1024) }]);
    expect(bomb.byteLength).toBeLessThan(ctx.files.maxBytes);
    await expect(upload('phone.zip', bomb)).rejects.toThrow('The zip is refused as a possible zip bomb: "zeros.txt" unpacks to more than 100 times its packed size.');
    // Many small files past the total.
    const many = await zipOf(Array.from({ length: 5 }, (_, i) => ({ name: `f${i}.txt`, bytes: new TextEncoder().encode(`file ${i}`) })));
    await expect(upload('many.zip', many, { zipLimits: { entries: 4 } })).rejects.toThrow('The zip holds 5 files: at most 4 are accepted in one zip.');
    const big = await zipOf([{ name: 'a.jpg', bytes: photo, compress: false }, { name: 'b.txt', bytes: new TextEncoder().encode('x'.repeat(1000)), compress: false }]);
    await expect(upload('big.zip', big, { zipLimits: { totalBytes: photo.byteLength + 10 } })).rejects.toThrow(/its files come to more than/);
    for (const [name, why] of [
      ['../evil.jpg', 'climbs out of its folder'],
      ['/etc/evil.jpg', 'is an absolute path'],
      ['C:/evil.jpg', 'is an absolute path'],
      ['dir\\evil.jpg', 'has a backslash']
    ]) {
      // yazl refuses to write such names, so the zip is put together by hand.
      await expect(upload('bad.zip', zipWithName(name))).rejects.toThrow(why);
    }
    const docx = await zipOf([{ name: '[Content_Types].xml', bytes: new TextEncoder().encode('<?xml version="1.0"?><Types/>') }, { name: 'word/document.xml', bytes: new TextEncoder().encode('<w:document/>') }]);
    await expect(upload('statement.docx', docx, { kind: 'document' })).rejects.toThrow('The file is an office document (Word, Excel or OpenDocument)');
    const notAllowed = await zipOf([{ name: 'ok.jpg', bytes: photo }, { name: 'tune.gif', bytes: Buffer.from('GIF89a\x01\x00', 'latin1') }]);
    await expect(upload('mixed.zip', notAllowed)).rejects.toThrow('"tune.gif" in the zip is a GIF image');
    expect((await custodyRows()).length).toBe(before.custody);
    expect(fs.readdirSync(ctx.filesDir, { recursive: true }).length).toBe(before.files);
  });

  it('keeps redacted copies beside an untouched original: boxes blacked out, metadata stripped', async () => {
    const redact = (boxes: string, units: string) => redactImage(ctx, c.clerk, { ...ref, evidenceId: photoId, boxes, units, reason: 'The face of a bystander' });
    await expect(redact('10, 10, 20, 20\n500, 10, 20, 20', 'pixels')).rejects.toThrow('Rectangle 2 ("500, 10, 20, 20") lies outside the image (120 × 80 pixels) or is empty.');
    await expect(redact('0.1, 0.1, 20, 20', 'fractions')).rejects.toThrow('Rectangle 1 ("0.1, 0.1, 20, 20"): fractions lie between 0 and 1.');
    await expect(redact('10, 10, twenty', 'pixels')).rejects.toThrow('must be four numbers');
    await expect(redact('', 'pixels')).rejects.toThrow('Give at least one rectangle');
    const done = await redactImage(ctx, c.clerk, { ...ref, evidenceId: photoId, boxes: '5, 5, 30, 30\n', units: 'pixels', reason: 'The face of a bystander' });
    expect(done).toMatchObject({ evidenceId: photoId, method: 'boxes', boxes: [{ x: 5, y: 5, width: 30, height: 30 }], reason: 'The face of a bystander', mediaType: 'image/jpeg', createdByLabel: 'clerk@example.org' });
    const copy = await ctx.files.get(done.sha256);
    expect(await exifr.parse(Buffer.from(copy), true).catch(() => undefined)).toBeUndefined();
    const meta = await sharp(copy).metadata();
    expect(meta.exif).toBeUndefined();
    const { data, info } = await sharp(copy).raw().toBuffer({ resolveWithObject: true });
    const pixel = (x: number, y: number) => Array.from(data.subarray((y * info.width + x) * info.channels, (y * info.width + x) * info.channels + 3));
    for (const [x, y] of [[15, 15], [20, 30]]) expect(Math.max(...pixel(x, y))).toBeLessThan(20); // was white or red, now black
    expect(pixel(80, 60)[0]).toBeGreaterThan(150); // outside the box: still red
    // The original is still there, unchanged.
    expect(sha(await ctx.files.get(sha(photo)))).toBe(sha(photo));
    // Another type takes a copy redacted elsewhere; the same type rules apply.
    const [pdf] = await upload('letter.pdf', new TextEncoder().encode('%PDF-1.4\nA letter naming a witness\n%%EOF'), { kind: 'document' });
    await expect(redactImage(ctx, c.clerk, { ...ref, evidenceId: pdf.id, boxes: '0,0,1,1', reason: 'x' })).rejects.toThrow(/JPEG, PNG and WebP images only/);
    await expect(uploadRedactedCopy(ctx, c.clerk, { ...ref, evidenceId: pdf.id, reason: 'Name struck out', file: { name: 'a/b.pdf', bytes: photo } })).rejects.toThrow(/path separator/);
    const pdfCopy = await uploadRedactedCopy(ctx, c.clerk, { ...ref, evidenceId: pdf.id, reason: 'Name struck out', file: { name: 'letter-redacted.pdf', bytes: new TextEncoder().encode('%PDF-1.4\nA letter naming [redacted]\n%%EOF') } });
    expect(pdfCopy).toMatchObject({ method: 'upload', mediaType: 'application/pdf' });
    // A photo redacted in another program may keep its EXIF (the GPS place): it is written anew without it.
    const [plain] = await upload('plain.png', new Uint8Array(await sharp({ create: { width: 8, height: 8, channels: 3, background: '#00f' } }).png().toBuffer()), { kind: 'photo' });
    const elsewhere = await uploadRedactedCopy(ctx, c.clerk, { ...ref, evidenceId: plain.id, reason: 'Blurred in an editor', file: { name: 'blurred.jpg', bytes: photo } });
    expect((await sharp(await ctx.files.get(elsewhere.sha256)).metadata()).exif).toBeUndefined();
    await expect(redactImage(ctx, c.member, { ...ref, evidenceId: photoId, boxes: '0,0,1,1', reason: 'x' })).rejects.toBeInstanceOf(Forbidden);
  });

  it('shows members tags and redacted copies only, never the original (in core)', async () => {
    const list = await listEvidence(ctx, c.member, ref);
    const p = list.find((i) => i.id === photoId)!;
    expect(p).toMatchObject({ seesOriginal: false, fileName: null, latitude: null, longitude: null, tags: ['personal data'], wardName: 'Dalston' });
    expect(p.redactions).toHaveLength(1);
    await expect(evidenceFile(ctx, c.member, { ...ref, evidenceId: photoId })).rejects.toBeInstanceOf(Forbidden);
    const copy = await evidenceFile(ctx, c.member, { ...ref, evidenceId: photoId, redactionId: p.redactions[0].id });
    expect(copy.sha256).toBe(p.redactions[0].sha256);
    expect(copy.name).toBe(`evidence-${photoId}-redacted-${p.redactions[0].id}.jpg`);
    await expect(exportBundle(ctx, c.member, { ...ref, evidenceIds: [photoId] })).rejects.toBeInstanceOf(Forbidden);
    await expect(listEvidence(ctx, c.police, ref)).rejects.toBeInstanceOf(Forbidden);
    await expect(listEvidence(ctx, c.otherMember, ref)).rejects.toBeInstanceOf(NotFound);
    await expect(evidenceFile(ctx, c.clerk, { ...ref, evidenceId: photoId, redactionId: 99999 })).rejects.toBeInstanceOf(NotFound);
    await expect(evidenceFile(ctx, c.clerk, { ...ref, evidenceId: 2 ** 40 })).rejects.toBeInstanceOf(NotFound);
    const opened = await openEvidence(ctx, c.member, { ...ref, evidenceId: photoId });
    expect(opened.item.fileName).toBeNull();
    // The member's preview is of the redacted copy only, re-encoded without metadata; the clerk also sees the original's.
    expect(opened.previews.map((pr) => pr.of)).toEqual([p.redactions[0].id]);
    expect(opened.image).toBeNull();
    const preview = Buffer.from(opened.previews[0].src.replace('data:image/jpeg;base64,', ''), 'base64');
    expect((await sharp(preview).metadata()).exif).toBeUndefined();
    const forClerk = await openEvidence(ctx, c.clerk, { ...ref, evidenceId: photoId });
    expect(forClerk.previews.map((pr) => pr.of)).toEqual(['original', p.redactions[0].id]);
    expect(forClerk.image).toEqual({ width: 120, height: 80 });
    // The upload's file name (which may name a person) stays out of the member's custody log.
    expect(opened.custody.find((r) => r.action === 'upload')!.details).not.toHaveProperty('fileName');
    expect(forClerk.custody.find((r) => r.action === 'upload')!.details).toHaveProperty('fileName');
    expect(opened.custody.at(-1)).toMatchObject({ action: 'view', actorLabel: 'member@example.org', sha256: p.redactions[0].sha256, details: { original: false, redactionId: p.redactions[0].id } });
  });

  it('logs views, downloads and tag changes, and the custody log refuses UPDATE and DELETE', async () => {
    const viewed = await openEvidence(ctx, c.chair, { ...ref, evidenceId: photoId });
    expect(viewed.item.fileName).toBe('IMG_0001.jpg');
    expect(viewed.custody.at(-1)).toMatchObject({ action: 'view', sha256: sha(photo), actorLabel: 'chair@example.org' });
    const file = await evidenceFile(ctx, c.chair, { ...ref, evidenceId: photoId });
    expect(sha(file.bytes)).toBe(sha(photo));
    await setTags(ctx, c.chair, { ...ref, evidenceId: photoId, tags: ['personal data', 'child visible'] });
    await expect(setTags(ctx, c.member, { ...ref, evidenceId: photoId, tags: [] })).rejects.toBeInstanceOf(Forbidden);
    const log = (await openEvidence(ctx, c.clerk, { ...ref, evidenceId: photoId })).custody;
    expect(log.map((r) => r.action)).toEqual(['upload', 'redact', 'download', 'view', 'view', 'view', 'download', 'tag', 'view']);
    expect(log.find((r) => r.action === 'tag')?.details).toEqual({ from: ['personal data'], to: ['personal data', 'child visible'] });
    expect(log.find((r) => r.action === 'download' && r.actorLabel === 'chair@example.org')?.sha256).toBe(sha(photo));

    const audit = await ws.db.db.select().from(auditLog).where(eq(auditLog.entityType, 'evidence'));
    expect(audit.some((a) => JSON.stringify(a.details).includes('IMG_0001'))).toBe(false); // the file name may name someone

    const [first] = log;
    // The database says why (drizzle wraps its error: the reason is the cause).
    const refusal = (query: Promise<unknown>) => query.then(() => 'done', (e: Error) => String((e.cause as Error | undefined)?.message ?? e.message));
    await expect(refusal(ws.db.db.update(evidenceCustody).set({ actorLabel: 'someone else' }).where(eq(evidenceCustody.id, first.id)))).resolves.toMatch(/append-only/);
    await expect(refusal(ws.db.db.delete(evidenceCustody).where(eq(evidenceCustody.id, first.id)))).resolves.toMatch(/append-only/);
    await expect(refusal(ws.db.db.execute(sql`TRUNCATE evidence_custody`))).resolves.toMatch(/append-only/);
    expect((await custodyRows()).find((r) => r.id === first.id)?.actorLabel).toBe('clerk@example.org');
  });

  it('exports a bundle whose manifest hashes match the bytes in the zip, and logs the export', async () => {
    const items = await listEvidence(ctx, c.clerk, ref);
    const pdf = items.find((i) => i.mediaType === 'application/pdf')!;
    await expect(exportBundle(ctx, c.clerk, { ...ref, evidenceIds: [] })).rejects.toThrow('Choose at least one evidence file to export.');
    await expect(exportBundle(ctx, c.clerk, { ...ref, evidenceIds: [photoId, 99999] })).rejects.toThrow("Choose from this case's evidence.");
    // Made in memory, a bundle has a size limit, checked from the recorded sizes before any file is read.
    await expect(exportBundle(ctx, c.clerk, { ...ref, evidenceIds: [photoId] }, { maxBytes: 100 })).rejects.toThrow(/one bundle holds at most 100 bytes/);
    const bundle = await exportBundle(ctx, c.clerk, { ...ref, evidenceIds: [String(photoId), String(pdf.id)] });
    expect(bundle.sha256).toBe(sha(bundle.bytes));
    const entries = await unzip(bundle.bytes);
    const manifest = JSON.parse(entries.get('manifest.json')!.toString('utf8')) as Manifest;
    expect(manifest.case).toEqual({ reference: `hackney/cases/${ref.incidentId}`, title: 'Ridley Road Market operation', startsOn: '2023-07-21', referrals: [{ body: 'iopc', reference: 'IOPC 2023/012345' }] });
    expect(manifest.files.map((f) => [f.path, f.role])).toEqual([
      [`evidence/${photoId}/original.jpg`, 'original'],
      [`evidence/${photoId}/evidence-${photoId}-redacted-1.jpg`, 'redacted'],
      [`evidence/${pdf.id}/original.pdf`, 'original'],
      [`evidence/${pdf.id}/evidence-${pdf.id}-redacted-2.pdf`, 'redacted']
    ]);
    for (const f of manifest.files) {
      expect(sha(entries.get(f.path)!)).toBe(f.sha256);
      expect(entries.get(f.path)!.length).toBe(f.size);
    }
    expect(manifest.files[0]).toMatchObject({ sha256: sha(photo), capturedAt: '2023-07-21T11:05:30+01:00', place: { latitude: 51.5486, longitude: -0.0755, ward: 'Dalston', borough: 'Hackney' }, tags: ['personal data', 'child visible'], originalFileName: 'IMG_0001.jpg' });
    expect(manifest.files[1]).toMatchObject({ redactedFrom: sha(photo), redaction: { reason: 'The face of a bystander', by: 'clerk@example.org' } });
    const text = entries.get('MANIFEST.txt')!.toString('utf8');
    for (const f of manifest.files) expect(text).toContain(`${f.path}\n  SHA-256: ${f.sha256}`);
    expect(text).toContain('Referral to the IOPC: IOPC 2023/012345');
    const exported = (await custodyRows()).filter((r) => r.action === 'export');
    expect(exported.map((r) => [r.evidenceId, r.sha256])).toEqual(manifest.files.map((f) => [f.evidenceId, f.sha256]));
    expect(exported.every((r) => r.details.bundle === bundle.sha256 && r.actorLabel === 'clerk@example.org')).toBe(true);
  });
});

/** A zip of one small file whose name yazl would refuse to write: the bytes are put together by hand (stored, no compression). */
function zipWithName(name: string): Uint8Array {
  const content = Buffer.from('x');
  const fileName = Buffer.from(name, 'utf8');
  const crc = zlib.crc32(content);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(0x800, 6);
  local.writeUInt32LE(crc, 14);
  local.writeUInt32LE(content.length, 18);
  local.writeUInt32LE(content.length, 22);
  local.writeUInt16LE(fileName.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(0x800, 8);
  central.writeUInt32LE(crc, 16);
  central.writeUInt32LE(content.length, 20);
  central.writeUInt32LE(content.length, 24);
  central.writeUInt16LE(fileName.length, 28);
  const localPart = Buffer.concat([local, fileName, content]);
  const centralPart = Buffer.concat([central, fileName]);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(centralPart.length, 12);
  end.writeUInt32LE(localPart.length, 16);
  return new Uint8Array(Buffer.concat([localPart, centralPart, end]));
}
