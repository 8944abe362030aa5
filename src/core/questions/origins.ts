import { and, asc, eq } from 'drizzle-orm';
import type { Actor } from '../access/actor.ts';
import { can, requireAccess } from '../access/require-access.ts';
import type { WorkflowContext } from '../audit/write.ts';
import { ciaItemLabel } from '../cia/input.ts';
import { caseQuestions, ciaQuestions, cias, incidents, questions } from '../db/schema.ts';
import { NotFound } from '../errors.ts';

/** Where a question came from, as far as the reader may follow it. */
export interface QuestionOrigins {
  /** The case files it was raised from (an incident's case page). */
  cases: { id: number; title: string }[];
  /** The CIA review it was raised from, and the rubric item when it was about one. */
  cia: { id: number; title: string; item: string | null } | null;
}

/**
 * The case files and community impact assessment a question was raised from. The reader must be
 * able to see the question; each origin is given only to those who may read it (a police
 * respondent sees the question, not the panel's case files or CIA reviews).
 */
export async function questionOrigins(ctx: WorkflowContext, actor: Actor, ref: { panelId: number; questionId: number }): Promise<QuestionOrigins> {
  const [q] = await ctx.db.db
    .select({ panelId: questions.panelId, status: questions.status, addresseeId: questions.addresseeId })
    .from(questions)
    .where(eq(questions.id, ref.questionId));
  if (!q || q.panelId !== ref.panelId) throw new NotFound('There is nothing at this address.');
  requireAccess(actor, 'question.view', { panelId: q.panelId, addresseeId: q.status === 'draft' ? null : q.addresseeId });
  const scope = { panelId: ref.panelId };
  const [cases, fromCia] = await Promise.all([
    can(actor, 'case.list', scope)
      ? ctx.db.db
          .select({ id: incidents.id, title: incidents.title })
          .from(caseQuestions)
          .innerJoin(incidents, eq(incidents.id, caseQuestions.incidentId))
          .where(and(eq(caseQuestions.questionId, ref.questionId), eq(incidents.panelId, ref.panelId)))
          .orderBy(asc(incidents.id))
      : [],
    can(actor, 'cia.list', scope)
      ? ctx.db.db
          .select({ id: cias.id, title: cias.title, item: ciaQuestions.item })
          .from(ciaQuestions)
          .innerJoin(cias, eq(cias.id, ciaQuestions.ciaId))
          .where(and(eq(ciaQuestions.questionId, ref.questionId), eq(cias.panelId, ref.panelId)))
      : []
  ]);
  const cia = fromCia[0];
  return { cases, cia: cia ? { id: cia.id, title: cia.title, item: cia.item ? ciaItemLabel(cia.item) : null } : null };
}
