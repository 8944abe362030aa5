import { idFromAddress } from '$lib/server/address.ts';
import { can } from '$core/access/require-access.ts';
import { editAction, getAction, possibleOwners } from '$core/actions/actions.ts';
import { panelBySlug } from '$core/panels/panels.ts';
import { listQuestions } from '$core/questions/questions.ts';
import { actionFromForm } from '$lib/server/action-form.ts';
import { authContext } from '$lib/server/auth.ts';
import { formFailure } from '$lib/server/forms.ts';
import type { Actions, PageServerLoad } from './$types';


export const load: PageServerLoad = async ({ locals, params }) => {
  const ctx = await authContext();
  const panel = await panelBySlug(ctx, locals.actor, params.panel);
  const a = await getAction(ctx, locals.actor, { panelId: panel.id, actionId: idFromAddress(params.action) });
  const mayEdit = can(locals.actor, 'action.edit', { panelId: panel.id });
  return {
    panel: { name: panel.name, slug: panel.slug },
    action: { id: a.id, title: a.title, ownerName: a.ownerName, dueOn: a.dueOn, rag: a.rag, doneOn: a.doneOn, overdue: a.overdue, notes: a.notes, questionTitle: a.questionTitle },
    values: {
      title: a.title,
      ownerId: a.ownerId ?? '',
      dueOn: a.dueOn,
      rag: a.rag,
      notes: a.notes,
      done: a.doneOn ? 'on' : '',
      questionId: a.questionId ? String(a.questionId) : '',
      metric: a.finding?.metric ?? '',
      area: a.finding?.area ?? '',
      period: a.finding?.period ?? '',
      value: a.finding?.value ?? ''
    },
    owners: mayEdit ? (await possibleOwners(ctx, locals.actor, panel.id, { id: a.ownerId, name: a.ownerName })).map((o) => ({ id: o.id, name: o.former ? `${o.name} (no longer on the panel)` : o.name })) : null,
    questions: mayEdit ? (await listQuestions(ctx, locals.actor, panel.id)).map((q) => ({ id: q.id, title: q.title })) : []
  };
};

export const actions: Actions = {
  edit: async ({ request, locals, params }) => {
    const { values, input } = actionFromForm(await request.formData());
    try {
      const ctx = await authContext();
      const panel = await panelBySlug(ctx, locals.actor, params.panel);
      await editAction(ctx, locals.actor, { panelId: panel.id, actionId: idFromAddress(params.action), ...input });
      return { saved: true };
    } catch (err) {
      return formFailure(err, values);
    }
  }
};
