import { createAction, listActions, possibleOwners } from '$core/actions/actions.ts';
import { panelBySlug } from '$core/panels/panels.ts';
import { listQuestions } from '$core/questions/questions.ts';
import { actionFromForm } from '$lib/server/action-form.ts';
import { authContext } from '$lib/server/auth.ts';
import { formFailure } from '$lib/server/forms.ts';
import type { Actions, PageServerLoad } from './$types';
import { can } from '$core/access/require-access.ts';

export const load: PageServerLoad = async ({ locals, params }) => {
  const ctx = await authContext();
  const panel = await panelBySlug(ctx, locals.actor, params.panel);
  const mayCreate = can(locals.actor, 'action.create', { panelId: panel.id });
  return {
    panel: { name: panel.name, slug: panel.slug },
    actions: (await listActions(ctx, locals.actor, panel.id)).map((a) => ({
      id: a.id,
      title: a.title,
      ownerName: a.ownerName,
      dueOn: a.dueOn,
      rag: a.rag,
      doneOn: a.doneOn,
      overdue: a.overdue,
      questionId: a.questionId,
      questionTitle: a.questionTitle,
      finding: a.finding
    })),
    owners: mayCreate ? await possibleOwners(ctx, locals.actor, panel.id) : null,
    questions: mayCreate ? (await listQuestions(ctx, locals.actor, panel.id)).map((q) => ({ id: q.id, title: q.title })) : []
  };
};

export const actions: Actions = {
  create: async ({ request, locals, params }) => {
    const { values, input } = actionFromForm(await request.formData());
    try {
      const ctx = await authContext();
      const panel = await panelBySlug(ctx, locals.actor, params.panel);
      const item = await createAction(ctx, locals.actor, { panelId: panel.id, ...input });
      return { created: item.title };
    } catch (err) {
      return formFailure(err, values);
    }
  }
};
