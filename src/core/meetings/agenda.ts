import { and, asc, eq, inArray, isNull, max } from 'drizzle-orm';
import type { Actor } from '../access/actor.ts';
import { requireAccess } from '../access/require-access.ts';
import type { Tx } from '../audit/append.ts';
import { write, type WorkflowContext } from '../audit/write.ts';
import { actionItems, agendaItems, questions, users, type AgendaItem } from '../db/schema.ts';
import { Invalid, NotFound } from '../errors.ts';
import { parse } from '../panels/input.ts';
import { londonDay } from '../questions/working-days.ts';
import { agendaItemInput, moveInput } from './input.ts';
import { isRowId } from '../db/ids.ts';
import { openMeeting } from './load.ts';
import { actionMatter, questionMatter, type Matter } from './matters-arising.ts';

type ItemFields = { title?: unknown; description?: unknown; confidential?: unknown; questionId?: unknown; actionId?: unknown };
type MeetingRef = { panelId: number; meetingId: number };

/** Adds an item at the end of the agenda, public unless marked confidential, optionally linked to a question or an action. */
export async function addAgendaItem(ctx: WorkflowContext, actor: Actor, raw: MeetingRef & ItemFields): Promise<AgendaItem> {
  requireAccess(actor, 'agenda.edit', { panelId: raw.panelId });
  const input = parse(agendaItemInput, raw);
  return write(ctx, actor, async (tx, audit) => {
    const m = await openMeeting(tx, raw.panelId, raw.meetingId);
    await checkLinks(tx, raw.panelId, input);
    const [item] = await tx
      .insert(agendaItems)
      .values({ panelId: raw.panelId, meetingId: m.id, position: await nextPosition(tx, m.id), ...fields(input), createdAt: ctx.clock.now() })
      .returning();
    await audit({ action: 'agenda.edit', entity: { type: 'agenda-item', id: item.id }, panelId: raw.panelId, details: { op: 'add', meetingId: m.id, title: item.title, confidential: item.confidential } });
    return item;
  });
}

export async function editAgendaItem(ctx: WorkflowContext, actor: Actor, raw: MeetingRef & { itemId: number } & ItemFields): Promise<AgendaItem> {
  requireAccess(actor, 'agenda.edit', { panelId: raw.panelId });
  const input = parse(agendaItemInput, raw);
  return write(ctx, actor, async (tx, audit) => {
    const before = await loadItem(tx, raw);
    await checkLinks(tx, raw.panelId, input);
    const [item] = await tx.update(agendaItems).set(fields(input)).where(eq(agendaItems.id, before.id)).returning();
    const changed = (['title', 'description', 'confidential', 'questionId', 'actionId'] as const).filter((k) => before[k] !== item[k]).map((k) => [k, { from: before[k], to: item[k] }]);
    await audit({ action: 'agenda.edit', entity: { type: 'agenda-item', id: item.id }, panelId: raw.panelId, details: { op: 'edit', meetingId: item.meetingId, changed: Object.fromEntries(changed) } });
    return item;
  });
}

/** Swaps an item with the one above or below it. */
export async function moveAgendaItem(ctx: WorkflowContext, actor: Actor, raw: MeetingRef & { itemId?: unknown; direction?: unknown }): Promise<void> {
  requireAccess(actor, 'agenda.edit', { panelId: raw.panelId });
  const input = parse(moveInput, raw);
  await write(ctx, actor, async (tx, audit) => {
    const item = await loadItem(tx, { ...raw, itemId: input.itemId });
    const items = await tx.select().from(agendaItems).where(eq(agendaItems.meetingId, item.meetingId)).orderBy(asc(agendaItems.position), asc(agendaItems.id));
    const at = items.findIndex((i) => i.id === item.id);
    const to = input.direction === 'up' ? at - 1 : at + 1;
    if (to < 0 || to >= items.length) return;
    // Renumber the whole agenda so that positions stay distinct whatever happened before.
    [items[at], items[to]] = [items[to], items[at]];
    for (const [i, it] of items.entries()) if (it.position !== i + 1) await tx.update(agendaItems).set({ position: i + 1 }).where(eq(agendaItems.id, it.id));
    await audit({ action: 'agenda.edit', entity: { type: 'agenda-item', id: item.id }, panelId: raw.panelId, details: { op: 'move', meetingId: item.meetingId, direction: input.direction } });
  });
}

/** Removes an item, with any declarations made on it. */
export async function removeAgendaItem(ctx: WorkflowContext, actor: Actor, raw: MeetingRef & { itemId: number }): Promise<void> {
  requireAccess(actor, 'agenda.edit', { panelId: raw.panelId });
  await write(ctx, actor, async (tx, audit) => {
    const item = await loadItem(tx, raw);
    await tx.delete(agendaItems).where(eq(agendaItems.id, item.id));
    await audit({ action: 'agenda.edit', entity: { type: 'agenda-item', id: item.id }, panelId: raw.panelId, details: { op: 'remove', meetingId: item.meetingId, title: item.title } });
  });
}

