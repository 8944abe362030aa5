import { can } from '$core/access/require-access.ts';
import { panelRoles } from '$core/db/schema.ts';
import { boroughByCode } from '$core/panels/boroughs.ts';
import { inviteToPanel, listInvitations, revokeInvitation, roleNames } from '$core/panels/invitations.ts';
import { openWorkspace, panelIdBySlug } from '$core/panels/panels.ts';
import { authContext } from '$lib/server/auth.ts';
import { mailConfigured } from '$lib/server/context.ts';
import { formFailure, textFields } from '$lib/server/forms.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
  const ctx = await authContext();
  const ws = await openWorkspace(ctx, locals.actor, params.panel);
  const invitations = ws.canInvite ? await listInvitations(ctx, locals.actor, ws.panel.id) : null;
  return {
    panel: { name: ws.panel.name, slug: ws.panel.slug, borough: boroughByCode(ws.panel.boroughCode)?.name ?? ws.panel.boroughCode },
    role: ws.role ? roleNames[ws.role] : null,
    members: ws.members?.map((m) => ({ id: m.id, name: m.name, email: m.email, role: roleNames[m.role], self: locals.actor.kind === 'user' && locals.actor.id === m.userId })) ?? null,
    mayManage: ws.canManage,
    // After /w/<panel>/members/<id> took someone off the panel.
    removed: url.searchParams.has('removed'),
    invitations: invitations?.map((i) => ({ id: i.id, email: i.email, role: roleNames[i.role], expiresAt: i.expiresAt.toISOString() })) ?? null,
    roles: ws.canInvite ? panelRoles.map((r) => ({ value: r, label: roleNames[r] })) : null,
    mayExtract: can(locals.actor, 'source.extract', { panelId: ws.panel.id })
  };
};

export const actions: Actions = {
  invite: async ({ request, locals, params, url }) => {
    const values = textFields(await request.formData(), ['email', 'role']);
    try {
      const ctx = await authContext();
      const sendEmail = await mailConfigured();
      const issued = await inviteToPanel(ctx, locals.actor, { panelId: await panelIdBySlug(ctx, params.panel), email: values.email, role: values.role as 'member', sendEmail });
      return { issued: { email: issued.invitation.email, role: roleNames[issued.invitation.role], link: new URL(issued.path, url.origin).toString(), emailed: sendEmail } };
    } catch (err) {
      return formFailure(err, values);
    }
  },

  revoke: async ({ request, locals, params }) => {
    const values = textFields(await request.formData(), ['invitationId']);
    try {
      const ctx = await authContext();
      await revokeInvitation(ctx, locals.actor, { panelId: await panelIdBySlug(ctx, params.panel), invitationId: Number(values.invitationId) });
      return { revoked: true };
    } catch (err) {
      return formFailure(err, values);
    }
  }
};
