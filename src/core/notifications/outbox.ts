import { and, eq, inArray } from 'drizzle-orm';
import type { Tx } from '../audit/append.ts';
import { notifications, panelMembers, users, type NewNotification, type NotificationKind } from '../db/schema.ts';

/** One message for the outbox, before it is written. */
export interface Message {
  kind: NotificationKind;
  to: { id: string | null; email: string };
  subject: string;
  /** Plain text; the link (path on ORIGIN) is added below it when the message is sent. */
  body: string;
  path: string | null;
  panelId?: number | null;
  questionId?: number | null;
  /** Set for notices that must never repeat (the due-date sweep): a second one is silently dropped. */
  dedupeKey?: string;
}

/** Kinds whose link carries a secret: it is removed once sent, and withheld from the mail view when SMTP is on. */
export const secretKinds: ReadonlySet<NotificationKind> = new Set(['invitation', 'password-reset']);

/**
 * Writes messages to the outbox, inside the caller's transaction, so that a notice exists exactly
 * when the change it tells of does. Returns how many were written (a repeated dedupe key is not).
 */
export async function enqueue(tx: Tx, now: Date, messages: Message[]): Promise<number> {
  if (messages.length === 0) return 0;
  const rows: NewNotification[] = messages.map((m) => ({
    kind: m.kind,
    recipientId: m.to.id,
    toAddress: m.to.email,
    subject: oneLine(m.subject),
    body: m.body,
    path: m.path,
    panelId: m.panelId ?? null,
    questionId: m.questionId ?? null,
    dedupeKey: m.dedupeKey ?? null,
    nextAttemptAt: now,
    createdAt: now
  }));
  const written = await tx.insert(notifications).values(rows).onConflictDoNothing({ target: notifications.dedupeKey }).returning({ id: notifications.id });
  return written.length;
}

/** A subject is one line (no header folding games with a title typed over several lines), at most 200 characters. */
function oneLine(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 200 ? flat.slice(0, 199) + '…' : flat;
}

export interface Recipient {
  id: string;
  email: string;
  name: string;
}

/** The clerks and chair of a panel: who hears of answers and overdue questions. */
export function panelOfficers(tx: Tx, panelId: number): Promise<Recipient[]> {
  return tx
    .select({ id: users.id, email: users.email, name: users.name })
    .from(panelMembers)
    .innerJoin(users, eq(users.id, panelMembers.userId))
    .where(and(eq(panelMembers.panelId, panelId), inArray(panelMembers.role, ['clerk', 'chair'])))
    .orderBy(users.email);
}

export async function person(tx: Tx, userId: string | null): Promise<Recipient | null> {
  if (!userId) return null;
  const [u] = await tx.select({ id: users.id, email: users.email, name: users.name }).from(users).where(eq(users.id, userId));
  return u ?? null;
}
