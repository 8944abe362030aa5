import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymous } from '../../src/core/access/actor.ts';
import { loadActor } from '../../src/core/access/load-actor.ts';
import { SignInRequired } from '../../src/core/access/require-access.ts';
import { auditLog, notifications, panelMembers, questionEvents, questions, reviewSamples } from '../../src/core/db/schema.ts';
import { createAction, editAction, possibleOwners } from '../../src/core/actions/actions.ts';
import { recordAttendance } from '../../src/core/meetings/attendance.ts';
import { scheduleMeeting } from '../../src/core/meetings/meetings.ts';
import { getMeeting } from '../../src/core/meetings/record.ts';
import { Conflict, Forbidden, Invalid, NotFound } from '../../src/core/errors.ts';
import { changeRole, getMember, removeMember } from '../../src/core/panels/members.ts';
import { listMembers, openWorkspace as openPanel } from '../../src/core/panels/panels.ts';
import { draftQuestion, getQuestion, policeInbox, sendQuestion } from '../../src/core/questions/questions.ts';
import { databaseTargets } from '../support/databases.ts';
import { cast, openWorkspace, person, userId, type TestWorkspace } from '../support/workspace.ts';

describe.each(databaseTargets())('changing and removing members on $name', (target) => {
  let ws: TestWorkspace;
  let c: Awaited<ReturnType<typeof cast>>;
  const place = async (email: string) => {
    const [row] = await ws.db.db
      .select({ id: panelMembers.id })
      .from(panelMembers)
      .where(and(eq(panelMembers.panelId, c.hackney.id), eq(panelMembers.userId, await userId(ws, email))));
    return row?.id;
  };
  const audits = async () => (await ws.db.db.select().from(auditLog)).length;

  beforeAll(async () => {
    ws = await openWorkspace(target);
    c = await cast(ws);
  });
  afterAll(async () => ws?.dispose());

  it('refuses before anything is written: signed out, another panel (404), a member or the police (403), oneself', async () => {
    const ref = { panelId: c.hackney.id, memberId: await place('member@example.org') };
    const before = await audits();
    await expect(changeRole(ws, anonymous, { ...ref, role: 'chair' })).rejects.toBeInstanceOf(SignInRequired);
    await expect(changeRole(ws, c.otherMember, { ...ref, role: 'chair' })).rejects.toBeInstanceOf(NotFound);
    await expect(changeRole(ws, c.member, { ...ref, role: 'chair' })).rejects.toBeInstanceOf(Forbidden);
    await expect(removeMember(ws, c.police, ref)).rejects.toBeInstanceOf(Forbidden);
    await expect(getMember(ws, c.member, ref)).rejects.toBeInstanceOf(Forbidden);
    // Islington's panel cannot reach a Hackney place through its own address.
    await expect(getMember(ws, c.admin, { panelId: c.islington.id, memberId: ref.memberId })).rejects.toBeInstanceOf(NotFound);
    await expect(getMember(ws, c.clerk, { panelId: c.hackney.id, memberId: 0 })).rejects.toBeInstanceOf(NotFound);
    const own = { panelId: c.hackney.id, memberId: await place('clerk@example.org') };
    await expect(changeRole(ws, c.clerk, { ...own, role: 'member' })).rejects.toThrow(/cannot change the role of yourself/);
    await expect(removeMember(ws, c.clerk, own)).rejects.toBeInstanceOf(Conflict);
    await expect(changeRole(ws, c.clerk, { ...ref, role: 'admin' })).rejects.toMatchObject({ details: { field: 'role' } });
    expect(await audits()).toBe(before);
  });

  it('makes a member the chair, audited; nobody crosses between the panel and the police', async () => {
    const ref = { panelId: c.hackney.id, memberId: await place('member@example.org') };
    expect((await getMember(ws, c.clerk, ref)).roles.sort()).toEqual(['chair', 'clerk', 'member']);
    await changeRole(ws, c.clerk, { ...ref, role: 'chair' });
    expect((await listMembers(ws, c.clerk, c.hackney.id)).find((m) => m.email === 'member@example.org')?.role).toBe('chair');
    const [entry] = (await ws.db.db.select().from(auditLog)).slice(-1);
    expect(entry).toMatchObject({ action: 'member.manage', panelId: c.hackney.id, details: { change: 'role', from: 'member', to: 'chair' } });
    // The new chair may now do what a chair does, from their next request.
    const newChair = await loadActor(ws.db.db, await userId(ws, 'member@example.org'));
    await expect(getMember(ws, newChair, { panelId: c.hackney.id, memberId: await place('police@example.org') })).resolves.toMatchObject({ role: 'police' });
    await expect(changeRole(ws, c.clerk, { ...ref, role: 'police' })).rejects.toBeInstanceOf(Invalid);
    await expect(changeRole(ws, c.clerk, { panelId: c.hackney.id, memberId: await place('police@example.org'), role: 'member' })).rejects.toBeInstanceOf(Invalid);
    await changeRole(ws, c.chair, { ...ref, role: 'member' });
  });

  it("passes a departing police respondent's waiting questions to their successor, or refuses without one", async () => {
    const policeId = await userId(ws, 'police@example.org');
    const ask = async (title: string) => {
      const q = await draftQuestion(ws, c.member, { panelId: c.hackney.id, title, body: 'Please explain.' });
      return sendQuestion(ws, c.clerk, { panelId: c.hackney.id, questionId: q.id, addresseeId: policeId });
    };
    const first = await ask('Searches at the market');
    const second = await ask('Handcuffing of children');
    const ref = { panelId: c.hackney.id, memberId: await place('police@example.org') };
    await expect(removeMember(ws, c.clerk, ref)).rejects.toThrow('the panel has no other police respondent: invite their successor first');
    const successor = await person(ws, 'police2@example.org', { id: c.hackney.id, role: 'police' });
    const successorId = await userId(ws, 'police2@example.org');
    const record = await getMember(ws, c.clerk, ref);
    expect(record.waiting.map((q) => q.title)).toEqual(['Searches at the market', 'Handcuffing of children']);
    expect(record.successors).toEqual([{ userId: successorId, name: 'police2' }]);
    expect(record.roles).toEqual(['police']);
    const before = await audits();
    await expect(removeMember(ws, c.clerk, ref)).rejects.toMatchObject({ details: { field: 'successorId' } });
    // Only another police respondent of this panel can take them.
    await expect(removeMember(ws, c.clerk, { ...ref, successorId: await userId(ws, 'member@example.org') })).rejects.toMatchObject({ details: { field: 'successorId' } });
    expect(await audits()).toBe(before);
    const dueBefore = (await ws.db.db.select().from(questions).where(eq(questions.id, first.id)))[0].dueOn;
    // A sample of searches sent to them for the police's response (written directly: drawing one needs the warehouse).
    const [sample] = await ws.db.db
      .insert(reviewSamples)
      .values({ panelId: c.hackney.id, areaCode: 'E09000012', month: '2023-07', seed: 7, size: '4', strata: 'none', population: 40, addresseeId: policeId, sentOn: '2023-08-01' })
      .returning();
    expect((await getMember(ws, c.clerk, ref)).samples).toEqual([{ id: sample.id, areaCode: 'E09000012', month: '2023-07' }]);

    await expect(removeMember(ws, c.clerk, { ...ref, successorId })).resolves.toEqual({ passedOn: 2, samplesPassedOn: 1 });
    expect((await ws.db.db.select().from(reviewSamples).where(eq(reviewSamples.id, sample.id)))[0].addresseeId).toBe(successorId);
    // The successor is told of each question, as if it had just been sent to them.
    const told = await ws.db.db.select().from(notifications).where(and(eq(notifications.recipientId, successorId), eq(notifications.kind, 'question-sent')));
    expect(told.map((n) => n.questionId).sort()).toEqual([first.id, second.id].sort());
    const moved = await ws.db.db.select().from(questions).where(eq(questions.addresseeId, successorId));
    expect(moved.map((q) => q.id).sort()).toEqual([first.id, second.id].sort());
    expect(moved.find((q) => q.id === first.id)?.dueOn).toBe(dueBefore);
    const events = await ws.db.db.select().from(questionEvents).where(eq(questionEvents.questionId, first.id));
    expect(events.at(-1)).toMatchObject({ action: 'member.manage', details: { change: 'addressee', from: policeId, to: successorId } });
    // The one who left sees nothing of the panel from their next request; the successor has the questions.
    const gone = await loadActor(ws.db.db, policeId);
    await expect(openPanel(ws, gone, 'hackney')).rejects.toBeInstanceOf(NotFound);
    await expect(getQuestion(ws, gone, { questionId: first.id })).rejects.toBeInstanceOf(NotFound);
    expect(await policeInbox(ws, gone)).toEqual([]);
    expect((await policeInbox(ws, successor)).map((q) => q.id).sort()).toEqual([first.id, second.id].sort());
    await expect(getMember(ws, c.clerk, ref)).rejects.toBeInstanceOf(NotFound);
  });

  it('checks again, inside the lock, that the actor is still a clerk or chair', async () => {
    // The chair's actor was loaded before the clerk made them a member (as in a request already under way).
    const staleChair = await loadActor(ws.db.db, await userId(ws, 'chair@example.org'));
    await changeRole(ws, c.clerk, { panelId: c.hackney.id, memberId: await place('chair@example.org'), role: 'member' });
    const before = await audits();
    await expect(removeMember(ws, staleChair, { panelId: c.hackney.id, memberId: await place('clerk@example.org') })).rejects.toBeInstanceOf(Forbidden);
    expect(await audits()).toBe(before);
    await changeRole(ws, c.clerk, { panelId: c.hackney.id, memberId: await place('chair@example.org'), role: 'chair' });
  });

  it("takes a member off without questions to pass on; what they wrote stays, and past meetings keep their attendance and quorum", async () => {
    const draft = await draftQuestion(ws, c.member, { panelId: c.hackney.id, title: 'Written before leaving', body: 'Still here.' });
    const meeting = await scheduleMeeting(ws, c.clerk, { panelId: c.hackney.id, title: 'March meeting', day: '2026-03-10', time: '18:30', place: 'Town Hall' });
    const meetingRef = { panelId: c.hackney.id, meetingId: meeting.id };
    const memberId = await userId(ws, 'member@example.org');
    await recordAttendance(ws, c.clerk, { ...meetingRef, entries: [{ userId: memberId, status: 'present' }, { userId: await userId(ws, 'clerk@example.org'), status: 'present' }] });
    const before = await getMeeting(ws, c.clerk, meetingRef);
    const action = { panelId: c.hackney.id, title: 'Write to the borough commander', ownerId: memberId, dueOn: '2026-04-01', rag: 'green' as const };
    const owned = await createAction(ws, c.clerk, action);

    const ref = { panelId: c.hackney.id, memberId: await place('member@example.org') };
    await expect(removeMember(ws, c.chair, ref)).resolves.toEqual({ passedOn: 0, samplesPassedOn: 0 });
    expect((await listMembers(ws, c.clerk, c.hackney.id)).map((m) => m.email)).not.toContain('member@example.org');
    await expect(getQuestion(ws, c.clerk, { questionId: draft.id })).resolves.toMatchObject({ title: 'Written before leaving' });
    const [entry] = (await ws.db.db.select().from(auditLog)).slice(-1);
    expect(entry).toMatchObject({ action: 'member.manage', details: { change: 'remove', role: 'member' } });

    const after = await getMeeting(ws, c.clerk, meetingRef);
    expect(after.quorum).toEqual(before.quorum);
    expect(after.people.find((p) => p.userId === memberId)).toMatchObject({ role: 'member', status: 'present', voting: true, former: true });
    // They cannot be recorded again: they are not on the panel.
    await expect(recordAttendance(ws, c.clerk, { ...meetingRef, entries: [{ userId: memberId, status: 'absent' }] })).rejects.toBeInstanceOf(Invalid);
    // Their action stays theirs, and can still be edited, until someone else is chosen; a new action cannot be given to them.
    await expect(editAction(ws, c.clerk, { ...action, actionId: owned.id, rag: 'amber' })).resolves.toMatchObject({ ownerId: memberId, rag: 'amber' });
    await expect(createAction(ws, c.clerk, action)).rejects.toMatchObject({ details: { field: 'ownerId' } });
    const owners = await possibleOwners(ws, c.clerk, c.hackney.id, { id: memberId, name: 'member' });
    expect(owners.filter((o) => o.former)).toEqual([{ id: memberId, name: 'member', former: true }]);
    expect((await possibleOwners(ws, c.clerk, c.hackney.id)).some((o) => o.id === memberId)).toBe(false);
  });
});
