import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymous } from '../../src/core/access/actor.ts';
import { SignInRequired } from '../../src/core/access/require-access.ts';
import { createAction } from '../../src/core/actions/actions.ts';
import { auditLog, meetings } from '../../src/core/db/schema.ts';
import { Conflict, Forbidden, Invalid, NotFound } from '../../src/core/errors.ts';
import { addAgendaItem, editAgendaItem, moveAgendaItem, refreshMattersArising, removeAgendaItem } from '../../src/core/meetings/agenda.ts';
import { addGuest, declareInterest, recordAttendance, removeGuest, withdrawDeclaration } from '../../src/core/meetings/attendance.ts';
import { cancelMeeting, editMeeting, listMeetings, quorumRule, scheduleMeeting, setQuorumRule } from '../../src/core/meetings/meetings.ts';
import { approveMinutes, getMinutes, publishedMinutes, publishedMinutesList, publishMinutes, saveMinutes } from '../../src/core/meetings/minutes.ts';
import { getMeeting } from '../../src/core/meetings/record.ts';
import { answerQuestion, draftQuestion, sendQuestion } from '../../src/core/questions/questions.ts';
import { databaseTargets } from '../support/databases.ts';
import { fakeClock } from '../support/fake-clock.ts';
import { cast, openWorkspace, person, userId, type TestWorkspace } from '../support/workspace.ts';

const at = (iso: string) => fakeClock(Date.parse(iso));

