import { can } from '$core/access/require-access.ts';
import { createIncident } from '$core/cases/cases.ts';
import { listCases } from '$core/cases/read.ts';
import { incidentKinds } from '$core/db/schema.ts';
import { panelBySlug } from '$core/panels/panels.ts';
import { authContext } from '$lib/server/auth.ts';
import { formFailure, textFields } from '$lib/server/forms.ts';
import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';

const fields = ['title', 'summary', 'startsOn', 'startsAt', 'endsOn', 'endsAt'] as const;

export const load: PageServerLoad = async ({ locals, params }) => {
  const ctx = await authContext();
  const panel = await panelBySlug(ctx, locals.actor, params.panel);
  const cases = await listCases(ctx, locals.actor, panel.id);
  return {
    panel: { name: panel.name, slug: panel.slug },
    cases: cases.map((c) => ({ id: c.id, title: c.title, startsOn: c.startsOn, startsAt: c.startsAt, endsOn: c.endsOn, endsAt: c.endsAt, kinds: c.kinds, places: c.places, sources: c.sources, claims: c.claims })),
    mayCreate: can(locals.actor, 'case.create', { panelId: panel.id }),
    kinds: incidentKinds
  };
};

export const actions: Actions = {
  create: async ({ request, locals, params }) => {
    const form = await request.formData();
    const values = { ...textFields(form, fields), kinds: form.getAll('kinds').filter((k) => typeof k === 'string').join('\n') };
    let id: number;
    try {
      const ctx = await authContext();
      const panel = await panelBySlug(ctx, locals.actor, params.panel);
      id = (await createIncident(ctx, locals.actor, { panelId: panel.id, ...values, kinds: values.kinds ? values.kinds.split('\n') : [] })).id;
    } catch (err) {
      return formFailure(err, values);
    }
    redirect(303, `/w/${params.panel}/cases/${id}`);
  }
};
