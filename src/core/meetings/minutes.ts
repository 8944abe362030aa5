import { and, asc, desc, eq, isNotNull } from 'drizzle-orm';
import { actorId, actorLabel, type Actor } from '../access/actor.ts';
import { requireAccess } from '../access/require-access.ts';
import type { Tx } from '../audit/append.ts';
import { canonicalJson } from '../audit/chain.ts';
import { write, type WorkflowContext } from '../audit/write.ts';
import { agendaItems, meetingMinutes, meetings, minutesVersions, panels, type MeetingMinutes, type MinutesEntry, type MinutesVersion, type PublishedMinutes } from '../db/schema.ts';
import { Conflict, Invalid, NotFound } from '../errors.ts';
import { parse } from '../panels/input.ts';
import { approveInput, minutesInput } from './input.ts';
import { loadMeeting, loadMinutes } from './load.ts';
import { meetingRecord, type MeetingRecord } from './record.ts';
import { meetingTime } from './time.ts';

type MeetingRef = { panelId: number; meetingId: number };

/**
 * Saves the minutes as a new version: the first save drafts them, each later one amends them.
 * Entries are per agenda item; a confidential item has no public part (anything typed there is
 * not kept). Nothing is overwritten: every version stays, with who saved it and when.
 */
export async function saveMinutes(ctx: WorkflowContext, actor: Actor, raw: MeetingRef & { entries?: unknown; note?: unknown }): Promise<MinutesVersion> {
  requireAccess(actor, 'minutes.draft', { panelId: raw.panelId });
  const input = parse(minutesInput, raw);
  return write(ctx, actor, async (tx, audit) => {
    const m = await loadMeeting(tx, raw.panelId, raw.meetingId);
    if (m.cancelledAt) throw new Conflict('This meeting was cancelled: it has no minutes.');
    const minutes = await loadMinutes(tx, m.id);
    if (minutes && minutes.status !== 'draft') throw new Conflict('These minutes have been approved: they can no longer be amended.');
    const items = await tx.select().from(agendaItems).where(eq(agendaItems.meetingId, m.id)).orderBy(asc(agendaItems.position), asc(agendaItems.id));
    if (items.length === 0) throw new Invalid('Add the agenda before writing the minutes: they are written item by item.');
    const given = new Map(input.entries.map((e) => [e.itemId, e]));
    const stranger = input.entries.find((e) => !items.some((i) => i.id === e.itemId));
    if (stranger) throw new Invalid('The agenda has changed since this page was opened: open it again.');
    const entries: MinutesEntry[] = items.map((i) => ({
      itemId: i.id,
      title: i.title,
      confidential: i.confidential,
      publicText: i.confidential ? '' : (given.get(i.id)?.publicText.trim() ?? ''),
      confidentialText: given.get(i.id)?.confidentialText.trim() ?? ''
    }));
    if (entries.every((e) => !e.publicText && !e.confidentialText)) throw new Invalid('Write the minutes of at least one item.', { field: 'entries' });
    const version = (minutes?.currentVersion ?? 0) + 1;
    if (minutes) {
      const [last] = await tx.select().from(minutesVersions).where(and(eq(minutesVersions.meetingId, m.id), eq(minutesVersions.version, minutes.currentVersion)));
      if (canonicalJson(last.entries) === canonicalJson(entries)) throw new Conflict(`Nothing has changed since version ${minutes.currentVersion}.`);
      await tx.update(meetingMinutes).set({ currentVersion: version }).where(eq(meetingMinutes.meetingId, m.id));
    } else {
      await tx.insert(meetingMinutes).values({ meetingId: m.id, panelId: raw.panelId, currentVersion: version });
    }
    const [saved] = await tx
      .insert(minutesVersions)
      .values({ panelId: raw.panelId, meetingId: m.id, version, entries, note: input.note, authorId: actorId(actor), authorLabel: actorLabel(actor), createdAt: ctx.clock.now() })
      .returning();
    await audit({ action: 'minutes.draft', entity: { type: 'minutes', id: m.id }, panelId: raw.panelId, details: { version, note: input.note, op: version === 1 ? 'draft' : 'amend' } });
    return saved;
  });
}

/**
 * Records that a later meeting approved the minutes as they stand (their current version). The
 * approving meeting must be of the same panel, not cancelled, later than the one minuted, and have
 * begun: minutes are approved at a following meeting, never at their own or an earlier one.
 */
