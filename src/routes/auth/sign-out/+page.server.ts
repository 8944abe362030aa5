import { redirect } from '@sveltejs/kit';
import { signOut } from '$core/panels/sign-in.ts';
import { applyCookies, authContext } from '$lib/server/auth.ts';
import type { Actions } from './$types';

export const actions: Actions = {
  default: async ({ request, cookies, locals }) => {
    applyCookies(cookies, await signOut(await authContext(), locals.actor, request.headers));
    redirect(303, '/auth/sign-in?signed-out');
  }
};
