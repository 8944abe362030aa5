import { can } from '$core/access/require-access.ts';
import { raiseQuestionFromCase } from '$core/cases/cases.ts';
import { caseForQuestion } from '$core/cases/read.ts';
import { ciaOfQuestions } from '$core/cia/read.ts';
import { panelBySlug } from '$core/panels/panels.ts';
import { draftQuestion, listQuestions } from '$core/questions/questions.ts';
import { authContext } from '$lib/server/auth.ts';
import { formFailure, textFields } from '$lib/server/forms.ts';
import { questionForPage } from '$lib/server/question-page.ts';
import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';

const fields = ['title', 'body', 'metric', 'area', 'period', 'value', 'caseId'] as const;

export const load: PageServerLoad = async ({ locals, params, url }) => {
  const ctx = await authContext();
  const panel = await panelBySlug(ctx, locals.actor, params.panel);
  const list = await listQuestions(ctx, locals.actor, panel.id);
  // A figure's "ask the police" link fills the finding: ?metric=…&area=…&period=…&value=…
  const fromFigure = Object.fromEntries(['metric', 'area', 'period', 'value'].map((k) => [k, url.searchParams.get(k) ?? '']));
  // A case file's "raise a question" link fills the title and the question: ?case=<id>
  const fromCase = url.searchParams.has('case') ? await caseForQuestion(ctx, locals.actor, { panelId: panel.id, incidentId: Number(url.searchParams.get('case')) }) : null;
  // Questions raised from a community impact assessment link back to it.
  const fromCia = can(locals.actor, 'cia.list', { panelId: panel.id }) ? await ciaOfQuestions(ctx, locals.actor, panel.id) : new Map();
  return { panel: { name: panel.name, slug: panel.slug }, questions: list.map((q) => ({ ...questionForPage(q), cia: fromCia.get(q.id) ?? null })), fromFigure, fromCase };
};

export const actions: Actions = {
  draft: async ({ request, locals, params }) => {
    const values = textFields(await request.formData(), fields);
    const ctx = await authContext();
    let id: number;
    try {
      const panel = await panelBySlug(ctx, locals.actor, params.panel);
      const hasFinding = [values.metric, values.area, values.period, values.value].some((v) => v.trim());
      const finding = hasFinding ? { metric: values.metric, area: values.area, period: values.period, value: values.value } : undefined;
      const draft = { panelId: panel.id, title: values.title, body: values.body, finding };
      const question = values.caseId
        ? await raiseQuestionFromCase(ctx, locals.actor, { ...draft, incidentId: Number(values.caseId) })
        : await draftQuestion(ctx, locals.actor, draft);
      id = question.id;
    } catch (err) {
      return formFailure(err, values);
    }
    redirect(303, `/w/${params.panel}/questions/${id}`);
  }
};