/**
 * Fills the matters arising with the panel's overdue questions and open actions as they stand
 * today: an item already there for the same question or action is brought up to date (keeping its
 * place and its public or confidential setting), a new one goes at the end, and one whose question
 * was answered or whose action was done since is removed.
 */
export async function refreshMattersArising(ctx: WorkflowContext, actor: Actor, raw: MeetingRef): Promise<{ added: number; updated: number; removed: number }> {
  requireAccess(actor, 'agenda.matters-arising', { panelId: raw.panelId });
  return write(ctx, actor, async (tx, audit) => {
    const m = await openMeeting(tx, raw.panelId, raw.meetingId);
    const matters = await currentMatters(tx, raw.panelId, londonDay(ctx.clock.now()));
    const existing = await tx.select().from(agendaItems).where(and(eq(agendaItems.meetingId, m.id), eq(agendaItems.kind, 'matters-arising')));
    const key = (x: { questionId: number | null; actionId: number | null }) => (x.questionId ? `q${x.questionId}` : `a${x.actionId}`);
    const byKey = new Map(existing.map((i) => [key(i), i]));
    let added = 0;
    let updated = 0;
    let position = await nextPosition(tx, m.id);
    for (const matter of matters) {
      const item = byKey.get(key(matter));
      byKey.delete(key(matter));
      if (item) {
        if (item.title !== matter.title || item.description !== matter.description) {
          await tx.update(agendaItems).set({ title: matter.title, description: matter.description }).where(eq(agendaItems.id, item.id));
          updated++;
        }
      } else {
        await tx.insert(agendaItems).values({ panelId: raw.panelId, meetingId: m.id, position: position++, kind: 'matters-arising', ...matter, createdAt: ctx.clock.now() });
        added++;
      }
    }
    const stale = [...byKey.values()].map((i) => i.id);
    if (stale.length) await tx.delete(agendaItems).where(inArray(agendaItems.id, stale));
    const counts = { added, updated, removed: stale.length };
    await audit({ action: 'agenda.matters-arising', entity: { type: 'meeting', id: m.id }, panelId: raw.panelId, details: { ...counts, matters: matters.map((x) => x.title) } });
    return counts;
  });
}

/** The panel's overdue questions (oldest due first), then its open actions (soonest due first). */
export async function currentMatters(tx: Tx, panelId: number, today: string): Promise<Matter[]> {
  const waiting = await tx
    .select()
    .from(questions)
    .where(and(eq(questions.panelId, panelId), inArray(questions.status, ['sent', 'acknowledged'])))
    .orderBy(asc(questions.dueOn), asc(questions.id));
  const open = await tx
    .select({ a: actionItems, ownerName: users.name })
    .from(actionItems)
    .leftJoin(users, eq(users.id, actionItems.ownerId))
    .where(and(eq(actionItems.panelId, panelId), isNull(actionItems.doneOn)))
    .orderBy(asc(actionItems.dueOn), asc(actionItems.id));
  return [...waiting.map((q) => questionMatter(q, today)), ...open.map((r) => actionMatter({ ...r.a, ownerName: r.ownerName }, today))].filter((x): x is Matter => x !== null);
}

async function loadItem(tx: Tx, raw: MeetingRef & { itemId: number }): Promise<AgendaItem> {
  const m = await openMeeting(tx, raw.panelId, raw.meetingId);
  const [item] = isRowId(raw.itemId) ? await tx.select().from(agendaItems).where(and(eq(agendaItems.id, raw.itemId), eq(agendaItems.meetingId, m.id))) : [];
  if (!item) throw new NotFound('There is no such item on this agenda.');
  return item;
}

async function nextPosition(tx: Tx, meetingId: number): Promise<number> {
  const [row] = await tx.select({ last: max(agendaItems.position) }).from(agendaItems).where(eq(agendaItems.meetingId, meetingId));
  return (row?.last ?? 0) + 1;
}

function fields(input: ReturnType<typeof agendaItemInput.parse>) {
  return { title: input.title, description: input.description, confidential: input.confidential, questionId: input.questionId ?? null, actionId: input.actionId ?? null };
}

async function checkLinks(tx: Tx, panelId: number, input: { questionId?: number; actionId?: number }): Promise<void> {
  if (input.questionId !== undefined) {
    const [q] = await tx.select({ id: questions.id }).from(questions).where(and(eq(questions.panelId, panelId), eq(questions.id, input.questionId)));
    if (!q) throw new Invalid("Choose one of this panel's questions.", { field: 'questionId' });
  }
  if (input.actionId !== undefined) {
    const [a] = await tx.select({ id: actionItems.id }).from(actionItems).where(and(eq(actionItems.panelId, panelId), eq(actionItems.id, input.actionId)));
    if (!a) throw new Invalid("Choose one of this panel's actions.", { field: 'actionId' });
  }
}
