import { and, eq } from 'drizzle-orm';
import { actorId, type Actor } from '../access/actor.ts';
import { requireAccess } from '../access/require-access.ts';
import type { Tx } from '../audit/append.ts';
import { write, type WorkflowContext } from '../audit/write.ts';
import { loadIncident, safeFileName, type UploadedCopy } from '../cases/cases.ts';
import { sniffMediaType } from '../cases/media-type.ts';
import { isRowId } from '../db/ids.ts';
import { ciaItems, ciaQuestions, ciaReviews, cias, type Cia, type CiaItem, type CiaReview, type Question } from '../db/schema.ts';
import { Conflict, Forbidden, Invalid, NotFound } from '../errors.ts';
import type { FileStore } from '../files/store.ts';
import { parse } from '../panels/input.ts';
import { draftQuestion } from '../questions/questions.ts';
import { ciaInput, ciaItemLabel, ciaRubric, raiseInput, reviewInput, type CiaReviewInput } from './input.ts';

/** What recording a CIA needs: the database and clock, and the file store for an uploaded copy (pasted text needs none). */
export type CiaContext = WorkflowContext & { files?: FileStore };

type Ref = { panelId: number; ciaId: number };
const notHere = () => new NotFound('There is nothing at this address.');

/** The kinds of document accepted, judged from the bytes (never the name): a PDF or plain text. */
const accepted = ['application/pdf', 'text/plain; charset=utf-8'];

/**
 * Records a police community impact assessment: an uploaded PDF or text file, pasted text, or
 * both; what it concerns (a case file of the panel, an unusual day). The file goes in the
 * content-addressed store before the transaction, only once the input and the case are checked.
 */
export async function recordCia(ctx: CiaContext, actor: Actor, raw: { panelId: number; file?: UploadedCopy | null } & Record<string, unknown>): Promise<Cia> {
  requireAccess(actor, 'cia.record', { panelId: raw.panelId });
  const input = parse(ciaInput, raw);
  const file = raw.file && raw.file.bytes.byteLength > 0 ? raw.file : null;
  if (!file && !input.text) throw new Invalid('Paste the text of the assessment or upload it (a PDF or a text file).', { field: 'text' });
  if (input.incidentId !== undefined) await caseOf(ctx.db.db, raw.panelId, input.incidentId);
  const mediaType = file ? sniffMediaType(file.bytes) : null;
  if (mediaType && !accepted.includes(mediaType)) throw new Invalid('Upload the assessment as a PDF or a plain text file.', { field: 'file' });
  if (file && !ctx.files) throw new Error('recordCia was given a file but no file store.');
  const stored = file ? await ctx.files!.put(file.bytes) : null;
  return write(ctx, actor, async (tx, audit) => {
    if (input.incidentId !== undefined) await caseOf(tx, raw.panelId, input.incidentId);
    const now = ctx.clock.now();
    const [cia] = await tx
      .insert(cias)
      .values({
        panelId: raw.panelId,
        title: input.title,
        operation: input.operation,
        documentOn: input.documentOn ?? null,
        timing: input.timing,
        text: input.text,
        sha256: stored?.sha256 ?? null,
        size: stored?.size ?? null,
        fileName: file ? safeFileName(file.name) : null,
        mediaType,
        incidentId: input.incidentId ?? null,
        dayBorough: input.dayBorough ?? null,
        dayOn: input.dayOn ?? null,
        createdBy: actorId(actor),
        createdAt: now,
        updatedAt: now
      })
      .returning();
    await audit({
      action: 'cia.record',
      entity: { type: 'cia', id: cia.id },
      panelId: raw.panelId,
      details: { title: cia.title, operation: cia.operation, timing: cia.timing, documentOn: cia.documentOn, sha256: cia.sha256, size: cia.size, incidentId: cia.incidentId, dayBorough: cia.dayBorough, dayOn: cia.dayOn }
    });
    return cia;
  });
}

/**
 * Saves the actor's own review of a CIA; with `submit` it becomes final, and then needs every
 * item scored and an overall red, amber or green. A submitted review no longer changes.
 */
