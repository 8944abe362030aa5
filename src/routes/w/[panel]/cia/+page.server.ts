import { can } from '$core/access/require-access.ts';
import { listCases } from '$core/cases/read.ts';
import { recordCia } from '$core/cia/cia.ts';
import { timingLabels } from '$core/cia/input.ts';
import { listCias } from '$core/cia/read.ts';
import { ciaTimings } from '$core/db/schema.ts';
import { boroughsInUse } from '$core/dashboard/boroughs.ts';
import { panelBySlug } from '$core/panels/panels.ts';
import { caseContext } from '$lib/server/case-page.ts';
import { serverContext } from '$lib/server/context.ts';
import { formFailure, textFields } from '$lib/server/forms.ts';
import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';

const fields = ['title', 'operation', 'documentOn', 'timing', 'text', 'incidentId', 'dayBorough', 'dayOn'] as const;

export const load: PageServerLoad = async ({ locals, params }) => {
  const ctx = await caseContext();
  const panel = await panelBySlug(ctx, locals.actor, params.panel);
  const mayRecord = can(locals.actor, 'cia.record', { panelId: panel.id });
  return {
    panel: { name: panel.name, slug: panel.slug, code: panel.boroughCode },
    cias: await listCias(ctx, locals.actor, panel.id),
    mayRecord,
    cases: mayRecord ? (await listCases(ctx, locals.actor, panel.id)).map((c) => ({ id: c.id, title: c.title, startsOn: c.startsOn })) : [],
    timings: ciaTimings.map((value) => ({ value, label: timingLabels[value] })),
    // The boroughs of the boundaries loaded, to choose an unusual day's from (a code is typed when none are).
    boroughs: mayRecord ? (await boroughsInUse((await serverContext()).warehouse)).map((b) => ({ code: b.code, name: b.name })) : []
  };
};

export const actions: Actions = {
  record: async ({ request, locals, params }) => {
    const form = await request.formData();
    const values = textFields(form, fields);
    const file = form.get('file');
    let id: number;
    try {
      const ctx = await caseContext();
      const panel = await panelBySlug(ctx, locals.actor, params.panel);
      const upload = file instanceof File && file.size > 0 ? { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) } : null;
      id = (await recordCia(ctx, locals.actor, { panelId: panel.id, ...values, file: upload })).id;
    } catch (err) {
      return formFailure(err, values);
    }
    redirect(303, `/w/${params.panel}/cia/${id}`);
  }
};
