import { redirect } from '@sveltejs/kit';
import { signIn, TooManyAttempts } from '$core/panels/sign-in.ts';
import { applyCookies, authContext } from '$lib/server/auth.ts';
import { formFailure, textFields } from '$lib/server/forms.ts';
import { safeNext } from '$lib/server/guard.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
  const next = safeNext(url.searchParams.get('next'));
  if (locals.actor.kind === 'user') redirect(303, next);
  return { next, signedOut: url.searchParams.has('signed-out'), reset: url.searchParams.has('reset') };
};

export const actions: Actions = {
  default: async ({ request, cookies, locals, getClientAddress }) => {
    const form = await request.formData();
    const values = textFields(form, ['email', 'next']);
    try {
      const { setCookies } = await signIn(await authContext(), locals.actor, {
        email: values.email,
        password: typeof form.get('password') === 'string' ? (form.get('password') as string) : '',
        clientAddress: getClientAddress(),
        userAgent: request.headers.get('user-agent') ?? undefined
      });
      applyCookies(cookies, setCookies);
    } catch (err) {
      return formFailure(err, values, err instanceof TooManyAttempts ? 429 : undefined);
    }
    redirect(303, safeNext(values.next));
  }
};