export async function saveCiaReview(ctx: WorkflowContext, actor: Actor, raw: Ref & { submit?: boolean } & Partial<CiaReviewInput>): Promise<CiaReview> {
  requireAccess(actor, 'cia.review', { panelId: raw.panelId });
  const input = parse(reviewInput, raw);
  const reviewerId = actorId(actor);
  if (!reviewerId) throw new Forbidden('Only a reviewer with an account can record a review.');
  if (raw.submit) {
    const fields = Object.fromEntries(ciaRubric.filter((r) => input[`${r.item}Score`] === null).map((r) => [`${r.item}Score`, `${r.label}: give a score of 0, 1 or 2 before submitting.`]));
    if (!input.rag) fields.rag = 'Choose red, amber or green before submitting.';
    const first = Object.keys(fields)[0];
    if (first) throw new Invalid(fields[first], { field: first, fields });
  }
  return write(ctx, actor, async (tx, audit) => {
    const cia = await loadCia(tx, raw);
    // Locked, so that a save racing a submit cannot turn the submitted review back into a draft.
    const [before] = await tx.select().from(ciaReviews).where(and(eq(ciaReviews.ciaId, cia.id), eq(ciaReviews.reviewerId, reviewerId))).for('update');
    if (before?.submittedAt) throw new Conflict('You have submitted this review: it can no longer be changed.');
    const now = ctx.clock.now();
    const scores = Object.fromEntries(ciaItems.map((i) => [`${i}Score`, input[`${i}Score`]])) as Record<`${CiaItem}Score`, 0 | 1 | 2 | null>;
    const comments = Object.fromEntries(ciaItems.filter((i) => input[`${i}Comment`]).map((i) => [i, input[`${i}Comment`]]));
    const values = { ...scores, comments, rag: input.rag ?? null, summary: input.summary, submittedAt: raw.submit ? now : null, updatedAt: now };
    const [review] = before
      ? await tx.update(ciaReviews).set(values).where(eq(ciaReviews.id, before.id)).returning()
      : await tx.insert(ciaReviews).values({ panelId: raw.panelId, ciaId: cia.id, reviewerId, createdAt: now, ...values }).returning();
    await audit({ action: 'cia.review', entity: { type: 'cia_review', id: review.id }, panelId: raw.panelId, details: { ciaId: cia.id, submitted: Boolean(raw.submit), rag: review.rag, scores: Object.fromEntries(ciaItems.map((i) => [i, scores[`${i}Score`]])) } });
    return review;
  });
}

/**
 * Drafts a question to the police from a CIA review (one rubric item, or the whole review) and
 * links it to the review, in one transaction: the draft goes through the questions' own use case
 * (its checks, its audit entry and history), and if linking fails no question is left behind.
 * The review must be one the actor can see: their own, or a submitted one.
 */
export async function raiseCiaQuestion(
  ctx: WorkflowContext,
  actor: Actor,
  raw: Ref & { reviewId: number; item?: unknown; title?: unknown; body?: unknown }
): Promise<{ question: Question; item: CiaItem | null }> {
  requireAccess(actor, 'cia.raise-question', { panelId: raw.panelId });
  requireAccess(actor, 'question.draft', { panelId: raw.panelId });
  const { item } = parse(raiseInput, raw);
  return ctx.db.db.transaction(async (tx) => {
    const inner: WorkflowContext = { ...ctx, db: { ...ctx.db, db: tx } };
    const review = await visibleReview(tx, actor, raw, raw.reviewId);
    const question = await draftQuestion(inner, actor, { panelId: raw.panelId, title: raw.title, body: raw.body });
    await write(inner, actor, async (linkTx, audit) => {
      await linkTx.insert(ciaQuestions).values({ panelId: raw.panelId, ciaId: review.ciaId, reviewId: review.id, item: item ?? null, questionId: question.id });
      await audit({ action: 'cia.raise-question', entity: { type: 'cia', id: review.ciaId }, panelId: raw.panelId, details: { reviewId: review.id, item: item ?? null, questionId: question.id } });
    });
    return { question, item: item ?? null };
  });
}

/** What a question raised from a review starts with: the CIA's title, and the item's label and comment. */
export function questionDraftFrom(cia: Pick<Cia, 'title' | 'operation'>, review: Pick<CiaReview, 'comments' | 'summary'>, item: CiaItem | null) {
  if (!item) return { title: cia.title, body: `About the community impact assessment "${cia.title}" (${cia.operation}): ${review.summary}`.trim() };
  const label = ciaItemLabel(item);
  const comment = review.comments[item] ?? '';
  return { title: `${cia.title}: ${label.toLowerCase()}`.slice(0, 200), body: `About the community impact assessment "${cia.title}" (${cia.operation}), on ${label.toLowerCase()}: ${comment}`.trim() };
}

// ---- Helpers

/** The panel's CIA, or not found (a tampered or another panel's id alike). */
export async function loadCia(tx: Tx, ref: Ref): Promise<Cia> {
  if (!isRowId(ref.ciaId)) throw notHere();
  const [cia] = await tx.select().from(cias).where(and(eq(cias.id, ref.ciaId), eq(cias.panelId, ref.panelId)));
  if (!cia) throw notHere();
  return cia;
}

/** A review of the CIA that the actor may see: their own (even a draft), or anyone's submitted one. */
export async function visibleReview(tx: Tx, actor: Actor, ref: Ref, reviewId: number): Promise<CiaReview> {
  const cia = await loadCia(tx, ref);
  if (!isRowId(reviewId)) throw notHere();
  const [review] = await tx.select().from(ciaReviews).where(and(eq(ciaReviews.id, reviewId), eq(ciaReviews.ciaId, cia.id)));
  if (!review || (!review.submittedAt && review.reviewerId !== actorId(actor))) throw notHere();
  return review;
}

async function caseOf(tx: Tx, panelId: number, incidentId: number) {
  try {
    return await loadIncident(tx, { panelId, incidentId });
  } catch (err) {
    if (err instanceof NotFound) throw new Invalid("Choose one of this panel's case files.", { field: 'incidentId' });
    throw err;
  }
}
