import { and, eq, inArray, sql } from 'drizzle-orm';
import { actorId, actorLabel, type Actor } from '../access/actor.ts';
import { requireAccess } from '../access/require-access.ts';
import type { Tx } from '../audit/append.ts';
import { write, type Audit, type WorkflowContext } from '../audit/write.ts';
import {
  caseEvents,
  caseEventSources,
  caseQuestions,
  caseSources,
  claimDecisions,
  claimRelations,
  claims,
  incidentPlaces,
  incidents,
  justiceOutcomes,
  questions,
  referrals,
  type CaseSource,
  type Claim,
  type Incident,
  type IncidentPlace,
  type Question
} from '../db/schema.ts';
import { Invalid, NotFound } from '../errors.ts';
import type { FileStore } from '../files/store.ts';
import { parse } from '../panels/input.ts';
import { draftQuestion } from '../questions/questions.ts';
import {
  claimInput,
  decisionInput,
  eventInput,
  incidentInput,
  justiceOutcomeInput,
  linkQuestionInput,
  placeInput,
  referralInput,
  relationInput,
  sourceInput
} from './input.ts';
import type { AreaFinder } from './places.ts';
import { sniffMediaType } from './media-type.ts';
import { isRowId } from '../db/ids.ts';

/** What writing to a case file needs: the database and clock, the file store, and the area finder. */
export type CaseContext = WorkflowContext & { files: FileStore; areas: AreaFinder };

type Ref = { panelId: number; incidentId: number };
const notHere = () => new NotFound('There is nothing at this address.');

/** Opens a case file for an incident. */
export async function createIncident(ctx: WorkflowContext, actor: Actor, raw: { panelId: number } & Record<string, unknown>): Promise<Incident> {
  requireAccess(actor, 'case.create', { panelId: raw.panelId });
  const input = parse(incidentInput, raw);
  return write(ctx, actor, async (tx, audit) => {
    const now = ctx.clock.now();
    const [incident] = await tx
      .insert(incidents)
      .values({ panelId: raw.panelId, ...incidentRow(input), createdBy: actorId(actor), createdAt: now, updatedAt: now })
      .returning();
    await audit({ action: 'case.create', entity: { type: 'incident', id: incident.id }, panelId: raw.panelId, details: { title: incident.title, startsOn: incident.startsOn, kinds: incident.kinds } });
    return incident;
  });
}

/** Changes an incident's title, summary, time span or kinds; the audit entry keeps what each was. */
export async function editIncident(ctx: WorkflowContext, actor: Actor, raw: Ref & Record<string, unknown>): Promise<Incident> {
  requireAccess(actor, 'case.edit', { panelId: raw.panelId });
  const input = parse(incidentInput, raw);
  return write(ctx, actor, async (tx, audit) => {
    const before = await loadIncident(tx, raw);
    const next = incidentRow(input);
    const [after] = await tx.update(incidents).set({ ...next, updatedAt: ctx.clock.now() }).where(eq(incidents.id, before.id)).returning();
    const changed = Object.fromEntries(
      (Object.keys(next) as (keyof typeof next)[]).filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k])).map((k) => [k, { from: before[k], to: after[k] }])
    );
    await audit({ action: 'case.edit', entity: { type: 'incident', id: after.id }, panelId: raw.panelId, details: { changed } });
    return after;
  });
}

/** Records a place; with coordinates, its ward and borough come from the loaded boundaries. */
export async function addPlace(ctx: CaseContext, actor: Actor, raw: Ref & Record<string, unknown>): Promise<IncidentPlace> {
  requireAccess(actor, 'case.edit', { panelId: raw.panelId });
  const input = parse(placeInput, raw);
  const areas = input.latitude !== undefined && input.longitude !== undefined ? await ctx.areas(input.longitude, input.latitude) : null;
  return edit(ctx, actor, raw, async (tx, audit) => {
    const [place] = await tx
      .insert(incidentPlaces)
      .values({ panelId: raw.panelId, incidentId: raw.incidentId, name: input.name, latitude: input.latitude ?? null, longitude: input.longitude ?? null, ...areas })
      .returning();
    await audit({ action: 'case.edit', entity: { type: 'incident-place', id: place.id }, panelId: raw.panelId, details: { incidentId: raw.incidentId, name: place.name, wardCode: place.wardCode, boroughCode: place.boroughCode } });
    return place;
  });
}

