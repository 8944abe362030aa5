import { idFromAddress } from '$lib/server/address.ts';
import { can } from '$core/access/require-access.ts';
import { listActions } from '$core/actions/actions.ts';
import { attendanceStatuses } from '$core/db/schema.ts';
import { addAgendaItem, editAgendaItem, moveAgendaItem, refreshMattersArising, removeAgendaItem } from '$core/meetings/agenda.ts';
import { addGuest, declareInterest, recordAttendance, removeGuest, withdrawDeclaration } from '$core/meetings/attendance.ts';
import { cancelMeeting, editMeeting } from '$core/meetings/meetings.ts';
import { quorumRuleWords } from '$core/meetings/quorum.ts';
import { getMeeting } from '$core/meetings/record.ts';
import { meetingTime } from '$core/meetings/time.ts';
import { roleNames } from '$core/panels/invitations.ts';
import { panelBySlug } from '$core/panels/panels.ts';
import { listQuestions } from '$core/questions/questions.ts';
import { authContext } from '$lib/server/auth.ts';
import { meetingAction, meetingForPage } from '$lib/server/meeting-page.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
  const ctx = await authContext();
  const panel = await panelBySlug(ctx, locals.actor, params.panel);
  const rec = await getMeeting(ctx, locals.actor, { panelId: panel.id, meetingId: idFromAddress(params.meeting) });
  const may = (action: Parameters<typeof can>[1]) => can(locals.actor, action, { panelId: panel.id });
  const open = rec.meeting.status !== 'cancelled' && (rec.minutes === null || rec.minutes.status === 'draft');
  const editor = may('agenda.edit') && open;
  return {
    panel: { name: panel.name, slug: panel.slug },
    meeting: meetingForPage(rec.meeting),
    items: rec.items.map((i) => ({
      id: i.id,
      number: i.number,
      kind: i.kind,
      title: i.title,
      description: i.description,
      confidential: i.confidential,
      questionId: i.questionId,
      questionTitle: i.questionTitle,
      actionId: i.actionId,
      actionTitle: i.actionTitle,
      declarations: i.declarations
    })),
    people: rec.people.map((p) => ({ userId: p.userId, name: p.name, role: roleNames[p.role], voting: p.voting, attendanceId: p.attendanceId, status: p.status, former: p.former })),
    guests: rec.guests,
    quorum: { ...rec.quorum, words: quorumRuleWords(rec.rule) },
    minutes: rec.minutes
      ? { status: rec.minutes.status, version: rec.minutes.currentVersion, approvedAt: rec.minutes.approvedAtMeeting ? { id: rec.minutes.approvedAtMeeting.id, title: rec.minutes.approvedAtMeeting.title, when: meetingTime(rec.minutes.approvedAtMeeting.startsAt) } : null }
      : null,
    approvedHere: rec.approvedHere.map((m) => ({ id: m.id, title: m.title, when: meetingTime(m.startsAt) })),
    open,
    may: { edit: editor, meeting: may('meeting.edit') && open, attendance: may('attendance.record') && open, declare: may('declaration.record') && open, mattersArising: may('agenda.matters-arising') && open },
    questions: editor ? (await listQuestions(ctx, locals.actor, panel.id)).map((q) => ({ id: q.id, title: q.title })) : [],
    actions: editor ? (await listActions(ctx, locals.actor, panel.id)).map((a) => ({ id: a.id, title: a.title })) : []
  };
};

const itemFields = ['title', 'description', 'confidential', 'questionId', 'actionId'];
const asNumber = (name: string) => (d: FormData) => ({ [name]: Number(d.get(name)) });

/** Attendance radios are named status:<account id>; an unanswered one records nothing. */
function attendanceEntries(d: FormData) {
  const entries: { userId: string; status: string }[] = [];
  for (const [key, value] of d.entries()) if (key.startsWith('status:') && typeof value === 'string' && (attendanceStatuses as readonly string[]).includes(value)) entries.push({ userId: key.slice(7), status: value });
  return { entries };
}

export const actions: Actions = {
  edit: meetingAction('edit', ['title', 'day', 'time', 'place', 'onlineLink'], editMeeting),
  cancel: meetingAction('cancel', ['reason'], cancelMeeting),
  addItem: meetingAction('addItem', itemFields, addAgendaItem),
  editItem: meetingAction('editItem', [...itemFields, 'itemId'], (ctx, actor, i) => editAgendaItem(ctx, actor, { ...i, itemId: Number(i.itemId) })),
  moveItem: meetingAction('moveItem', ['itemId', 'direction'], moveAgendaItem),
  removeItem: meetingAction('removeItem', [], (ctx, actor, i) => removeAgendaItem(ctx, actor, { ...i, itemId: i.itemId as number }), asNumber('itemId')),
  mattersArising: meetingAction('mattersArising', [], refreshMattersArising),
  attendance: meetingAction('attendance', [], recordAttendance, attendanceEntries),
  guest: meetingAction('guest', ['name', 'role', 'status'], addGuest),
  removeGuest: meetingAction('removeGuest', [], (ctx, actor, i) => removeGuest(ctx, actor, { ...i, attendanceId: i.attendanceId as number }), asNumber('attendanceId')),
  declare: meetingAction('declare', ['itemId', 'attendanceId', 'nature'], declareInterest),
  withdraw: meetingAction('withdraw', [], (ctx, actor, i) => withdrawDeclaration(ctx, actor, { ...i, declarationId: i.declarationId as number }), asNumber('declarationId'))
};