export async function approveMinutes(ctx: WorkflowContext, actor: Actor, raw: MeetingRef & { atMeetingId?: unknown }): Promise<MeetingMinutes> {
  requireAccess(actor, 'minutes.approve', { panelId: raw.panelId });
  const input = parse(approveInput, raw);
  return write(ctx, actor, async (tx, audit) => {
    const m = await loadMeeting(tx, raw.panelId, raw.meetingId);
    const minutes = await loadMinutes(tx, m.id);
    if (!minutes) throw new Conflict('Draft the minutes before they can be approved.');
    if (minutes.status !== 'draft') throw new Conflict('These minutes have already been approved.');
    const field = { field: 'atMeetingId' };
    if (input.atMeetingId === m.id) throw new Invalid('Minutes cannot be approved at the meeting they record: choose a later meeting.', field);
    const [at] = await tx.select().from(meetings).where(and(eq(meetings.id, input.atMeetingId), eq(meetings.panelId, raw.panelId)));
    if (!at) throw new Invalid("Choose one of this panel's meetings.", field);
    if (at.startsAt <= m.startsAt) throw new Invalid(`Minutes are approved at a later meeting: choose one after ${meetingTime(m.startsAt)}.`, field);
    if (at.cancelledAt) throw new Invalid('That meeting was cancelled: choose a meeting that took place.', field);
    if (at.startsAt > ctx.clock.now()) throw new Invalid(`That meeting has not taken place yet (${meetingTime(at.startsAt)}): record the approval at or after it.`, field);
    const [row] = await tx
      .update(meetingMinutes)
      .set({ status: 'approved', approvedVersion: minutes.currentVersion, approvedAtMeetingId: at.id, approvedAt: ctx.clock.now(), approvedBy: actorLabel(actor) })
      .where(eq(meetingMinutes.meetingId, m.id))
      .returning();
    await audit({ action: 'minutes.approve', entity: { type: 'minutes', id: m.id }, panelId: raw.panelId, details: { version: minutes.currentVersion, atMeetingId: at.id } });
    return row;
  });
}

/**
 * Publishes approved minutes: a snapshot of their public part, made now and never changed. It
 * leaves out confidential items (their titles too), the confidential part of every item, and
 * people's names: attendance as counts, declarations by their nature only.
 */
export async function publishMinutes(ctx: WorkflowContext, actor: Actor, raw: MeetingRef): Promise<MeetingMinutes> {
  requireAccess(actor, 'minutes.publish', { panelId: raw.panelId });
  return write(ctx, actor, async (tx, audit) => {
    const m = await loadMeeting(tx, raw.panelId, raw.meetingId);
    const minutes = await loadMinutes(tx, m.id);
    if (!minutes || minutes.status === 'draft') throw new Conflict('Only approved minutes can be published: a later meeting approves them first.');
    if (minutes.status === 'published') throw new Conflict('These minutes are already published.');
    const published = await publicSnapshot(tx, raw.panelId, m.id, minutes, ctx.clock.now());
    const [row] = await tx.update(meetingMinutes).set({ status: 'published', publishedAt: ctx.clock.now(), published }).where(eq(meetingMinutes.meetingId, m.id)).returning();
    await audit({ action: 'minutes.publish', entity: { type: 'minutes', id: m.id }, panelId: raw.panelId, details: { version: minutes.approvedVersion, items: published.items.length, confidentialItems: published.confidentialItems } });
    return row;
  });
}

async function publicSnapshot(tx: Tx, panelId: number, meetingId: number, minutes: MeetingMinutes, now: Date): Promise<PublishedMinutes> {
  const record: MeetingRecord = await meetingRecord(tx, panelId, meetingId, now);
  const [approved] = await tx.select().from(minutesVersions).where(and(eq(minutesVersions.meetingId, meetingId), eq(minutesVersions.version, minutes.approvedVersion!)));
  const at = record.minutes!.approvedAtMeeting!;
  const itemById = new Map(record.items.map((i) => [i.id, i]));
  // Public only when the item was public in the approved version and still is.
  const isPublic = (e: MinutesEntry) => !e.confidential && itemById.get(e.itemId)?.confidential === false;
  const shown = approved.entries.filter(isPublic);
  const everyone = [...record.people.filter((p) => p.status), ...record.guests];
  const count = (s: string) => everyone.filter((p) => p.status === s).length;
  return {
    title: record.meeting.title,
    startsAt: record.meeting.startsAt.toISOString(),
    place: record.meeting.place,
    approvedAtMeeting: { title: at.title, startsAt: at.startsAt.toISOString() },
    version: approved.version,
    attendance: { present: count('present'), apologies: count('apologies'), absent: count('absent'), guests: record.guests.filter((g) => g.status === 'present').length },
    quorate: record.quorum.quorate,
    quorum: record.quorum.needed,
    items: shown.map((e, i) => {
      const item = itemById.get(e.itemId)!;
      return { number: i + 1, title: item.title, description: item.description, minutes: e.publicText, declarations: item.declarations.map((d) => d.nature) };
    }),
    confidentialItems: approved.entries.length - shown.length
  };
}

