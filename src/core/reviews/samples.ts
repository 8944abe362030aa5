import { randomInt } from 'node:crypto';
import { and, asc, count, desc, eq, inArray, isNotNull } from 'drizzle-orm';
import { actorId, roleIn, type Actor } from '../access/actor.ts';
import { requireAccess } from '../access/require-access.ts';
import type { Tx } from '../audit/append.ts';
import { write, type WorkflowContext } from '../audit/write.ts';
import type { Context } from '../context.ts';
import { encounterReviews, panelMembers, panels, reviewSamples, sampleRecords, sampleReviewers, users, type ReviewSample, type SampleRecord } from '../db/schema.ts';
import { Invalid, NotFound } from '../errors.ts';
import { parse } from '../panels/input.ts';
import { londonDay } from '../questions/working-days.ts';
import { maxSeed } from './draw.ts';
import { responseInput, sampleInput, type SampleInput } from './input.ts';
import { drawSample, parseSampleSize } from './sampling.ts';

/** Drawing a sample reads the warehouse as well as the workflow database. */
export type ReviewContext = Pick<Context, 'db' | 'clock' | 'warehouse'>;

export interface SampleSummary extends ReviewSample {
  records: number;
  reviewers: number;
  submitted: number;
}

export interface SampleView {
  sample: ReviewSample;
  addresseeName: string | null;
  records: SampleRecord[];
  reviewers: { id: string; name: string }[];
  /** The actor's own reviews: sample record id -> submitted or not. */
  mine: Map<number, { submitted: boolean }>;
  /** Submitted reviews per sample record (counts only: who said what stays private). */
  submittedCounts: Map<number, number>;
  /** Overall red/amber/green of the submitted reviews per sample record, counted: what the police respond to. */
  submittedRag: Map<number, { red: number; amber: number; green: number }>;
  /** Whether the actor is one of the reviewers. */
  isReviewer: boolean;
}

/**
 * Draws a sample of the panel's borough for a month and stores it with its seed and a snapshot of
 * each record's references. Without a seed, a random one is chosen and kept.
 */
export async function createSample(ctx: ReviewContext, actor: Actor, raw: { panelId: number } & SampleInput): Promise<ReviewSample> {
  requireAccess(actor, 'sample.draw', { panelId: raw.panelId });
  const input = parse(sampleInput, raw);
  const seed = input.seed ?? randomInt(1, maxSeed + 1);
  const [panel] = await ctx.db.db.select().from(panels).where(eq(panels.id, raw.panelId));
  if (!panel) throw new NotFound('There is nothing at this address.');
  const drawn = await drawSample(ctx.warehouse, { area: panel.boroughCode, month: input.month, size: parseSampleSize(input.size), seed, strata: input.strata });
  return write(ctx, actor, async (tx, audit) => {
    const [sample] = await tx
      .insert(reviewSamples)
      .values({ panelId: panel.id, areaCode: drawn.area.code, month: drawn.month, seed, size: input.size.replace(/\s+/g, ''), strata: drawn.strata, population: drawn.population, createdBy: actorId(actor), createdAt: ctx.clock.now() })
      .returning();
    await tx.insert(sampleRecords).values(
      drawn.records.map((r, i) => ({
        panelId: panel.id,
        sampleId: sample.id,
        position: i + 1,
        recordId: r.id,
        occurredAt: new Date(r.datetime),
        latitude: r.latitude,
        longitude: r.longitude,
        street: r.street,
        legislation: r.legislation,
        object: r.object,
        outcome: r.outcome,
        ethnicGroup: r.ethnicGroup,
        stratum: r.stratum
      }))
    );
    await audit({
      action: 'sample.draw',
      entity: { type: 'review_sample', id: sample.id },
      panelId: panel.id,
      details: { area: drawn.area.code, month: drawn.month, seed, size: sample.size, strata: drawn.strata, population: drawn.population, records: drawn.records.map((r) => r.id) }
    });
    return sample;
  });
}

