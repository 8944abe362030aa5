import { can } from '$core/access/require-access.ts';
import { ciaRubric, maxTotal, scoreWords, timingLabels } from '$core/cia/input.ts';
import { dayStatus, getCia } from '$core/cia/read.ts';
import { boroughsInUse } from '$core/dashboard/boroughs.ts';
import { ciaRef } from '$lib/server/cia-page.ts';
import { serverContext } from '$lib/server/context.ts';
import { ciaPublicationsOf, publishCiaSummary } from '$core/cia/publish.ts';
import { londonDay } from '$core/questions/working-days.ts';
import { formFailure, textFields } from '$lib/server/forms.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
  const { ctx, panel, ref } = await ciaRef(locals.actor, params);
  const view = await getCia(ctx, locals.actor, ref);
  const { cia } = view;
  const wh = (await serverContext()).warehouse;
  const day =
    cia.dayBorough && cia.dayOn
      ? {
          borough: (await boroughsInUse(wh)).find((b) => b.code === cia.dayBorough)?.name ?? cia.dayBorough,
          date: cia.dayOn,
          status: await dayStatus(wh, cia.dayBorough, cia.dayOn)
        }
      : null;
  return {
    panel: { name: panel.name, slug: panel.slug },
    cia: {
      id: cia.id,
      title: cia.title,
      operation: cia.operation,
      documentOn: cia.documentOn,
      timing: timingLabels[cia.timing],
      text: cia.text,
      file: cia.sha256 ? { name: cia.fileName, size: cia.size, mediaType: cia.mediaType, sha256: cia.sha256 } : null
    },
    incident: view.incident,
    day,
    rubric: ciaRubric,
    scoreWords,
    maxTotal,
    reviews: view.reviews.map((r) => ({
      id: r.id,
      reviewerName: r.reviewerName,
      mine: r.mine,
      submitted: r.submittedAt !== null,
      scores: Object.fromEntries(ciaRubric.map(({ item }) => [item, r[`${item}Score`]])),
      comments: r.comments,
      rag: r.rag,
      summary: r.summary,
      total: r.total
    })),
    combined: view.combined,
    questions: view.questions,
    publications: (await ciaPublicationsOf(ctx, locals.actor, ref)).map((p) => ({ id: p.id, version: p.version, publishedOn: londonDay(p.publishedAt) })),
    mayPublish: can(locals.actor, 'cia.publish', { panelId: panel.id }),
    mayReview: can(locals.actor, 'cia.review', { panelId: panel.id }),
    mayRaise: can(locals.actor, 'cia.raise-question', { panelId: panel.id }) && can(locals.actor, 'question.draft', { panelId: panel.id })
  };
};

export const actions: Actions = {
  publish: async ({ request, locals, params }) => {
    const values = textFields(await request.formData(), ['statement']);
    try {
      const { ctx, ref } = await ciaRef(locals.actor, params);
      const pub = await publishCiaSummary(ctx, locals.actor, { ...ref, statement: values.statement });
      return { published: pub.version };
    } catch (err) {
      return formFailure(err, values);
    }
  }
};
