import { idFromAddress } from '$lib/server/address.ts';
import { can } from '$core/access/require-access.ts';
import type { Actor } from '$core/access/actor.ts';
import type { WorkflowContext } from '$core/audit/write.ts';
import { panelIdBySlug } from '$core/panels/panels.ts';
import { questionOrigins } from '$core/questions/origins.ts';
import * as q from '$core/questions/questions.ts';
import { authContext } from '$lib/server/auth.ts';
import { formFailure, textFields } from '$lib/server/forms.ts';
import { eventForPage, questionForPage } from '$lib/server/question-page.ts';
import type { RequestEvent } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';


export const load: PageServerLoad = async ({ locals, params }) => {
  const ctx = await authContext();
  const panelId = await panelIdBySlug(ctx, params.panel);
  const ref = { questionId: idFromAddress(params.question), panelId };
  const [question, origins] = await Promise.all([q.getQuestion(ctx, locals.actor, ref), questionOrigins(ctx, locals.actor, ref)]);
  const may = (action: Parameters<typeof can>[1]) => can(locals.actor, action, { panelId });
  return {
    panel: { slug: params.panel },
    question: questionForPage(question),
    events: question.events.map(eventForPage),
    origins,
    respondents: may('question.send') && question.status === 'draft' ? await q.policeRespondents(ctx, locals.actor, panelId) : [],
    may: {
      edit: may('question.edit'),
      send: may('question.send'),
      answer: may('question.answer'),
      acknowledge: may('question.acknowledge'),
      clarify: may('question.clarify'),
      extend: may('question.extend'),
      assess: may('question.assess'),
      close: may('question.close'),
      escalate: may('question.escalate'),
      publish: may('question.publish')
    }
  };
};

type Use = (ctx: WorkflowContext, actor: Actor, input: Record<string, unknown> & { panelId: number; questionId: number }) => Promise<unknown>;

/** A form action: the named fields go to the use case with the panel and question; failures keep what was typed. */
function act(form: string, fields: string[], use: Use) {
  return async ({ request, locals, params }: RequestEvent<{ panel: string; question: string }>) => {
    const values = textFields(await request.formData(), fields);
    try {
      const ctx = await authContext();
      await use(ctx, locals.actor, { ...values, panelId: await panelIdBySlug(ctx, params.panel), questionId: idFromAddress(params.question) });
      return { done: form };
    } catch (err) {
      // `form` says which of the page's forms failed, so only that one shows the problem.
      return formFailure(err, { ...values, form });
    }
  };
}

/** The edit form's fields: an empty figure is none, as when drafting. */
const editDraft: Use = (ctx, actor, v) => {
  const part = (k: string) => String(v[k] ?? '');
  const hasFinding = ['metric', 'area', 'period', 'value'].some((k) => part(k).trim());
  const finding = hasFinding ? { metric: part('metric'), area: part('area'), period: part('period'), value: part('value') } : undefined;
  return q.editDraft(ctx, actor, { panelId: v.panelId, questionId: v.questionId, title: v.title, body: v.body, finding });
};

export const actions: Actions = {
  edit: act('edit', ['title', 'body', 'metric', 'area', 'period', 'value'], editDraft),
  send: act('send', ['addresseeId'], q.sendQuestion),
  acknowledge: act('acknowledge', [], q.acknowledgeQuestion),
  clarify: act('clarify', ['clarification'], q.clarifyQuestion),
  extend: act('extend', ['dueOn', 'reason'], q.extendQuestion),
  answer: act('answer', ['answer'], q.answerQuestion),
  assess: act('assess', ['assessment', 'note'], q.assessQuestion),
  close: act('close', [], q.closeQuestion),
  escalate: act('escalate', ['to', 'reason'], q.escalateQuestion),
  publish: act('publish', [], q.publishQuestion)
};
