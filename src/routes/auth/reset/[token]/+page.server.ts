import { redirect } from '@sveltejs/kit';
import { describeReset, resetPassword } from '$core/panels/password-reset.ts';
import { authContext } from '$lib/server/auth.ts';
import { formFailure } from '$lib/server/forms.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
  return { email: (await describeReset(await authContext(), locals.actor, params.token)).email };
};

const text = (form: FormData, name: string) => (typeof form.get(name) === 'string' ? (form.get(name) as string) : '');

export const actions: Actions = {
  default: async ({ request, locals, params }) => {
    const form = await request.formData();
    try {
      await resetPassword(await authContext(), locals.actor, { token: params.token, password: text(form, 'password'), confirm: text(form, 'confirm') });
    } catch (err) {
      return formFailure(err, {}); // never send a password back
    }
    redirect(303, '/auth/sign-in?reset');
  }
};
