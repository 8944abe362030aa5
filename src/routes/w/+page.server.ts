import { redirect } from '@sveltejs/kit';
import { myPanels } from '$core/panels/panels.ts';
import { roleNames } from '$core/panels/invitations.ts';
import { authContext } from '$lib/server/auth.ts';
import type { PageServerLoad } from './$types';

/** The panels one belongs to; with exactly one, straight to it. */
export const load: PageServerLoad = async ({ locals }) => {
  const mine = await myPanels(await authContext(), locals.actor);
  if (mine.length === 1) redirect(303, `/w/${mine[0].panel.slug}`);
  return {
    panels: mine.map((m) => ({ name: m.panel.name, slug: m.panel.slug, role: roleNames[m.role] })),
    isAdmin: locals.actor.kind === 'user' && locals.actor.isAdmin
  };
};
