import { and, eq } from 'drizzle-orm';
import { actorId, type Actor } from '../access/actor.ts';
import { requireAccess } from '../access/require-access.ts';
import { write, type WorkflowContext } from '../audit/write.ts';
import { encounterReviews, sampleReviewers, type EncounterReview, type ReviewSample, type SampleRecord } from '../db/schema.ts';
import { Conflict, Forbidden, Invalid } from '../errors.ts';
import { parse } from '../panels/input.ts';
import { gowiselyItems, gowiselyKeys, reviewInput, type ReviewInput } from './input.ts';
import { loadSample, recordOf } from './samples.ts';

/** GOWISELY does not apply to a search under section 60, which needs no grounds (DOMAIN.md §4). */
export const isSection60 = (record: Pick<SampleRecord, 'legislation'>) => record.legislation === 'cjpoa_s60';

export interface ReviewForm {
  sample: ReviewSample;
  record: SampleRecord;
  /** The actor's own review, if they have started one. Nobody else's is shown. */
  review: EncounterReview | null;
  isReviewer: boolean;
}

/** One encounter of a sample and the actor's own review of it. */
export async function getReviewForm(ctx: WorkflowContext, actor: Actor, raw: { panelId: number; sampleId: number; sampleRecordId: number }): Promise<ReviewForm> {
  requireAccess(actor, 'review.record', { panelId: raw.panelId });
  const sample = await loadSample(ctx.db.db, raw.panelId, raw.sampleId);
  const record = await recordOf(ctx.db.db, sample, raw.sampleRecordId);
  const me = actorId(actor);
  const [review] = me ? await ctx.db.db.select().from(encounterReviews).where(and(eq(encounterReviews.sampleRecordId, record.id), eq(encounterReviews.reviewerId, me))) : [];
  const [assigned] = me ? await ctx.db.db.select({ id: sampleReviewers.id }).from(sampleReviewers).where(and(eq(sampleReviewers.sampleId, sample.id), eq(sampleReviewers.userId, me))) : [];
  return { sample, record, review: review ?? null, isReviewer: Boolean(assigned) };
}

/**
 * Saves the actor's review of an encounter of the sample; with `submit`, it becomes final and counts
 * in the results. Only assigned reviewers review, each only their own, and a submitted review no
 * longer changes.
 */
export async function saveReview(
  ctx: WorkflowContext,
  actor: Actor,
  raw: { panelId: number; sampleId: number; sampleRecordId: number; submit?: boolean } & Partial<ReviewInput>
): Promise<EncounterReview> {
  requireAccess(actor, 'review.record', { panelId: raw.panelId });
  const input = parse(reviewInput, raw);
  const reviewerId = actorId(actor);
  if (!reviewerId) throw new Forbidden('Only a reviewer with an account can record a review.');
  return write(ctx, actor, async (tx, audit) => {
    const sample = await loadSample(tx, raw.panelId, raw.sampleId);
    const record = await recordOf(tx, sample, raw.sampleRecordId);
    const [assigned] = await tx.select({ id: sampleReviewers.id }).from(sampleReviewers).where(and(eq(sampleReviewers.sampleId, sample.id), eq(sampleReviewers.userId, reviewerId)));
    if (!assigned) throw new Forbidden("You are not one of this sample's reviewers: the clerk or chair assigns them.");
    if (isSection60(record)) {
      const fields = Object.fromEntries(gowiselyItems.filter(([k]) => input[k] !== 'not_applicable').map(([k, label]) => [k, `${label}: GOWISELY does not apply to a section 60 search; choose "not applicable".`]));
      const first = Object.values(fields)[0];
      if (first) throw new Invalid(first, { fields, field: Object.keys(fields)[0] });
    }
    const [before] = await tx.select().from(encounterReviews).where(and(eq(encounterReviews.sampleRecordId, record.id), eq(encounterReviews.reviewerId, reviewerId)));
    if (before?.submittedAt) throw new Conflict('You have submitted this review: it can no longer be changed.');
    const now = ctx.clock.now();
    const values = { ...input, submittedAt: raw.submit ? now : null, updatedAt: now };
    const [review] = before
      ? await tx.update(encounterReviews).set(values).where(eq(encounterReviews.id, before.id)).returning()
      : await tx.insert(encounterReviews).values({ panelId: raw.panelId, sampleRecordId: record.id, reviewerId, createdAt: now, ...values }).returning();
    await audit({
      action: 'review.record',
      entity: { type: 'encounter_review', id: review.id },
      panelId: raw.panelId,
      details: { sampleId: sample.id, sampleRecordId: record.id, submitted: Boolean(raw.submit), rag: input.rag, items: Object.fromEntries(gowiselyKeys.map((k) => [k, input[k]])) }
    });
    return review;
  });
}
