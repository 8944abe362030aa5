import type { LayoutServerLoad } from './$types';

/** Who is signed in, for the header: a name and where they can go, nothing more. */
export const load: LayoutServerLoad = ({ locals }) => {
  const actor = locals.actor;
  return { viewer: actor?.kind === 'user' ? { name: actor.name, isAdmin: actor.isAdmin } : null };
};
