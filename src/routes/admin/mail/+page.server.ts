import { listOutbox, retryMessage } from '$core/notifications/mailbox.ts';
import { authContext } from '$lib/server/auth.ts';
import { serverContext } from '$lib/server/context.ts';
import { formFailure, textFields } from '$lib/server/forms.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
  const { config } = await serverContext();
  const smtp = config.mail.smtpUrl !== null;
  const messages = await listOutbox(await authContext(), locals.actor, { origin: config.origin, smtp });
  return {
    smtp,
    from: config.mail.from,
    messages: messages.map((m) => ({
      ...m,
      createdAt: m.createdAt.toISOString(),
      sentAt: m.sentAt?.toISOString() ?? null,
      nextAttemptAt: m.nextAttemptAt.toISOString()
    }))
  };
};

export const actions: Actions = {
  retry: async ({ request, locals }) => {
    const values = textFields(await request.formData(), ['id']);
    try {
      await retryMessage(await authContext(), locals.actor, { id: Number(values.id) });
      return { retried: Number(values.id) };
    } catch (err) {
      return formFailure(err, values);
    }
  }
};