/** The panel's samples, newest first; a police respondent sees only those sent to them. */
export async function listSamples(ctx: WorkflowContext, actor: Actor, panelId: number): Promise<SampleSummary[]> {
  requireAccess(actor, 'sample.list', { panelId });
  const police = roleIn(actor, panelId) === 'police';
  const samples = await ctx.db.db
    .select()
    .from(reviewSamples)
    .where(police ? and(eq(reviewSamples.panelId, panelId), eq(reviewSamples.addresseeId, actorId(actor)!)) : eq(reviewSamples.panelId, panelId))
    .orderBy(desc(reviewSamples.month), desc(reviewSamples.id));
  if (samples.length === 0) return [];
  const ids = samples.map((s) => s.id);
  const [records, reviewers, submitted] = await Promise.all([
    ctx.db.db.select({ id: sampleRecords.sampleId, n: count() }).from(sampleRecords).where(inArray(sampleRecords.sampleId, ids)).groupBy(sampleRecords.sampleId),
    ctx.db.db.select({ id: sampleReviewers.sampleId, n: count() }).from(sampleReviewers).where(inArray(sampleReviewers.sampleId, ids)).groupBy(sampleReviewers.sampleId),
    ctx.db.db
      .select({ id: sampleRecords.sampleId, n: count() })
      .from(encounterReviews)
      .innerJoin(sampleRecords, eq(sampleRecords.id, encounterReviews.sampleRecordId))
      .where(and(inArray(sampleRecords.sampleId, ids), isNotNull(encounterReviews.submittedAt)))
      .groupBy(sampleRecords.sampleId)
  ]);
  const of = (rows: { id: number; n: number }[], id: number) => Number(rows.find((r) => r.id === id)?.n ?? 0);
  return samples.map((s) => ({ ...s, records: of(records, s.id), reviewers: of(reviewers, s.id), submitted: of(submitted, s.id) }));
}

/** A sample with its references, reviewers and the actor's own progress. */
export async function getSample(ctx: WorkflowContext, actor: Actor, raw: { panelId: number; sampleId: number }): Promise<SampleView> {
  const sample = await loadSample(ctx.db.db, raw.panelId, raw.sampleId);
  requireAccess(actor, 'sample.view', { panelId: raw.panelId, addresseeId: sample.addresseeId });
  const [records, reviewers, reviews, addressee] = await Promise.all([
    ctx.db.db.select().from(sampleRecords).where(eq(sampleRecords.sampleId, sample.id)).orderBy(asc(sampleRecords.position)),
    reviewersOf(ctx.db.db, sample.id),
    ctx.db.db
      .select({ recordId: encounterReviews.sampleRecordId, reviewerId: encounterReviews.reviewerId, submittedAt: encounterReviews.submittedAt, rag: encounterReviews.rag })
      .from(encounterReviews)
      .innerJoin(sampleRecords, eq(sampleRecords.id, encounterReviews.sampleRecordId))
      .where(eq(sampleRecords.sampleId, sample.id)),
    sample.addresseeId ? ctx.db.db.select({ name: users.name }).from(users).where(eq(users.id, sample.addresseeId)) : Promise.resolve([])
  ]);
  const me = actorId(actor);
  const mine = new Map(reviews.filter((r) => r.reviewerId === me).map((r) => [r.recordId, { submitted: r.submittedAt !== null }]));
  const submittedCounts = new Map<number, number>();
  const submittedRag = new Map<number, { red: number; amber: number; green: number }>();
  for (const r of reviews.filter((r) => r.submittedAt)) {
    submittedCounts.set(r.recordId, (submittedCounts.get(r.recordId) ?? 0) + 1);
    const rag = submittedRag.get(r.recordId) ?? { red: 0, amber: 0, green: 0 };
    rag[r.rag] += 1;
    submittedRag.set(r.recordId, rag);
  }
  return { sample, addresseeName: addressee[0]?.name ?? null, records, reviewers, mine, submittedCounts, submittedRag, isReviewer: reviewers.some((r) => r.id === me) };
}

/** Adds reviewers to a sample: people of the panel other than police respondents. */
export async function assignReviewers(ctx: WorkflowContext, actor: Actor, raw: { panelId: number; sampleId: number; userIds: string[] }): Promise<void> {
  requireAccess(actor, 'sample.assign', { panelId: raw.panelId });
  if (raw.userIds.length === 0) throw new Invalid('Choose at least one reviewer.', { field: 'userIds' });
  await write(ctx, actor, async (tx, audit) => {
    const sample = await loadSample(tx, raw.panelId, raw.sampleId);
    const members = await tx
      .select({ id: panelMembers.userId, role: panelMembers.role })
      .from(panelMembers)
      .where(and(eq(panelMembers.panelId, raw.panelId), inArray(panelMembers.userId, raw.userIds)));
    const eligible = members.filter((m) => m.role !== 'police').map((m) => m.id);
    if (eligible.length !== new Set(raw.userIds).size) throw new Invalid('Reviewers must be members, clerks or chairs of this panel.', { field: 'userIds' });
    await tx.insert(sampleReviewers).values(eligible.map((userId) => ({ panelId: raw.panelId, sampleId: sample.id, userId }))).onConflictDoNothing();
    await audit({ action: 'sample.assign', entity: { type: 'review_sample', id: sample.id }, panelId: raw.panelId, details: { reviewers: eligible } });
  });
}