/** An uploaded copy of a source, as the web form or the CLI received it. */
export interface UploadedCopy {
  name: string;
  bytes: Uint8Array;
}

/**
 * Records a source with its archived copy: the uploaded file, or else the pasted text, is put in
 * the content-addressed store and its SHA-256 kept. The URL is recorded only; nothing is fetched.
 */
export async function addSource(ctx: CaseContext, actor: Actor, raw: Ref & Record<string, unknown> & { file?: UploadedCopy | null }): Promise<CaseSource> {
  requireAccess(actor, 'case.edit', { panelId: raw.panelId });
  const input = parse(sourceInput, raw);
  const file = raw.file && raw.file.bytes.byteLength > 0 ? raw.file : null;
  const fileName = file ? safeFileName(file.name) : null;
  if (!file && !input.text) throw new Invalid("Paste the source's text or upload a copy of it.", { field: 'text' });
  await loadIncident(ctx.db.db, raw); // before the copy is stored, so a wrong case leaves no file behind
  const bytes = file ? file.bytes : new TextEncoder().encode(input.text);
  const stored = await ctx.files.put(bytes);
  return edit(ctx, actor, raw, async (tx, audit) => {
    const [source] = await tx
      .insert(caseSources)
      .values({
        panelId: raw.panelId,
        incidentId: raw.incidentId,
        kind: input.kind,
        title: input.title,
        publisher: input.publisher,
        author: input.author,
        url: input.url ?? null,
        publishedOn: input.publishedOn ?? null,
        retrievedAt: ctx.clock.now(),
        text: input.text,
        sha256: stored.sha256,
        size: stored.size,
        fileName,
        mediaType: file ? sniffMediaType(bytes) : 'text/plain; charset=utf-8',
        createdBy: actorId(actor)
      })
      .returning();
    // The author of a witness account is not written to the log, which officers of the panel read.
    await audit({ action: 'case.edit', entity: { type: 'case-source', id: source.id }, panelId: raw.panelId, details: { incidentId: raw.incidentId, kind: source.kind, title: source.title, url: source.url, sha256: source.sha256, size: source.size } });
    return source;
  });
}

/** Adds an event to the timeline, supported by one or more of the case's sources. */
export async function addEvent(ctx: WorkflowContext, actor: Actor, raw: Ref & Record<string, unknown>) {
  requireAccess(actor, 'case.edit', { panelId: raw.panelId });
  const input = parse(eventInput, raw);
  return edit(ctx, actor, raw, async (tx, audit) => {
    await requireSources(tx, raw, input.sourceIds, 'sourceIds');
    const [event] = await tx
      .insert(caseEvents)
      .values({ panelId: raw.panelId, incidentId: raw.incidentId, occurredOn: input.occurredOn, occurredAt: input.occurredAt ?? null, description: input.description })
      .returning();
    await tx.insert(caseEventSources).values([...new Set(input.sourceIds)].map((sourceId) => ({ eventId: event.id, sourceId })));
    await audit({ action: 'case.edit', entity: { type: 'case-event', id: event.id }, panelId: raw.panelId, details: { incidentId: raw.incidentId, occurredOn: event.occurredOn, sourceIds: input.sourceIds } });
    return event;
  });
}

/**
 * Records a claim made in a source. The span of the source's text it rests on is given by its
 * offsets, or found from the quoted words; a span outside the text is refused.
 */
export async function addClaim(ctx: WorkflowContext, actor: Actor, raw: Ref & Record<string, unknown>): Promise<Claim> {
  requireAccess(actor, 'case.edit', { panelId: raw.panelId });
  const input = parse(claimInput, raw);
  return edit(ctx, actor, raw, async (tx, audit) => {
    const [source] = await requireSources(tx, raw, [input.sourceId], 'sourceId');
    const span = claimSpan(source.text, input);
    const [claim] = await tx
      .insert(claims)
      .values({ panelId: raw.panelId, incidentId: raw.incidentId, sourceId: source.id, claimant: input.claimant, text: input.text, spanStart: span?.start ?? null, spanEnd: span?.end ?? null })
      .returning();
    await audit({ action: 'case.edit', entity: { type: 'claim', id: claim.id }, panelId: raw.panelId, details: { incidentId: raw.incidentId, sourceId: source.id, claimant: claim.claimant, span } });
    return claim;
  });
}

