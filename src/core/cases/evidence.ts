import { and, asc, eq, inArray } from 'drizzle-orm';
import exifr from 'exifr';
import sharp from 'sharp';
import { z } from 'zod';
import { actorId, actorLabel, type Actor } from '../access/actor.ts';
import { can, requireAccess } from '../access/require-access.ts';
import type { Tx } from '../audit/append.ts';
import { write } from '../audit/write.ts';
import {
  evidenceCustody,
  evidenceItems,
  evidenceKinds,
  evidenceRedactions,
  sensitivityTags,
  type CustodyAction,
  type CustodyRow,
  type EvidenceItem,
  type EvidenceRedaction
} from '../db/schema.ts';
import { isRowId } from '../db/ids.ts';
import { Invalid, NotFound } from '../errors.ts';
import { formatBytes, type StoredFile } from '../files/store.ts';
import { parse } from '../panels/input.ts';
import { loadIncident, safeFileName, type CaseContext, type UploadedCopy } from './cases.ts';
import { optionalText, text } from './input.ts';
import { mediaTypeNames, sniffMediaType } from './media-type.ts';
import { nowhere, type PlaceAreas } from './places.ts';
import { defaultZipLimits, unpackZip, type ZipLimits } from './zip-upload.ts';

/**
 * Evidence files of a case (DOMAIN.md §7, §8): the original is hashed into the content-addressed
 * store at upload and never altered; redacted copies are new files linked to it; every upload,
 * view, download, redaction, tag change and export is a row of the append-only custody log. The
 * chair and clerk see originals; members see the tags and redacted copies only.
 */

type Ref = { panelId: number; incidentId: number };
type ItemRef = Ref & { evidenceId: number };

/** The types accepted as evidence, judged from the bytes (sniffMediaType). */
export const evidenceTypes = [
  'image/jpeg',
  'image/png',
  'image/webp',
  'image/heic',
  'video/mp4',
  'video/quicktime',
  'audio/mpeg',
  'audio/mp4',
  'audio/wav',
  'application/pdf',
  'text/plain; charset=utf-8'
] as const;

/** Images this server can black out rectangles of (sharp); other types take a copy redacted elsewhere. */
export const redactableTypes = ['image/jpeg', 'image/png', 'image/webp'] as const;

const notHere = () => new NotFound('There is nothing at this address.');

const tagList = z.preprocess(
  (v) => (v === '' || v === null || v === undefined ? [] : Array.isArray(v) ? v : [v]),
  z.array(z.enum(sensitivityTags, { error: 'Choose from the sensitivity tags listed.' }))
);

const uploadInput = z.object({
  kind: z.enum(evidenceKinds, { error: 'Choose the kind of evidence.' }),
  description: optionalText('the description', 2000),
  tags: tagList
});

const reasonInput = z.object({ reason: text('why it is redacted', 1000) });

// ---- Upload

/**
 * Keeps uploaded evidence. The name must be a plain file name; the type is judged from the bytes
 * and must be one of evidenceTypes; a zip is checked (zip-upload.ts) and each of its files becomes
 * an item. Everything is checked before anything is kept. Capture time and place come from the
 * file's metadata where it has them; the place gets its ward and borough like an incident's place.
 */
