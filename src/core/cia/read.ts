import { and, asc, desc, eq, inArray, isNotNull, or } from 'drizzle-orm';
import { actorId, type Actor } from '../access/actor.ts';
import { requireAccess } from '../access/require-access.ts';
import type { WorkflowContext } from '../audit/write.ts';
import { ciaItems, ciaQuestions, ciaReviews, cias, incidents, questions, users, type Cia, type CiaItem, type CiaReview, type QuestionStatus, type Rag } from '../db/schema.ts';
import { NotFound } from '../errors.ts';
import type { FileStore } from '../files/store.ts';
import { findUnusualDays } from '../figures/unusual.ts';
import type { Warehouse } from '../warehouse/warehouse.ts';
import { loadCia, questionDraftFrom, visibleReview } from './cia.ts';
import { raiseInput } from './input.ts';
import { parse } from '../panels/input.ts';

type Ref = { panelId: number; ciaId: number };

export interface CiaSummary {
  id: number;
  title: string;
  operation: string;
  timing: Cia['timing'];
  documentOn: string | null;
  submitted: number;
  questions: number;
  /** Where the reader's own review stands. */
  mine: 'none' | 'draft' | 'submitted';
}

/** The panel's CIAs, the newest first, with how many reviews are submitted and questions raised. */
export async function listCias(ctx: WorkflowContext, actor: Actor, panelId: number): Promise<CiaSummary[]> {
  requireAccess(actor, 'cia.list', { panelId });
  const db = ctx.db.db;
  const rows = await db.select().from(cias).where(eq(cias.panelId, panelId)).orderBy(desc(cias.id));
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [reviews, links] = await Promise.all([
    db.select({ ciaId: ciaReviews.ciaId, reviewerId: ciaReviews.reviewerId, submittedAt: ciaReviews.submittedAt }).from(ciaReviews).where(inArray(ciaReviews.ciaId, ids)),
    db.select({ ciaId: ciaQuestions.ciaId }).from(ciaQuestions).where(inArray(ciaQuestions.ciaId, ids))
  ]);
  const me = actorId(actor);
  return rows.map((r) => {
    const own = reviews.find((v) => v.ciaId === r.id && v.reviewerId === me);
    return {
      id: r.id,
      title: r.title,
      operation: r.operation,
      timing: r.timing,
      documentOn: r.documentOn,
      submitted: reviews.filter((v) => v.ciaId === r.id && v.submittedAt).length,
      questions: links.filter((l) => l.ciaId === r.id).length,
      mine: own ? (own.submittedAt ? 'submitted' : 'draft') : 'none'
    };
  });
}

export interface ReviewView extends CiaReview {
  reviewerName: string;
  mine: boolean;
  /** The sum of the item scores given so far, out of 14. */
  total: number;
}

/** Per item of the rubric, the submitted reviews' scores, combined. */
export interface ItemCombined {
  item: CiaItem;
  scores: number[];
  /** The mean score of the submitted reviews, or null when none is submitted. */
  mean: number | null;
}

export interface CiaView {
  cia: Cia;
  incident: { id: number; title: string; startsOn: string } | null;
  /** Submitted reviews, and the reader's own draft. Nobody else's draft. */
  reviews: ReviewView[];
  combined: { items: ItemCombined[]; rag: Record<Rag, number>; submitted: number };
  questions: { id: number; title: string; status: QuestionStatus; item: CiaItem | null; reviewId: number }[];
}

/** A CIA with what the reader may see of its reviews and the questions raised from them. */
export async function getCia(ctx: WorkflowContext, actor: Actor, ref: Ref): Promise<CiaView> {
  requireAccess(actor, 'cia.list', { panelId: ref.panelId });
  const db = ctx.db.db;
  const cia = await loadCia(db, ref);
  const me = actorId(actor);
  const [incident, reviewRows, qs] = await Promise.all([
    cia.incidentId ? db.select({ id: incidents.id, title: incidents.title, startsOn: incidents.startsOn }).from(incidents).where(and(eq(incidents.id, cia.incidentId), eq(incidents.panelId, ref.panelId))) : Promise.resolve([]),
    db
      .select({ r: ciaReviews, name: users.name })
      .from(ciaReviews)
      .innerJoin(users, eq(users.id, ciaReviews.reviewerId))
      .where(and(eq(ciaReviews.ciaId, cia.id), me ? or(isNotNull(ciaReviews.submittedAt), eq(ciaReviews.reviewerId, me)) : isNotNull(ciaReviews.submittedAt)))
      .orderBy(asc(ciaReviews.submittedAt), asc(ciaReviews.id)),
    db
      .select({ id: questions.id, title: questions.title, status: questions.status, item: ciaQuestions.item, reviewId: ciaQuestions.reviewId })
      .from(ciaQuestions)
      .innerJoin(questions, eq(questions.id, ciaQuestions.questionId))
      .where(and(eq(ciaQuestions.ciaId, cia.id), eq(questions.panelId, ref.panelId)))
      .orderBy(asc(questions.id))
  ]);
  const reviews = reviewRows.map(({ r, name }) => ({ ...r, reviewerName: name, mine: r.reviewerId === me, total: ciaItems.reduce((t, i) => t + (r[`${i}Score`] ?? 0), 0) }));
  const submitted = reviews.filter((r) => r.submittedAt);
  const items = ciaItems.map((item) => {
    const scores = submitted.map((r) => r[`${item}Score`]).filter((s): s is number => s !== null);
    return { item, scores, mean: scores.length ? Math.round((scores.reduce((a, b) => a + b, 0) / scores.length) * 10) / 10 : null };
  });
  const rag = { red: 0, amber: 0, green: 0 };
  for (const r of submitted) if (r.rag) rag[r.rag] += 1;
  return { cia, incident: incident[0] ?? null, reviews, combined: { items, rag, submitted: submitted.length }, questions: qs };
}

