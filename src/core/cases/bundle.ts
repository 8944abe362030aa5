import { createHash } from 'node:crypto';
import { and, asc, eq, inArray } from 'drizzle-orm';
import yazl from 'yazl';
import { z } from 'zod';
import type { Actor } from '../access/actor.ts';
import { requireAccess } from '../access/require-access.ts';
import { write } from '../audit/write.ts';
import { evidenceItems, evidenceRedactions, panels, referrals } from '../db/schema.ts';
import { formatBytes } from '../files/store.ts';
import { Invalid } from '../errors.ts';
import { parse } from '../panels/input.ts';
import { loadIncident, type CaseContext } from './cases.ts';
import { custody, extension, redactedName } from './evidence.ts';

/** One file of a bundle, as its manifest lists it. */
export interface ManifestFile {
  /** Where the file is inside the zip. */
  path: string;
  sha256: string;
  size: number;
  mediaType: string;
  evidenceId: number;
  /** 'original', or a redacted copy of the original named by redactedFrom. */
  role: 'original' | 'redacted';
  redactedFrom: string | null;
  redaction: { reason: string; by: string; at: string } | null;
  kind: string;
  description: string;
  originalFileName: string | null;
  capturedAt: string | null;
  place: { latitude: number; longitude: number; ward: string | null; borough: string | null } | null;
  tags: string[];
  uploadedBy: string;
  uploadedAt: string;
}

export interface Manifest {
  case: { reference: string; title: string; startsOn: string; referrals: { body: string; reference: string }[] };
  exportedAt: string;
  exportedBy: string;
  files: ManifestFile[];
}

const ids = z.preprocess(
  (v) => (v === '' || v === null || v === undefined ? [] : Array.isArray(v) ? v : [v]),
  z.array(z.coerce.number({ error: 'Choose from the evidence listed.' }).int().positive().max(2_147_483_647)).min(1, 'Choose at least one evidence file to export.').max(200, 'Export at most 200 files at once.')
);

/** The most an export bundle's files may come to (originals and redacted copies), as it is built in memory. */
export const MAX_BUNDLE_BYTES = 100 * 1024 * 1024;

/**
 * The export bundle: a zip of the chosen evidence files (each original and its redacted copies),
 * with `manifest.json` and `MANIFEST.txt` giving each file's path in the zip, SHA-256, size, type,
 * capture time and place, tags, and the case's title and reference. For the chair and clerk only;
 * the export is written to the custody log of every file in it, with the bundle's own hash.
 */