// ---- Reading

export interface MinutesRecord {
  record: MeetingRecord;
  versions: Omit<MinutesVersion, 'entries'>[];
  /** The version asked for, or the current one. */
  shown: MinutesVersion | null;
  /** Meetings that can approve these minutes: later, held, not cancelled (the next one first). */
  approvers: { id: number; title: string; startsAt: Date }[];
}

export async function getMinutes(ctx: WorkflowContext, actor: Actor, raw: MeetingRef & { version?: number }): Promise<MinutesRecord> {
  requireAccess(actor, 'meeting.list', { panelId: raw.panelId });
  const db = ctx.db.db;
  const now = ctx.clock.now();
  const record = await meetingRecord(db, raw.panelId, raw.meetingId, now);
  const versions = await db.select().from(minutesVersions).where(eq(minutesVersions.meetingId, record.meeting.id)).orderBy(desc(minutesVersions.version));
  const wanted = raw.version ?? record.minutes?.currentVersion;
  const shown = versions.find((v) => v.version === wanted) ?? null;
  if (raw.version !== undefined && !shown) throw new NotFound('There is no such version of these minutes.');
  const later = await db.select().from(meetings).where(eq(meetings.panelId, raw.panelId)).orderBy(asc(meetings.startsAt));
  const approvers = later.filter((x) => x.startsAt > record.meeting.startsAt && x.startsAt <= now && !x.cancelledAt).map((x) => ({ id: x.id, title: x.title, startsAt: x.startsAt }));
  return { record, versions: versions.map(({ entries: _e, ...v }) => v), shown, approvers };
}

/** The public list of a borough's published minutes, newest meeting first. A borough without a panel is not found. */
export async function publishedMinutesList(ctx: WorkflowContext, actor: Actor, slug: string): Promise<{ panel: { name: string; slug: string }; minutes: { meetingId: number; published: PublishedMinutes; publishedAt: Date }[] }> {
  requireAccess(actor, 'minutes.read-published');
  const panel = await panelOf(ctx, slug);
  const rows = await ctx.db.db
    .select({ meetingId: meetingMinutes.meetingId, published: meetingMinutes.published, publishedAt: meetingMinutes.publishedAt, startsAt: meetings.startsAt })
    .from(meetingMinutes)
    .innerJoin(meetings, eq(meetings.id, meetingMinutes.meetingId))
    .where(and(eq(meetingMinutes.panelId, panel.id), eq(meetingMinutes.status, 'published'), isNotNull(meetingMinutes.published)))
    .orderBy(desc(meetings.startsAt));
  return { panel, minutes: rows.map((r) => ({ meetingId: r.meetingId, published: r.published!, publishedAt: r.publishedAt! })) };
}

/** One meeting's published minutes; unpublished minutes and other boroughs' meetings are not found. */
export async function publishedMinutes(ctx: WorkflowContext, actor: Actor, raw: { slug: string; meetingId: number }): Promise<{ panel: { name: string; slug: string }; published: PublishedMinutes; publishedAt: Date }> {
  requireAccess(actor, 'minutes.read-published');
  const panel = await panelOf(ctx, raw.slug);
  const [row] = await ctx.db.db
    .select()
    .from(meetingMinutes)
    .where(and(eq(meetingMinutes.meetingId, raw.meetingId), eq(meetingMinutes.panelId, panel.id), eq(meetingMinutes.status, 'published')));
  if (!row?.published || !row.publishedAt) throw new NotFound('These minutes have not been published.');
  return { panel, published: row.published, publishedAt: row.publishedAt };
}

async function panelOf(ctx: WorkflowContext, slug: string): Promise<{ id: number; name: string; slug: string }> {
  const [panel] = await ctx.db.db.select({ id: panels.id, name: panels.name, slug: panels.slug }).from(panels).where(eq(panels.slug, slug));
  if (!panel) throw new NotFound('This borough has no scrutiny panel using Scrutineer yet.');
  return panel;
}
