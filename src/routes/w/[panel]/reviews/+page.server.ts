import { redirect } from '@sveltejs/kit';
import { can } from '$core/access/require-access.ts';
import { panelBySlug } from '$core/panels/panels.ts';
import { strataLabels } from '$core/reviews/input.ts';
import { createSample, listSamples } from '$core/reviews/samples.ts';
import { authContext } from '$lib/server/auth.ts';
import { formFailure, textFields } from '$lib/server/forms.ts';
import { reviewContext } from '$lib/server/reviews.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
  const ctx = await authContext();
  const panel = await panelBySlug(ctx, locals.actor, params.panel);
  const samples = await listSamples(ctx, locals.actor, panel.id);
  return {
    panel: { name: panel.name, slug: panel.slug },
    mayDraw: can(locals.actor, 'sample.draw', { panelId: panel.id }),
    strata: Object.entries(strataLabels).map(([value, label]) => ({ value, label })),
    samples: samples.map((s) => ({
      id: s.id,
      month: s.month,
      seed: s.seed,
      size: s.size,
      strata: strataLabels[s.strata],
      population: s.population,
      records: s.records,
      reviewers: s.reviewers,
      submitted: s.submitted,
      sentOn: s.sentOn
    }))
  };
};

export const actions: Actions = {
  draw: async ({ request, locals, params }) => {
    const values = textFields(await request.formData(), ['month', 'size', 'seed', 'strata']);
    let id: number;
    try {
      const ctx = await reviewContext();
      const panel = await panelBySlug(ctx, locals.actor, params.panel);
      id = (await createSample(ctx, locals.actor, { panelId: panel.id, month: values.month, size: values.size, seed: values.seed, strata: (values.strata || 'none') as 'none' })).id;
    } catch (err) {
      return formFailure(err, values);
    }
    redirect(303, `/w/${params.panel}/reviews/${id}`);
  }
};
