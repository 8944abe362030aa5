import { and, eq } from 'drizzle-orm';
import type { Actor } from '../access/actor.ts';
import { requireAccess } from '../access/require-access.ts';
import { write, type WorkflowContext } from '../audit/write.ts';
import { agendaItems, attendance, declarations, panelMembers, type Attendance, type Declaration } from '../db/schema.ts';
import { Invalid, NotFound } from '../errors.ts';
import { parse } from '../panels/input.ts';
import { attendanceInput, declarationInput, guestInput } from './input.ts';
import { isRowId } from '../db/ids.ts';
import { openMeeting } from './load.ts';

type MeetingRef = { panelId: number; meetingId: number };

/**
 * Records who of the panel was present, sent apologies or was absent. Entries name people of the
 * panel by account id; someone not listed keeps what was recorded before (or nothing).
 */
export async function recordAttendance(ctx: WorkflowContext, actor: Actor, raw: MeetingRef & { entries?: unknown }): Promise<number> {
  requireAccess(actor, 'attendance.record', { panelId: raw.panelId });
  const input = parse(attendanceInput, raw);
  return write(ctx, actor, async (tx, audit) => {
    const m = await openMeeting(tx, raw.panelId, raw.meetingId);
    const roles = new Map((await tx.select({ userId: panelMembers.userId, role: panelMembers.role }).from(panelMembers).where(eq(panelMembers.panelId, raw.panelId))).map((p) => [p.userId, p.role]));
    const stranger = input.entries.find((e) => !roles.has(e.userId));
    if (stranger) throw new Invalid('Record attendance only for people of this panel; add anyone else as a guest.', { field: 'entries' });
    for (const e of input.entries) {
      const memberRole = roles.get(e.userId)!;
      await tx
        .insert(attendance)
        .values({ panelId: raw.panelId, meetingId: m.id, userId: e.userId, status: e.status, memberRole })
        .onConflictDoUpdate({ target: [attendance.meetingId, attendance.userId], set: { status: e.status, memberRole } });
    }
    await audit({ action: 'attendance.record', entity: { type: 'meeting', id: m.id }, panelId: raw.panelId, details: { entries: input.entries } });
    return input.entries.length;
  });
}

/** A guest: the borough commander, an officer presenting, a resident. Guests do not count towards the quorum. */
export async function addGuest(ctx: WorkflowContext, actor: Actor, raw: MeetingRef & { name?: unknown; role?: unknown; status?: unknown }): Promise<Attendance> {
  requireAccess(actor, 'attendance.record', { panelId: raw.panelId });
  const input = parse(guestInput, raw);
  return write(ctx, actor, async (tx, audit) => {
    const m = await openMeeting(tx, raw.panelId, raw.meetingId);
    const [row] = await tx.insert(attendance).values({ panelId: raw.panelId, meetingId: m.id, guestName: input.name, guestRole: input.role, status: input.status }).returning();
    await audit({ action: 'attendance.record', entity: { type: 'attendance', id: row.id }, panelId: raw.panelId, details: { op: 'guest', meetingId: m.id, name: input.name, role: input.role, status: input.status } });
    return row;
  });
}

export async function removeGuest(ctx: WorkflowContext, actor: Actor, raw: MeetingRef & { attendanceId: number }): Promise<void> {
  requireAccess(actor, 'attendance.record', { panelId: raw.panelId });
  await write(ctx, actor, async (tx, audit) => {
    const m = await openMeeting(tx, raw.panelId, raw.meetingId);
    const [row] = isRowId(raw.attendanceId) ? await tx.select().from(attendance).where(and(eq(attendance.id, raw.attendanceId), eq(attendance.meetingId, m.id))) : [];
    if (!row || row.guestName === null) throw new NotFound('There is no such guest at this meeting.');
    await tx.delete(attendance).where(eq(attendance.id, row.id));
    await audit({ action: 'attendance.record', entity: { type: 'attendance', id: row.id }, panelId: raw.panelId, details: { op: 'remove-guest', meetingId: m.id, name: row.guestName } });
  });
}

/** A declaration of interest by someone present, on one agenda item (one per person per item). */
export async function declareInterest(ctx: WorkflowContext, actor: Actor, raw: MeetingRef & { itemId?: unknown; attendanceId?: unknown; nature?: unknown }): Promise<Declaration> {
  requireAccess(actor, 'declaration.record', { panelId: raw.panelId });
  const input = parse(declarationInput, raw);
  return write(ctx, actor, async (tx, audit) => {
    const m = await openMeeting(tx, raw.panelId, raw.meetingId);
    const [item] = await tx.select().from(agendaItems).where(and(eq(agendaItems.id, input.itemId), eq(agendaItems.meetingId, m.id)));
    if (!item) throw new Invalid('Choose an item of this agenda.', { field: 'itemId' });
    const [who] = await tx.select().from(attendance).where(and(eq(attendance.id, input.attendanceId), eq(attendance.meetingId, m.id)));
    if (!who) throw new Invalid('Choose someone recorded at this meeting.', { field: 'attendanceId' });
    if (who.status !== 'present') throw new Invalid('Only someone present can declare an interest: record them as present first.', { field: 'attendanceId' });
    const [existing] = await tx.select({ id: declarations.id }).from(declarations).where(and(eq(declarations.agendaItemId, item.id), eq(declarations.attendanceId, who.id)));
    if (existing) throw new Invalid('This person has already declared an interest in this item: remove that declaration to record another.', { field: 'attendanceId' });
    const [row] = await tx.insert(declarations).values({ panelId: raw.panelId, meetingId: m.id, agendaItemId: item.id, attendanceId: who.id, nature: input.nature, createdAt: ctx.clock.now() }).returning();
    await audit({ action: 'declaration.record', entity: { type: 'declaration', id: row.id }, panelId: raw.panelId, details: { op: 'declare', meetingId: m.id, itemId: item.id, attendanceId: who.id, nature: input.nature } });
    return row;
  });
}

export async function withdrawDeclaration(ctx: WorkflowContext, actor: Actor, raw: MeetingRef & { declarationId: number }): Promise<void> {
  requireAccess(actor, 'declaration.record', { panelId: raw.panelId });
  await write(ctx, actor, async (tx, audit) => {
    const m = await openMeeting(tx, raw.panelId, raw.meetingId);
    const [row] = isRowId(raw.declarationId) ? await tx.select().from(declarations).where(and(eq(declarations.id, raw.declarationId), eq(declarations.meetingId, m.id))) : [];
    if (!row) throw new NotFound('There is no such declaration at this meeting.');
    await tx.delete(declarations).where(eq(declarations.id, row.id));
    await audit({ action: 'declaration.record', entity: { type: 'declaration', id: row.id }, panelId: raw.panelId, details: { op: 'remove', meetingId: m.id, itemId: row.agendaItemId, nature: row.nature } });
  });
}