export async function uploadEvidence(
  ctx: CaseContext,
  actor: Actor,
  raw: Ref & Record<string, unknown> & { file?: UploadedCopy | null; zipLimits?: Partial<ZipLimits> }
): Promise<EvidenceItem[]> {
  requireAccess(actor, 'evidence.upload', { panelId: raw.panelId });
  const input = parse(uploadInput, raw);
  const file = raw.file && raw.file.bytes.byteLength > 0 ? raw.file : null;
  if (!file) throw new Invalid('Choose a file to upload.', { field: 'file' });
  const name = plainFileName(file.name);
  await loadIncident(ctx.db.db, raw);
  checkSize(ctx, file.bytes.byteLength);
  const type = sniffMediaType(file.bytes);
  const files =
    type === 'application/zip'
      ? (await unpackZip(file.bytes, { ...defaultZipLimits, entryBytes: ctx.files.maxBytes, ...raw.zipLimits })).map((e) => ({ name: safeFileName(e.path), bytes: e.bytes, inZip: e.path }))
      : [{ name, bytes: file.bytes, inZip: null }];
  if (files.length === 0) throw new Invalid('The zip holds no files.', { field: 'file' });
  // Word, Excel and OpenDocument files are zips of XML: refused as what they are, not unpacked.
  if (files.some((f) => f.inZip === '[Content_Types].xml' || f.inZip === 'mimetype'))
    throw new Invalid('The file is an office document (Word, Excel or OpenDocument), judged from its contents: save it as PDF and upload that.', { field: 'file' });
  const checked: { name: string; bytes: Uint8Array; inZip: string | null; mediaType: string; metadata: Awaited<ReturnType<typeof captureMetadata>>; areas: PlaceAreas }[] = [];
  for (const f of files) {
    checkSize(ctx, f.bytes.byteLength, f.inZip);
    const mediaType = evidenceType(f.bytes, f.inZip);
    const metadata = await captureMetadata(f.bytes, mediaType);
    const areas = metadata.latitude !== null && metadata.longitude !== null ? await ctx.areas(metadata.longitude, metadata.latitude) : nowhere;
    checked.push({ ...f, mediaType, metadata, areas });
  }
  const stored: StoredFile[] = [];
  for (const f of checked) stored.push(await ctx.files.put(f.bytes));
  return write(ctx, actor, async (tx, audit) => {
    await loadIncident(tx, raw);
    const at = ctx.clock.now();
    const items: EvidenceItem[] = [];
    for (const [i, f] of checked.entries()) {
      const [item] = await tx
        .insert(evidenceItems)
        .values({
          panelId: raw.panelId,
          incidentId: raw.incidentId,
          kind: input.kind,
          description: input.description,
          fileName: f.name,
          sha256: stored[i].sha256,
          size: stored[i].size,
          mediaType: f.mediaType,
          ...f.metadata,
          ...f.areas,
          tags: [...new Set(input.tags)],
          uploadedBy: actorId(actor),
          uploadedByLabel: actorLabel(actor),
          uploadedAt: at
        })
        .returning();
      await custody(tx, ctx, actor, item, 'upload', item.sha256, { fileName: item.fileName, size: item.size, mediaType: item.mediaType, ...(f.inZip ? { fromZip: name, pathInZip: f.inZip } : {}) });
      // The file name may name a person: the audit log, which every officer reads, keeps the hash instead.
      await audit({ action: 'evidence.upload', entity: { type: 'evidence', id: item.id }, panelId: raw.panelId, details: { incidentId: raw.incidentId, kind: item.kind, sha256: item.sha256, size: item.size, mediaType: item.mediaType, tags: item.tags } });
      items.push(item);
    }
    return items;
  });
}

/** A file name as typed must be a name, not a path: "../x", "a/b" and "a\b" are refused, not trimmed. */
function plainFileName(name: string): string {
  if (/[/\\]/.test(name) || name.trim() === '..' || name.trim() === '.')
    throw new Invalid(`The file name "${name.slice(0, 100)}" contains a folder or path separator ("/" or "\\"): give a plain file name.`, { field: 'file' });
  return safeFileName(name);
}

function checkSize(ctx: CaseContext, size: number, inZip: string | null = null) {
  if (size > ctx.files.maxBytes)
    throw new Invalid(`${inZip ? `"${inZip}" in the zip` : 'The file'} is too large (${formatBytes(size)}): at most ${formatBytes(ctx.files.maxBytes)} is accepted.`, { field: 'file' });
}

