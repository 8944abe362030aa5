import { listOutbox } from '$core/notifications/mailbox.ts';
import { authContext } from '$lib/server/auth.ts';
import { serverContext } from '$lib/server/context.ts';
import type { PageServerLoad } from './$types';

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
