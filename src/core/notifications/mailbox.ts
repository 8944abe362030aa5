import { desc } from 'drizzle-orm';
import type { Actor } from '../access/actor.ts';
import { requireAccess } from '../access/require-access.ts';
import type { WorkflowContext } from '../audit/write.ts';
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
