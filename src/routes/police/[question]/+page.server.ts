import { idFromAddress } from '$lib/server/address.ts';
import type { Actor } from '$core/access/actor.ts';
import type { WorkflowContext } from '$core/audit/write.ts';
import { acknowledgeQuestion, answerQuestion, getQuestion, requestClarification } from '$core/questions/questions.ts';
import { authContext } from '$lib/server/auth.ts';
import { formFailure, textFields } from '$lib/server/forms.ts';
import { eventForPage, questionForPage } from '$lib/server/question-page.ts';
import type { RequestEvent } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';


/** Only the questions addressed to the signed-in respondent: any other is "not found" (the use case checks). */
export const load: PageServerLoad = async ({ locals, params }) => {
  const question = await getQuestion(await authContext(), locals.actor, { questionId: idFromAddress(params.question) });
  return { question: questionForPage(question), events: question.events.map(eventForPage) };
};

type Use = (ctx: WorkflowContext, actor: Actor, input: Record<string, unknown> & { questionId: number }) => Promise<unknown>;

function act(form: string, fields: string[], use: Use) {
  return async ({ request, locals, params }: RequestEvent<{ question: string }>) => {
    const values = textFields(await request.formData(), fields);
    try {
      await use(await authContext(), locals.actor, { ...values, questionId: idFromAddress(params.question) });
      return { done: form };
    } catch (err) {
      return formFailure(err, { ...values, form });
    }
  };
}

export const actions: Actions = {
  acknowledge: act('acknowledge', [], acknowledgeQuestion),
  clarification: act('clarification', ['request'], requestClarification),
  answer: act('answer', ['answer'], answerQuestion)
};
