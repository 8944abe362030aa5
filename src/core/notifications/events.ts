import { eq } from 'drizzle-orm';
import { actorId, type Actor } from '../access/actor.ts';
import type { Tx } from '../audit/append.ts';
import { panels, type Question } from '../db/schema.ts';
import { answerReceived, questionSent, type PanelRef } from './messages.ts';
import { enqueue, panelOfficers, person } from './outbox.ts';

/*
 * The notices a change to a question causes, written in its transaction (called by the use cases
 * in src/core/questions). Nobody is told of what they did themselves.
 */

/** The panel as the messages name and link it. */
export async function panelRef(tx: Tx, panelId: number): Promise<PanelRef> {
  const [p] = await tx.select({ id: panels.id, name: panels.name, slug: panels.slug }).from(panels).where(eq(panels.id, panelId));
  return p;
}

/** A question was sent: its police respondent is told. */
export async function notifyQuestionSent(tx: Tx, now: Date, q: Question): Promise<number> {
  const to = await person(tx, q.addresseeId);
  if (!to) return 0;
  return enqueue(tx, now, [questionSent(await panelRef(tx, q.panelId), q, to)]);
}

/** The police answered (or an officer recorded their answer): the panel's clerks and chair are told, less whoever recorded it. */
export async function notifyAnswerReceived(tx: Tx, now: Date, q: Question, actor: Actor): Promise<number> {
  const panel = await panelRef(tx, q.panelId);
  const officers = (await panelOfficers(tx, q.panelId)).filter((o) => o.id !== actorId(actor));
  return enqueue(tx, now, officers.map((o) => answerReceived(panel, q, o)));
}
