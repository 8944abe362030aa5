import { and, desc, eq } from 'drizzle-orm';
import type { Actor } from '../access/actor.ts';
import { requireAccess } from '../access/require-access.ts';
import { write, type WorkflowContext } from '../audit/write.ts';
import { NotFound } from '../errors.ts';
import { notifications, type NotificationKind, type NotificationState } from '../db/schema.ts';
import { mailText } from './messages.ts';
import { secretKinds } from './outbox.ts';

export interface OutboxMessage {
  id: number;
  kind: NotificationKind;
  to: string;
  subject: string;
  /** The text as it is (or was) sent. */
  text: string;
  state: NotificationState;
  attempts: number;
  lastError: string | null;
  createdAt: Date;
  sentAt: Date | null;
  nextAttemptAt: Date;
}

/**
 * The outbox, newest first, for installation admins (/admin/mail): without SMTP it is where mail
 * can be read (the development mail view). With SMTP on, links that carry a secret (invitation,
 * password reset) are withheld, so an admin cannot use someone else's.
 */
export async function listOutbox(ctx: WorkflowContext, actor: Actor, opts: { origin: string; smtp: boolean; limit?: number }): Promise<OutboxMessage[]> {
  requireAccess(actor, 'mail.view');
  const rows = await ctx.db.db.select().from(notifications).orderBy(desc(notifications.id)).limit(opts.limit ?? 200);
  return rows.map((n) => ({
    id: n.id,
    kind: n.kind,
    to: n.toAddress,
    subject: n.subject,
    text: mailText(n, opts.origin, !secretKinds.has(n.kind) ? 'show' : n.path === null ? 'removed' : opts.smtp ? 'withheld' : 'show'),
    state: n.state,
    attempts: n.attempts,
    lastError: n.lastError,
    createdAt: n.createdAt,
    sentAt: n.sentAt,
    nextAttemptAt: n.nextAttemptAt
  }));
}

/** Tries a message that was given up again (after the SMTP server is fixed, say), from its first try. */
export async function retryMessage(ctx: WorkflowContext, actor: Actor, raw: { id: number }): Promise<void> {
  requireAccess(actor, 'notification.send');
  await write(ctx, actor, async (tx, audit) => {
    const [n] = await tx
      .update(notifications)
      .set({ state: 'pending', attempts: 0, nextAttemptAt: ctx.clock.now() })
      .where(and(eq(notifications.id, raw.id), eq(notifications.state, 'failed')))
      .returning({ id: notifications.id, panelId: notifications.panelId });
    if (!n) throw new NotFound('That message has not been given up.');
    await audit({ action: 'notification.send', entity: { type: 'notification', id: n.id }, panelId: n.panelId, details: { retried: true } });
  });
}
