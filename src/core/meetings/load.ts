import { and, eq } from 'drizzle-orm';
import type { Tx } from '../audit/append.ts';
import { meetingMinutes, meetings, type Meeting, type MeetingMinutes } from '../db/schema.ts';
import { isRowId } from '../db/ids.ts';
import { Conflict, NotFound } from '../errors.ts';

/** A meeting of the panel, or NotFound: another panel's meeting is as if it did not exist. */
export async function loadMeeting(tx: Tx, panelId: number, meetingId: number): Promise<Meeting> {
  const [m] = isRowId(meetingId) ? await tx.select().from(meetings).where(and(eq(meetings.id, meetingId), eq(meetings.panelId, panelId))) : [];
  if (!m) throw new NotFound('There is nothing at this address.');
  return m;
}

export async function loadMinutes(tx: Tx, meetingId: number): Promise<MeetingMinutes | null> {
  const [row] = await tx.select().from(meetingMinutes).where(eq(meetingMinutes.meetingId, meetingId));
  return row ?? null;
}

/**
 * The record of a meeting (details, agenda, attendance, declarations) can change until its minutes
 * are approved; after that it is what the panel approved. A cancelled meeting changes no more.
 */
export async function openMeeting(tx: Tx, panelId: number, meetingId: number): Promise<Meeting> {
  const m = await loadMeeting(tx, panelId, meetingId);
  if (m.cancelledAt) throw new Conflict('This meeting was cancelled.');
  const minutes = await loadMinutes(tx, m.id);
  if (minutes && minutes.status !== 'draft') throw new Conflict('The minutes of this meeting have been approved: its record can no longer change.');
  return m;
}
