import { can } from '$core/access/require-access.ts';
import { saveCiaReview } from '$core/cia/cia.ts';
import { ciaRubric, scoreWords } from '$core/cia/input.ts';
import { ownReview } from '$core/cia/read.ts';
import { ragStatuses } from '$core/db/schema.ts';
import { ragLabels } from '$core/reviews/input.ts';
import { ciaRef } from '$lib/server/cia-page.ts';
import { formFailure, textFields } from '$lib/server/forms.ts';
import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';

const fields = [...ciaRubric.flatMap((r) => [`${r.item}Score`, `${r.item}Comment`]), 'rag', 'summary'];

export const load: PageServerLoad = async ({ locals, params }) => {
  const { ctx, panel, ref } = await ciaRef(locals.actor, params);
  const { cia, review: r } = await ownReview(ctx, locals.actor, ref);
  const saved: Record<string, string> = r
    ? {
        ...Object.fromEntries(ciaRubric.flatMap(({ item }) => [[`${item}Score`, r[`${item}Score`] === null ? '' : String(r[`${item}Score`])], [`${item}Comment`, r.comments[item] ?? '']])),
        rag: r.rag ?? '',
        summary: r.summary
      }
    : {};
  return {
    panel: { name: panel.name, slug: panel.slug },
    cia: { id: cia.id, title: cia.title, operation: cia.operation },
    reviewId: r?.id ?? null,
    submittedAt: r?.submittedAt?.toISOString() ?? null,
    saved,
    rubric: ciaRubric,
    scores: scoreWords.map((label, value) => ({ value: String(value), label })),
    rag: ragStatuses.map((value) => ({ value, label: ragLabels[value] })),
    mayRaise: can(locals.actor, 'cia.raise-question', { panelId: panel.id }) && can(locals.actor, 'question.draft', { panelId: panel.id })
  };
};

export const actions: Actions = {
  save: async ({ request, locals, params }) => {
    const form = await request.formData();
    const values = textFields(form, [...fields, 'intent']);
    const submit = values.intent === 'submit';
    try {
      const { ctx, ref } = await ciaRef(locals.actor, params);
      await saveCiaReview(ctx, locals.actor, { ...ref, ...(values as Record<string, string> as object), submit });
    } catch (err) {
      return formFailure(err, values);
    }
    if (submit) redirect(303, `/w/${params.panel}/cia/${params.cia}#reviews-heading`);
    return { saved: true };
  }
};