function evidenceType(bytes: Uint8Array, inZip: string | null, allowed: readonly string[] = evidenceTypes): string {
  const type = sniffMediaType(bytes);
  if ((allowed as readonly string[]).includes(type)) return type;
  const what = mediaTypeNames[type] ?? type;
  const accepted = 'JPEG, PNG, WebP or HEIC images, MP4 or QuickTime video, MP3, M4A or WAV audio, PDF documents and plain text';
  throw new Invalid(`${inZip ? `"${inZip}" in the zip` : 'The file'} is ${what === mediaTypeNames['application/octet-stream'] ? what : `${what} (${type.split(';')[0]})`}, judged from its contents: only ${accepted} are accepted.`, { field: 'file' });
}

/** The capture time and place a photo's metadata (EXIF) gives, when it gives them; nothing otherwise. */
export async function captureMetadata(bytes: Uint8Array, mediaType: string): Promise<{ capturedAt: string | null; latitude: number | null; longitude: number | null }> {
  const none = { capturedAt: null, latitude: null, longitude: null };
  if (!mediaType.startsWith('image/')) return none;
  let tags: Record<string, unknown> | undefined;
  try {
    tags = await exifr.parse(Buffer.from(bytes), { tiff: true, exif: true, gps: true, xmp: false, icc: false, iptc: false, jfif: false, ihdr: false, reviveValues: false });
  } catch {
    return none;
  }
  if (!tags) return none;
  const raw = typeof tags.DateTimeOriginal === 'string' ? tags.DateTimeOriginal : typeof tags.CreateDate === 'string' ? tags.CreateDate : null;
  const m = raw?.match(/^(\d{4}):(\d{2}):(\d{2}) (\d{2}):(\d{2}):(\d{2})/);
  const offset = typeof tags.OffsetTimeOriginal === 'string' && /^[+-]\d{2}:\d{2}$/.test(tags.OffsetTimeOriginal) ? tags.OffsetTimeOriginal : '';
  const valid = m && m[1] !== '0000' && Number(m[2]) >= 1 && Number(m[2]) <= 12 && Number(m[3]) >= 1 && Number(m[3]) <= 31 && Number(m[4]) < 24 && Number(m[5]) < 60 && Number(m[6]) < 61;
  const lat = typeof tags.latitude === 'number' && Number.isFinite(tags.latitude) && Math.abs(tags.latitude) <= 90 ? tags.latitude : null;
  const lon = typeof tags.longitude === 'number' && Number.isFinite(tags.longitude) && Math.abs(tags.longitude) <= 180 ? tags.longitude : null;
  return {
    capturedAt: valid ? `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}${offset}` : null,
    // 0, 0 is what a device without a fix sometimes writes; it is no place.
    ...(lat !== null && lon !== null && !(lat === 0 && lon === 0) ? { latitude: lat, longitude: lon } : { latitude: null, longitude: null })
  };
}

// ---- Tags and redaction

