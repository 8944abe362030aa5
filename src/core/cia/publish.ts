import { and, desc, eq, isNotNull, max } from 'drizzle-orm';
import { actorId, type Actor } from '../access/actor.ts';
import { requireAccess } from '../access/require-access.ts';
import { write, type WorkflowContext } from '../audit/write.ts';
import { ciaPublications, ciaQuestions, ciaReviews, panels, questions, type CiaPublication } from '../db/schema.ts';
import { Conflict, NotFound } from '../errors.ts';
import { isRowId } from '../db/ids.ts';
import { parse } from '../panels/input.ts';
import { loadCia } from './cia.ts';
import { ciaRubric, publishInput, timingLabels } from './input.ts';

/**
 * What a panel publishes about its reviews of a CIA: the assessment's title and operation, counts
 * of the scores per item and of the overall ratings, and a statement the clerk or chair writes for
 * the public. Never the reviewers' names, their comments or summaries (free text can name people),
 * nor the police's document itself; of the questions raised, only those the panel has published
 * to its tracker, by title.
 */
export interface PublicCiaSummary {
  title: string;
  operation: string;
  written: string;
  documentOn: string | null;
  reviews: number;
  items: { label: string; scores: [number, number, number]; mean: number | null }[];
  rag: { red: number; amber: number; green: number };
  statement: string;
  questionsRaised: number;
  publishedQuestions: string[];
}

/** Publishes the summary of the CIA's submitted reviews as its next version; earlier versions stay as they were. */
export async function publishCiaSummary(ctx: WorkflowContext, actor: Actor, raw: { panelId: number; ciaId: number; statement?: unknown }): Promise<CiaPublication> {
  requireAccess(actor, 'cia.publish', { panelId: raw.panelId });
  const { statement } = parse(publishInput, raw);
  return write(ctx, actor, async (tx, audit) => {
    const cia = await loadCia(tx, raw);
    const reviews = await tx.select().from(ciaReviews).where(and(eq(ciaReviews.ciaId, cia.id), isNotNull(ciaReviews.submittedAt)));
    if (reviews.length === 0) throw new Conflict('Nothing to publish yet: no review of this assessment has been submitted.');
    const raised = await tx
      .select({ title: questions.title, publishedAt: questions.publishedAt })
      .from(ciaQuestions)
      .innerJoin(questions, eq(questions.id, ciaQuestions.questionId))
      .where(eq(ciaQuestions.ciaId, cia.id))
      .orderBy(questions.id);
    const rag = { red: 0, amber: 0, green: 0 };
    for (const r of reviews) if (r.rag) rag[r.rag] += 1;
    const summary: PublicCiaSummary = {
      title: cia.title,
      operation: cia.operation,
      written: timingLabels[cia.timing],
      documentOn: cia.documentOn,
      reviews: reviews.length,
      items: ciaRubric.map(({ item, label }) => {
        const given = reviews.map((r) => r[`${item}Score`]).filter((s): s is number => s !== null);
        return { label, scores: [0, 1, 2].map((v) => given.filter((s) => s === v).length) as [number, number, number], mean: given.length ? Math.round((given.reduce((a, b) => a + b, 0) / given.length) * 10) / 10 : null };
      }),
      rag,
      statement,
      questionsRaised: raised.length,
      publishedQuestions: raised.filter((q) => q.publishedAt).map((q) => q.title)
    };
    const [last] = await tx.select({ v: max(ciaPublications.version) }).from(ciaPublications).where(eq(ciaPublications.ciaId, cia.id));
    const version = (last?.v ?? 0) + 1;
    const [pub] = await tx
      .insert(ciaPublications)
      .values({ panelId: raw.panelId, ciaId: cia.id, version, summary: summary as unknown as Record<string, unknown>, publishedAt: ctx.clock.now(), publishedBy: actorId(actor) })
      .returning();
    await audit({ action: 'cia.publish', entity: { type: 'cia_publication', id: pub.id }, panelId: raw.panelId, details: { ciaId: cia.id, version, reviews: reviews.length } });
    return pub;
  });
}

export interface PublishedCia {
  id: number;
  ciaId: number;
  version: number;
  publishedAt: Date;
  summary: PublicCiaSummary;
}

/** A borough's published CIA review summaries, newest first, every version (public). */
export async function publishedCias(ctx: WorkflowContext, actor: Actor, boroughSlug: string): Promise<{ panel: { name: string; slug: string }; publications: PublishedCia[] }> {
  requireAccess(actor, 'cia.view-public');
  const [panel] = await ctx.db.db.select().from(panels).where(eq(panels.slug, boroughSlug));
  if (!panel) throw new NotFound('There is nothing at this address.');
  const rows = await ctx.db.db
    .select({ id: ciaPublications.id, ciaId: ciaPublications.ciaId, version: ciaPublications.version, publishedAt: ciaPublications.publishedAt, summary: ciaPublications.summary })
    .from(ciaPublications)
    .where(eq(ciaPublications.panelId, panel.id))
    .orderBy(desc(ciaPublications.publishedAt), desc(ciaPublications.id));
  return { panel: { name: panel.name, slug: panel.slug }, publications: rows.map((r) => ({ ...r, summary: r.summary as unknown as PublicCiaSummary })) };
}

/** One published version, with the other versions of the same CIA (public). */
export async function publishedCia(ctx: WorkflowContext, actor: Actor, raw: { borough: string; publicationId: number }) {
  const { panel, publications } = await publishedCias(ctx, actor, raw.borough);
  const publication = isRowId(raw.publicationId) ? publications.find((p) => p.id === raw.publicationId) : undefined;
  if (!publication) throw new NotFound('There is nothing at this address.');
  const versions = publications.filter((p) => p.ciaId === publication.ciaId).map(({ id, version, publishedAt }) => ({ id, version, publishedAt }));
  return { panel, publication, versions };
}

/** The versions of one CIA's summary, for its workspace page. */
export async function ciaPublicationsOf(ctx: WorkflowContext, actor: Actor, ref: { panelId: number; ciaId: number }): Promise<{ id: number; version: number; publishedAt: Date }[]> {
  requireAccess(actor, 'cia.list', { panelId: ref.panelId });
  return ctx.db.db
    .select({ id: ciaPublications.id, version: ciaPublications.version, publishedAt: ciaPublications.publishedAt })
    .from(ciaPublications)
    .where(and(eq(ciaPublications.ciaId, ref.ciaId), eq(ciaPublications.panelId, ref.panelId)))
    .orderBy(desc(ciaPublications.version));
}