/** Sends the references to a police respondent of the panel, who can then see the sample and respond. */
export async function sendSample(ctx: WorkflowContext, actor: Actor, raw: { panelId: number; sampleId: number; addresseeId?: string }): Promise<ReviewSample> {
  requireAccess(actor, 'sample.assign', { panelId: raw.panelId });
  return write(ctx, actor, async (tx, audit) => {
    // After any change to the panel's people in flight (src/core/panels/members.ts): never to someone just taken off.
    await tx.select({ id: panels.id }).from(panels).where(eq(panels.id, raw.panelId)).for('update');
    const sample = await loadSample(tx, raw.panelId, raw.sampleId);
    const [police] = raw.addresseeId
      ? await tx.select({ id: panelMembers.userId }).from(panelMembers).where(and(eq(panelMembers.panelId, raw.panelId), eq(panelMembers.userId, raw.addresseeId), eq(panelMembers.role, 'police')))
      : [];
    if (!police) throw new Invalid('Choose a police respondent of this panel.', { field: 'addresseeId' });
    const sentOn = londonDay(ctx.clock.now());
    const [updated] = await tx.update(reviewSamples).set({ addresseeId: police.id, sentOn }).where(eq(reviewSamples.id, sample.id)).returning();
    await audit({ action: 'sample.assign', entity: { type: 'review_sample', id: sample.id }, panelId: raw.panelId, details: { addresseeId: police.id, sentOn } });
    return updated;
  });
}

/** The police's response to the panel's reviews of one encounter (replaces an earlier one; the audit log keeps both). */
export async function respondToEncounter(ctx: WorkflowContext, actor: Actor, raw: { panelId: number; sampleId: number; sampleRecordId: number; response?: unknown }): Promise<SampleRecord> {
  const sample = await loadSample(ctx.db.db, raw.panelId, raw.sampleId);
  requireAccess(actor, 'review.respond', { panelId: raw.panelId, addresseeId: sample.addresseeId });
  const input = parse(responseInput, raw);
  return write(ctx, actor, async (tx, audit) => {
    const record = await recordOf(tx, sample, raw.sampleRecordId);
    const [updated] = await tx
      .update(sampleRecords)
      .set({ policeResponse: input.response, respondedAt: ctx.clock.now(), respondedBy: actorId(actor) })
      .where(eq(sampleRecords.id, record.id))
      .returning();
    await audit({ action: 'review.respond', entity: { type: 'sample_record', id: record.id }, panelId: raw.panelId, details: { sampleId: sample.id, response: input.response, previous: record.policeResponse } });
    return updated;
  });
}

/** People who may be made reviewers: the panel's members, clerks and chairs. */
export async function possibleReviewers(ctx: WorkflowContext, actor: Actor, panelId: number): Promise<{ id: string; name: string }[]> {
  requireAccess(actor, 'sample.assign', { panelId });
  const rows = await ctx.db.db
    .select({ id: users.id, name: users.name, role: panelMembers.role })
    .from(panelMembers)
    .innerJoin(users, eq(users.id, panelMembers.userId))
    .where(eq(panelMembers.panelId, panelId))
    .orderBy(asc(users.name));
  return rows.filter((r) => r.role !== 'police').map(({ id, name }) => ({ id, name }));
}

/** The panel's police respondents, to send a sample to. */
export async function policeRespondents(ctx: WorkflowContext, actor: Actor, panelId: number): Promise<{ id: string; name: string }[]> {
  requireAccess(actor, 'sample.assign', { panelId });
  return ctx.db.db
    .select({ id: users.id, name: users.name })
    .from(panelMembers)
    .innerJoin(users, eq(users.id, panelMembers.userId))
    .where(and(eq(panelMembers.panelId, panelId), eq(panelMembers.role, 'police')))
    .orderBy(asc(users.name));
}

type Db = WorkflowContext['db']['db'] | Tx;

export async function loadSample(db: Db, panelId: number, sampleId: number): Promise<ReviewSample> {
  const [sample] = Number.isInteger(sampleId)
    ? await db.select().from(reviewSamples).where(and(eq(reviewSamples.id, sampleId), eq(reviewSamples.panelId, panelId)))
    : [];
  if (!sample) throw new NotFound('There is nothing at this address.');
  return sample;
}

/** A record of the sample, or a clear error for an encounter outside it. */
export async function recordOf(db: Db, sample: ReviewSample, sampleRecordId: number): Promise<SampleRecord> {
  const [record] = Number.isInteger(sampleRecordId) ? await db.select().from(sampleRecords).where(eq(sampleRecords.id, sampleRecordId)) : [];
  if (!record || record.sampleId !== sample.id)
    throw new Invalid(`That encounter is not in this sample (${sample.month}, seed ${sample.seed}): only its own encounters can be reviewed.`, { field: 'sampleRecordId' });
  return record;
}

export function reviewersOf(db: Db, sampleId: number): Promise<{ id: string; name: string }[]> {
  return db
    .select({ id: users.id, name: users.name })
    .from(sampleReviewers)
    .innerJoin(users, eq(users.id, sampleReviewers.userId))
    .where(eq(sampleReviewers.sampleId, sampleId))
    .orderBy(asc(users.name));
}
