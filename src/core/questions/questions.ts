import { and, asc, desc, eq, inArray, isNotNull, ne } from 'drizzle-orm';
import { actorId, actorLabel, type Actor } from '../access/actor.ts';
import type { Action } from '../access/policy.ts';
import { requireAccess } from '../access/require-access.ts';
import type { Tx } from '../audit/append.ts';
import { write, type Audit, type WorkflowContext } from '../audit/write.ts';
import { panelMembers, panels, questionEvents, questions, users, type Finding, type Question, type QuestionEvent, type QuestionStatus } from '../db/schema.ts';
import { Conflict, Invalid, NotFound } from '../errors.ts';
import { notifyAnswerReceived, notifyQuestionSent } from '../notifications/events.ts';
import { parse } from '../panels/input.ts';
import { clockState, resumedDueOn, type ClockState } from './clock.ts';
import { answerInput, assessInput, clarificationInput, clarifyInput, draftInput, escalateInput, extendInput, sendInput } from './input.ts';
import { addWorkingDays, londonDay } from './working-days.ts';

export interface QuestionView extends Question {
  clock: ClockState;
  addresseeName: string | null;
}

const today = (ctx: WorkflowContext) => londonDay(ctx.clock.now());

const view = (q: Question, day: string, addresseeName: string | null = null): QuestionView => ({ ...q, clock: clockState(q, day), addresseeName });

/** Drafts a question, optionally from a figure whose metric, area, period and value become its finding. */
export async function draftQuestion(ctx: WorkflowContext, actor: Actor, raw: { panelId: number; title?: unknown; body?: unknown; finding?: unknown }): Promise<Question> {
  requireAccess(actor, 'question.draft', { panelId: raw.panelId });
  const input = parse(draftInput, raw);
  return write(ctx, actor, async (tx, audit) => {
    const now = ctx.clock.now();
    const [q] = await tx
      .insert(questions)
      .values({ panelId: raw.panelId, title: input.title, body: input.body, finding: input.finding ?? null, createdBy: actorId(actor), createdAt: now, updatedAt: now })
      .returning();
    await record(tx, audit, ctx, actor, q, 'question.draft', { title: input.title, finding: input.finding ?? null });
    return q;
  });
}

/**
 * Changes a draft's title, text or figure (clerk or chair; never once it is sent). The audit entry
 * and the history keep each changed field's before and after; a change to nothing writes nothing.
 */
export async function editDraft(ctx: WorkflowContext, actor: Actor, raw: { panelId: number; questionId: number; title?: unknown; body?: unknown; finding?: unknown }): Promise<Question> {
  requireAccess(actor, 'question.edit', { panelId: raw.panelId });
  const input = parse(draftInput, raw);
  return write(ctx, actor, async (tx, audit) => {
    const q = await load(tx, raw.panelId, raw.questionId);
    requireStatus(q, ['draft'], 'Only a draft can be edited: a question that has been sent stays as the police received it.');
    const next = { title: input.title, body: input.body, finding: input.finding ?? null };
    const changed = Object.fromEntries(
      (Object.keys(next) as (keyof typeof next)[])
        .filter((k) => comparable(q[k]) !== comparable(next[k]))
        .map((k) => [k, { from: q[k], to: next[k] }])
    );
    if (Object.keys(changed).length === 0) return q;
    const updated = await update(tx, ctx, q, next);
    await record(tx, audit, ctx, actor, updated, 'question.edit', { changed });
    return updated;
  });
}

/** Sends a draft to a police respondent of the panel; the due date is the panel's working days later. */
export async function sendQuestion(ctx: WorkflowContext, actor: Actor, raw: { panelId: number; questionId: number; addresseeId?: unknown }): Promise<Question> {
  requireAccess(actor, 'question.send', { panelId: raw.panelId });
  const input = parse(sendInput, raw);
  return write(ctx, actor, async (tx, audit) => {
    // After any change to the panel's people in flight (src/core/panels/members.ts): never to someone just taken off.
    await tx.select({ id: panels.id }).from(panels).where(eq(panels.id, raw.panelId)).for('update');
    const q = await load(tx, raw.panelId, raw.questionId);
    requireStatus(q, ['draft'], 'Only a draft can be sent.');
    const [respondent] = await tx
      .select({ id: panelMembers.userId })
      .from(panelMembers)
      .where(and(eq(panelMembers.panelId, raw.panelId), eq(panelMembers.userId, input.addresseeId), eq(panelMembers.role, 'police')));
    if (!respondent) throw new Invalid('Choose a police respondent of this panel.', { field: 'addresseeId' });
    const [panel] = await tx.select({ days: panels.answerWorkingDays }).from(panels).where(eq(panels.id, raw.panelId));
    const sentOn = today(ctx);
    const dueOn = addWorkingDays(sentOn, panel.days);
    const updated = await update(tx, ctx, q, { status: 'sent', addresseeId: respondent.id, allowedWorkingDays: panel.days, sentOn, dueOn });
    await record(tx, audit, ctx, actor, updated, 'question.send', { addresseeId: respondent.id, sentOn, dueOn, workingDays: panel.days });
    await notifyQuestionSent(tx, ctx.clock.now(), updated);
    return updated;
  });
}

