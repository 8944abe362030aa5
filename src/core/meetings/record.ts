import { and, asc, eq } from 'drizzle-orm';
import type { Actor } from '../access/actor.ts';
import { requireAccess } from '../access/require-access.ts';
import type { Tx } from '../audit/append.ts';
import type { WorkflowContext } from '../audit/write.ts';
import {
  actionItems,
  agendaItems,
  attendance,
  declarations,
  meetingMinutes,
  meetings,
  panelMembers,
  panels,
  questions,
  users,
  type AgendaItem,
  type AttendanceStatus,
  type Meeting,
  type MeetingMinutes,
  type PanelRole
} from '../db/schema.ts';
import { loadMeeting, loadMinutes } from './load.ts';
import { meetingStatus, type MeetingView } from './meetings.ts';
import { quorum, votingRoles, type Quorum, type QuorumRule } from './quorum.ts';

export interface ItemView extends AgendaItem {
  number: number;
  questionTitle: string | null;
  actionTitle: string | null;
  declarations: { id: number; attendanceId: number; who: string; nature: string }[];
}

export interface PersonAttendance {
  userId: string;
  name: string;
  /** Their role when their attendance was recorded, else their role now. */
  role: PanelRole;
  voting: boolean;
  attendanceId: number | null;
  status: AttendanceStatus | null;
  /** Recorded at this meeting, but no longer on the panel: shown, not recorded again. */
  former: boolean;
}

export interface GuestAttendance {
  id: number;
  name: string;
  role: string;
  status: AttendanceStatus;
}

export type MeetingRef = Pick<Meeting, 'id' | 'title' | 'startsAt'>;

export interface MeetingRecord {
  meeting: MeetingView;
  items: ItemView[];
  people: PersonAttendance[];
  guests: GuestAttendance[];
  rule: QuorumRule;
  quorum: Quorum;
  minutes: (MeetingMinutes & { approvedAtMeeting: MeetingRef | null }) | null;
  /** Minutes of earlier meetings that this meeting approved. */
  approvedHere: MeetingRef[];
}

/** A meeting with its agenda, attendance, quorum, declarations and where its minutes stand. */
export async function getMeeting(ctx: WorkflowContext, actor: Actor, raw: { panelId: number; meetingId: number }): Promise<MeetingRecord> {
  requireAccess(actor, 'meeting.list', { panelId: raw.panelId });
  return meetingRecord(ctx.db.db, raw.panelId, raw.meetingId, ctx.clock.now());
}

export async function meetingRecord(tx: Tx, panelId: number, meetingId: number, now: Date): Promise<MeetingRecord> {
  const m = await loadMeeting(tx, panelId, meetingId);
  const minutes = await loadMinutes(tx, m.id);
  // One query after another: inside a transaction they share one connection.
  const items = await agenda(tx, m.id);
  const people = await peopleAttendance(tx, panelId, m);
  const guests = await tx.select().from(attendance).where(eq(attendance.meetingId, m.id)).orderBy(asc(attendance.id));
  const rule = await tx.select({ divisor: panels.quorumDivisor, minimum: panels.quorumMinimum }).from(panels).where(eq(panels.id, panelId));
  const approvedHere = await tx
    .select({ id: meetings.id, title: meetings.title, startsAt: meetings.startsAt })
    .from(meetingMinutes)
    .innerJoin(meetings, eq(meetings.id, meetingMinutes.meetingId))
    .where(eq(meetingMinutes.approvedAtMeetingId, m.id))
    .orderBy(asc(meetings.startsAt));
  const voting = people.filter((p) => p.voting);
  const approvedAtMeeting = minutes?.approvedAtMeetingId ? await ref(tx, minutes.approvedAtMeetingId) : null;
  return {
    meeting: { ...m, status: meetingStatus(m, now), minutesStatus: minutes?.status ?? null },
    items,
    people,
    guests: guests.filter((g) => g.guestName !== null).map((g) => ({ id: g.id, name: g.guestName!, role: g.guestRole, status: g.status })),
    rule: rule[0],
    quorum: quorum(rule[0], voting.length, voting.filter((p) => p.status === 'present').length),
    minutes: minutes ? { ...minutes, approvedAtMeeting } : null,
    approvedHere
  };
}