function claimSpan(sourceText: string, input: { quote: string; spanStart?: number; spanEnd?: number }): { start: number; end: number } | null {
  if (input.spanStart !== undefined || input.spanEnd !== undefined) {
    const { spanStart: start, spanEnd: end } = input;
    if (start === undefined || end === undefined) throw new Invalid('Give both the start and the end of the span, or neither.', { field: start === undefined ? 'spanStart' : 'spanEnd' });
    if (start < 0 || end > sourceText.length || start >= end)
      throw new Invalid(`The span must lie within the source's text: from 0 to ${sourceText.length} characters, its start before its end.`, { field: 'spanStart' });
    if (input.quote && sourceText.slice(start, end) !== input.quote) throw new Invalid('The quoted words are not what the source says at that span.', { field: 'quote' });
    return { start, end };
  }
  if (!input.quote) return null;
  const start = sourceText.indexOf(input.quote);
  if (start < 0) throw new Invalid("Those words are not in the source's text: copy them exactly as the source has them.", { field: 'quote' });
  return { start, end: start + input.quote.length };
}

/** Decides where a claim stands, with why; each decision is kept with who made it. */
export async function decideClaim(ctx: WorkflowContext, actor: Actor, raw: Ref & Record<string, unknown>): Promise<Claim> {
  requireAccess(actor, 'case.edit', { panelId: raw.panelId });
  const input = parse(decisionInput, raw);
  return edit(ctx, actor, raw, async (tx, audit) => {
    const [before] = await requireClaims(tx, raw, [input.claimId], 'claimId');
    const at = ctx.clock.now();
    const decision = { status: input.status, reason: input.reason, decidedBy: actorId(actor), decidedByLabel: actorLabel(actor) };
    const [claim] = await tx.update(claims).set({ ...decision, decidedAt: at }).where(eq(claims.id, before.id)).returning();
    await tx.insert(claimDecisions).values({ panelId: raw.panelId, claimId: claim.id, ...decision, at });
    await audit({ action: 'case.edit', entity: { type: 'claim', id: claim.id }, panelId: raw.panelId, details: { incidentId: raw.incidentId, status: { from: before.status, to: claim.status }, reason: input.reason } });
    return claim;
  });
}

/** Records that one claim supports or contradicts another of the same case. */
export async function relateClaims(ctx: WorkflowContext, actor: Actor, raw: Ref & Record<string, unknown>) {
  requireAccess(actor, 'case.edit', { panelId: raw.panelId });
  const input = parse(relationInput, raw);
  return edit(ctx, actor, raw, async (tx, audit) => {
    await requireClaims(tx, raw, [input.fromClaimId], 'fromClaimId');
    await requireClaims(tx, raw, [input.toClaimId], 'toClaimId');
    const [existing] = await tx
      .select({ id: claimRelations.id })
      .from(claimRelations)
      .where(
        sql`(${claimRelations.fromClaimId} = ${input.fromClaimId} and ${claimRelations.toClaimId} = ${input.toClaimId}) or (${claimRelations.fromClaimId} = ${input.toClaimId} and ${claimRelations.toClaimId} = ${input.fromClaimId})`
      );
    if (existing) throw new Invalid('These two claims are already related.', { field: 'toClaimId' });
    const [relation] = await tx.insert(claimRelations).values({ panelId: raw.panelId, ...input }).returning();
    await audit({ action: 'case.edit', entity: { type: 'claim-relation', id: relation.id }, panelId: raw.panelId, details: { incidentId: raw.incidentId, ...input } });
    return relation;
  });
}