describe.each(databaseTargets())('meetings on $name', (target) => {
  let ws: TestWorkspace;
  let c: Awaited<ReturnType<typeof cast>>;
  let ids: Record<string, string>;
  let panelId: number;
  beforeAll(async () => {
    ws = await openWorkspace(target);
    c = await cast(ws);
    panelId = c.hackney.id;
    await person(ws, 'member2@example.org', { id: panelId, role: 'member' });
    await person(ws, 'member3@example.org', { id: panelId, role: 'member' });
    ids = Object.fromEntries(
      await Promise.all(['member', 'member2', 'member3', 'chair', 'clerk', 'police'].map(async (k) => [k, await userId(ws, `${k}@example.org`)] as const))
    );
    ws.clock = at('2025-06-02T09:00:00Z'); // Monday 2 June 2025, 10:00 in London
  });
  afterAll(async () => ws?.dispose());

  const where = { place: 'Hackney Town Hall, Committee Room 1' };
  const schedule = (title: string, day: string, time = '18:30') => scheduleMeeting(ws, c.clerk, { panelId, title, day, time, ...where });
  const audited = async (type: string, id: number | string) =>
    (await ws.db.db.select().from(auditLog).where(and(eq(auditLog.entityType, type), eq(auditLog.entityId, String(id))))).map((a) => a.action);

  it('refuses before anything is written: anonymous, outsiders, members and police respondents', async () => {
    const before = (await ws.db.db.select().from(auditLog)).length;
    const input = { panelId, title: 'June meeting', day: '2025-06-10', time: '18:30', ...where };
    await expect(scheduleMeeting(ws, anonymous, input)).rejects.toBeInstanceOf(SignInRequired);
    await expect(scheduleMeeting(ws, c.otherMember, input)).rejects.toBeInstanceOf(NotFound);
    await expect(scheduleMeeting(ws, c.admin, input)).rejects.toBeInstanceOf(NotFound);
    await expect(scheduleMeeting(ws, c.member, input)).rejects.toBeInstanceOf(Forbidden);
    await expect(scheduleMeeting(ws, c.police, input)).rejects.toBeInstanceOf(Forbidden);
    await expect(listMeetings(ws, c.police, panelId)).rejects.toBeInstanceOf(Forbidden);
    expect((await ws.db.db.select().from(auditLog)).length).toBe(before);
    expect(await ws.db.db.select().from(meetings)).toEqual([]);
  });

  it('names each bad field of a meeting in words', async () => {
    const err = await scheduleMeeting(ws, c.clerk, { panelId, title: ' ', day: '10/06/2025', time: '6.30pm', place: '', onlineLink: 'http://example.org' }).catch((e) => e);
    expect(err).toBeInstanceOf(Invalid);
    expect(err.details.fields).toEqual({
      title: 'Enter a title.',
      day: 'Enter a date, like 2025-06-30.',
      time: 'Enter a time, like 18:30.',
      onlineLink: 'Enter a link starting with https://, or leave it empty.'
    });
    const nowhere = await scheduleMeeting(ws, c.clerk, { panelId, title: 'x', day: '2025-06-10', time: '18:30' }).catch((e) => e);
    expect(nowhere.details.fields).toEqual({ place: 'Say where it is held: a place, an online link, or both.' });
  });

  it('schedules, edits and cancels a meeting in London time, auditing each change', async () => {
    const m = await scheduleMeeting(ws, c.clerk, { panelId, title: 'Extra meeting', day: '2025-06-20', time: '18:00', onlineLink: 'https://meet.example.org/panel' });
    expect(m.startsAt.toISOString()).toBe('2025-06-20T17:00:00.000Z');
    const edited = await editMeeting(ws, c.chair, { panelId, meetingId: m.id, title: 'Extra meeting (online)', day: '2025-06-20', time: '19:00', onlineLink: 'https://meet.example.org/panel' });
    expect(edited.startsAt.toISOString()).toBe('2025-06-20T18:00:00.000Z');
    await expect(editMeeting(ws, c.member, { panelId, meetingId: m.id, title: 'x', day: '2025-06-20', time: '19:00', place: 'x' })).rejects.toBeInstanceOf(Forbidden);
    const noReason = await cancelMeeting(ws, c.clerk, { panelId, meetingId: m.id, reason: '' }).catch((e) => e);
    expect(noReason.details.fields).toEqual({ reason: 'Enter the reason for cancelling.' });
    expect((await cancelMeeting(ws, c.clerk, { panelId, meetingId: m.id, reason: 'The room is not available.' })).cancelledAt).not.toBeNull();
    await expect(addAgendaItem(ws, c.clerk, { panelId, meetingId: m.id, title: 'Welcome' })).rejects.toBeInstanceOf(Conflict);
    expect((await listMeetings(ws, c.member, panelId)).find((x) => x.id === m.id)?.status).toBe('cancelled');
    expect(await audited('meeting', m.id)).toEqual(['meeting.schedule', 'meeting.edit', 'meeting.cancel']);
    const [edit] = await ws.db.db.select().from(auditLog).where(and(eq(auditLog.action, 'meeting.edit'), eq(auditLog.entityId, String(m.id))));
    expect(edit.details).toMatchObject({ changed: { title: { from: 'Extra meeting', to: 'Extra meeting (online)' } } });
  });

  it('fills the matters arising with overdue questions and open actions, saying by how long, and refreshes them', async () => {
    ws.clock = at('2025-04-01T09:00:00Z');
    const q = await draftQuestion(ws, c.member, { panelId, title: 'Strip searches of children', body: 'How many?' });
    await sendQuestion(ws, c.clerk, { panelId, questionId: q.id, addresseeId: ids.police }); // due 1 May (Easter in between)
    const onTime = await draftQuestion(ws, c.member, { panelId, title: 'Not yet due', body: '?' });
    ws.clock = at('2025-05-29T09:00:00Z');
    await sendQuestion(ws, c.clerk, { panelId, questionId: onTime.id, addresseeId: ids.police });
    const action = await createAction(ws, c.clerk, { panelId, title: 'Write to the commander', ownerId: ids.chair, dueOn: '2025-05-20', rag: 'red' });
    await createAction(ws, c.clerk, { panelId, title: 'Done already', ownerId: ids.chair, dueOn: '2025-05-20', rag: 'green', done: true });
    ws.clock = at('2025-06-02T09:00:00Z');

    const m = await schedule('June meeting', '2025-06-10');
    await addAgendaItem(ws, c.clerk, { panelId, meetingId: m.id, title: 'Welcome and apologies' });
    expect(await refreshMattersArising(ws, c.clerk, { panelId, meetingId: m.id })).toEqual({ added: 2, updated: 0, removed: 0 });
    let items = (await getMeeting(ws, c.member, { panelId, meetingId: m.id })).items;
    expect(items.map((i) => [i.number, i.kind, i.title])).toEqual([
      [1, 'item', 'Welcome and apologies'],
      [2, 'matters-arising', 'Overdue question: Strip searches of children'],
      [3, 'matters-arising', 'Open action: Write to the commander']
    ]);
    expect(items[1].description).toBe('Sent to the police on 1 April 2025. The answer was due on 1 May 2025 and is 20 working days overdue.');
    expect(items[2].description).toBe('Owner: chair. It was due on 20 May 2025 and is 13 days overdue. Status: red.');
    expect(items[1].confidential && items[2].confidential).toBe(true);
    expect(items[2].actionId).toBe(action.id);

    // A week on, the question has been answered: refreshing removes it and updates the action.
    ws.clock = at('2025-06-09T09:00:00Z');
    await answerQuestion(ws, c.police, { questionId: q.id, answer: 'Three children.' });
    expect(await refreshMattersArising(ws, c.chair, { panelId, meetingId: m.id })).toEqual({ added: 0, updated: 1, removed: 1 });
    items = (await getMeeting(ws, c.member, { panelId, meetingId: m.id })).items;
    expect(items.map((i) => i.title)).toEqual(['Welcome and apologies', 'Open action: Write to the commander']);
    expect(items[1].description).toContain('20 days overdue');
    await expect(refreshMattersArising(ws, c.member, { panelId, meetingId: m.id })).rejects.toBeInstanceOf(Forbidden);
    expect(await audited('meeting', m.id)).toEqual(['meeting.schedule', 'agenda.matters-arising', 'agenda.matters-arising']);
  });

  it('runs a meeting: agenda, attendance and quorum, declarations, minutes in versions, approval at a later meeting, publication', async () => {
    ws.clock = at('2025-06-02T09:00:00Z');
    const may = await schedule('May meeting', '2025-05-06');
    const june = await schedule('Panel meeting', '2025-06-03');
    const july = await schedule('July meeting', '2025-07-01');
    const ref = { panelId, meetingId: june.id };
    const welcome = await addAgendaItem(ws, c.clerk, { ...ref, title: 'Welcome', description: 'The chair opens the meeting.' });
    const data = await addAgendaItem(ws, c.clerk, { ...ref, title: 'Stop and search data pack', description: 'April figures.' });
    const secret = await addAgendaItem(ws, c.clerk, { ...ref, title: 'Case: a named young person', confidential: 'on' });
    const bad = await addAgendaItem(ws, c.clerk, { ...ref, title: '', questionId: '99999' }).catch((e) => e);
    expect(bad.details.fields).toEqual({ title: 'Enter the title of the item.' });
    const badLink = await addAgendaItem(ws, c.clerk, { ...ref, title: 'Linked', questionId: '99999' }).catch((e) => e);
    expect(badLink.details.field).toBe('questionId');
    await moveAgendaItem(ws, c.clerk, { ...ref, itemId: data.id, direction: 'up' });
    await moveAgendaItem(ws, c.clerk, { ...ref, itemId: data.id, direction: 'down' });
    const tmp = await addAgendaItem(ws, c.clerk, { ...ref, title: 'Any other business' });
    await removeAgendaItem(ws, c.clerk, { ...ref, itemId: tmp.id });
    await editAgendaItem(ws, c.clerk, { ...ref, itemId: welcome.id, title: 'Welcome and introductions', description: 'The chair opens the meeting.' });

    // Four voting members (three members and the chair): a third rounded up is 2, so the minimum of 3 applies.
    let rec = await getMeeting(ws, c.member, ref);
    expect(rec.items.map((i) => i.title)).toEqual(['Welcome and introductions', 'Stop and search data pack', 'Case: a named young person']);
    expect(rec.quorum).toEqual({ voting: 4, present: 0, needed: 3, quorate: false });
    await recordAttendance(ws, c.clerk, { ...ref, entries: [{ userId: ids.chair, status: 'present' }, { userId: ids.member, status: 'present' }, { userId: ids.clerk, status: 'present' }, { userId: ids.member3, status: 'apologies' }] });
    expect((await getMeeting(ws, c.member, ref)).quorum).toMatchObject({ present: 2, needed: 3, quorate: false });
    await recordAttendance(ws, c.clerk, { ...ref, entries: [{ userId: ids.member2, status: 'present' }] });
    const badStatus = await recordAttendance(ws, c.clerk, { ...ref, entries: [{ userId: ids.member2, status: 'late' }] }).catch((e) => e);
    expect(badStatus).toBeInstanceOf(Invalid);
    await expect(recordAttendance(ws, c.clerk, { ...ref, entries: [{ userId: await userId(ws, 'islington@example.org'), status: 'present' }] })).rejects.toBeInstanceOf(Invalid);
    const commander = await addGuest(ws, c.clerk, { ...ref, name: 'Ch Supt Example', role: 'Borough Commander', status: 'present' });
    rec = await getMeeting(ws, c.member, ref);
    expect(rec.quorum).toMatchObject({ voting: 4, present: 3, needed: 3, quorate: true });
    expect(rec.guests).toEqual([{ id: commander.id, name: 'Ch Supt Example', role: 'Borough Commander', status: 'present' }]);

    const memberRow = rec.people.find((p) => p.userId === ids.member)!;
    const apologies = rec.people.find((p) => p.userId === ids.member3)!;
    await declareInterest(ws, c.clerk, { ...ref, itemId: secret.id, attendanceId: memberRow.attendanceId, nature: 'Knows the family.' });
    await declareInterest(ws, c.clerk, { ...ref, itemId: data.id, attendanceId: memberRow.attendanceId, nature: 'Works for a youth charity funded by the council.' });
    const absent = await declareInterest(ws, c.clerk, { ...ref, itemId: data.id, attendanceId: apologies.attendanceId, nature: 'x' }).catch((e) => e);
    expect(absent.message).toBe('Only someone present can declare an interest: record them as present first.');
    const twice = await declareInterest(ws, c.clerk, { ...ref, itemId: secret.id, attendanceId: memberRow.attendanceId, nature: 'again' }).catch((e) => e);
    expect(twice).toBeInstanceOf(Invalid);
    const noNature = await declareInterest(ws, c.clerk, { ...ref, itemId: secret.id, attendanceId: commander.id, nature: '' }).catch((e) => e);
    expect(noNature.details.fields).toEqual({ nature: 'Enter the nature of the interest.' });
    expect((await getMeeting(ws, c.member, ref)).items.find((i) => i.id === secret.id)?.declarations).toMatchObject([{ who: 'member', nature: 'Knows the family.' }]);

    // Minutes: drafted, amended; every version kept with who and when.
    const entries = (text: string) => [
      { itemId: welcome.id, publicText: `The chair welcomed everyone. ${text}`, confidentialText: '' },
      { itemId: data.id, publicText: 'The panel discussed the April figures.', confidentialText: 'The inspector named the officers involved.' },
      { itemId: secret.id, publicText: 'typed by mistake where no public part exists', confidentialText: 'The panel heard about the case of a named young person.' }
    ];
    await expect(approveMinutes(ws, c.chair, { ...ref, atMeetingId: july.id })).rejects.toBeInstanceOf(Conflict);
    const empty = await saveMinutes(ws, c.clerk, { ...ref, entries: [] }).catch((e) => e);
    expect(empty.message).toBe('Write the minutes of at least one item.');
    await expect(saveMinutes(ws, c.member, { ...ref, entries: entries('') })).rejects.toBeInstanceOf(Forbidden);
    const v1 = await saveMinutes(ws, c.clerk, { ...ref, entries: entries('') });
    expect(v1.version).toBe(1);
    expect(v1.entries.find((e) => e.itemId === secret.id)).toMatchObject({ confidential: true, publicText: '' });
    ws.clock.sleep(3_600_000);
    const v2 = await saveMinutes(ws, c.chair, { ...ref, entries: entries('Apologies from member3.'), note: 'Added the apologies.' });
    expect(v2).toMatchObject({ version: 2, authorLabel: 'chair@example.org', note: 'Added the apologies.' });
    await expect(saveMinutes(ws, c.chair, { ...ref, entries: entries('Apologies from member3.') })).rejects.toThrow('Nothing has changed since version 2.');
    const minutes = await getMinutes(ws, c.member, { ...ref, version: 1 });
    expect(minutes.versions.map((v) => [v.version, v.authorLabel])).toEqual([[2, 'chair@example.org'], [1, 'clerk@example.org']]);
    expect(minutes.shown?.entries[0].publicText).toBe('The chair welcomed everyone.');

    // Approval: never at the same meeting or an earlier one; at a later one once it has taken place.
    const same = await approveMinutes(ws, c.chair, { ...ref, atMeetingId: june.id }).catch((e) => e);
    expect(same).toBeInstanceOf(Invalid);
    expect(same.message).toBe('Minutes cannot be approved at the meeting they record: choose a later meeting.');
    const earlier = await approveMinutes(ws, c.chair, { ...ref, atMeetingId: may.id }).catch((e) => e);
    expect(earlier.message).toBe('Minutes are approved at a later meeting: choose one after Tuesday 3 June 2025, 18:30.');
    const notYet = await approveMinutes(ws, c.chair, { ...ref, atMeetingId: july.id }).catch((e) => e);
    expect(notYet.details.field).toBe('atMeetingId');
    await expect(publishMinutes(ws, c.clerk, ref)).rejects.toThrow('Only approved minutes can be published');
    ws.clock = at('2025-07-01T19:00:00Z');
    // The next meeting first (the June meeting of the test before), the cancelled one left out.
    expect((await getMinutes(ws, c.clerk, ref)).approvers.map((a) => a.title)).toEqual(['June meeting', 'July meeting']);
    await expect(approveMinutes(ws, c.member, { ...ref, atMeetingId: july.id })).rejects.toBeInstanceOf(Forbidden);
    const approved = await approveMinutes(ws, c.chair, { ...ref, atMeetingId: july.id });
    expect(approved).toMatchObject({ status: 'approved', approvedVersion: 2, approvedAtMeetingId: july.id, approvedBy: 'chair@example.org' });
    expect((await getMeeting(ws, c.member, { panelId, meetingId: july.id })).approvedHere.map((m) => m.id)).toEqual([june.id]);

    // Approved: the record is what the panel approved.
    await expect(saveMinutes(ws, c.clerk, { ...ref, entries: entries('later') })).rejects.toBeInstanceOf(Conflict);
    await expect(addAgendaItem(ws, c.clerk, { ...ref, title: 'Late item' })).rejects.toBeInstanceOf(Conflict);
    await expect(recordAttendance(ws, c.clerk, { ...ref, entries: [{ userId: ids.member3, status: 'present' }] })).rejects.toBeInstanceOf(Conflict);
    await expect(approveMinutes(ws, c.chair, { ...ref, atMeetingId: july.id })).rejects.toBeInstanceOf(Conflict);

    // Nothing is public until published.
    expect((await publishedMinutesList(ws, anonymous, 'hackney')).minutes).toEqual([]);
    await expect(publishedMinutes(ws, anonymous, { slug: 'hackney', meetingId: june.id })).rejects.toBeInstanceOf(NotFound);
    await expect(publishMinutes(ws, c.member, ref)).rejects.toBeInstanceOf(Forbidden);
    await publishMinutes(ws, c.clerk, ref);
    await expect(publishMinutes(ws, c.clerk, ref)).rejects.toBeInstanceOf(Conflict);
    const pub = await publishedMinutes(ws, anonymous, { slug: 'hackney', meetingId: june.id });
    expect(pub.published).toMatchObject({
      title: 'Panel meeting',
      version: 2,
      attendance: { present: 5, apologies: 1, absent: 0, guests: 1 },
      quorate: true,
      quorum: 3,
      confidentialItems: 1,
      approvedAtMeeting: { title: 'July meeting' }
    });
    expect(pub.published.items).toEqual([
      { number: 1, title: 'Welcome and introductions', description: 'The chair opens the meeting.', minutes: 'The chair welcomed everyone. Apologies from member3.', declarations: [] },
      { number: 2, title: 'Stop and search data pack', description: 'April figures.', minutes: 'The panel discussed the April figures.', declarations: ['Works for a youth charity funded by the council.'] }
    ]);
    const everything = JSON.stringify(pub);
    for (const hidden of ['named young person', 'Knows the family', 'named the officers', 'typed by mistake', 'member@example.org', 'Ch Supt Example', 'chair@example.org'])
      expect(everything).not.toContain(hidden);
    expect((await publishedMinutesList(ws, anonymous, 'hackney')).minutes.map((m) => m.meetingId)).toEqual([june.id]);
    await expect(publishedMinutes(ws, anonymous, { slug: 'islington', meetingId: june.id })).rejects.toBeInstanceOf(NotFound);
    await expect(publishedMinutesList(ws, anonymous, 'atlantis')).rejects.toBeInstanceOf(NotFound);
    expect(await audited('minutes', june.id)).toEqual(['minutes.draft', 'minutes.draft', 'minutes.approve', 'minutes.publish']);
  });

  it('keeps each panel to itself', async () => {
    const m = await schedule('Hackney only', '2025-08-05');
    // An action links to a meeting of its own panel only.
    const action = { title: 'From the meeting', ownerId: ids.chair, dueOn: '2025-09-01', rag: 'green' as const };
    expect((await createAction(ws, c.clerk, { panelId, ...action, meetingId: String(m.id) })).meetingId).toBe(m.id);
    const islingtonChair = await person(ws, 'islington-chair@example.org', { id: c.islington.id, role: 'chair' });
    const foreign = await createAction(ws, islingtonChair, { panelId: c.islington.id, ...action, ownerId: await userId(ws, 'islington-chair@example.org'), meetingId: String(m.id) }).catch((e) => e);
    expect(foreign.details?.field).toBe('meetingId');
    await expect(getMeeting(ws, c.otherMember, { panelId, meetingId: m.id })).rejects.toBeInstanceOf(NotFound);
    await expect(getMeeting(ws, c.police, { panelId, meetingId: m.id })).rejects.toBeInstanceOf(Forbidden);
    // Another panel's meeting through one's own panel: not found either.
    const islingtonClerk = await person(ws, 'islington-clerk@example.org', { id: c.islington.id, role: 'clerk' });
    await expect(getMeeting(ws, islingtonClerk, { panelId: c.islington.id, meetingId: m.id })).rejects.toBeInstanceOf(NotFound);
    await expect(addAgendaItem(ws, islingtonClerk, { panelId: c.islington.id, meetingId: m.id, title: 'x' })).rejects.toBeInstanceOf(NotFound);
    expect(await listMeetings(ws, islingtonClerk, c.islington.id)).toEqual([]);
    expect((await getMeeting(ws, c.member, { panelId, meetingId: m.id })).meeting.title).toBe('Hackney only');
  });

  it('answers an id that is not a number (a tampered form) with not found, never a database error', async () => {
    const m = await schedule('Tampered forms', '2025-08-06');
    const ref = { panelId, meetingId: m.id };
    await expect(removeAgendaItem(ws, c.clerk, { ...ref, itemId: Number('abc') })).rejects.toThrow('There is no such item on this agenda.');
    await expect(editAgendaItem(ws, c.clerk, { ...ref, itemId: Number.NaN, title: 'x' })).rejects.toBeInstanceOf(NotFound);
    await expect(removeGuest(ws, c.clerk, { ...ref, attendanceId: Number('') })).rejects.toThrow('There is no such guest at this meeting.');
    await expect(withdrawDeclaration(ws, c.clerk, { ...ref, declarationId: 1.5 })).rejects.toThrow('There is no such declaration at this meeting.');
    await expect(getMeeting(ws, c.member, { panelId, meetingId: Number('x') })).rejects.toBeInstanceOf(NotFound);
  });

  it('lets the officers set the panel’s quorum rule', async () => {
    expect(await quorumRule(ws, c.member, panelId)).toEqual({ divisor: 3, minimum: 3, voting: 4 });
    await expect(setQuorumRule(ws, c.member, { panelId, divisor: 2, minimum: 3 })).rejects.toBeInstanceOf(Forbidden);
    const bad = await setQuorumRule(ws, c.chair, { panelId, divisor: '0', minimum: 'three' }).catch((e) => e);
    expect(bad.details.fields).toEqual({ divisor: 'Enter a whole number from 1 to 10.', minimum: 'Enter a whole number from 1 to 50.' });
    await setQuorumRule(ws, c.chair, { panelId, divisor: '2', minimum: '4' });
    expect(await quorumRule(ws, c.member, panelId)).toMatchObject({ divisor: 2, minimum: 4 });
    expect(await audited('panel', panelId)).toContain('meeting.quorum-rule');
  });
});