async function ref(tx: Tx, meetingId: number): Promise<MeetingRef | null> {
  const [row] = await tx.select({ id: meetings.id, title: meetings.title, startsAt: meetings.startsAt }).from(meetings).where(eq(meetings.id, meetingId));
  return row ?? null;
}

async function agenda(tx: Tx, meetingId: number): Promise<ItemView[]> {
  const rows = await tx
    .select({ item: agendaItems, questionTitle: questions.title, actionTitle: actionItems.title })
    .from(agendaItems)
    .leftJoin(questions, eq(questions.id, agendaItems.questionId))
    .leftJoin(actionItems, eq(actionItems.id, agendaItems.actionId))
    .where(eq(agendaItems.meetingId, meetingId))
    .orderBy(asc(agendaItems.position), asc(agendaItems.id));
  const declared = await tx
    .select({ d: declarations, userName: users.name, guestName: attendance.guestName })
    .from(declarations)
    .innerJoin(attendance, eq(attendance.id, declarations.attendanceId))
    .leftJoin(users, eq(users.id, attendance.userId))
    .where(eq(declarations.meetingId, meetingId))
    .orderBy(asc(declarations.id));
  return rows.map((r, i) => ({
    ...r.item,
    number: i + 1,
    questionTitle: r.questionTitle,
    actionTitle: r.actionTitle,
    declarations: declared
      .filter((d) => d.d.agendaItemId === r.item.id)
      .map((d) => ({ id: d.d.id, attendanceId: d.d.attendanceId, who: d.userName ?? d.guestName ?? '—', nature: d.d.nature }))
  }));
}

const roleOrder: Record<PanelRole, number> = { chair: 0, clerk: 1, member: 2, police: 3 };

/**
 * The people of the meeting, with what was recorded of them: everyone whose attendance was
 * recorded, in the role they had then (even if they have since left the panel or changed role), and
 * the panel's other people, not yet recorded. So what was recorded of a past meeting, and its
 * quorum, stays when people leave or change role. (Someone who joins later appears as not recorded:
 * a clerk entering past meetings after setting up needs everyone listed.)
 */
async function peopleAttendance(tx: Tx, panelId: number, meeting: { id: number }): Promise<PersonAttendance[]> {
  const recorded = await tx
    .select({ userId: users.id, name: users.name, memberRole: attendance.memberRole, attendanceId: attendance.id, status: attendance.status, nowRole: panelMembers.role })
    .from(attendance)
    .innerJoin(users, eq(users.id, attendance.userId))
    .leftJoin(panelMembers, and(eq(panelMembers.panelId, panelId), eq(panelMembers.userId, attendance.userId)))
    .where(eq(attendance.meetingId, meeting.id));
  const members = await tx
    .select({ userId: users.id, name: users.name, role: panelMembers.role })
    .from(panelMembers)
    .innerJoin(users, eq(users.id, panelMembers.userId))
    .where(eq(panelMembers.panelId, panelId));
  const seen = new Set(recorded.map((r) => r.userId));
  const people: PersonAttendance[] = [
    ...recorded.map((r) => {
      const role = r.memberRole ?? r.nowRole ?? 'member';
      return { userId: r.userId, name: r.name, role, voting: votingRoles.includes(role), attendanceId: r.attendanceId, status: r.status, former: r.nowRole === null };
    }),
    ...members
      .filter((m) => !seen.has(m.userId))
      .map((m) => ({ userId: m.userId, name: m.name, role: m.role, voting: votingRoles.includes(m.role), attendanceId: null, status: null, former: false }))
  ];
  return people.sort((a, b) => roleOrder[a.role] - roleOrder[b.role] || a.name.localeCompare(b.name, 'en-GB'));
}
