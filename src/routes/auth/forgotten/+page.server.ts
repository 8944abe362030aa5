import { requestPasswordReset, TooManyResetRequests } from '$core/panels/password-reset.ts';
import { authContext } from '$lib/server/auth.ts';
import { formFailure, textFields } from '$lib/server/forms.ts';
import type { Actions } from './$types';

export const actions: Actions = {
  default: async ({ request, locals, getClientAddress }) => {
    const values = textFields(await request.formData(), ['email']);
    try {
      await requestPasswordReset(await authContext(), locals.actor, { email: values.email, clientAddress: getClientAddress() });
    } catch (err) {
      return formFailure(err, values, err instanceof TooManyResetRequests ? 429 : undefined);
    }
    // The same answer whether or not there is an account for the address.
    return { requested: values.email.trim() };
  }
};