/** Acknowledges receipt (the addressed respondent, or an officer recording it). */
export async function acknowledgeQuestion(ctx: WorkflowContext, actor: Actor, raw: { questionId: number }): Promise<Question> {
  return change(ctx, actor, 'question.acknowledge', raw.questionId, async (tx, q) => {
    requireStatus(q, ['sent'], 'Only a question that has been sent and not yet acknowledged can be acknowledged.');
    const acknowledgedOn = today(ctx);
    return [await update(tx, ctx, q, { status: 'acknowledged', acknowledgedOn }), { acknowledgedOn }];
  });
}

/** The respondent asks the panel to clarify: the clock stops until the panel answers. */
export async function requestClarification(ctx: WorkflowContext, actor: Actor, raw: { questionId: number; request?: unknown }): Promise<Question> {
  return change(ctx, actor, 'question.request-clarification', raw.questionId, async (tx, q) => {
    const input = parse(clarificationInput, raw);
    requireStatus(q, ['sent', 'acknowledged'], 'Clarification can be asked only while a question waits for its answer.');
    if (q.pausedOn) throw new Conflict('A request for clarification is already open.');
    const pausedOn = today(ctx);
    return [await update(tx, ctx, q, { pausedOn, clarificationRequest: input.request }), { pausedOn, request: input.request }];
  });
}

/** The panel clarifies: the clock restarts and the due date moves by the working days it was paused. */
export async function clarifyQuestion(ctx: WorkflowContext, actor: Actor, raw: { panelId: number; questionId: number; clarification?: unknown }): Promise<Question> {
  requireAccess(actor, 'question.clarify', { panelId: raw.panelId });
  const input = parse(clarifyInput, raw);
  return change(ctx, actor, 'question.clarify', raw.questionId, async (tx, q) => {
    if (!q.pausedOn) throw new Conflict('No clarification has been asked for.');
    const dueOn = resumedDueOn(q.dueOn!, q.pausedOn, today(ctx));
    return [await update(tx, ctx, q, { pausedOn: null, dueOn }), { clarification: input.clarification, pausedOn: q.pausedOn, previousDueOn: q.dueOn, dueOn }];
  }, raw.panelId);
}

/** An agreed extension: a later due date with its reason. The question is then not overdue until it. */
export async function extendQuestion(ctx: WorkflowContext, actor: Actor, raw: { panelId: number; questionId: number; dueOn?: unknown; reason?: unknown }): Promise<Question> {
  requireAccess(actor, 'question.extend', { panelId: raw.panelId });
  const input = parse(extendInput, raw);
  return change(ctx, actor, 'question.extend', raw.questionId, async (tx, q) => {
    requireStatus(q, ['sent', 'acknowledged'], 'Only a question waiting for its answer can be extended.');
    if (input.dueOn <= q.dueOn!) throw new Invalid(`Choose a date after the current due date, ${q.dueOn}.`, { field: 'dueOn' });
    return [await update(tx, ctx, q, { dueOn: input.dueOn, extensionReason: input.reason }), { previousDueOn: q.dueOn, dueOn: input.dueOn, reason: input.reason }];
  }, raw.panelId);
}

/** The police's answer (from the respondent, or recorded by an officer when it came another way). */
export async function answerQuestion(ctx: WorkflowContext, actor: Actor, raw: { questionId: number; answer?: unknown }): Promise<Question> {
  return change(ctx, actor, 'question.answer', raw.questionId, async (tx, q) => {
    const input = parse(answerInput, raw);
    requireStatus(q, ['sent', 'acknowledged'], 'This question is not waiting for an answer.');
    const answeredOn = today(ctx);
    const dueOn = q.pausedOn ? resumedDueOn(q.dueOn!, q.pausedOn, answeredOn) : q.dueOn;
    const updated = await update(tx, ctx, q, { status: 'answered', answer: input.answer, answeredOn, dueOn, pausedOn: null });
    await notifyAnswerReceived(tx, ctx.clock.now(), updated, actor);
    return [updated, { answeredOn, dueOn, onTime: answeredOn <= dueOn! }];
  });
}