/** Changes an item's sensitivity tags; the custody log and the audit log keep what they were. */
export async function setTags(ctx: CaseContext, actor: Actor, raw: ItemRef & { tags?: unknown }): Promise<EvidenceItem> {
  requireAccess(actor, 'evidence.upload', { panelId: raw.panelId });
  const tags = [...new Set(parse(z.object({ tags: tagList }), { tags: raw.tags }).tags)];
  return write(ctx, actor, async (tx, audit) => {
    const before = await loadItem(tx, raw);
    const [after] = await tx.update(evidenceItems).set({ tags }).where(eq(evidenceItems.id, before.id)).returning();
    await custody(tx, ctx, actor, after, 'tag', after.sha256, { from: before.tags, to: after.tags });
    await audit({ action: 'evidence.upload', entity: { type: 'evidence', id: after.id }, panelId: raw.panelId, details: { incidentId: raw.incidentId, tags: { from: before.tags, to: after.tags } } });
    return after;
  });
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * The rectangles to black out, one a line: `x, y, width, height`, in pixels of the upright image,
 * or in fractions of its width and height (0 to 1). Each is clipped to the image.
 */
export function parseBoxes(textValue: string, units: 'pixels' | 'fractions', image: { width: number; height: number }): Box[] {
  const lines = textValue
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  if (lines.length === 0) throw new Invalid('Give at least one rectangle to black out, as x, y, width, height.', { field: 'boxes' });
  if (lines.length > 100) throw new Invalid('Give at most 100 rectangles.', { field: 'boxes' });
  return lines.map((line, i) => {
    const n = line.split(/[\s,]+/).map(Number);
    const where = `Rectangle ${i + 1} ("${line.slice(0, 60)}")`;
    if (n.length !== 4 || n.some((v) => !Number.isFinite(v) || v < 0)) throw new Invalid(`${where} must be four numbers, none negative: x, y, width, height.`, { field: 'boxes' });
    const [x, y, w, h] = units === 'fractions' ? [n[0] * image.width, n[1] * image.height, n[2] * image.width, n[3] * image.height] : n;
    if (units === 'fractions' && n.some((v) => v > 1)) throw new Invalid(`${where}: fractions lie between 0 and 1.`, { field: 'boxes' });
    const left = Math.floor(x);
    const top = Math.floor(y);
    const right = Math.min(image.width, Math.ceil(x + w));
    const bottom = Math.min(image.height, Math.ceil(y + h));
    if (right <= left || bottom <= top) throw new Invalid(`${where} lies outside the image (${image.width} × ${image.height} pixels) or is empty.`, { field: 'boxes' });
    return { x: left, y: top, width: right - left, height: bottom - top };
  });
}

/**
 * Makes a redacted copy of a JPEG, PNG or WebP image: the image is turned upright, the rectangles
 * filled black, and it is written anew without any metadata (EXIF, GPS, XMP, ICC). The copy is a
 * new file in the store, linked to the original, with who, when and why; the original is untouched.
 */
export async function redactImage(ctx: CaseContext, actor: Actor, raw: ItemRef & { boxes?: unknown; units?: unknown; reason?: unknown }): Promise<EvidenceRedaction> {
  requireAccess(actor, 'evidence.upload', { panelId: raw.panelId });
  const { reason } = parse(reasonInput, raw);
  const item = await loadItem(ctx.db.db, raw);
  if (!(redactableTypes as readonly string[]).includes(item.mediaType))
    throw new Invalid(`Rectangles can be blacked out of JPEG, PNG and WebP images only; this is ${mediaTypeNames[item.mediaType] ?? item.mediaType}: upload a copy redacted elsewhere instead.`, { field: 'boxes' });
  const original = await ctx.files.get(item.sha256);
  const upright = await sharp(original).rotate().toBuffer({ resolveWithObject: true });
  const units = raw.units === 'fractions' ? 'fractions' : 'pixels';
  const boxes = parseBoxes(typeof raw.boxes === 'string' ? raw.boxes : '', units, upright.info);
  const black = { r: 0, g: 0, b: 0, alpha: 1 };
  let image = sharp(upright.data).composite(boxes.map((b) => ({ input: { create: { width: b.width, height: b.height, channels: 4 as const, background: black } }, left: b.x, top: b.y })));
  image = item.mediaType === 'image/png' ? image.png() : item.mediaType === 'image/webp' ? image.webp() : image.jpeg({ quality: 90 });
  // sharp writes no metadata unless asked (withMetadata / keepExif): the copy carries no EXIF or GPS.
  const bytes = new Uint8Array(await image.toBuffer());
  return keepRedaction(ctx, actor, raw, item, { method: 'boxes', boxes, reason, bytes, mediaType: item.mediaType });
}

/** Links a copy redacted elsewhere (a blurred video, a PDF with names struck out) to the original. */
export async function uploadRedactedCopy(ctx: CaseContext, actor: Actor, raw: ItemRef & { reason?: unknown; file?: UploadedCopy | null }): Promise<EvidenceRedaction> {
  requireAccess(actor, 'evidence.upload', { panelId: raw.panelId });
  const { reason } = parse(reasonInput, raw);
  const file = raw.file && raw.file.bytes.byteLength > 0 ? raw.file : null;
  if (!file) throw new Invalid('Choose the redacted copy to upload.', { field: 'file' });
  plainFileName(file.name);
  const item = await loadItem(ctx.db.db, raw);
  checkSize(ctx, file.bytes.byteLength);
  const mediaType = evidenceType(file.bytes, null);
  // A copy made in another program may keep the photo's EXIF (its GPS place among it): an image is
  // written anew without metadata, like the copies made here; any other copy that carries a place is refused.
  const bytes = (redactableTypes as readonly string[]).includes(mediaType) ? new Uint8Array(await sharp(file.bytes).rotate().toBuffer()) : file.bytes;
  if (bytes === file.bytes && (await captureMetadata(file.bytes, mediaType)).latitude != null)
    throw new Invalid('The redacted copy still records where it was taken (GPS in its metadata): remove the metadata and upload it again.', { field: 'file' });
  return keepRedaction(ctx, actor, raw, item, { method: 'upload', boxes: [], reason, bytes, mediaType });
}

async function keepRedaction(
  ctx: CaseContext,
  actor: Actor,
  ref: ItemRef,
  item: EvidenceItem,
  copy: { method: 'boxes' | 'upload'; boxes: Box[]; reason: string; bytes: Uint8Array; mediaType: string }
): Promise<EvidenceRedaction> {
  const stored = await ctx.files.put(copy.bytes);
  if (stored.sha256 === item.sha256) throw new Invalid('The copy is the same file as the original: nothing is redacted.', { field: 'file' });
  return write(ctx, actor, async (tx, audit) => {
    await loadItem(tx, ref);
    const [r] = await tx
      .insert(evidenceRedactions)
      .values({ panelId: ref.panelId, evidenceId: item.id, method: copy.method, boxes: copy.boxes, reason: copy.reason, sha256: stored.sha256, size: stored.size, mediaType: copy.mediaType, createdBy: actorId(actor), createdByLabel: actorLabel(actor), createdAt: ctx.clock.now() })
      .returning();
    await custody(tx, ctx, actor, item, 'redact', r.sha256, { redactionId: r.id, from: item.sha256, method: r.method, boxes: r.boxes.length, reason: r.reason });
    await audit({ action: 'evidence.upload', entity: { type: 'evidence-redaction', id: r.id }, panelId: ref.panelId, details: { incidentId: ref.incidentId, evidenceId: item.id, from: item.sha256, sha256: r.sha256, method: r.method, reason: r.reason } });
    return r;
  });
}

// ---- Reading

/** An evidence item as a reader may see it: the original's name and exact place for the chair and clerk only. */
export interface EvidenceView extends Omit<EvidenceItem, 'fileName' | 'latitude' | 'longitude' | 'uploadedBy'> {
  /** Null when the reader may not see the original (a member). */
  fileName: string | null;
  latitude: number | null;
  longitude: number | null;
  seesOriginal: boolean;
  redactions: EvidenceRedaction[];
}

/** The evidence of a case, oldest first, as this reader may see it. Listing is not logged; opening an item is. */
export async function listEvidence(ctx: CaseContext, actor: Actor, ref: Ref): Promise<EvidenceView[]> {
  requireAccess(actor, 'case.list', { panelId: ref.panelId });
  const db = ctx.db.db;
  await loadIncident(db, ref);
  const items = await db.select().from(evidenceItems).where(and(eq(evidenceItems.incidentId, ref.incidentId), eq(evidenceItems.panelId, ref.panelId))).orderBy(asc(evidenceItems.id));
  const redactions = items.length
    ? await db.select().from(evidenceRedactions).where(inArray(evidenceRedactions.evidenceId, items.map((i) => i.id))).orderBy(asc(evidenceRedactions.id))
    : [];
  const seesOriginal = can(actor, 'evidence.view-original', { panelId: ref.panelId });
  return items.map((i) => view(i, redactions, seesOriginal));
}

function view(item: EvidenceItem, redactions: EvidenceRedaction[], seesOriginal: boolean): EvidenceView {
  const { uploadedBy: _uploadedBy, ...rest } = item;
  const own = redactions.filter((r) => r.evidenceId === item.id);
  if (seesOriginal) return { ...rest, seesOriginal, redactions: own };
  return { ...rest, fileName: null, latitude: null, longitude: null, seesOriginal, redactions: own };
}

/** One evidence item with its custody log; opening it is written to the log as a view. */
export interface Preview {
  /** What it shows: the original, or a redacted copy's id. */
  of: 'original' | number;
  /** A small JPEG, re-encoded without metadata, as a data: URL (the page needs no other request, so the view is logged once). */
  src: string;
  width: number;
  height: number;
}

export async function openEvidence(
  ctx: CaseContext,
  actor: Actor,
  ref: ItemRef
): Promise<{ item: EvidenceView; custody: CustodyRow[]; image: { width: number; height: number } | null; previews: Preview[] }> {
  requireAccess(actor, 'case.list', { panelId: ref.panelId });
  const seesOriginal = can(actor, 'evidence.view-original', { panelId: ref.panelId });
  const opened = await ctx.db.db.transaction(async (tx) => {
    const item = await loadItem(tx, ref);
    const redactions = await tx.select().from(evidenceRedactions).where(eq(evidenceRedactions.evidenceId, item.id)).orderBy(asc(evidenceRedactions.id));
    const v = view(item, redactions, seesOriginal);
    // What this reader was shown: the original, or the latest redacted copy (none if there is none yet).
    const latest = redactions.at(-1);
    const shown = seesOriginal ? item.sha256 : (latest?.sha256 ?? null);
    await custody(tx, ctx, actor, item, 'view', shown, seesOriginal ? { original: true } : { original: false, redactionId: latest?.id ?? null });
    const log = await tx.select().from(evidenceCustody).where(eq(evidenceCustody.evidenceId, item.id)).orderBy(asc(evidenceCustody.id));
    return { item: v, custody: seesOriginal ? log : log.map(withoutNames) };
  });
  // The size of the upright image, for whoever may black out rectangles of it.
  const redactable = seesOriginal && can(actor, 'evidence.upload', { panelId: ref.panelId }) && (redactableTypes as readonly string[]).includes(opened.item.mediaType);
  const { item } = opened;
  const latest = item.redactions.at(-1);
  const shown: { of: 'original' | number; sha256: string; mediaType: string }[] = [
    ...(seesOriginal ? [{ of: 'original' as const, sha256: item.sha256, mediaType: item.mediaType }] : []),
    ...(latest ? [{ of: latest.id, sha256: latest.sha256, mediaType: latest.mediaType }] : [])
  ].filter((f) => (redactableTypes as readonly string[]).includes(f.mediaType));
  const previews: Preview[] = [];
  for (const f of shown) {
    const p = await preview(await ctx.files.get(f.sha256));
    if (p) previews.push({ of: f.of, ...p });
  }
  return { ...opened, image: redactable ? await uprightSize(await ctx.files.get(item.sha256)) : null, previews };
}

/**
 * A preview of an image: upright, at most 640 pixels across, re-encoded as JPEG by sharp (so
 * whatever else the file held is not passed on) and without metadata. Null if it cannot be decoded.
 */
async function preview(bytes: Uint8Array): Promise<{ src: string; width: number; height: number } | null> {
  try {
    const { data, info } = await sharp(bytes).rotate().resize({ width: 640, height: 640, fit: 'inside', withoutEnlargement: true }).jpeg({ quality: 80 }).toBuffer({ resolveWithObject: true });
    return { src: `data:image/jpeg;base64,${data.toString('base64')}`, width: info.width, height: info.height };
  } catch {
    return null;
  }
}

async function uprightSize(bytes: Uint8Array): Promise<{ width: number; height: number } | null> {
  try {
    const m = await sharp(bytes).metadata();
    if (!m.width || !m.height) return null;
    return (m.orientation ?? 1) >= 5 ? { width: m.height, height: m.width } : { width: m.width, height: m.height };
  } catch {
    return null;
  }
}

/**
 * An evidence file for download: the original (chair and clerk only) or one of its redacted copies.
 * The download is written to the custody log with the file's hash.
 */
export async function evidenceFile(
  ctx: CaseContext,
  actor: Actor,
  ref: ItemRef & { redactionId?: number }
): Promise<{ bytes: Uint8Array; name: string; sha256: string; mediaType: string }> {
  requireAccess(actor, 'case.list', { panelId: ref.panelId });
  if (ref.redactionId === undefined) requireAccess(actor, 'evidence.view-original', { panelId: ref.panelId });
  const db = ctx.db.db;
  const item = await loadItem(db, ref);
  let file: { sha256: string; mediaType: string; name: string } = { sha256: item.sha256, mediaType: item.mediaType, name: item.fileName };
  if (ref.redactionId !== undefined) {
    if (!isRowId(ref.redactionId)) throw notHere();
    const [r] = await db.select().from(evidenceRedactions).where(and(eq(evidenceRedactions.id, ref.redactionId), eq(evidenceRedactions.evidenceId, item.id)));
    if (!r) throw notHere();
    file = { sha256: r.sha256, mediaType: r.mediaType, name: redactedName(item, r) };
  }
  const bytes = await ctx.files.get(file.sha256);
  await db.transaction((tx) => custody(tx, ctx, actor, item, 'download', file.sha256, ref.redactionId === undefined ? { original: true } : { redactionId: ref.redactionId }));
  return { bytes, ...file };
}

/** A redacted copy's file name: it must not repeat the original's, which may name a person. */
export function redactedName(item: EvidenceItem, r: EvidenceRedaction): string {
  return `evidence-${item.id}-redacted-${r.id}${extension(r.mediaType)}`;
}

const extensions: Record<string, string> = {
  'image/jpeg': '.jpg',
  'image/png': '.png',
  'image/webp': '.webp',
  'image/heic': '.heic',
  'video/mp4': '.mp4',
  'video/quicktime': '.mov',
  'audio/mpeg': '.mp3',
  'audio/mp4': '.m4a',
  'audio/wav': '.wav',
  'application/pdf': '.pdf',
  'text/plain; charset=utf-8': '.txt'
};
export const extension = (mediaType: string) => extensions[mediaType] ?? '.bin';

// ---- Helpers

export async function loadItem(tx: Tx, ref: ItemRef): Promise<EvidenceItem> {
  await loadIncident(tx, ref);
  if (!isRowId(ref.evidenceId)) throw notHere();
  const [item] = await tx.select().from(evidenceItems).where(and(eq(evidenceItems.id, ref.evidenceId), eq(evidenceItems.incidentId, ref.incidentId), eq(evidenceItems.panelId, ref.panelId)));
  if (!item) throw notHere();
  return item;
}

/** The custody row as a reader who may not see originals gets it: an upload's file name or zip path may name a person. */
function withoutNames(row: CustodyRow): CustodyRow {
  const { fileName: _name, fromZip: _zip, pathInZip: _path, ...details } = row.details;
  return { ...row, details };
}

/** Appends one row to the custody log. There is no other write to that table, and no update or delete. */
export async function custody(tx: Tx, ctx: CaseContext, actor: Actor, item: EvidenceItem, action: CustodyAction, sha256: string | null, details: Record<string, unknown> = {}): Promise<void> {
  await tx.insert(evidenceCustody).values({ panelId: item.panelId, incidentId: item.incidentId, evidenceId: item.id, action, sha256, actorId: actorId(actor), actorLabel: actorLabel(actor), at: ctx.clock.now(), details });
}
