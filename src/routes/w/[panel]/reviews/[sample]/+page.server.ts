import { idFromAddress } from '$lib/server/address.ts';
import { can } from '$core/access/require-access.ts';
import { boroughByCode } from '$core/panels/boroughs.ts';
import { panelBySlug } from '$core/panels/panels.ts';
import { strataLabels } from '$core/reviews/input.ts';
import { assignReviewers, getSample, policeRespondents, possibleReviewers, respondToEncounter, sendSample } from '$core/reviews/samples.ts';
import { authContext } from '$lib/server/auth.ts';
import { formFailure, textFields } from '$lib/server/forms.ts';
import { referenceOf } from '$lib/server/reviews.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
  const ctx = await authContext();
  const panel = await panelBySlug(ctx, locals.actor, params.panel);
  const view = await getSample(ctx, locals.actor, { panelId: panel.id, sampleId: idFromAddress(params.sample) });
  const s = view.sample;
  const mayAssign = can(locals.actor, 'sample.assign', { panelId: panel.id });
  return {
    panel: { name: panel.name, slug: panel.slug },
    sample: {
      id: s.id,
      borough: boroughByCode(s.areaCode)?.name ?? s.areaCode,
      month: s.month,
      seed: s.seed,
      size: s.size,
      strata: strataLabels[s.strata],
      population: s.population,
      sentOn: s.sentOn,
      addresseeName: view.addresseeName
    },
    records: view.records.map((r) => ({
      ...referenceOf(r),
      mine: view.mine.get(r.id) ?? null,
      submitted: view.submittedCounts.get(r.id) ?? 0,
      rag: view.submittedRag.get(r.id) ?? null
    })),
    // The police see the panel's scores per encounter, never who gave them.
    reviewers: can(locals.actor, 'review.record', { panelId: panel.id }) ? view.reviewers.map((r) => r.name) : null,
    isReviewer: view.isReviewer,
    justSubmitted: view.records.find((r) => String(r.id) === url.searchParams.get('submitted'))?.position ?? null,
    mayResults: can(locals.actor, 'review.results', { panelId: panel.id }),
    mayRespond: can(locals.actor, 'review.respond', { panelId: panel.id, addresseeId: s.addresseeId }),
    candidates: mayAssign ? (await possibleReviewers(ctx, locals.actor, panel.id)).filter((p) => !view.reviewers.some((r) => r.id === p.id)) : null,
    police: mayAssign ? await policeRespondents(ctx, locals.actor, panel.id) : null
  };
};

async function target(locals: App.Locals, params: { panel: string; sample: string }) {
  const ctx = await authContext();
  const panel = await panelBySlug(ctx, locals.actor, params.panel);
  return { ctx, panelId: panel.id, sampleId: idFromAddress(params.sample) };
}

export const actions: Actions = {
  assign: async ({ request, locals, params }) => {
    const form = await request.formData();
    const userIds = form.getAll('reviewer').filter((v): v is string => typeof v === 'string');
    try {
      const { ctx, panelId, sampleId } = await target(locals, params);
      await assignReviewers(ctx, locals.actor, { panelId, sampleId, userIds });
      return { done: `${userIds.length} reviewer${userIds.length === 1 ? '' : 's'} assigned.` };
    } catch (err) {
      return formFailure(err, { form: 'assign' });
    }
  },

  send: async ({ request, locals, params }) => {
    const values = textFields(await request.formData(), ['addresseeId']);
    try {
      const { ctx, panelId, sampleId } = await target(locals, params);
      await sendSample(ctx, locals.actor, { panelId, sampleId, addresseeId: values.addresseeId });
      return { done: 'Sent: the police respondent can now see the references and respond.' };
    } catch (err) {
      return formFailure(err, { ...values, form: 'send' });
    }
  },

  respond: async ({ request, locals, params }) => {
    const values = textFields(await request.formData(), ['sampleRecordId', 'response']);
    try {
      const { ctx, panelId, sampleId } = await target(locals, params);
      await respondToEncounter(ctx, locals.actor, { panelId, sampleId, sampleRecordId: Number(values.sampleRecordId), response: values.response });
      return { done: 'Response recorded.' };
    } catch (err) {
      return formFailure(err, { ...values, form: 'respond' });
    }
  }
};
