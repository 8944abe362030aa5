import { and, asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Actor } from '../access/actor.ts';
import { requireAccess } from '../access/require-access.ts';
import type { Tx } from '../audit/append.ts';
import { write, type WorkflowContext } from '../audit/write.ts';
import { actionItems, meetings, panelMembers, questions, ragStatuses, users, type ActionItem } from '../db/schema.ts';
import { Invalid, NotFound } from '../errors.ts';
import { parse } from '../panels/input.ts';
import { day, findingInput } from '../questions/input.ts';
import { londonDay } from '../questions/working-days.ts';

const optionalId = z.preprocess((v) => (v === '' || v === null || v === undefined ? undefined : Number(v)), z.number({ error: 'Choose from the list.' }).int().positive().optional());

export const actionInput = z.object({
  title: z.string({ error: 'Say what is to be done.' }).trim().min(1, 'Say what is to be done.').max(500, 'Keep it under 500 characters.'),
  ownerId: z.string({ error: 'Choose who owns it.' }).min(1, 'Choose who owns it.'),
  dueOn: day,
  rag: z.enum(ragStatuses, { error: 'Choose red, amber or green.' }),
  notes: z.string().trim().max(5000, 'Keep the notes under 5,000 characters.').optional().default(''),
  done: z.preprocess((v) => v === true || v === 'on' || v === 'true', z.boolean()).optional().default(false),
  questionId: optionalId,
  meetingId: optionalId,
  finding: findingInput.optional()
});

export type ActionInput = z.input<typeof actionInput>;

export interface ActionView extends ActionItem {
  ownerName: string | null;
  questionTitle: string | null;
  /** Open and past its due date. */
  overdue: boolean;
}

/** Records an action: its owner must be in the panel, its question the panel's own. */
export async function createAction(ctx: WorkflowContext, actor: Actor, raw: { panelId: number } & ActionInput): Promise<ActionItem> {
  requireAccess(actor, 'action.create', { panelId: raw.panelId });
  const input = parse(actionInput, raw);
  return write(ctx, actor, async (tx, audit) => {
    await checkLinks(tx, raw.panelId, input);
    const now = ctx.clock.now();
    const [item] = await tx.insert(actionItems).values({ panelId: raw.panelId, ...row(input, ctx), createdAt: now, updatedAt: now }).returning();
    await audit({ action: 'action.create', entity: { type: 'action', id: item.id }, panelId: raw.panelId, details: { title: item.title, ownerId: item.ownerId, dueOn: item.dueOn, rag: item.rag } });
    return item;
  });
}

/** Changes an action; the audit entry keeps what each changed field was before. */
export async function editAction(ctx: WorkflowContext, actor: Actor, raw: { panelId: number; actionId: number } & ActionInput): Promise<ActionItem> {
  requireAccess(actor, 'action.edit', { panelId: raw.panelId });
  const input = parse(actionInput, raw);
  return write(ctx, actor, async (tx, audit) => {
    const [before] = await tx.select().from(actionItems).where(and(eq(actionItems.id, raw.actionId), eq(actionItems.panelId, raw.panelId)));
    if (!before) throw new NotFound('There is nothing at this address.');
    await checkLinks(tx, raw.panelId, input, before.ownerId);
    const next = row(input, ctx, before.doneOn);
    const [item] = await tx.update(actionItems).set({ ...next, updatedAt: ctx.clock.now() }).where(eq(actionItems.id, before.id)).returning();
    const changed = Object.fromEntries(
      (Object.keys(next) as (keyof typeof next)[]).filter((k) => JSON.stringify(before[k]) !== JSON.stringify(item[k])).map((k) => [k, { from: before[k], to: item[k] }])
    );
    await audit({ action: 'action.edit', entity: { type: 'action', id: item.id }, panelId: raw.panelId, details: { changed } });
    return item;
  });
}

