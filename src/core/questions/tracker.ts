import { eq } from 'drizzle-orm';
import type { Actor } from '../access/actor.ts';
import { requireAccess } from '../access/require-access.ts';
import type { WorkflowContext } from '../audit/write.ts';
import { panels } from '../db/schema.ts';
import { NotFound } from '../errors.ts';
import type { ClockState } from './clock.ts';
import { publishedQuestions, sentQuestionClocks, type QuestionView } from './questions.ts';

/** The police's response-time record: how every question the panel has sent stands against its clock. */
export interface ResponseRecord {
  sent: number;
  onTime: number;
  late: number;
  /** Sent and not yet answered: waiting, paused, overdue or very overdue. */
  outstanding: number;
  overdue: number;
  veryOverdue: number;
}

export interface Tracker {
  panel: { name: string; slug: string; answerWorkingDays: number };
  questions: QuestionView[];
  record: ResponseRecord;
}

/**
 * The public "you said, we did" page of a borough (DOMAIN.md §2, §8): the questions its panel has
 * published, with answers and assessments. The response-time record counts every sent question,
 * published or not, so that a panel cannot improve the police's record by choosing what to publish;
 * it gives counts only, never the text of an unpublished question. A borough without a panel is
 * not found.
 */
export async function questionTracker(ctx: WorkflowContext, actor: Actor, slug: string): Promise<Tracker> {
  requireAccess(actor, 'tracker.view');
  const [panel] = await ctx.db.db.select().from(panels).where(eq(panels.slug, slug));
  if (!panel) throw new NotFound('This borough has no scrutiny panel using Scrutineer yet.');
  const [questions, clocks] = await Promise.all([publishedQuestions(ctx, panel.id), sentQuestionClocks(ctx, panel.id)]);
  return { panel: { name: panel.name, slug: panel.slug, answerWorkingDays: panel.answerWorkingDays }, questions, record: responseRecord(clocks) };
}

export function responseRecord(clocks: ClockState[]): ResponseRecord {
  const n = (...states: ClockState[]) => clocks.filter((c) => states.includes(c)).length;
  return {
    sent: clocks.length,
    onTime: n('on-time'),
    late: n('late'),
    outstanding: n('waiting', 'paused', 'overdue', 'very-overdue'),
    overdue: n('overdue'),
    veryOverdue: n('very-overdue')
  };
}
