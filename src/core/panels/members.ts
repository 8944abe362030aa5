import { and, asc, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { actorLabel, type Actor } from '../access/actor.ts';
import { requireAccess } from '../access/require-access.ts';
import type { Tx } from '../audit/append.ts';
import { write, type WorkflowContext } from '../audit/write.ts';
import { isRowId } from '../db/ids.ts';
import { panelMembers, panelRoles, panels, questionEvents, questions, reviewSamples, users, type PanelRole, type Question } from '../db/schema.ts';
import { Conflict, Forbidden, Invalid, NotFound } from '../errors.ts';
import { notifyQuestionSent } from '../notifications/events.ts';
import { parse } from './input.ts';
import type { MemberListing } from './panels.ts';
import { roleNames } from './invitations.ts';

/** Questions still waiting for the police's answer: the respondent they are addressed to must be on the panel. */
const waitingStatuses = ['sent', 'acknowledged'] as const;

export interface MemberRecord extends MemberListing {
  /** The roles they may be given: those on their side (changeRole). */
  roles: PanelRole[];
  /** For a police respondent: the questions waiting for their answer. */
  waiting: { id: number; title: string }[];
  /** For a police respondent: the samples of searches sent to them for their response. */
  samples: { id: number; areaCode: string; month: string }[];
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

const samplesFor = (tx: Tx, panelId: number, userId: string) =>
  tx
    .select({ id: reviewSamples.id, areaCode: reviewSamples.areaCode, month: reviewSamples.month })
    .from(reviewSamples)
    .where(and(eq(reviewSamples.panelId, panelId), eq(reviewSamples.addresseeId, userId)))
    .orderBy(asc(reviewSamples.id));

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
  const roles = panelRoles.filter((r) => sameSide(r, m.role));
  if (m.role !== 'police') return { ...m, roles, waiting: [], samples: [], successors: [] };
  const [waiting, samples, successors] = await Promise.all([waitingFor(tx, ref.panelId, m.userId), samplesFor(tx, ref.panelId, m.userId), otherRespondents(tx, ref.panelId, m.userId)]);
  return { ...m, roles, waiting, samples, successors };
}

/**
 * Takes the panel's row lock, so changes to its people (and questions or samples being sent to
 * them) happen one after another, then checks again, inside the lock, that the actor is still a
 * clerk or chair: two officers taking each other off at once cannot leave the panel with neither.
 */
async function lockPanel(tx: Tx, actor: Actor, panelId: number): Promise<void> {
  await tx.select({ id: panels.id }).from(panels).where(eq(panels.id, panelId)).for('update');
  const [own] = actor.kind === 'user' ? await tx.select({ role: panelMembers.role }).from(panelMembers).where(and(eq(panelMembers.panelId, panelId), eq(panelMembers.userId, actor.id))) : [];
  if (own?.role !== 'clerk' && own?.role !== 'chair') throw new Forbidden('Only a clerk or chair of this panel can change who is on it.');
}

/** The clerk or chair cannot change their own place: another officer does, so a panel is never left without one. */
function refuseOwn(actor: Actor, userId: string, what: string): void {
  if (actor.kind === 'user' && actor.id === userId) throw new Conflict(`You cannot ${what} yourself: ask the panel's other clerk or chair.`);
}

/** The panel's side (member, clerk, chair) or the police's: a role changes only within a side. */
const sameSide = (a: PanelRole, b: PanelRole) => (a === 'police') === (b === 'police');

export const roleInput = z.object({ role: z.enum(panelRoles, { error: 'Choose a role.' }) });

/**
 * Gives a person another role on the panel (a member becomes chair, say). Nobody becomes a police
 * respondent from a panel role, or the reverse: they are different people, invited as such.
 */
export async function changeRole(ctx: WorkflowContext, actor: Actor, raw: { panelId: number; memberId: number; role?: unknown }): Promise<void> {
  requireAccess(actor, 'member.manage', { panelId: raw.panelId });
  const { role } = parse(roleInput, raw);
  await write(ctx, actor, async (tx, audit) => {
    await lockPanel(tx, actor, raw.panelId);
    const m = await loadMember(tx, raw.panelId, raw.memberId);
    refuseOwn(actor, m.userId, 'change the role of');
    if (m.role === role) return;
    if (!sameSide(m.role, role))
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
 * stays, under their name, and meetings keep what was recorded of them. A police respondent's
 * questions still waiting for an answer, and the samples of searches sent to them, pass to
 * `successorId`, another police respondent of the panel (each question with a line in its history,
 * and the successor is emailed as if it had just been sent to them); without one, they cannot be
 * taken off.
 */
export async function removeMember(ctx: WorkflowContext, actor: Actor, raw: { panelId: number; memberId: number; successorId?: unknown }): Promise<{ passedOn: number; samplesPassedOn: number }> {
  requireAccess(actor, 'member.manage', { panelId: raw.panelId });
  const input = parse(removeInput, raw);
  return write(ctx, actor, async (tx, audit) => {
    await lockPanel(tx, actor, raw.panelId);
    const m = await loadMember(tx, raw.panelId, raw.memberId);
    refuseOwn(actor, m.userId, 'remove');
    const [waiting, samples] = m.role === 'police' ? await Promise.all([waitingFor(tx, raw.panelId, m.userId), samplesFor(tx, raw.panelId, m.userId)]) : [[], []];
    let successor: { userId: string; name: string } | undefined;
    if (waiting.length + samples.length > 0) {
      const others = await otherRespondents(tx, raw.panelId, m.userId);
      const what = [waiting.length && (waiting.length === 1 ? 'a question waiting for an answer' : `${waiting.length} questions waiting for an answer`), samples.length && (samples.length === 1 ? 'a sample of searches to respond to' : `${samples.length} samples of searches to respond to`)]
        .filter(Boolean)
        .join(' and ');
      if (others.length === 0) throw new Conflict(`${m.name} has ${what}, and the panel has no other ${roleNames.police}: invite their successor first.`);
      successor = others.find((o) => o.userId === input.successorId);
      if (!successor) throw new Invalid(`${m.name} has ${what}: choose who takes ${waiting.length + samples.length === 1 ? 'it' : 'them'} on.`, { field: 'successorId' });
      const to = successor.userId;
      const now = ctx.clock.now();
      if (waiting.length > 0) {
        const moved: Question[] = await tx.update(questions).set({ addresseeId: to, updatedAt: now }).where(inArray(questions.id, waiting.map((q) => q.id))).returning();
        await tx.insert(questionEvents).values(moved.map((q) => ({ panelId: raw.panelId, questionId: q.id, at: now, actorLabel: actorLabel(actor), action: 'member.manage', details: { change: 'addressee', from: m.userId, to } })));
        for (const q of moved) await notifyQuestionSent(tx, now, q);
      }
      if (samples.length > 0) await tx.update(reviewSamples).set({ addresseeId: to }).where(inArray(reviewSamples.id, samples.map((x) => x.id)));
    }
    const gone = await tx.delete(panelMembers).where(eq(panelMembers.id, m.id)).returning({ id: panelMembers.id });
    if (gone.length !== 1) throw new NotFound('There is nobody with that place on this panel.');
    await audit({
      action: 'member.manage',
      entity: { type: 'panel_member', id: m.id },
      panelId: raw.panelId,
      details: { userId: m.userId, change: 'remove', role: m.role, ...(successor ? { questions: waiting.map((q) => q.id), samples: samples.map((x) => x.id), to: successor.userId } : {}) }
    });
    return { passedOn: waiting.length, samplesPassedOn: samples.length };
  });
}
