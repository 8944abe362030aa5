import { and, asc, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { actorLabel, type Actor } from '../access/actor.ts';
import { requireAccess } from '../access/require-access.ts';
import type { Tx } from '../audit/append.ts';
import { write, type WorkflowContext } from '../audit/write.ts';
import { isRowId } from '../db/ids.ts';
import { panelMembers, panelRoles, questionEvents, questions, users, type PanelRole } from '../db/schema.ts';
import { Conflict, Invalid, NotFound } from '../errors.ts';
import { parse } from './input.ts';
import { roleNames } from './invitations.ts';

/** Questions still waiting for the police's answer: the respondent they are addressed to must be on the panel. */
const waitingStatuses = ['sent', 'acknowledged'] as const;

export interface MemberRecord {
  id: number;
  userId: string;
  name: string;
  email: string;
  role: PanelRole;
  since: Date;
  /** For a police respondent: the questions waiting for their answer. */
  waiting: { id: number; title: string }[];
  /** The panel's other police respondents, who could take those questions on. */
  successors: { userId: string; name: string }[];
}

async function loadMember(tx: Tx, panelId: number, memberId: number) {
  const [row] = isRowId(memberId)
    ? await tx
        .select({ id: panelMembers.id, userId: panelMembers.userId, role: panelMembers.role, since: panelMembers.createdAt, name: users.name, email: users.email })
        .from(panelMembers)
        .innerJoin(users, eq(users.id, panelMembers.userId))
        .where(and(eq(panelMembers.id, memberId), eq(panelMembers.panelId, panelId)))
    : [];
  if (!row) throw new NotFound('There is nobody with that place on this panel.');
  return row;
}

const waitingFor = (tx: Tx, panelId: number, userId: string) =>
  tx
    .select({ id: questions.id, title: questions.title })
    .from(questions)
    .where(and(eq(questions.panelId, panelId), eq(questions.addresseeId, userId), inArray(questions.status, [...waitingStatuses])))
    .orderBy(asc(questions.dueOn), asc(questions.id));

const otherRespondents = (tx: Tx, panelId: number, userId: string) =>
  tx
    .select({ userId: panelMembers.userId, name: users.name })
    .from(panelMembers)
    .innerJoin(users, eq(users.id, panelMembers.userId))
    .where(and(eq(panelMembers.panelId, panelId), eq(panelMembers.role, 'police')))
    .orderBy(asc(users.name))
    .then((rows) => rows.filter((r) => r.userId !== userId));

/** One person's place on the panel, for the page where the clerk or chair changes it. */
export async function getMember(ctx: WorkflowContext, actor: Actor, ref: { panelId: number; memberId: number }): Promise<MemberRecord> {
  requireAccess(actor, 'member.manage', { panelId: ref.panelId });
  const tx: Tx = ctx.db.db;
  const m = await loadMember(tx, ref.panelId, ref.memberId);
  const [waiting, successors] = m.role === 'police' ? await Promise.all([waitingFor(tx, ref.panelId, m.userId), otherRespondents(tx, ref.panelId, m.userId)]) : [[], []];
  return { ...m, waiting, successors };
}

/** The clerk or chair cannot change their own place: another officer does, so a panel is never left without one. */
function refuseOwn(actor: Actor, userId: string, what: string): void {
  if (actor.kind === 'user' && actor.id === userId) throw new Conflict(`You cannot ${what} yourself: ask the panel's other clerk or chair, or the installation's administrator.`);
}

export const roleInput = z.object({ role: z.enum(panelRoles, { error: 'Choose a role.' }) });

/**
 * Gives a person another role on the panel (a member becomes chair, say). A police respondent
 * with questions waiting for their answer keeps the role until those are answered or passed on,
 * and nobody becomes a police respondent from a panel role, or the reverse: they are different
 * people, invited as such.
 */
export async function changeRole(ctx: WorkflowContext, actor: Actor, raw: { panelId: number; memberId: number; role?: unknown }): Promise<void> {
  requireAccess(actor, 'member.manage', { panelId: raw.panelId });
  const { role } = parse(roleInput, raw);
  await write(ctx, actor, async (tx, audit) => {
    const m = await loadMember(tx, raw.panelId, raw.memberId);
    refuseOwn(actor, m.userId, 'change the role of');
    if (m.role === role) return;
    if ((m.role === 'police') !== (role === 'police'))
      throw new Invalid(
        role === 'police'
          ? `${m.name} is on the panel's side: invite the police respondent with their own police email address.`
          : `${m.name} answers for the police: invite the person who is to join the panel with their own email address.`,
        { field: 'role' }
      );
    await tx.update(panelMembers).set({ role }).where(eq(panelMembers.id, m.id));
    await audit({ action: 'member.manage', entity: { type: 'panel_member', id: m.id }, panelId: raw.panelId, details: { userId: m.userId, change: 'role', from: m.role, to: role } });
  });
}

export const removeInput = z.object({ successorId: z.string().trim().optional() });

/**
 * Takes a person off the panel: from their next request they see nothing of it. What they wrote
 * stays, under their name. A police respondent's questions still waiting for an answer pass to
 * `successorId`, another police respondent of the panel, each with a line in its history; without
 * one, they cannot be removed.
 */
export async function removeMember(ctx: WorkflowContext, actor: Actor, raw: { panelId: number; memberId: number; successorId?: unknown }): Promise<{ passedOn: number }> {
  requireAccess(actor, 'member.manage', { panelId: raw.panelId });
  const input = parse(removeInput, raw);
  return write(ctx, actor, async (tx, audit) => {
    const m = await loadMember(tx, raw.panelId, raw.memberId);
    refuseOwn(actor, m.userId, 'remove');
    const waiting = m.role === 'police' ? await waitingFor(tx, raw.panelId, m.userId) : [];
    let successor: { userId: string; name: string } | undefined;
    if (waiting.length > 0) {
      const others = await otherRespondents(tx, raw.panelId, m.userId);
      const count = waiting.length === 1 ? 'a question' : `${waiting.length} questions`;
      if (others.length === 0)
        throw new Conflict(`${m.name} has ${count} waiting for an answer, and the panel has no other ${roleNames.police}: invite their successor first.`);
      successor = others.find((o) => o.userId === input.successorId);
      if (!successor) throw new Invalid(`${m.name} has ${count} waiting for an answer: choose who answers instead.`, { field: 'successorId' });
      await tx.update(questions).set({ addresseeId: successor.userId }).where(inArray(questions.id, waiting.map((q) => q.id)));
      const at = ctx.clock.now();
      await tx.insert(questionEvents).values(
        waiting.map((q) => ({ panelId: raw.panelId, questionId: q.id, at, actorLabel: actorLabel(actor), action: 'member.manage', details: { change: 'addressee', from: m.userId, to: successor!.userId } }))
      );
    }
    await tx.delete(panelMembers).where(eq(panelMembers.id, m.id));
    await audit({
      action: 'member.manage',
      entity: { type: 'panel_member', id: m.id },
      panelId: raw.panelId,
      details: { userId: m.userId, change: 'remove', role: m.role, ...(successor ? { questions: waiting.map((q) => q.id), to: successor.userId } : {}) }
    });
    return { passedOn: waiting.length };
  });
}