/** Records a referral or complaint to professional standards or the IOPC. */
export async function addReferral(ctx: WorkflowContext, actor: Actor, raw: Ref & Record<string, unknown>) {
  requireAccess(actor, 'case.edit', { panelId: raw.panelId });
  const input = parse(referralInput, raw);
  return edit(ctx, actor, raw, async (tx, audit) => {
    const now = ctx.clock.now();
    const [referral] = await tx.insert(referrals).values({ panelId: raw.panelId, incidentId: raw.incidentId, ...referralRow(input), createdAt: now, updatedAt: now }).returning();
    await audit({ action: 'case.edit', entity: { type: 'referral', id: referral.id }, panelId: raw.panelId, details: { incidentId: raw.incidentId, body: referral.body, reference: referral.reference, status: referral.status } });
    return referral;
  });
}

/** Changes a referral as it progresses (mode, status, outcome, review); the audit entry keeps what changed. */
export async function updateReferral(ctx: WorkflowContext, actor: Actor, raw: Ref & { referralId: number } & Record<string, unknown>) {
  requireAccess(actor, 'case.edit', { panelId: raw.panelId });
  const input = parse(referralInput, raw);
  return edit(ctx, actor, raw, async (tx, audit) => {
    const [before] = await tx.select().from(referrals).where(and(eq(referrals.id, raw.referralId), eq(referrals.incidentId, raw.incidentId), eq(referrals.panelId, raw.panelId)));
    if (!before) throw notHere();
    const next = referralRow(input);
    const [after] = await tx.update(referrals).set({ ...next, updatedAt: ctx.clock.now() }).where(eq(referrals.id, before.id)).returning();
    const changed = Object.fromEntries((Object.keys(next) as (keyof typeof next)[]).filter((k) => before[k] !== after[k]).map((k) => [k, { from: before[k], to: after[k] }]));
    await audit({ action: 'case.edit', entity: { type: 'referral', id: after.id }, panelId: raw.panelId, details: { incidentId: raw.incidentId, changed } });
    return after;
  });
}

/** Records an arrest, charge or conviction with the source that reports it. */
export async function addJusticeOutcome(ctx: WorkflowContext, actor: Actor, raw: Ref & Record<string, unknown>) {
  requireAccess(actor, 'case.edit', { panelId: raw.panelId });
  const input = parse(justiceOutcomeInput, raw);
  return edit(ctx, actor, raw, async (tx, audit) => {
    await requireSources(tx, raw, [input.sourceId], 'sourceId');
    const [outcome] = await tx.insert(justiceOutcomes).values({ panelId: raw.panelId, incidentId: raw.incidentId, ...input }).returning();
    await audit({ action: 'case.edit', entity: { type: 'justice-outcome', id: outcome.id }, panelId: raw.panelId, details: { incidentId: raw.incidentId, kind: outcome.kind, occurredOn: outcome.occurredOn, people: outcome.people, sourceId: outcome.sourceId } });
    return outcome;
  });
}

/** Links a question to the police (of the same panel) to the case it was raised from. */
export async function linkQuestion(ctx: WorkflowContext, actor: Actor, raw: Ref & Record<string, unknown>): Promise<void> {
  requireAccess(actor, 'case.link-question', { panelId: raw.panelId });
  const input = parse(linkQuestionInput, raw);
  await write(ctx, actor, async (tx, audit) => {
    await loadIncident(tx, raw);
    const [q] = await tx.select({ id: questions.id }).from(questions).where(and(eq(questions.id, input.questionId), eq(questions.panelId, raw.panelId)));
    if (!q) throw new Invalid("Choose one of this panel's questions.", { field: 'questionId' });
    const inserted = await tx.insert(caseQuestions).values({ panelId: raw.panelId, incidentId: raw.incidentId, questionId: q.id }).onConflictDoNothing().returning();
    if (inserted.length) await audit({ action: 'case.link-question', entity: { type: 'incident', id: raw.incidentId }, panelId: raw.panelId, details: { questionId: q.id } });
  });
}

/**
 * Drafts a question to the police from a case and links it to the case, in one transaction: a
 * case that is not the panel's, or a draft that is refused, leaves neither a question nor a link.
 */
