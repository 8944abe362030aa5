import { can } from '$core/access/require-access.ts';
import { listEvidence, uploadEvidence } from '$core/cases/evidence.ts';
import { typeName } from '$core/cases/media-type.ts';
import { formatBytes } from '$core/files/store.ts';
import { loadIncident } from '$core/cases/cases.ts';
import { evidenceKinds, sensitivityTags } from '$core/db/schema.ts';
import { caseRef, uploadedFile } from '$lib/server/case-page.ts';
import { formFailure, textFields } from '$lib/server/forms.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
  const { ctx, panel, ref } = await caseRef(locals.actor, params);
  const items = await listEvidence(ctx, locals.actor, ref);
  const incident = await loadIncident(ctx.db.db, ref);
  return {
    panel: { name: panel.name, slug: panel.slug },
    incident: { id: incident.id, title: incident.title },
    items: items.map((i) => ({
      id: i.id,
      kind: i.kind,
      description: i.description,
      fileName: i.fileName,
      mediaType: i.mediaType,
      size: formatBytes(i.size),
      typeName: typeName(i.mediaType),
      sha256: i.sha256,
      capturedAt: i.capturedAt,
      wardName: i.wardName,
      boroughName: i.boroughName,
      tags: i.tags,
      uploadedByLabel: i.uploadedByLabel,
      uploadedAt: i.uploadedAt,
      redactions: i.redactions.length
    })),
    maxSize: formatBytes(ctx.files.maxBytes),
    choices: { evidenceKinds, sensitivityTags },
    mayUpload: can(locals.actor, 'evidence.upload', { panelId: panel.id }),
    mayExport: can(locals.actor, 'evidence.export', { panelId: panel.id }),
    exportRefused: url.searchParams.get('export') === 'refused'
  };
};

export const actions: Actions = {
  upload: async ({ request, locals, params }) => {
    const form = await request.formData();
    const values: Record<string, string> = { ...textFields(form, ['kind', 'description']), tags: form.getAll('tags').filter((t) => typeof t === 'string').join('\n') };
    try {
      const { ctx, ref } = await caseRef(locals.actor, params);
      const items = await uploadEvidence(ctx, locals.actor, { ...ref, ...values, tags: values.tags ? values.tags.split('\n') : [], file: await uploadedFile(form) });
      return { done: items.length === 1 ? `Evidence kept: ${items[0].fileName}, SHA-256 ${items[0].sha256}.` : `${items.length} files kept from the zip.`, ids: items.map((i) => i.id) };
    } catch (err) {
      return formFailure(err, values);
    }
  }
};
