import { idFromAddress } from '$lib/server/address.ts';
import { redirect } from '@sveltejs/kit';
import { forceUsed, itemAnswers, qualityScores, ragStatuses } from '$core/db/schema.ts';
import { panelBySlug } from '$core/panels/panels.ts';
import { answerLabels, forceLabels, gowiselyItems, gowiselyKeys, qualityLabels, ragLabels } from '$core/reviews/input.ts';
import { getReviewForm, isSection60, saveReview } from '$core/reviews/reviews.ts';
import { authContext } from '$lib/server/auth.ts';
import { formFailure, textFields } from '$lib/server/forms.ts';
import { referenceOf } from '$lib/server/reviews.ts';
import type { Actions, PageServerLoad } from './$types';

const fields = [...gowiselyKeys, 'groundsQuality', 'conduct', 'forceUsed', 'rag', 'comments', 'footageViewedOnPremises'] as const;
const options = <K extends string>(keys: readonly K[], labels: Record<K, string>) => keys.map((value) => ({ value, label: labels[value] }));

export const load: PageServerLoad = async ({ locals, params }) => {
  const ctx = await authContext();
  const panel = await panelBySlug(ctx, locals.actor, params.panel);
  const f = await getReviewForm(ctx, locals.actor, { panelId: panel.id, sampleId: idFromAddress(params.sample), sampleRecordId: idFromAddress(params.encounter) });
  const s60 = isSection60(f.record);
  const r = f.review;
  const saved: Record<string, string> = r
    ? { ...Object.fromEntries(fields.map((k) => [k, String(r[k])])), footageViewedOnPremises: r.footageViewedOnPremises ? 'on' : '' }
    : s60
      ? Object.fromEntries(gowiselyKeys.map((k) => [k, 'not_applicable']))
      : {};
  return {
    panel: { name: panel.name, slug: panel.slug },
    sample: { id: f.sample.id, month: f.sample.month },
    record: referenceOf(f.record),
    section60: s60,
    isReviewer: f.isReviewer,
    submittedAt: r?.submittedAt?.toISOString() ?? null,
    saved,
    items: gowiselyItems.map(([key, label]) => ({ key, label })),
    answers: options(itemAnswers, answerLabels),
    quality: options(qualityScores, qualityLabels),
    force: options(forceUsed, forceLabels),
    rag: options(ragStatuses, ragLabels)
  };
};

export const actions: Actions = {
  save: async ({ request, locals, params }) => {
    const form = await request.formData();
    const values = textFields(form, [...fields, 'intent']);
    const submit = values.intent === 'submit';
    try {
      const ctx = await authContext();
      const panel = await panelBySlug(ctx, locals.actor, params.panel);
      await saveReview(ctx, locals.actor, {
        panelId: panel.id,
        sampleId: idFromAddress(params.sample),
        sampleRecordId: idFromAddress(params.encounter),
        submit,
        ...(values as Record<string, string> as object),
        footageViewedOnPremises: values.footageViewedOnPremises === 'on'
      });
    } catch (err) {
      return formFailure(err, values);
    }
    if (submit) redirect(303, `/w/${params.panel}/reviews/${params.sample}?submitted=${params.encounter}`);
    return { saved: true };
  }
};
