import { redirect } from '@sveltejs/kit';
import { acceptAsSignedIn, acceptWithNewAccount, describeInvitation } from '$core/panels/invitations.ts';
import { signIn } from '$core/panels/sign-in.ts';
import { applyCookies, authContext } from '$lib/server/auth.ts';
import { formFailure, textFields } from '$lib/server/forms.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
  const invitation = await describeInvitation(await authContext(), locals.actor, params.token);
  const signedInAs = locals.actor.kind === 'user' ? locals.actor.email : null;
  return { invitation, signedInAs };
};

export const actions: Actions = {
  /** A new account: name and password, then signed in straight away. */
  create: async ({ request, params, cookies, locals, getClientAddress }) => {
    const form = await request.formData();
    const values = textFields(form, ['name']);
    const password = typeof form.get('password') === 'string' ? (form.get('password') as string) : '';
    const ctx = await authContext();
    let next: string;
    try {
      const accepted = await acceptWithNewAccount(ctx, locals.actor, { token: params.token, name: values.name, password, confirm: (form.get('confirm') as string) ?? '' });
      const { setCookies } = await signIn(ctx, locals.actor, { email: accepted.email, password, clientAddress: getClientAddress(), userAgent: request.headers.get('user-agent') ?? undefined });
      applyCookies(cookies, setCookies);
      next = accepted.next;
    } catch (err) {
      return formFailure(err, values);
    }
    redirect(303, next);
  },

  /** An existing account, signed in as the invited email. */
  join: async ({ params, locals }) => {
    let next: string;
    try {
      next = (await acceptAsSignedIn(await authContext(), locals.actor, params.token)).next;
    } catch (err) {
      return formFailure(err, {});
    }
    redirect(303, next);
  }
};
