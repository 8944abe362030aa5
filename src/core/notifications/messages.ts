import { dayName } from '../dashboard/wording.ts';
import type { Question } from '../db/schema.ts';
import type { Message, Recipient } from './outbox.ts';

/**
 * The words of each notification, as plain text. Pure functions: the events (events.ts) and the
 * sweep (sweep.ts) choose who gets what; these say it.
 */
export interface PanelRef {
  id: number;
  name: string;
  slug: string;
}

type Q = Pick<Question, 'id' | 'title' | 'body' | 'dueOn' | 'allowedWorkingDays' | 'answeredOn' | 'answer'>;

/** '2025-06-30' → 'Monday 30 June 2025'. */
const longDay = (day: string | null) => (day ? dayName(day) : '(no date)');

const hello = (r: Recipient) => `Hello ${r.name},`;
const policePath = (q: Q) => `/police/${q.id}`;
const panelPath = (panel: PanelRef, q: Q) => `/w/${panel.slug}/questions/${q.id}`;

export function questionSent(panel: PanelRef, q: Q, to: Recipient): Message {
  return {
    kind: 'question-sent',
    to,
    panelId: panel.id,
    questionId: q.id,
    subject: `Question from ${panel.name}: ${q.title}`,
    body: [
      hello(to),
      `${panel.name} has sent you a question, "${q.title}":`,
      indent(q.body),
      `Please answer by ${longDay(q.dueOn)} (${q.allowedWorkingDays} working days, bank holidays excluded). You can acknowledge it, ask for clarification (which pauses the clock) or answer it in your inbox.`
    ].join('\n\n'),
    path: policePath(q),
    dedupeKey: `question-sent:${q.id}:${to.id}`
  };
}

export function answerReceived(panel: PanelRef, q: Q, to: Recipient): Message {
  const onTime = q.answeredOn && q.dueOn && q.answeredOn <= q.dueOn;
  return {
    kind: 'answer-received',
    to,
    panelId: panel.id,
    questionId: q.id,
    subject: `Answer received: ${q.title}`,
    body: [
      hello(to),
      `The police have answered "${q.title}" on ${longDay(q.answeredOn)}, ${onTime ? 'on time' : `late (it was due on ${longDay(q.dueOn)})`}:`,
      indent(q.answer ?? ''),
      `The panel can now assess the answer: satisfactory, partly or unsatisfactory.`
    ].join('\n\n'),
    path: panelPath(panel, q)
  };
}

export function dueSoon(panel: PanelRef, q: Q, to: Recipient, workingDaysLeft: number): Message {
  const when = workingDaysLeft === 0 ? 'today' : `in ${workingDaysLeft} working day${workingDaysLeft === 1 ? '' : 's'}`;
  return {
    kind: 'due-soon',
    to,
    panelId: panel.id,
    questionId: q.id,
    subject: `Due ${longDay(q.dueOn)}: ${q.title}`,
    body: [hello(to), `The answer to ${panel.name}'s question "${q.title}" is due ${when}, on ${longDay(q.dueOn)}.`].join('\n\n'),
    path: policePath(q),
    dedupeKey: `due-soon:${q.id}:${q.dueOn}:${to.id}`
  };
}

export function overdue(panel: PanelRef, q: Q, to: Recipient, asAddressee: boolean): Message {
  const text = asAddressee
    ? `The answer to ${panel.name}'s question "${q.title}" was due on ${longDay(q.dueOn)} and is now overdue. If you need more time, ask the panel's clerk for an extension.`
    : `The police have not answered "${q.title}", which was due on ${longDay(q.dueOn)}: it is now overdue. It will be listed under matters arising, and the panel may agree an extension or escalate it.`;
  return {
    kind: 'overdue',
    to,
    panelId: panel.id,
    questionId: q.id,
    subject: `Overdue: ${q.title}`,
    body: [hello(to), text].join('\n\n'),
    path: asAddressee ? policePath(q) : panelPath(panel, q),
    dedupeKey: `overdue:${q.id}:${q.dueOn}:${to.id}`
  };
}

export function invitation(to: { email: string }, roleName: string, panelName: string | null, token: string, expiresAt: Date, panelId: number | null): Message {
  const what = panelName ? `${roleName} of ${panelName}` : roleName;
  return {
    kind: 'invitation',
    to: { id: null, email: to.email },
    panelId,
    subject: `You are invited to Scrutineer as ${what}`,
    body: [
      'Hello,',
      `You have been invited to Scrutineer as ${what}. Open the link below to accept: it works once, until ${expiresAt.toLocaleString('en-GB', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/London' })}.`,
      'If you did not expect this, ignore this email.'
    ].join('\n\n'),
    path: `/auth/invitation/${token}`
  };
}

export function passwordReset(to: Recipient, token: string, validMinutes: number): Message {
  return {
    kind: 'password-reset',
    to,
    subject: 'Reset your Scrutineer password',
    body: [
      hello(to),
      `Someone (we hope you) asked to reset the password of your Scrutineer account. Open the link below to choose a new one: it works once, for ${validMinutes} minutes. Choosing a new password signs you out everywhere.`,
      'If you did not ask for this, ignore this email: your password stays as it is.'
    ].join('\n\n'),
    path: `/auth/reset/${token}`
  };
}

/** The full text as sent: the body, the link on ORIGIN, and a signature. */
export function mailText(n: { body: string; path: string | null }, origin: string, link: 'show' | 'withheld' | 'removed' = 'show'): string {
  const lines = [n.body];
  if (link === 'show' && n.path) lines.push(`Open it: ${new URL(n.path, origin).toString()}`);
  if (link === 'withheld') lines.push('Open it: (the link is withheld here: it is a secret for the recipient)');
  if (link === 'removed') lines.push('Open it: (the link was removed once the message was sent)');
  lines.push(`-- \nScrutineer, ${new URL(origin).origin}`);
  return lines.join('\n\n') + '\n';
}

const indent = (text: string) =>
  text
    .split('\n')
    .map((l) => `    ${l}`)
    .join('\n');
