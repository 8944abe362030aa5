import { count, eq } from 'drizzle-orm';
import type { Actor } from '../access/actor.ts';
import type { WorkflowContext } from '../audit/write.ts';
import type { AppConfig } from '../config.ts';
import type { Log } from '../context.ts';
import { notifications } from '../db/schema.ts';
import { deliverOutbox, type DeliveryResult } from './deliver.ts';
import { sweepDueDates, type SweepResult } from './sweep.ts';
import { smtpMailer, type Mailer } from './transport.ts';

export interface NotifyResult {
  sweep: SweepResult;
  /** null when no SMTP server is configured: nothing was sent. */
  delivery: DeliveryResult | null;
  /** Messages still waiting in the outbox afterwards (all of them, without SMTP). */
  pending: number;
}

export interface NotifyOptions {
  config: Pick<AppConfig, 'origin' | 'mail'>;
  log?: Log;
  /** Overrides the SMTP mailer made from the config (tests). */
  mailer?: Mailer;
}

/** One round: the due-date sweep, then delivery of the outbox when SMTP is configured. */
export async function runNotifications(ctx: WorkflowContext, actor: Actor, opts: NotifyOptions): Promise<NotifyResult> {
  const sweep = await sweepDueDates(ctx, actor);
  const mailer = opts.mailer ?? (opts.config.mail.smtpUrl ? smtpMailer(opts.config.mail.smtpUrl) : null);
  let delivery: DeliveryResult | null = null;
  try {
    if (mailer) delivery = await deliverOutbox(ctx, actor, { mailer, origin: opts.config.origin, from: opts.config.mail.from, log: opts.log });
  } finally {
    if (!opts.mailer) mailer?.close();
  }
  const [{ n }] = await ctx.db.db.select({ n: count() }).from(notifications).where(eq(notifications.state, 'pending'));
  return { sweep, delivery, pending: n };
}

export interface Notifier {
  /** Waits for a round in progress, then stops. */
  stop(): Promise<void>;
}

/**
 * Runs a round every `intervalMs` while the server serves (the first shortly after start). Rounds
 * never overlap; a failed round is logged and the next one tries again.
 */
export function startNotifier(ctx: WorkflowContext, actor: Actor, opts: NotifyOptions & { intervalMs: number; firstAfterMs?: number }): Notifier {
  let running: Promise<void> | null = null;
  let stopped = false;
  const round = () => {
    if (running || stopped) return;
    running = runNotifications(ctx, actor, opts)
      .then((r) => {
        if (r.sweep.dueSoon || r.sweep.overdue || r.delivery?.sent || r.delivery?.failed) opts.log?.info('Notifications', { ...r.sweep, ...r.delivery, pending: r.pending });
      })
      .catch((err) => opts.log?.error('A notification round failed', { error: String((err as Error)?.stack ?? err) }))
      .finally(() => (running = null));
  };
  const first = setTimeout(round, opts.firstAfterMs ?? 5_000);
  const timer = setInterval(round, opts.intervalMs);
  first.unref();
  timer.unref();
  return {
    async stop() {
      stopped = true;
      clearTimeout(first);
      clearInterval(timer);
      await running;
    }
  };
}
