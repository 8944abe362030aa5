import type { Actor } from '$core/access/actor.ts';
import { panelRoles } from '$core/db/schema.ts';
import { londonBoroughs } from '$core/panels/boroughs.ts';
import { inviteAdmin, inviteToPanel, roleNames, type IssuedInvitation } from '$core/panels/invitations.ts';
import { createPanel, listPanels } from '$core/panels/panels.ts';
import { authContext } from '$lib/server/auth.ts';
import { mailConfigured } from '$lib/server/context.ts';
import { formFailure, textFields } from '$lib/server/forms.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
  const panels = await listPanels(await authContext(), locals.actor);
  const taken = new Set(panels.map((p) => p.boroughCode));
  return {
    panels: panels.map((p) => ({ id: p.id, name: p.name, slug: p.slug, boroughCode: p.boroughCode, members: p.members })),
    freeBoroughs: londonBoroughs.filter((b) => !taken.has(b.code)),
    roles: panelRoles.map((r) => ({ value: r, label: roleNames[r] }))
  };
};

/** What the page shows after an invitation: the link, once (only its hash is kept). */
function issued(origin: string, i: IssuedInvitation, to: string, emailed: boolean) {
  return { issued: { email: i.invitation.email, to, link: new URL(i.path, origin).toString(), emailed } };
}

const panelName = async (actor: Actor, id: number) => (await listPanels(await authContext(), actor)).find((p) => p.id === id)?.name ?? 'the panel';

export const actions: Actions = {
  createPanel: async ({ request, locals }) => {
    const values = textFields(await request.formData(), ['boroughCode', 'name']);
    try {
      const panel = await createPanel(await authContext(), locals.actor, values);
      return { created: { name: panel.name } };
    } catch (err) {
      return formFailure(err, { ...values, form: 'createPanel' });
    }
  },

  invite: async ({ request, locals, url }) => {
    const values = textFields(await request.formData(), ['panelId', 'email', 'role']);
    try {
      const sendEmail = await mailConfigured();
      const invitation = await inviteToPanel(await authContext(), locals.actor, { panelId: Number(values.panelId), email: values.email, role: values.role as 'member', sendEmail });
      return issued(url.origin, invitation, `a ${roleNames[invitation.invitation.role]} of ${await panelName(locals.actor, invitation.invitation.panelId!)}`, sendEmail);
    } catch (err) {
      return formFailure(err, { ...values, form: 'invite' });
    }
  },

  inviteAdmin: async ({ request, locals, url }) => {
    const values = textFields(await request.formData(), ['email']);
    try {
      const sendEmail = await mailConfigured();
      return issued(url.origin, await inviteAdmin(await authContext(), locals.actor, { ...values, sendEmail }), 'an administrator of this installation', sendEmail);
    } catch (err) {
      return formFailure(err, { ...values, form: 'inviteAdmin' });
    }
  }
};