export async function assessQuestion(ctx: WorkflowContext, actor: Actor, raw: { panelId: number; questionId: number; assessment?: unknown; note?: unknown }): Promise<Question> {
  requireAccess(actor, 'question.assess', { panelId: raw.panelId });
  const input = parse(assessInput, raw);
  return change(ctx, actor, 'question.assess', raw.questionId, async (tx, q) => {
    requireStatus(q, ['answered', 'assessed'], 'Only an answered question can be assessed.');
    return [await update(tx, ctx, q, { status: 'assessed', assessment: input.assessment, assessmentNote: input.note || null }), { assessment: input.assessment, note: input.note }];
  }, raw.panelId);
}

export async function closeQuestion(ctx: WorkflowContext, actor: Actor, raw: { panelId: number; questionId: number }): Promise<Question> {
  requireAccess(actor, 'question.close', { panelId: raw.panelId });
  return change(ctx, actor, 'question.close', raw.questionId, async (tx, q) => {
    requireStatus(q, ['assessed'], 'Assess the answer before closing the question.');
    return [await update(tx, ctx, q, { status: 'closed' }), {}];
  }, raw.panelId);
}

export async function escalateQuestion(ctx: WorkflowContext, actor: Actor, raw: { panelId: number; questionId: number; to?: unknown; reason?: unknown }): Promise<Question> {
  requireAccess(actor, 'question.escalate', { panelId: raw.panelId });
  const input = parse(escalateInput, raw);
  return change(ctx, actor, 'question.escalate', raw.questionId, async (tx, q) => {
    requireStatus(q, ['sent', 'acknowledged', 'answered', 'assessed'], 'Only an open question can be escalated.');
    return [await update(tx, ctx, q, { status: 'escalated', escalatedTo: input.to }), { to: input.to, reason: input.reason }];
  }, raw.panelId);
}

/** Puts a sent question on the borough's public tracker (DOMAIN.md §8: nothing is public until published). */
export async function publishQuestion(ctx: WorkflowContext, actor: Actor, raw: { panelId: number; questionId: number }): Promise<Question> {
  requireAccess(actor, 'question.publish', { panelId: raw.panelId });
  return change(ctx, actor, 'question.publish', raw.questionId, async (tx, q) => {
    if (q.status === 'draft') throw new Conflict('Send a question before publishing it.');
    if (q.publishedAt) throw new Conflict('This question is already published.');
    return [await update(tx, ctx, q, { publishedAt: ctx.clock.now() }), {}];
  }, raw.panelId);
}

// ---- Reading

/** Every question of a panel, newest first, with where each stands against its clock. */
export async function listQuestions(ctx: WorkflowContext, actor: Actor, panelId: number): Promise<QuestionView[]> {
  requireAccess(actor, 'question.list', { panelId });
  const rows = await ctx.db.db
    .select({ q: questions, name: users.name })
    .from(questions)
    .leftJoin(users, eq(users.id, questions.addresseeId))
    .where(eq(questions.panelId, panelId))
    .orderBy(desc(questions.id));
  const day = today(ctx);
  return rows.map((r) => view(r.q, day, r.name));
}

/** One question with its history. A police respondent sees it only when it is addressed to them. */
export async function getQuestion(ctx: WorkflowContext, actor: Actor, raw: { questionId: number; panelId?: number }): Promise<QuestionView & { events: QuestionEvent[] }> {
  const [row] = await ctx.db.db.select({ q: questions, name: users.name }).from(questions).leftJoin(users, eq(users.id, questions.addresseeId)).where(eq(questions.id, raw.questionId));
  if (!row || (raw.panelId !== undefined && row.q.panelId !== raw.panelId)) throw new NotFound('There is nothing at this address.');
  requireAccess(actor, 'question.view', { panelId: row.q.panelId, addresseeId: row.q.status === 'draft' ? null : row.q.addresseeId });
  const events = await ctx.db.db.select().from(questionEvents).where(eq(questionEvents.questionId, row.q.id)).orderBy(asc(questionEvents.id));
  return { ...view(row.q, today(ctx), row.name), events };
}

