import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymous } from '../../src/core/access/actor.ts';
import { auditLog, questionEvents, questions } from '../../src/core/db/schema.ts';
import { Conflict, Forbidden, Invalid, NotFound } from '../../src/core/errors.ts';
import { SignInRequired } from '../../src/core/access/require-access.ts';
import {
  acknowledgeQuestion,
  answerQuestion,
  assessQuestion,
  clarifyQuestion,
  closeQuestion,
  draftQuestion,
  escalateQuestion,
  extendQuestion,
  getQuestion,
  listQuestions,
  policeInbox,
  publishQuestion,
  requestClarification,
  sendQuestion
} from '../../src/core/questions/questions.ts';
import { databaseTargets } from '../support/databases.ts';
import { fakeClock } from '../support/fake-clock.ts';
import { cast, person, openWorkspace, userId, type TestWorkspace } from '../support/workspace.ts';

const day = 86_400_000;
const finding = { metric: 'Searches per 1,000 people, Black vs White', area: 'Hackney', period: '2025-04', value: '3.4 (95% CI 2.9–4.0)' };

describe.each(databaseTargets())('questions to the police on $name', (target) => {
  let ws: TestWorkspace;
  let c: Awaited<ReturnType<typeof cast>>;
  let policeId: string;
  beforeAll(async () => {
    ws = await openWorkspace(target);
    c = await cast(ws);
    policeId = await userId(ws, 'police@example.org');
    ws.clock = fakeClock(Date.UTC(2025, 5, 2, 9)); // Monday 2 June 2025, 10:00 in London
  });
  afterAll(async () => ws?.dispose());

  const draft = (title = 'Why the rise in searches?') => draftQuestion(ws, c.member, { panelId: c.hackney.id, title, body: 'Please explain the April figure.', finding });
  const send = async (title?: string) => {
    const q = await draft(title);
    return sendQuestion(ws, c.clerk, { panelId: c.hackney.id, questionId: q.id, addresseeId: policeId });
  };
  const events = async (id: number) => (await ws.db.db.select().from(questionEvents).where(eq(questionEvents.questionId, id))).map((e) => e.action);

  it('refuses before anything is written: anonymous, outsiders, and roles that may not', async () => {
    const before = await ws.db.db.select().from(auditLog);
    await expect(draftQuestion(ws, anonymous, { panelId: c.hackney.id, title: 't', body: 'b' })).rejects.toBeInstanceOf(SignInRequired);
    await expect(draftQuestion(ws, c.otherMember, { panelId: c.hackney.id, title: 't', body: 'b' })).rejects.toBeInstanceOf(NotFound);
    await expect(draftQuestion(ws, c.police, { panelId: c.hackney.id, title: 't', body: 'b' })).rejects.toBeInstanceOf(Forbidden);
    const q = await draft('refusals');
    const after = (await ws.db.db.select().from(auditLog)).length;
    await expect(sendQuestion(ws, c.member, { panelId: c.hackney.id, questionId: q.id, addresseeId: policeId })).rejects.toBeInstanceOf(Forbidden);
    await expect(sendQuestion(ws, c.otherMember, { panelId: c.hackney.id, questionId: q.id, addresseeId: policeId })).rejects.toBeInstanceOf(NotFound);
    await expect(publishQuestion(ws, c.admin, { panelId: c.hackney.id, questionId: q.id })).rejects.toBeInstanceOf(NotFound);
    expect((await ws.db.db.select().from(auditLog)).length).toBe(after);
    expect(after).toBe(before.length + 1);
  });

  it('drafts from a figure, keeping its metric, area, period and value as the finding, and audits it', async () => {
    const q = await draft();
    expect(q).toMatchObject({ status: 'draft', panelId: c.hackney.id, finding });
    const [entry] = await ws.db.db.select().from(auditLog).where(and(eq(auditLog.entityType, 'question'), eq(auditLog.entityId, String(q.id))));
    expect(entry).toMatchObject({ action: 'question.draft', panelId: c.hackney.id, actorLabel: 'member@example.org' });
    expect(await events(q.id)).toEqual(['question.draft']);
  });

  it('names each bad field and keeps nothing', async () => {
    const err = await draftQuestion(ws, c.member, { panelId: c.hackney.id, title: '  ', body: '', finding: { metric: 'x', area: '', period: 'p', value: 'v' } }).catch((e) => e);
    expect(err).toBeInstanceOf(Invalid);
    expect(err.details.fields).toMatchObject({ title: 'Enter a short title.', body: 'Enter the question.', 'finding.area': 'Enter the area.' });
    const q = await draft('bad send');
    const sent = await sendQuestion(ws, c.clerk, { panelId: c.hackney.id, questionId: q.id, addresseeId: await userId(ws, 'member@example.org') }).catch((e) => e);
    expect(sent).toBeInstanceOf(Invalid);
    expect(sent.details.field).toBe('addresseeId');
  });

  it('sends to a police respondent with a due date 20 working days on, and keeps the panel setting', async () => {
    const q = await send();
    expect(q).toMatchObject({ status: 'sent', addresseeId: policeId, sentOn: '2025-06-02', dueOn: '2025-06-30', allowedWorkingDays: 20 });
    expect(await events(q.id)).toEqual(['question.draft', 'question.send']);
    await expect(sendQuestion(ws, c.clerk, { panelId: c.hackney.id, questionId: q.id, addresseeId: policeId })).rejects.toBeInstanceOf(Conflict);
  });

  it('shows the police respondent only what is addressed to them', async () => {
    const mine = await send('addressed');
    const draftOnly = await draft('not sent yet');
    const otherPolice = await person(ws, 'police2@example.org', { id: c.hackney.id, role: 'police' });
    const inbox = await policeInbox(ws, c.police);
    expect(inbox.map((q) => q.id)).toContain(mine.id);
    expect(inbox.map((q) => q.id)).not.toContain(draftOnly.id);
    expect(await policeInbox(ws, otherPolice)).toEqual([]);
    expect((await getQuestion(ws, c.police, { questionId: mine.id })).title).toBe('addressed');
    await expect(getQuestion(ws, otherPolice, { questionId: mine.id })).rejects.toBeInstanceOf(NotFound);
    await expect(getQuestion(ws, c.police, { questionId: draftOnly.id })).rejects.toBeInstanceOf(NotFound);
    await expect(listQuestions(ws, c.police, c.hackney.id)).rejects.toBeInstanceOf(Forbidden);
    await expect(answerQuestion(ws, otherPolice, { questionId: mine.id, answer: 'not mine' })).rejects.toBeInstanceOf(NotFound);
    await expect(acknowledgeQuestion(ws, c.otherMember, { questionId: mine.id })).rejects.toBeInstanceOf(NotFound);
    expect(await events(mine.id)).toEqual(['question.draft', 'question.send']);
  });

  it('runs the whole loop: acknowledged, answered on time, assessed, published, closed', async () => {
    const q = await send('the loop');
    ws.clock.sleep(2 * day);
    expect(await acknowledgeQuestion(ws, c.police, { questionId: q.id })).toMatchObject({ status: 'acknowledged', acknowledgedOn: '2025-06-04' });
    ws.clock.sleep(7 * day);
    const answered = await answerQuestion(ws, c.police, { questionId: q.id, answer: 'A planned operation in Dalston.' });
    expect(answered).toMatchObject({ status: 'answered', answeredOn: '2025-06-11' });
    expect((await getQuestion(ws, c.clerk, { questionId: q.id, panelId: c.hackney.id })).clock).toBe('on-time');
    await expect(closeQuestion(ws, c.clerk, { panelId: c.hackney.id, questionId: q.id })).rejects.toBeInstanceOf(Conflict);
    const bad = await assessQuestion(ws, c.clerk, { panelId: c.hackney.id, questionId: q.id, assessment: 'great' }).catch((e) => e);
    expect(bad.details.field).toBe('assessment');
    await expect(assessQuestion(ws, c.member, { panelId: c.hackney.id, questionId: q.id, assessment: 'partly' })).rejects.toBeInstanceOf(Forbidden);
    expect(await assessQuestion(ws, c.chair, { panelId: c.hackney.id, questionId: q.id, assessment: 'partly', note: 'No figures given.' })).toMatchObject({ status: 'assessed', assessment: 'partly' });
    expect((await publishQuestion(ws, c.clerk, { panelId: c.hackney.id, questionId: q.id })).publishedAt).not.toBeNull();
    expect(await closeQuestion(ws, c.clerk, { panelId: c.hackney.id, questionId: q.id })).toMatchObject({ status: 'closed' });
    const full = await getQuestion(ws, c.clerk, { questionId: q.id });
    expect(full.events.map((e) => e.action)).toEqual(['question.draft', 'question.send', 'question.acknowledge', 'question.answer', 'question.assess', 'question.publish', 'question.close']);
    const audited = await ws.db.db.select().from(auditLog).where(and(eq(auditLog.entityType, 'question'), eq(auditLog.entityId, String(q.id))));
    expect(audited.map((a) => a.action)).toEqual(full.events.map((e) => e.action));
  });

  it('pauses the clock for clarification and moves the due date by the working days paused', async () => {
    ws.clock = fakeClock(Date.UTC(2025, 5, 2, 9));
    const q = await send('unclear');
    ws.clock.sleep(3 * day); // Thursday 5 June
    await expect(requestClarification(ws, c.clerk, { questionId: q.id, request: 'x' })).rejects.toBeInstanceOf(Forbidden);
    const bad = await requestClarification(ws, c.police, { questionId: q.id, request: ' ' }).catch((e) => e);
    expect(bad.details.fields).toEqual({ request: 'Enter what needs clarifying.' });
    expect(await requestClarification(ws, c.police, { questionId: q.id, request: 'Which April?' })).toMatchObject({ pausedOn: '2025-06-05' });
    ws.clock = fakeClock(Date.UTC(2025, 6, 15, 9)); // 15 July: long past the old due date, but paused
    expect((await getQuestion(ws, c.clerk, { questionId: q.id })).clock).toBe('paused');
    ws.clock = fakeClock(Date.UTC(2025, 5, 12, 9)); // Thursday 12 June instead: 5 working days paused
    const resumed = await clarifyQuestion(ws, c.clerk, { panelId: c.hackney.id, questionId: q.id, clarification: 'April 2025.' });
    expect(resumed).toMatchObject({ pausedOn: null, dueOn: '2025-07-07' });
  });

  it('an agreed extension moves the due date and is not overdue; past it, overdue, then very overdue', async () => {
    ws.clock = fakeClock(Date.UTC(2025, 5, 2, 9));
    const q = await send('extended');
    const late = await send('never answered');
    const bad = await extendQuestion(ws, c.clerk, { panelId: c.hackney.id, questionId: q.id, dueOn: '2025-06-10', reason: '' }).catch((e) => e);
    expect(bad.details.fields).toMatchObject({ reason: 'Enter the reason for the extension.' });
    const early = await extendQuestion(ws, c.clerk, { panelId: c.hackney.id, questionId: q.id, dueOn: '2025-06-10', reason: 'Data team away' }).catch((e) => e);
    expect(early.details.field).toBe('dueOn');
    expect(await extendQuestion(ws, c.chair, { panelId: c.hackney.id, questionId: q.id, dueOn: '2025-07-14', reason: 'Data team away' })).toMatchObject({ dueOn: '2025-07-14', extensionReason: 'Data team away' });
    ws.clock = fakeClock(Date.UTC(2025, 6, 7, 9)); // 7 July
    expect((await getQuestion(ws, c.clerk, { questionId: q.id })).clock).toBe('waiting');
    expect((await getQuestion(ws, c.clerk, { questionId: late.id })).clock).toBe('overdue');
    ws.clock = fakeClock(Date.UTC(2025, 6, 29, 9)); // 29 July: 30 June + 20 working days is 28 July
    expect((await getQuestion(ws, c.clerk, { questionId: late.id })).clock).toBe('very-overdue');
    const answered = await answerQuestion(ws, c.clerk, { questionId: late.id, answer: 'Recorded from a letter.' });
    expect((await getQuestion(ws, c.clerk, { questionId: answered.id })).clock).toBe('late');
    expect(await escalateQuestion(ws, c.chair, { panelId: c.hackney.id, questionId: q.id, to: 'mopac', reason: 'No answer' })).toMatchObject({ status: 'escalated', escalatedTo: 'mopac' });
  });

  it('keeps each panel to itself', async () => {
    const q = await send('Hackney only');
    await expect(getQuestion(ws, c.otherMember, { questionId: q.id })).rejects.toBeInstanceOf(NotFound);
    await expect(getQuestion(ws, c.clerk, { questionId: q.id, panelId: c.islington.id })).rejects.toBeInstanceOf(NotFound);
    expect((await listQuestions(ws, c.member, c.hackney.id)).length).toBeGreaterThan(0);
    const rows = await ws.db.db.select().from(questions).where(eq(questions.panelId, c.islington.id));
    expect(rows).toEqual([]);
  });
});
