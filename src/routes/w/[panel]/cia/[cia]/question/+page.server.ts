import { idFromAddress } from '$lib/server/address.ts';
import { raiseCiaQuestion } from '$core/cia/cia.ts';
import { ciaItemLabel } from '$core/cia/input.ts';
import { questionStart } from '$core/cia/read.ts';
import { ciaRef } from '$lib/server/cia-page.ts';

import { formFailure, textFields } from '$lib/server/forms.ts';
import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';

/** ?review=<id>[&item=<rubric item>]: the review (and item) the question is raised from. */
export const load: PageServerLoad = async ({ locals, params, url }) => {
  const { ctx, panel, ref } = await ciaRef(locals.actor, params);
  const start = await questionStart(ctx, locals.actor, { ...ref, reviewId: idFromAddress(url.searchParams.get('review') ?? ''), item: url.searchParams.get('item') ?? undefined });
  return { panel: { name: panel.name, slug: panel.slug }, ...start, itemLabel: start.item ? ciaItemLabel(start.item) : null };
};

export const actions: Actions = {
  raise: async ({ request, locals, params }) => {
    const values = textFields(await request.formData(), ['reviewId', 'item', 'title', 'body']);
    let id: number;
    try {
      const { ctx, ref } = await ciaRef(locals.actor, params);
      id = (await raiseCiaQuestion(ctx, locals.actor, { ...ref, reviewId: idFromAddress(values.reviewId), item: values.item, title: values.title, body: values.body })).question.id;
    } catch (err) {
      return formFailure(err, values);
    }
    redirect(303, `/w/${params.panel}/questions/${id}`);
  }
};