/** The CIA and the reader's own review of it (null before they start one). */
export async function ownReview(ctx: WorkflowContext, actor: Actor, ref: Ref): Promise<{ cia: Cia; review: CiaReview | null }> {
  requireAccess(actor, 'cia.review', { panelId: ref.panelId });
  const cia = await loadCia(ctx.db.db, ref);
  const me = actorId(actor);
  const [review] = me ? await ctx.db.db.select().from(ciaReviews).where(and(eq(ciaReviews.ciaId, cia.id), eq(ciaReviews.reviewerId, me))) : [];
  return { cia, review: review ?? null };
}

/** What a question raised from a review (one item, or the whole review) starts with. */
export async function questionStart(ctx: WorkflowContext, actor: Actor, ref: Ref & { reviewId: number; item?: unknown }) {
  requireAccess(actor, 'cia.raise-question', { panelId: ref.panelId });
  const { item } = parse(raiseInput, ref);
  const cia = await loadCia(ctx.db.db, ref);
  const review = await visibleReview(ctx.db.db, actor, ref, ref.reviewId);
  return { cia: { id: cia.id, title: cia.title }, reviewId: review.id, item: item ?? null, ...questionDraftFrom(cia, review, item ?? null) };
}

/** The uploaded copy of a CIA, for download. */
export async function ciaDocument(ctx: WorkflowContext & { files: FileStore }, actor: Actor, ref: Ref): Promise<{ bytes: Uint8Array; name: string; mediaType: string; sha256: string }> {
  requireAccess(actor, 'cia.list', { panelId: ref.panelId });
  const cia = await loadCia(ctx.db.db, ref);
  if (!cia.sha256) throw new NotFound('This assessment was pasted, not uploaded: its text is on its page.');
  return { bytes: await ctx.files.get(cia.sha256), name: cia.fileName ?? `cia-${cia.id}`, mediaType: cia.mediaType ?? 'application/octet-stream', sha256: cia.sha256 };
}

/** For the question register: the CIA each of the panel's questions was raised from, by question id. */
export async function ciaOfQuestions(ctx: WorkflowContext, actor: Actor, panelId: number): Promise<Map<number, { ciaId: number; title: string }>> {
  requireAccess(actor, 'cia.list', { panelId });
  const rows = await ctx.db.db
    .select({ questionId: ciaQuestions.questionId, ciaId: cias.id, title: cias.title })
    .from(ciaQuestions)
    .innerJoin(cias, eq(cias.id, ciaQuestions.ciaId))
    .where(eq(ciaQuestions.panelId, panelId));
  return new Map(rows.map((r) => [r.questionId, { ciaId: r.ciaId, title: r.title }]));
}

/** Where a CIA's unusual day stands in the loaded police data. */
export type DayStatus =
  | { kind: 'unusual'; count: number; baseline: number; ratio: number | null; areaName: string }
  | { kind: 'ordinary'; count: number }
  | { kind: 'no-data' };

/**
 * Whether the borough's date is among the unusual days found in the loaded data (METRICS.md's
 * rule, src/core/figures/unusual.ts). A day with no records loaded for any borough has no data.
 */
export async function dayStatus(wh: Warehouse, borough: string, date: string): Promise<DayStatus> {
  const [loaded] = await wh.query<{ any: number; n: number }>(
    `SELECT count(*)::INTEGER AS any, count(*) FILTER (WHERE borough = $borough)::INTEGER AS n FROM stop_search WHERE local_date = CAST($d AS DATE)`,
    { borough, d: date }
  );
  if (!loaded || Number(loaded.any) === 0) return { kind: 'no-data' };
  try {
    const found = (await findUnusualDays(wh, { area: borough, from: date, to: date })).days.find((d) => d.area.code === borough && d.date === date);
    if (found) return { kind: 'unusual', count: found.count, baseline: found.baseline, ratio: found.ratio, areaName: found.area.name };
  } catch (err) {
    if (!(err instanceof NotFound)) throw err; // a borough not in the boundaries in use has no unusual days
  }
  return { kind: 'ordinary', count: Number(loaded.n) };
}