/** The questions addressed to the signed-in respondent, in every panel, oldest due first. */
export async function policeInbox(ctx: WorkflowContext, actor: Actor): Promise<(QuestionView & { panelName: string })[]> {
  requireAccess(actor, 'police.inbox');
  if (actor.kind !== 'user') return [];
  const rows = await ctx.db.db
    .select({ q: questions, panelName: panels.name })
    .from(questions)
    .innerJoin(panels, eq(panels.id, questions.panelId))
    .innerJoin(panelMembers, and(eq(panelMembers.panelId, questions.panelId), eq(panelMembers.userId, actor.id), eq(panelMembers.role, 'police')))
    .where(and(eq(questions.addresseeId, actor.id), ne(questions.status, 'draft')))
    .orderBy(asc(questions.dueOn), asc(questions.id));
  const day = today(ctx);
  return rows.map((r) => ({ ...view(r.q, day, actor.name), panelName: r.panelName }));
}

/** The police respondents of a panel, to address a question to. */
export async function policeRespondents(ctx: WorkflowContext, actor: Actor, panelId: number): Promise<{ id: string; name: string }[]> {
  requireAccess(actor, 'question.send', { panelId });
  return ctx.db.db
    .select({ id: users.id, name: users.name })
    .from(panelMembers)
    .innerJoin(users, eq(users.id, panelMembers.userId))
    .where(and(eq(panelMembers.panelId, panelId), eq(panelMembers.role, 'police')))
    .orderBy(asc(users.name));
}

/** Published questions of a panel, for the public tracker. */
export async function publishedQuestions(ctx: WorkflowContext, panelId: number): Promise<QuestionView[]> {
  const rows = await ctx.db.db
    .select()
    .from(questions)
    .where(and(eq(questions.panelId, panelId), isNotNull(questions.publishedAt)))
    .orderBy(desc(questions.sentOn), desc(questions.id));
  const day = today(ctx);
  return rows.map((q) => view(q, day));
}

/** Every sent question's clock, for the response-time record (counts only: no text leaves the workspace). */
export async function sentQuestionClocks(ctx: WorkflowContext, panelId: number): Promise<ClockState[]> {
  const rows = await ctx.db.db
    .select()
    .from(questions)
    .where(and(eq(questions.panelId, panelId), inArray(questions.status, ['sent', 'acknowledged', 'answered', 'assessed', 'closed', 'escalated'])));
  const day = today(ctx);
  return rows.map((q) => clockState(q, day));
}

// ---- Helpers

/** A field's value for comparison: a finding's parts in a fixed order (jsonb does not keep key order). */
const comparable = (v: string | Finding | null) => (v === null || typeof v === 'string' ? JSON.stringify(v) : JSON.stringify([v.metric, v.area, v.period, v.value]));

async function load(tx: Tx, panelId: number | undefined, questionId: number): Promise<Question> {
  const [q] = await tx.select().from(questions).where(eq(questions.id, questionId));
  if (!q || (panelId !== undefined && q.panelId !== panelId)) throw new NotFound('There is nothing at this address.');
  return q;
}

function requireStatus(q: Question, allowed: QuestionStatus[], message: string): void {
  if (!allowed.includes(q.status)) throw new Conflict(`${message} This one is ${q.status}.`);
}

async function update(tx: Tx, ctx: WorkflowContext, q: Question, patch: Partial<Question>): Promise<Question> {
  const [updated] = await tx.update(questions).set({ ...patch, updatedAt: ctx.clock.now() }).where(eq(questions.id, q.id)).returning();
  return updated;
}

/**
 * One change to an existing question: loads it, checks the action against it (so an addressed
 * respondent may act on their own question and no other), applies the change, records it.
 */
async function change(
  ctx: WorkflowContext,
  actor: Actor,
  action: Action,
  questionId: number,
  apply: (tx: Tx, q: Question) => Promise<[Question, Record<string, unknown>]>,
  panelId?: number
): Promise<Question> {
  return write(ctx, actor, async (tx, audit) => {
    const q = await load(tx, panelId, questionId);
    requireAccess(actor, action, { panelId: q.panelId, addresseeId: q.status === 'draft' ? null : q.addresseeId });
    const [updated, details] = await apply(tx, q);
    await record(tx, audit, ctx, actor, updated, action, details);
    return updated;
  });
}

async function record(tx: Tx, audit: Audit, ctx: WorkflowContext, actor: Actor, q: Question, action: Action, details: Record<string, unknown>): Promise<void> {
  await audit({ action, entity: { type: 'question', id: q.id }, panelId: q.panelId, details: { ...details, status: q.status } });
  await tx.insert(questionEvents).values({ panelId: q.panelId, questionId: q.id, at: ctx.clock.now(), actorLabel: actorLabel(actor), action, details });
}
