import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notifications, questions } from '../../src/core/db/schema.ts';
import { Forbidden, Invalid, NotFound } from '../../src/core/errors.ts';
import { listOutbox } from '../../src/core/notifications/mailbox.ts';
import { sweepDueDates } from '../../src/core/notifications/sweep.ts';
import { inviteToPanel } from '../../src/core/panels/invitations.ts';
import { answerQuestion, clarifyQuestion, draftQuestion, extendQuestion, requestClarification, sendQuestion } from '../../src/core/questions/questions.ts';
import { databaseTargets } from '../support/databases.ts';
import { fakeClock } from '../support/fake-clock.ts';
import { cast, openWorkspace, testOrigin, userId, type TestWorkspace } from '../support/workspace.ts';

/** 10:00 in London on a day of 2025 (British Summer Time: UTC+1). */
const at = (month: number, day: number) => fakeClock(Date.UTC(2025, month - 1, day, 9));

describe.each(databaseTargets())('notifications written with the change, and the due-date sweep, on $name', (target) => {
  let ws: TestWorkspace;
  let c: Awaited<ReturnType<typeof cast>>;
  let policeId: string;
  beforeAll(async () => {
    ws = await openWorkspace(target);
    c = await cast(ws);
    policeId = await userId(ws, 'police@example.org');
  });
  afterAll(async () => ws?.dispose());

  const draft = (title: string) => draftQuestion(ws, c.member, { panelId: c.hackney.id, title, body: 'Please explain the April figure.\nWith the grounds.' });
  /** Sent on Monday 2 June 2025: due 20 working days later, Monday 30 June. */
  const sent = async (title: string) => {
    ws.clock = at(6, 2);
    const q = await draft(title);
    return sendQuestion(ws, c.clerk, { panelId: c.hackney.id, questionId: q.id, addresseeId: policeId });
  };
  const mail = (questionId: number) =>
    ws.db.db
      .select({ kind: notifications.kind, to: notifications.toAddress, subject: notifications.subject, body: notifications.body, path: notifications.path, state: notifications.state })
      .from(notifications)
      .where(eq(notifications.questionId, questionId))
      .orderBy(asc(notifications.id));
  const sweep = async (month: number, day: number) => {
    ws.clock = at(month, day);
    return sweepDueDates(ws, ws.cli);
  };

  it('sending a question writes one notice, to the police respondent it is addressed to', async () => {
    ws.clock = at(6, 2);
    const q = await draft('Why the rise in searches?');
    expect(await mail(q.id)).toEqual([]);
    const refused = await sendQuestion(ws, c.clerk, { panelId: c.hackney.id, questionId: q.id, addresseeId: await userId(ws, 'member@example.org') }).catch((e) => e);
    expect(refused).toBeInstanceOf(Invalid);
    expect(await mail(q.id)).toEqual([]); // the refused send wrote nothing
    await sendQuestion(ws, c.clerk, { panelId: c.hackney.id, questionId: q.id, addresseeId: policeId });
    const [notice, ...more] = await mail(q.id);
    expect(more).toEqual([]);
    expect(notice).toMatchObject({ kind: 'question-sent', to: 'police@example.org', path: `/police/${q.id}`, state: 'pending' });
    expect(notice.subject).toBe('Question from Hackney Community Scrutiny Panel: Why the rise in searches?');
    expect(notice.body).toContain('Hello police,');
    expect(notice.body).toContain('    Please explain the April figure.\n    With the grounds.');
    expect(notice.body).toContain('Please answer by Monday 30 June 2025 (20 working days');
  });

  it('an answer tells the clerks and the chair, less whoever recorded it', async () => {
    const q = await sent('Answered by the police');
    await answerQuestion(ws, c.police, { questionId: q.id, answer: 'Because of an operation.' });
    const answered = (await mail(q.id)).filter((m) => m.kind === 'answer-received');
    expect(answered.map((m) => m.to)).toEqual(['chair@example.org', 'clerk@example.org']);
    expect(answered[0]).toMatchObject({ subject: 'Answer received: Answered by the police', path: `/w/hackney/questions/${q.id}` });
    expect(answered[0].body).toContain('on time');
    expect(answered[0].body).toContain('Because of an operation.');

    const byLetter = await sent('Answer recorded by the clerk');
    await answerQuestion(ws, c.clerk, { questionId: byLetter.id, answer: 'By letter.' });
    expect((await mail(byLetter.id)).filter((m) => m.kind === 'answer-received').map((m) => m.to)).toEqual(['chair@example.org']);
  });

  it('a subject stays on one line, whatever the title', async () => {
    const q = await sent('Line one\r\nBcc: someone@evil.example');
    const [notice] = await mail(q.id);
    expect(notice.subject).toBe('Question from Hackney Community Scrutiny Panel: Line one Bcc: someone@evil.example');
  });

  it('the sweep: due soon from 3 working days before, once; overdue after the due date, to the addressee, clerks and chair, once', async () => {
    const q = await sent('Swept');
    const swept = async () => (await mail(q.id)).filter((m) => m.kind !== 'question-sent').map((m) => `${m.kind} ${m.to}`);
    await sweep(6, 2);
    expect(await swept()).toEqual([]);
    await sweep(6, 24); // Tuesday: 4 working days left (25, 26, 27, 30 June)
    expect(await swept()).toEqual([]);
    await sweep(6, 25); // Wednesday: 3 working days left, over the weekend
    expect(await swept()).toEqual(['due-soon police@example.org']);
    await sweep(6, 25);
    await sweep(6, 30); // the due day itself: still the same due date, so no second notice
    expect(await swept()).toEqual(['due-soon police@example.org']);
    const [dueSoon] = (await mail(q.id)).filter((m) => m.kind === 'due-soon');
    expect(dueSoon.subject).toBe('Due Monday 30 June 2025: Swept');
    expect(dueSoon.body).toContain('is due in 3 working days, on Monday 30 June 2025');

    const first = await sweep(7, 1);
    expect(first.overdue).toBeGreaterThanOrEqual(3);
    const again = await sweep(7, 1);
    expect(again).toMatchObject({ dueSoon: 0, overdue: 0 });
    await sweep(7, 2);
    expect(await swept()).toEqual(['due-soon police@example.org', 'overdue police@example.org', 'overdue chair@example.org', 'overdue clerk@example.org']);
    const overdue = (await mail(q.id)).filter((m) => m.kind === 'overdue');
    expect(overdue[0].path).toBe(`/police/${q.id}`);
    expect(overdue[1].path).toBe(`/w/hackney/questions/${q.id}`);
  });

  it('an extension is a new due date: it may be noticed again, and not before it is near', async () => {
    const q = await sent('Extended');
    await sweep(7, 1);
    ws.clock = at(7, 1);
    await extendQuestion(ws, c.clerk, { panelId: c.hackney.id, questionId: q.id, dueOn: '2025-07-11', reason: 'Awaiting figures.' });
    const count = async (kind: string) => (await mail(q.id)).filter((m) => m.kind === kind).length;
    expect(await count('overdue')).toBe(3);
    await sweep(7, 7); // Monday: 4 working days to Friday 11 July
    expect(await count('due-soon')).toBe(0); // the first due date came and went overdue without a due-soon notice (the sweep first ran after it)
    await sweep(7, 8);
    expect(await count('due-soon')).toBe(1);
    await sweep(7, 14);
    expect(await count('overdue')).toBe(6);
  });

  it('a paused clock, an answered question and a draft get no notices', async () => {
    const paused = await sent('Paused');
    ws.clock = at(6, 3);
    await requestClarification(ws, c.police, { questionId: paused.id, request: 'Which April?' });
    const answered = await sent('Answered early');
    await answerQuestion(ws, c.police, { questionId: answered.id, answer: 'Done.' });
    const drafted = await draft('Never sent');
    await sweep(7, 15);
    expect((await mail(paused.id)).map((m) => m.kind)).toEqual(['question-sent']);
    expect((await mail(answered.id)).map((m) => m.kind)).toEqual(['question-sent', 'answer-received', 'answer-received']);
    expect(await mail(drafted.id)).toEqual([]);
    // Clarified on 16 July: the due date moves by the 31 working days paused, so it is no longer overdue.
    ws.clock = at(7, 16);
    await clarifyQuestion(ws, c.clerk, { panelId: c.hackney.id, questionId: paused.id, clarification: 'April 2025.' });
    const [moved] = await ws.db.db.select().from(questions).where(eq(questions.id, paused.id));
    expect(moved.dueOn! > '2025-07-16').toBe(true);
    await sweep(7, 16);
    expect((await mail(paused.id)).map((m) => m.kind)).toEqual(['question-sent']);
  });

  it('several sweeps at once still write each notice once', async () => {
    const q = await sent('Concurrent');
    ws.clock = at(7, 1);
    await Promise.all([sweepDueDates(ws, ws.cli), sweepDueDates(ws, ws.cli), sweepDueDates(ws, ws.cli)]);
    expect((await mail(q.id)).filter((m) => m.kind === 'overdue')).toHaveLength(3);
  });

  it('the sweep and the mail view are for the installation: panel people are refused', async () => {
    await expect(sweepDueDates(ws, c.clerk)).rejects.toBeInstanceOf(Forbidden);
    await expect(listOutbox(ws, c.chair, { origin: testOrigin, smtp: false })).rejects.toBeInstanceOf(Forbidden);
    await expect(listOutbox(ws, c.police, { origin: testOrigin, smtp: false })).rejects.toBeInstanceOf(Forbidden);
    const outbox = await listOutbox(ws, c.admin, { origin: testOrigin, smtp: false });
    expect(outbox.length).toBeGreaterThan(0);
    expect(outbox[0].text).toContain(`Open it: ${testOrigin}/`);
  });

  it('an invitation is emailed only when asked, with its link; the mail view withholds the link when SMTP is on', async () => {
    const plain = await inviteToPanel(ws, c.clerk, { panelId: c.hackney.id, email: 'quiet@example.org', role: 'member' });
    const emailed = await inviteToPanel(ws, c.clerk, { panelId: c.hackney.id, email: 'new@example.org', role: 'member', sendEmail: true });
    const rows = await ws.db.db.select().from(notifications).where(eq(notifications.kind, 'invitation'));
    expect(rows.map((r) => r.toAddress)).toEqual(['new@example.org']);
    expect(rows[0]).toMatchObject({ path: emailed.path, subject: 'You are invited to Scrutineer as member of Hackney Community Scrutiny Panel', recipientId: null });
    expect(plain.path).not.toBe(emailed.path);
    const shown = async (smtp: boolean) => (await listOutbox(ws, c.admin, { origin: testOrigin, smtp })).find((m) => m.kind === 'invitation')!.text;
    expect(await shown(false)).toContain(`${testOrigin}${emailed.path}`);
    expect(await shown(true)).not.toContain(emailed.token);
    await expect(inviteToPanel(ws, c.member, { panelId: c.hackney.id, email: 'x@example.org', role: 'member', sendEmail: true })).rejects.toBeInstanceOf(Forbidden);
    await expect(inviteToPanel(ws, c.otherMember, { panelId: c.hackney.id, email: 'x@example.org', role: 'member', sendEmail: true })).rejects.toBeInstanceOf(NotFound);
    expect(await ws.db.db.select().from(notifications).where(and(eq(notifications.kind, 'invitation'), eq(notifications.toAddress, 'x@example.org')))).toEqual([]);
  });
});
