import { and, asc, eq, inArray } from 'drizzle-orm';
import { actorId, type Actor } from '../access/actor.ts';
import { requireAccess } from '../access/require-access.ts';
import { write, type WorkflowContext } from '../audit/write.ts';
import { meetingMinutes, meetings, panelMembers, panels, type Meeting, type MinutesStatus } from '../db/schema.ts';
import { parse } from '../panels/input.ts';
import { cancelInput, meetingInput, quorumRuleInput } from './input.ts';
import { openMeeting } from './load.ts';
import { votingRoles, type QuorumRule } from './quorum.ts';
import { londonInstant } from './time.ts';

export type MeetingStatus = 'scheduled' | 'held' | 'cancelled';

export interface MeetingView extends Meeting {
  /** Scheduled until its time comes, then held; or cancelled. */
  status: MeetingStatus;
  minutesStatus: MinutesStatus | null;
}

export type MeetingFields = { title?: unknown; day?: unknown; time?: unknown; place?: unknown; onlineLink?: unknown };

export const meetingStatus = (m: Meeting, now: Date): MeetingStatus => (m.cancelledAt ? 'cancelled' : m.startsAt <= now ? 'held' : 'scheduled');

/** Schedules a meeting: a title, a London date and time, and a place, an online link or both. */
export async function scheduleMeeting(ctx: WorkflowContext, actor: Actor, raw: { panelId: number } & MeetingFields): Promise<Meeting> {
  requireAccess(actor, 'meeting.schedule', { panelId: raw.panelId });
  const input = parse(meetingInput, raw);
  return write(ctx, actor, async (tx, audit) => {
    const now = ctx.clock.now();
    const startsAt = londonInstant(input.day, input.time);
    const [m] = await tx
      .insert(meetings)
      .values({ panelId: raw.panelId, title: input.title, startsAt, place: input.place, onlineLink: input.onlineLink, createdBy: actorId(actor), createdAt: now, updatedAt: now })
      .returning();
    await audit({ action: 'meeting.schedule', entity: { type: 'meeting', id: m.id }, panelId: raw.panelId, details: { title: m.title, startsAt: startsAt.toISOString(), place: m.place, onlineLink: m.onlineLink } });
    return m;
  });
}

/** Changes a meeting's title, time or place (until its minutes are approved); the audit entry keeps what was there before. */
export async function editMeeting(ctx: WorkflowContext, actor: Actor, raw: { panelId: number; meetingId: number } & MeetingFields): Promise<Meeting> {
  requireAccess(actor, 'meeting.edit', { panelId: raw.panelId });
  const input = parse(meetingInput, raw);
  return write(ctx, actor, async (tx, audit) => {
    const before = await openMeeting(tx, raw.panelId, raw.meetingId);
    const next = { title: input.title, startsAt: londonInstant(input.day, input.time), place: input.place, onlineLink: input.onlineLink };
    const [m] = await tx.update(meetings).set({ ...next, updatedAt: ctx.clock.now() }).where(eq(meetings.id, before.id)).returning();
    const changed = Object.fromEntries(
      (Object.keys(next) as (keyof typeof next)[]).filter((k) => String(before[k]) !== String(m[k])).map((k) => [k, { from: plain(before[k]), to: plain(m[k]) }])
    );
    await audit({ action: 'meeting.edit', entity: { type: 'meeting', id: m.id }, panelId: raw.panelId, details: { changed } });
    return m;
  });
}

/** Cancels a meeting with the reason; it stays in the list, marked cancelled. */
export async function cancelMeeting(ctx: WorkflowContext, actor: Actor, raw: { panelId: number; meetingId: number; reason?: unknown }): Promise<Meeting> {
  requireAccess(actor, 'meeting.cancel', { panelId: raw.panelId });
  const input = parse(cancelInput, raw);
  return write(ctx, actor, async (tx, audit) => {
    const before = await openMeeting(tx, raw.panelId, raw.meetingId);
    const [m] = await tx.update(meetings).set({ cancelledAt: ctx.clock.now(), cancelReason: input.reason, updatedAt: ctx.clock.now() }).where(eq(meetings.id, before.id)).returning();
    await audit({ action: 'meeting.cancel', entity: { type: 'meeting', id: m.id }, panelId: raw.panelId, details: { reason: input.reason } });
    return m;
  });
}

/** Every meeting of the panel, soonest first, with where its minutes stand. */
export async function listMeetings(ctx: WorkflowContext, actor: Actor, panelId: number): Promise<MeetingView[]> {
  requireAccess(actor, 'meeting.list', { panelId });
  const rows = await ctx.db.db
    .select({ m: meetings, minutes: meetingMinutes.status })
    .from(meetings)
    .leftJoin(meetingMinutes, eq(meetingMinutes.meetingId, meetings.id))
    .where(eq(meetings.panelId, panelId))
    .orderBy(asc(meetings.startsAt), asc(meetings.id));
  const now = ctx.clock.now();
  return rows.map((r) => ({ ...r.m, status: meetingStatus(r.m, now), minutesStatus: r.minutes ?? null }));
}

// ---- The quorum rule

export async function quorumRule(ctx: WorkflowContext, actor: Actor, panelId: number): Promise<QuorumRule & { voting: number }> {
  requireAccess(actor, 'meeting.list', { panelId });
  const [panel] = await ctx.db.db.select({ divisor: panels.quorumDivisor, minimum: panels.quorumMinimum }).from(panels).where(eq(panels.id, panelId));
  return { ...panel, voting: await votingMembers(ctx, panelId) };
}

async function votingMembers(ctx: WorkflowContext, panelId: number): Promise<number> {
  const rows = await ctx.db.db
    .select({ id: panelMembers.id })
    .from(panelMembers)
    .where(and(eq(panelMembers.panelId, panelId), inArray(panelMembers.role, [...votingRoles])));
  return rows.length;
}

/** Sets the panel's quorum rule: one in every `divisor` voting members, at least `minimum`. */
export async function setQuorumRule(ctx: WorkflowContext, actor: Actor, raw: { panelId: number; divisor?: unknown; minimum?: unknown }): Promise<QuorumRule> {
  requireAccess(actor, 'meeting.quorum-rule', { panelId: raw.panelId });
  const input = parse(quorumRuleInput, raw);
  return write(ctx, actor, async (tx, audit) => {
    const [before] = await tx.select({ divisor: panels.quorumDivisor, minimum: panels.quorumMinimum }).from(panels).where(eq(panels.id, raw.panelId));
    await tx.update(panels).set({ quorumDivisor: input.divisor, quorumMinimum: input.minimum }).where(eq(panels.id, raw.panelId));
    await audit({ action: 'meeting.quorum-rule', entity: { type: 'panel', id: raw.panelId }, panelId: raw.panelId, details: { from: before, to: input } });
    return input;
  });
}

const plain = (v: unknown) => (v instanceof Date ? v.toISOString() : v);
