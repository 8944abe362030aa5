import { redirect } from '@sveltejs/kit';
import { describeReset, resetPassword } from '$core/panels/password-reset.ts';
import { authContext } from '$lib/server/auth.ts';
import { formFailure, textFields } from '$lib/server/forms.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
  return { email: (await describeReset(await authContext(), locals.actor, params.token)).email };
};

export const actions: Actions = {
  default: async ({ request, locals, params }) => {
    const { password, confirm } = textFields(await request.formData(), ['password', 'confirm']);
    try {
      await resetPassword(await authContext(), locals.actor, { token: params.token, password, confirm });
    } catch (err) {
      return formFailure(err, {}); // never send a password back
    }
    redirect(303, '/auth/sign-in?reset');
  }
};
