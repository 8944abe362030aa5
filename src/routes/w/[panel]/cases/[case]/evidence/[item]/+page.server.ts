import { idFromAddress } from '$lib/server/address.ts';
import { can } from '$core/access/require-access.ts';
import { loadIncident } from '$core/cases/cases.ts';
import { openEvidence, redactableTypes, redactImage, setTags, uploadRedactedCopy } from '$core/cases/evidence.ts';
import { typeName } from '$core/cases/media-type.ts';
import { sensitivityTags } from '$core/db/schema.ts';
import { formatBytes } from '$core/files/store.ts';
import { caseRef, uploadedFile } from '$lib/server/case-page.ts';
import { formFailure, textFields } from '$lib/server/forms.ts';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
  const { ctx, panel, ref } = await caseRef(locals.actor, params);
  const incident = await loadIncident(ctx.db.db, ref);
  const { item, custody, image, previews } = await openEvidence(ctx, locals.actor, { ...ref, evidenceId: idFromAddress(params.item) });
  const { uploadedAt, ...rest } = item;
  return {
    panel: { name: panel.name, slug: panel.slug },
    incident: { id: incident.id, title: incident.title },
    item: { ...rest, uploadedAt, sizeText: formatBytes(item.size), typeName: typeName(item.mediaType), redactions: item.redactions.map((r) => ({ ...r, sizeText: formatBytes(r.size), createdBy: undefined })) },
    custody: custody.map((c) => ({ id: c.id, action: c.action, sha256: c.sha256, actorLabel: c.actorLabel, at: c.at, details: c.details })),
    image,
    previews,
    redactable: (redactableTypes as readonly string[]).includes(item.mediaType),
    tagChoices: sensitivityTags,
    mayEdit: can(locals.actor, 'evidence.upload', { panelId: panel.id })
  };
};

type Ref = Awaited<ReturnType<typeof caseRef>>['ref'] & { evidenceId: number };

/** One form of the page; its fields come back after a refusal, tagged with the form's name. */
function formAction(name: string, fields: readonly string[], work: (ctx: Awaited<ReturnType<typeof caseRef>>['ctx'], event: RequestEvent, ref: Ref, values: Record<string, string>, form: FormData) => Promise<string>) {
  return async (event: RequestEvent) => {
    const form = await event.request.formData();
    const values: Record<string, string> = { ...textFields(form, fields), form: name };
    try {
      const { ctx, ref } = await caseRef(event.locals.actor, event.params);
      return { form: name, done: await work(ctx, event, { ...ref, evidenceId: idFromAddress(event.params.item) }, values, form) };
    } catch (err) {
      return formFailure(err, values);
    }
  };
}

export const actions: Actions = {
  tags: formAction('tags', [], async (ctx, { locals }, ref, _v, form) => {
    const item = await setTags(ctx, locals.actor, { ...ref, tags: form.getAll('tags') });
    return `Sensitivity now: ${item.tags.length ? item.tags.join(', ') : 'none'}.`;
  }),
  redact: formAction('redact', ['boxes', 'units', 'reason'], async (ctx, { locals }, ref, v) => {
    const r = await redactImage(ctx, locals.actor, { ...ref, ...v });
    return `Redacted copy made (${r.boxes.length} ${r.boxes.length === 1 ? 'rectangle' : 'rectangles'} blacked out, metadata removed): SHA-256 ${r.sha256}.`;
  }),
  redactedCopy: formAction('redactedCopy', ['reason'], async (ctx, { locals }, ref, v, form) => {
    const r = await uploadRedactedCopy(ctx, locals.actor, { ...ref, ...v, file: await uploadedFile(form) });
    return `Redacted copy kept: SHA-256 ${r.sha256}.`;
  })
};