export async function raiseQuestionFromCase(
  ctx: WorkflowContext,
  actor: Actor,
  raw: Ref & { title?: unknown; body?: unknown; finding?: unknown }
): Promise<Question> {
  requireAccess(actor, 'case.link-question', { panelId: raw.panelId });
  requireAccess(actor, 'question.draft', { panelId: raw.panelId });
  return ctx.db.db.transaction(async (tx) => {
    await loadIncident(tx, raw);
    const inner: WorkflowContext = { ...ctx, db: { ...ctx.db, db: tx } };
    const question = await draftQuestion(inner, actor, { panelId: raw.panelId, title: raw.title, body: raw.body, finding: raw.finding });
    await write(inner, actor, async (linkTx, audit) => {
      await linkTx.insert(caseQuestions).values({ panelId: raw.panelId, incidentId: raw.incidentId, questionId: question.id });
      await audit({ action: 'case.link-question', entity: { type: 'incident', id: raw.incidentId }, panelId: raw.panelId, details: { questionId: question.id } });
    });
    return question;
  });
}

// ---- Helpers

/** Runs a change to an existing case: the case must be the panel's own (else 404). */
function edit<T>(ctx: WorkflowContext, actor: Actor, ref: Ref, work: (tx: Tx, audit: Audit) => Promise<T>): Promise<T> {
  return write(ctx, actor, async (tx, audit) => {
    await loadIncident(tx, ref);
    const result = await work(tx, audit);
    await tx.update(incidents).set({ updatedAt: ctx.clock.now() }).where(eq(incidents.id, ref.incidentId));
    return result;
  });
}

/** A whole number a serial (int4) id column can hold: anything else would make the query fail, not miss. */
export async function loadIncident(tx: Tx, ref: Ref): Promise<Incident> {
  if (!isRowId(ref.incidentId)) throw notHere();
  const [incident] = await tx.select().from(incidents).where(and(eq(incidents.id, ref.incidentId), eq(incidents.panelId, ref.panelId)));
  if (!incident) throw notHere();
  return incident;
}

async function requireSources(tx: Tx, ref: Ref, sourceIds: number[], field: string): Promise<CaseSource[]> {
  const wanted = [...new Set(sourceIds)];
  const found = await tx.select().from(caseSources).where(and(inArray(caseSources.id, wanted), eq(caseSources.incidentId, ref.incidentId), eq(caseSources.panelId, ref.panelId)));
  if (found.length !== wanted.length) throw new Invalid("Choose from this case's sources.", { field });
  return wanted.map((id) => found.find((s) => s.id === id)!);
}

async function requireClaims(tx: Tx, ref: Ref, claimIds: number[], field: string): Promise<Claim[]> {
  const found = await tx.select().from(claims).where(and(inArray(claims.id, claimIds), eq(claims.incidentId, ref.incidentId), eq(claims.panelId, ref.panelId)));
  if (found.length !== claimIds.length) throw new Invalid("Choose from this case's claims.", { field });
  return found;
}

function incidentRow(input: ReturnType<typeof incidentInput.parse>) {
  return {
    title: input.title,
    summary: input.summary,
    startsOn: input.startsOn,
    startsAt: input.startsAt ?? null,
    endsOn: input.endsOn ?? null,
    endsAt: input.endsAt ?? null,
    kinds: [...new Set(input.kinds)]
  };
}

function referralRow(input: ReturnType<typeof referralInput.parse>) {
  return {
    body: input.body,
    reference: input.reference,
    referredOn: input.referredOn,
    mode: input.mode ?? null,
    status: input.status,
    outcome: input.outcome ?? null,
    outcomeOn: input.outcomeOn ?? null,
    reviewRequestedOn: input.reviewRequestedOn ?? null,
    reviewOutcome: input.reviewOutcome,
    notes: input.notes
  };
}

/**
 * An uploaded file's name as kept: its last part only, never a path; at most 200 characters; no
 * control characters, nor bidirectional marks (U+202E would show `x<U+202E>fdp.exe` as `xexe.pdf`).
 */
export function safeFileName(name: string): string {
  const last = name.split(/[/\\]/).pop() ?? '';
  const cleaned = last.replace(/[\u0000-\u001F\u007F\u200E\u200F\u202A-\u202E\u2066-\u2069]/g, '').trim().slice(0, 200);
  return cleaned === '' || cleaned === '.' || cleaned === '..' ? 'copy' : cleaned;
}
