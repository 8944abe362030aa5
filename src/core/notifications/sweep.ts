import { and, inArray, isNotNull, isNull } from 'drizzle-orm';
import type { Actor } from '../access/actor.ts';
import { requireAccess } from '../access/require-access.ts';
import type { WorkflowContext } from '../audit/write.ts';
import { questions } from '../db/schema.ts';
import { clockState } from '../questions/clock.ts';
import { londonDay, workingDaysBetween } from '../questions/working-days.ts';
import { panelRef } from './events.ts';
import { dueSoon, overdue } from './messages.ts';
import { enqueue, panelOfficers, person, type Message } from './outbox.ts';

/** A question waiting for its answer is "due soon" from this many working days before its due date. */
export const dueSoonWorkingDays = 3;

export interface SweepResult {
  /** Questions waiting for an answer that were looked at. */
  waiting: number;
  /** Notices written now (a notice already written for the same question and due date is not). */
  dueSoon: number;
  overdue: number;
}

/**
 * Writes the due-soon and overdue notices of every question waiting for its answer (sent or
 * acknowledged, clock not paused), by the working-day clock of today in London. Idempotent: each
 * notice has a key of question, due date and recipient, so running it again writes nothing new,
 * and several app servers may run it at once; a due date moved by an extension or a clarification
 * is a new due date, and may be noticed again.
 */
export async function sweepDueDates(ctx: WorkflowContext, actor: Actor): Promise<SweepResult> {
  requireAccess(actor, 'notification.send');
  const now = ctx.clock.now();
  const today = londonDay(now);
  return ctx.db.db.transaction(async (tx) => {
    const waiting = await tx
      .select()
      .from(questions)
      .where(and(inArray(questions.status, ['sent', 'acknowledged']), isNull(questions.pausedOn), isNotNull(questions.dueOn), isNotNull(questions.addresseeId)));
    const result: SweepResult = { waiting: waiting.length, dueSoon: 0, overdue: 0 };
    for (const q of waiting) {
      const addressee = await person(tx, q.addresseeId);
      if (!addressee) continue;
      const panel = await panelRef(tx, q.panelId);
      const state = clockState(q, today);
      if (state === 'overdue' || state === 'very-overdue') {
        const notices: Message[] = [overdue(panel, q, addressee, true), ...(await panelOfficers(tx, q.panelId)).map((o) => overdue(panel, q, o, false))];
        result.overdue += await enqueue(tx, now, notices);
      } else {
        const left = workingDaysBetween(today, q.dueOn!);
        if (left <= dueSoonWorkingDays) result.dueSoon += await enqueue(tx, now, [dueSoon(panel, q, addressee, left)]);
      }
    }
    return result;
  });
}
