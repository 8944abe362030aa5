import { and, asc, eq, inArray, lt, lte, or, sql } from 'drizzle-orm';
import type { Actor } from '../access/actor.ts';
import { requireAccess } from '../access/require-access.ts';
import type { WorkflowContext } from '../audit/write.ts';
import type { Log } from '../context.ts';
import { notifications, type Notification } from '../db/schema.ts';
import { mailText } from './messages.ts';
import { secretKinds } from './outbox.ts';
import type { Mailer } from './transport.ts';

/** Tries per message before it is marked failed (about two hours of retrying with the backoff below). */
export const maxAttempts = 8;
/** A message claimed ('sending') this long ago by a deliverer that never finished (it crashed) is taken over. */
export const staleClaimMs = 10 * 60_000;
const batchSize = 20;

/** Wait before the next try after `attempts` failed ones: 1, 2, 4 … minutes, at most 6 hours. */
export const retryDelayMs = (attempts: number) => Math.min(60_000 * 2 ** Math.max(0, attempts - 1), 6 * 3_600_000);

export interface DeliveryOptions {
  mailer: Mailer;
  /** ORIGIN: links in messages point here. */
  origin: string;
  from: string;
  log?: Log;
}

export interface DeliveryResult {
  sent: number;
  /** Failed this time, to be tried again later. */
  retrying: number;
  /** Failed for the last time: given up. */
  failed: number;
}

/**
 * Sends what is due in the outbox. Each batch is claimed in its own short transaction with
 * FOR UPDATE SKIP LOCKED (so several app servers never send the same message), marked 'sending',
 * then sent outside any transaction; each message is then marked sent, or rescheduled with its
 * error, or marked failed after `maxAttempts` tries.
 */
export async function deliverOutbox(ctx: WorkflowContext, actor: Actor, opts: DeliveryOptions): Promise<DeliveryResult> {
  requireAccess(actor, 'notification.send');
  const result: DeliveryResult = { sent: 0, retrying: 0, failed: 0 };
  for (;;) {
    const batch = await claim(ctx);
    for (const n of batch) result[await deliverOne(ctx, n, opts)]++;
    if (batch.length < batchSize) return result;
  }
}

async function claim(ctx: WorkflowContext): Promise<Notification[]> {
  const now = ctx.clock.now();
  return ctx.db.db.transaction(async (tx) => {
    const due = await tx
      .select({ id: notifications.id })
      .from(notifications)
      .where(
        or(
          and(eq(notifications.state, 'pending'), lte(notifications.nextAttemptAt, now)),
          and(eq(notifications.state, 'sending'), lt(notifications.claimedAt, new Date(now.getTime() - staleClaimMs)))
        )
      )
      .orderBy(asc(notifications.id))
      .limit(batchSize)
      .for('update', { skipLocked: true });
    if (due.length === 0) return [];
    return tx
      .update(notifications)
      .set({ state: 'sending', claimedAt: now, attempts: sql`${notifications.attempts} + 1` })
      .where(inArray(notifications.id, due.map((d) => d.id)))
      .returning();
  });
}

async function deliverOne(ctx: WorkflowContext, n: Notification, opts: DeliveryOptions): Promise<keyof DeliveryResult> {
  const mine = and(eq(notifications.id, n.id), eq(notifications.state, 'sending'));
  try {
    await opts.mailer.send({ from: opts.from, to: n.toAddress, subject: n.subject, text: mailText(n, opts.origin) });
  } catch (err) {
    const error = errorText(err);
    const now = ctx.clock.now();
    if (n.attempts >= maxAttempts) {
      await ctx.db.db.update(notifications).set({ state: 'failed', lastError: error, claimedAt: null }).where(mine);
      opts.log?.error('A notification could not be sent and has been given up', { id: n.id, kind: n.kind, attempts: n.attempts, error });
      return 'failed';
    }
    await ctx.db.db
      .update(notifications)
      .set({ state: 'pending', lastError: error, claimedAt: null, nextAttemptAt: new Date(now.getTime() + retryDelayMs(n.attempts)) })
      .where(mine);
    opts.log?.warn('A notification could not be sent; it will be tried again', { id: n.id, attempts: n.attempts, error });
    return 'retrying';
  }
  // A link that carries a secret (an invitation, a password reset) is not kept once it has gone.
  await ctx.db.db
    .update(notifications)
    .set({ state: 'sent', sentAt: ctx.clock.now(), lastError: null, claimedAt: null, ...(secretKinds.has(n.kind) ? { path: null } : {}) })
    .where(mine);
  return 'sent';
}

const errorText = (err: unknown) => (err instanceof Error ? err.message : String(err)).slice(0, 1000);
