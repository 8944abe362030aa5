import { segments } from '$core/extract/highlight.ts';
import { reviewSuggestions, suggestionItems } from '$core/extract/review.ts';
import { suggestFromSource } from '$core/extract/suggest.ts';
import type { Actor } from '$core/access/actor.ts';
import { panelBySlug } from '$core/panels/panels.ts';
import { authContext } from '$lib/server/auth.ts';
import { serverContext } from '$lib/server/context.ts';
import { formFailure, textFields } from '$lib/server/forms.ts';
import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
  const panel = await panelBySlug(await authContext(), locals.actor, params.panel);
  return { panel: { name: panel.name, slug: panel.slug } };
};

/** Runs the extraction on the posted text: both actions do, so the page needs no stored state. */
async function suggest(actor: Actor, slug: string, values: { text: string; published: string }) {
  const panel = await panelBySlug(await authContext(), actor, slug);
  const found = await suggestFromSource(await serverContext(), actor, { panelId: panel.id, text: values.text, published: values.published });
  return { found, suggested: { items: suggestionItems(found), segments: segments(values.text, found) } };
}

export const actions: Actions = {
  suggest: async ({ request, locals, params }) => {
    const values = textFields(await request.formData(), ['text', 'published']);
    try {
      const { suggested } = await suggest(locals.actor, params.panel, values);
      return { values, suggested };
    } catch (err) {
      return formFailure(err, values);
    }
  },

  review: async ({ request, locals, params }) => {
    const form = await request.formData();
    const values = textFields(form, ['text', 'published']);
    const field = (name: string) => (typeof form.get(name) === 'string' ? (form.get(name) as string) : undefined);
    let result;
    try {
      result = await suggest(locals.actor, params.panel, values);
    } catch (err) {
      return formFailure(err, values);
    }
    const { found, suggested } = result;
    const choices: Record<string, { decision: string; value: string }> = Object.fromEntries(
      suggested.items.map((i) => [i.ref, { decision: field(`decision-${i.ref}`) ?? 'accept', value: field(`value-${i.ref}`) ?? i.value }])
    );
    try {
      return { values, suggested, choices, reviewed: reviewSuggestions(found, (ref) => choices[ref]) };
    } catch (err) {
      // Keep the suggestions and the clerk's choices on the page, with the problem at the top.
      const failure = formFailure(err, values);
      return fail(failure.status, { ...failure.data, suggested, choices });
    }
  }
};
