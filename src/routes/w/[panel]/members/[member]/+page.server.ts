import { redirect } from '@sveltejs/kit';
import { boroughByCode } from '$core/panels/boroughs.ts';
import { roleNames } from '$core/panels/invitations.ts';
import { changeRole, getMember, removeMember } from '$core/panels/members.ts';
import { panelBySlug, panelIdBySlug } from '$core/panels/panels.ts';
import { londonDay } from '$core/questions/working-days.ts';
import { idFromAddress } from '$lib/server/address.ts';
import { authContext } from '$lib/server/auth.ts';
import { formFailure, textFields } from '$lib/server/forms.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
  const ctx = await authContext();
  const panel = await panelBySlug(ctx, locals.actor, params.panel);
  const m = await getMember(ctx, locals.actor, { panelId: panel.id, memberId: idFromAddress(params.member) });
  return {
    panel: { name: panel.name, slug: panel.slug },
    member: { name: m.name, email: m.email, role: m.role, roleName: roleNames[m.role], since: londonDay(m.since), waiting: m.waiting, samples: m.samples.map((x) => ({ id: x.id, area: boroughByCode(x.areaCode)?.name ?? x.areaCode, month: x.month })), successors: m.successors },
    roles: m.roles.map((r) => ({ value: r, label: roleNames[r] }))
  };
};

export const actions: Actions = {
  role: async ({ request, locals, params }) => {
    const values = textFields(await request.formData(), ['role']);
    try {
      const ctx = await authContext();
      await changeRole(ctx, locals.actor, { panelId: await panelIdBySlug(ctx, params.panel), memberId: idFromAddress(params.member), role: values.role });
      return { changed: roleNames[values.role as 'member'] };
    } catch (err) {
      return formFailure(err, { ...values, form: 'role' });
    }
  },

  remove: async ({ request, locals, params }) => {
    const values = textFields(await request.formData(), ['successorId']);
    try {
      const ctx = await authContext();
      await removeMember(ctx, locals.actor, { panelId: await panelIdBySlug(ctx, params.panel), memberId: idFromAddress(params.member), successorId: values.successorId || undefined });
    } catch (err) {
      return formFailure(err, { ...values, form: 'remove' });
    }
    redirect(303, `/w/${params.panel}?removed#members`);
  }
};