export async function exportBundle(
  ctx: CaseContext,
  actor: Actor,
  raw: { panelId: number; incidentId: number; evidenceIds?: unknown },
  { maxBytes = MAX_BUNDLE_BYTES }: { maxBytes?: number } = {}
): Promise<{ bytes: Uint8Array; name: string; sha256: string; manifest: Manifest }> {
  requireAccess(actor, 'evidence.export', { panelId: raw.panelId });
  const { evidenceIds } = parse(z.object({ evidenceIds: ids }), { evidenceIds: raw.evidenceIds });
  const db = ctx.db.db;
  const incident = await loadIncident(db, raw);
  const wanted = [...new Set(evidenceIds)];
  const items = await db.select().from(evidenceItems).where(and(inArray(evidenceItems.id, wanted), eq(evidenceItems.incidentId, incident.id), eq(evidenceItems.panelId, raw.panelId))).orderBy(asc(evidenceItems.id));
  if (items.length !== wanted.length) throw new Invalid("Choose from this case's evidence.", { field: 'evidenceIds' });
  const [redactions, [panel], refs] = await Promise.all([
    db.select().from(evidenceRedactions).where(inArray(evidenceRedactions.evidenceId, wanted)).orderBy(asc(evidenceRedactions.id)),
    db.select({ slug: panels.slug }).from(panels).where(eq(panels.id, raw.panelId)),
    db.select({ body: referrals.body, reference: referrals.reference }).from(referrals).where(eq(referrals.incidentId, incident.id)).orderBy(asc(referrals.id))
  ]);
  // The bundle is made in memory: its files together may be at most maxBytes, checked before any is read.
  const total = items.reduce((n, i) => n + i.size, 0) + redactions.reduce((n, r) => n + r.size, 0);
  if (total > maxBytes)
    throw new Invalid(`Those files come to ${formatBytes(total)}; one bundle holds at most ${formatBytes(maxBytes)}. Choose fewer and export them in more than one bundle.`, { field: 'evidenceIds' });
  const now = ctx.clock.now();
  const files: (ManifestFile & { bytes: Uint8Array })[] = [];
  for (const item of items) {
    const common = {
      evidenceId: item.id,
      kind: item.kind,
      description: item.description,
      originalFileName: item.fileName,
      capturedAt: item.capturedAt,
      place: item.latitude !== null && item.longitude !== null ? { latitude: item.latitude, longitude: item.longitude, ward: item.wardName, borough: item.boroughName } : null,
      tags: item.tags,
      uploadedBy: item.uploadedByLabel,
      uploadedAt: item.uploadedAt.toISOString()
    };
    const original = await ctx.files.get(item.sha256);
    files.push({ ...common, path: `evidence/${item.id}/original${extension(item.mediaType)}`, sha256: item.sha256, size: item.size, mediaType: item.mediaType, role: 'original', redactedFrom: null, redaction: null, bytes: original });
    for (const r of redactions.filter((r) => r.evidenceId === item.id)) {
      const bytes = await ctx.files.get(r.sha256);
      files.push({
        ...common,
        path: `evidence/${item.id}/${redactedName(item, r)}`,
        sha256: r.sha256,
        size: r.size,
        mediaType: r.mediaType,
        role: 'redacted',
        redactedFrom: item.sha256,
        redaction: { reason: r.reason, by: r.createdByLabel, at: r.createdAt.toISOString() },
        bytes
      });
    }
  }
  const reference = `${panel.slug}/cases/${incident.id}`;
  const manifest: Manifest = {
    case: { reference, title: incident.title, startsOn: incident.startsOn, referrals: refs.filter((r) => r.reference) },
    exportedAt: now.toISOString(),
    exportedBy: actor.kind === 'user' ? actor.email : 'system',
    files: files.map(({ bytes: _bytes, ...f }) => f)
  };
  const zip = new yazl.ZipFile();
  const mtime = now;
  for (const f of files) zip.addBuffer(Buffer.from(f.bytes), f.path, { mtime, compress: !/^(image|video|audio)\//.test(f.mediaType) });
  zip.addBuffer(Buffer.from(JSON.stringify(manifest, null, 2) + '\n'), 'manifest.json', { mtime });
  zip.addBuffer(Buffer.from(manifestText(manifest)), 'MANIFEST.txt', { mtime });
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream as AsyncIterable<Buffer>) chunks.push(chunk);
  const bytes = new Uint8Array(Buffer.concat(chunks));
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  await write(ctx, actor, async (tx, audit) => {
    for (const item of items)
      for (const f of files.filter((f) => f.evidenceId === item.id)) await custody(tx, ctx, actor, item, 'export', f.sha256, { bundle: sha256, path: f.path });
    await audit({ action: 'evidence.export', entity: { type: 'incident', id: incident.id }, panelId: raw.panelId, details: { evidenceIds: wanted, files: files.length, bundle: sha256 } });
  });
  return { bytes, name: `case-${incident.id}-evidence-${now.toISOString().slice(0, 10)}.zip`, sha256, manifest };
}

/** The manifest in words, for a reader without a JSON viewer. */
function manifestText(m: Manifest): string {
  const lines = [
    `Evidence bundle of the case "${m.case.title}" (${m.case.reference}), incident of ${m.case.startsOn}`,
    ...m.case.referrals.map((r) => `Referral to ${r.body === 'iopc' ? 'the IOPC' : 'professional standards'}: ${r.reference}`),
    `Exported ${m.exportedAt} by ${m.exportedBy}`,
    '',
    'Check a file with: sha256sum <path> (the hash must equal the one below).',
    ''
  ];
  for (const f of m.files) {
    lines.push(
      f.path,
      `  SHA-256: ${f.sha256}`,
      `  size: ${f.size} bytes; type: ${f.mediaType}; ${f.role === 'original' ? `original${f.originalFileName ? ` (uploaded as ${f.originalFileName})` : ''}` : `redacted copy of ${f.redactedFrom}: ${f.redaction?.reason} (${f.redaction?.by}, ${f.redaction?.at})`}`,
      `  kind: ${f.kind}${f.description ? `; ${f.description}` : ''}`,
      `  captured: ${f.capturedAt ?? 'not known'}; place: ${f.place ? `${f.place.latitude}, ${f.place.longitude}${f.place.ward ? ` (${f.place.ward}, ${f.place.borough})` : ''}` : 'not known'}`,
      `  tags: ${f.tags.length ? f.tags.join(', ') : 'none'}; uploaded by ${f.uploadedBy} at ${f.uploadedAt}`,
      ''
    );
  }
  return lines.join('\n');
}