export async function listActions(ctx: WorkflowContext, actor: Actor, panelId: number): Promise<ActionView[]> {
  requireAccess(actor, 'action.list', { panelId });
  return views(ctx, eq(actionItems.panelId, panelId));
}

export async function getAction(ctx: WorkflowContext, actor: Actor, raw: { panelId: number; actionId: number }): Promise<ActionView> {
  requireAccess(actor, 'action.list', { panelId: raw.panelId });
  const [item] = await views(ctx, and(eq(actionItems.panelId, raw.panelId), eq(actionItems.id, raw.actionId))!);
  if (!item) throw new NotFound('There is nothing at this address.');
  return item;
}

/** The people an action can be given to: the panel's members (police respondents included). */
/**
 * Who can own an action: the panel's people, and `current`, an action's owner who has since left
 * the panel (marked `former`): they stay its owner until someone else is chosen (checkLinks).
 */
export async function possibleOwners(ctx: WorkflowContext, actor: Actor, panelId: number, current?: { id: string | null; name: string | null }): Promise<{ id: string; name: string; former?: true }[]> {
  requireAccess(actor, 'action.list', { panelId });
  const people = await ctx.db.db.select({ id: users.id, name: users.name }).from(panelMembers).innerJoin(users, eq(users.id, panelMembers.userId)).where(eq(panelMembers.panelId, panelId)).orderBy(asc(users.name));
  const id = current?.id;
  return id && !people.some((p) => p.id === id) ? [...people, { id, name: current.name ?? id, former: true }] : people;
}

async function views(ctx: WorkflowContext, where: ReturnType<typeof eq>): Promise<ActionView[]> {
  const rows = await ctx.db.db
    .select({ a: actionItems, ownerName: users.name, questionTitle: questions.title })
    .from(actionItems)
    .leftJoin(users, eq(users.id, actionItems.ownerId))
    .leftJoin(questions, eq(questions.id, actionItems.questionId))
    .where(where)
    .orderBy(asc(actionItems.dueOn), asc(actionItems.id));
  const today = londonDay(ctx.clock.now());
  return rows.map((r) => ({ ...r.a, ownerName: r.ownerName, questionTitle: r.questionTitle, overdue: !r.a.doneOn && r.a.dueOn < today }));
}

function row(input: z.output<typeof actionInput>, ctx: WorkflowContext, doneOn: string | null = null) {
  return {
    title: input.title,
    ownerId: input.ownerId,
    dueOn: input.dueOn,
    rag: input.rag,
    notes: input.notes,
    doneOn: input.done ? (doneOn ?? londonDay(ctx.clock.now())) : null,
    questionId: input.questionId ?? null,
    meetingId: input.meetingId ?? null,
    finding: input.finding ?? null
  };
}

/** `keptOwner`: an action's owner stays its owner after leaving the panel, until someone else is chosen. */
async function checkLinks(tx: Tx, panelId: number, input: z.output<typeof actionInput>, keptOwner?: string | null): Promise<void> {
  const [owner] = await tx.select({ id: panelMembers.id }).from(panelMembers).where(and(eq(panelMembers.panelId, panelId), eq(panelMembers.userId, input.ownerId)));
  if (!owner && input.ownerId !== keptOwner) throw new Invalid('Choose an owner from the panel.', { field: 'ownerId' });
  if (input.questionId !== undefined) {
    const [q] = await tx.select({ id: questions.id }).from(questions).where(and(eq(questions.panelId, panelId), eq(questions.id, input.questionId)));
    if (!q) throw new Invalid("Choose one of this panel's questions.", { field: 'questionId' });
  }
  if (input.meetingId !== undefined) {
    const [m] = await tx.select({ id: meetings.id }).from(meetings).where(and(eq(meetings.panelId, panelId), eq(meetings.id, input.meetingId)));
    if (!m) throw new Invalid("Choose one of this panel's meetings.", { field: 'meetingId' });
  }
}
