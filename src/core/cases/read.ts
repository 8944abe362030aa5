import { and, asc, count, desc, eq, inArray } from 'drizzle-orm';
import type { Actor } from '../access/actor.ts';
import { can, requireAccess } from '../access/require-access.ts';
import type { WorkflowContext } from '../audit/write.ts';
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
  type CaseEvent,
  type CaseSource,
  type Claim,
  type ClaimDecision,
  type ClaimRelationKind,
  type Incident,
  type IncidentPlace,
  type JusticeOutcome,
  type QuestionStatus,
  type Referral
} from '../db/schema.ts';
import { NotFound } from '../errors.ts';
import type { FileStore } from '../files/store.ts';
import { addDays } from '../figures/period.ts';
import { isRowId } from '../db/ids.ts';
import { loadIncident } from './cases.ts';

export interface CaseSummary extends Incident {
  sources: number;
  claims: number;
  places: string[];
}

/** The panel's case files, the latest incident first. */
export async function listCases(ctx: WorkflowContext, actor: Actor, panelId: number): Promise<CaseSummary[]> {
  requireAccess(actor, 'case.list', { panelId });
  const db = ctx.db.db;
  const rows = await db.select().from(incidents).where(eq(incidents.panelId, panelId)).orderBy(desc(incidents.startsOn), desc(incidents.id));
  const ids = rows.map((r) => r.id);
  if (ids.length === 0) return [];
  const [sourceCounts, claimCounts, places] = await Promise.all([
    db.select({ id: caseSources.incidentId, n: count() }).from(caseSources).where(inArray(caseSources.incidentId, ids)).groupBy(caseSources.incidentId),
    db.select({ id: claims.incidentId, n: count() }).from(claims).where(inArray(claims.incidentId, ids)).groupBy(claims.incidentId),
    db.select({ id: incidentPlaces.incidentId, name: incidentPlaces.name }).from(incidentPlaces).where(inArray(incidentPlaces.incidentId, ids)).orderBy(asc(incidentPlaces.id))
  ]);
  const n = (list: { id: number; n: number }[], id: number) => Number(list.find((r) => r.id === id)?.n ?? 0);
  return rows.map((r) => ({ ...r, sources: n(sourceCounts, r.id), claims: n(claimCounts, r.id), places: places.filter((p) => p.id === r.id).map((p) => p.name) }));
}

/** A source as a reader may see it: a witness's identity only for the chair and clerk. */
export interface SourceView extends Omit<CaseSource, 'author' | 'createdBy'> {
  author: string | null;
  /** The author is withheld from this reader (a witness account read by a member). */
  authorWithheld: boolean;
}

export interface ClaimView extends Claim {
  /** The words of the source the claim rests on, when a span was given. */
  quote: string | null;
  decisions: ClaimDecision[];
  relations: { kind: ClaimRelationKind; direction: 'to' | 'from'; otherId: number; note: string }[];
}

/** One account of the incident: a source and the claims made in it, for the side-by-side view. */
export interface Account {
  source: SourceView;
  claims: ClaimView[];
}

export interface CaseView {
  incident: Incident;
  places: IncidentPlace[];
  sources: SourceView[];
  events: (CaseEvent & { sourceIds: number[] })[];
  claims: ClaimView[];
  accounts: Account[];
  referrals: (Referral & { reviewDueOn: string | null })[];
  outcomes: JusticeOutcome[];
  questions: { id: number; title: string; status: QuestionStatus }[];
}

/** Everything in a case file, as this reader may see it. Another panel's case is not found. */
export async function getCase(ctx: WorkflowContext, actor: Actor, ref: { panelId: number; incidentId: number }): Promise<CaseView> {
  requireAccess(actor, 'case.list', { panelId: ref.panelId });
  const db = ctx.db.db;
  const incident = await loadIncident(db, ref);
  const byIncident = <T extends { incidentId: unknown }>(t: T) => eq(t.incidentId as typeof incidents.id, incident.id);
  const [places, sourceRows, eventRows, links, claimRows, decisions, relations, referralRows, outcomes, qs] = await Promise.all([
    db.select().from(incidentPlaces).where(byIncident(incidentPlaces)).orderBy(asc(incidentPlaces.id)),
    db.select().from(caseSources).where(byIncident(caseSources)).orderBy(asc(caseSources.publishedOn), asc(caseSources.id)),
    db.select().from(caseEvents).where(byIncident(caseEvents)).orderBy(asc(caseEvents.occurredOn), asc(caseEvents.occurredAt), asc(caseEvents.id)),
    db.select({ eventId: caseEventSources.eventId, sourceId: caseEventSources.sourceId }).from(caseEventSources).innerJoin(caseEvents, eq(caseEvents.id, caseEventSources.eventId)).where(eq(caseEvents.incidentId, incident.id)),
    db.select().from(claims).where(byIncident(claims)).orderBy(asc(claims.id)),
    db.select({ d: claimDecisions }).from(claimDecisions).innerJoin(claims, eq(claims.id, claimDecisions.claimId)).where(eq(claims.incidentId, incident.id)).orderBy(asc(claimDecisions.id)),
    db.select({ r: claimRelations }).from(claimRelations).innerJoin(claims, eq(claims.id, claimRelations.fromClaimId)).where(eq(claims.incidentId, incident.id)).orderBy(asc(claimRelations.id)),
    db.select().from(referrals).where(byIncident(referrals)).orderBy(asc(referrals.referredOn), asc(referrals.id)),
    db.select().from(justiceOutcomes).where(byIncident(justiceOutcomes)).orderBy(asc(justiceOutcomes.occurredOn), asc(justiceOutcomes.id)),
    db
      .select({ id: questions.id, title: questions.title, status: questions.status })
      .from(caseQuestions)
      .innerJoin(questions, eq(questions.id, caseQuestions.questionId))
      .where(and(eq(caseQuestions.incidentId, incident.id), eq(questions.panelId, ref.panelId)))
      .orderBy(asc(questions.id))
  ]);
  const seesWitnesses = can(actor, 'case.witness-identity', { panelId: ref.panelId });
  const sources = sourceRows.map((s) => sourceView(s, seesWitnesses));
  const text = new Map(sourceRows.map((s) => [s.id, s.text]));
  const claimViews: ClaimView[] = claimRows.map((c) => ({
    ...c,
    quote: c.spanStart !== null && c.spanEnd !== null ? (text.get(c.sourceId) ?? '').slice(c.spanStart, c.spanEnd) : null,
    decisions: decisions.map((d) => d.d).filter((d) => d.claimId === c.id),
    relations: relations
      .map((r) => r.r)
      .filter((r) => r.fromClaimId === c.id || r.toClaimId === c.id)
      .map((r) => ({ kind: r.kind, direction: r.fromClaimId === c.id ? ('to' as const) : ('from' as const), otherId: r.fromClaimId === c.id ? r.toClaimId : r.fromClaimId, note: r.note }))
  }));
  return {
    incident,
    places,
    sources,
    events: eventRows.map((e) => ({ ...e, sourceIds: links.filter((l) => l.eventId === e.id).map((l) => l.sourceId) })),
    claims: claimViews,
    accounts: sources.filter((s) => claimViews.some((c) => c.sourceId === s.id)).map((s) => ({ source: s, claims: claimViews.filter((c) => c.sourceId === s.id) })),
    // A review must be asked for within 28 days of the outcome (DOMAIN.md §7).
    referrals: referralRows.map((r) => ({ ...r, reviewDueOn: r.outcomeOn ? addDays(r.outcomeOn, 28) : null })),
    outcomes,
    questions: qs
  };
}

function sourceView(s: CaseSource, seesWitnesses: boolean): SourceView {
  const { author, createdBy: _createdBy, ...rest } = s;
  const withheld = s.kind === 'witness account' && !seesWitnesses;
  if (!withheld) return { ...rest, author, authorWithheld: false };
  // The text and file name are the archived copy (sourceCopy refuses it) and may name the witness.
  return { ...rest, author: null, text: '', fileName: null, authorWithheld: true };
}

/**
 * The archived copy of a source, for download. A witness account's copy may name the witness, so
 * only the chair and clerk may have it.
 */
export async function sourceCopy(
  ctx: WorkflowContext & { files: FileStore },
  actor: Actor,
  ref: { panelId: number; incidentId: number; sourceId: number }
): Promise<{ bytes: Uint8Array; name: string; mediaType: string; sha256: string }> {
  requireAccess(actor, 'case.list', { panelId: ref.panelId });
  const notHere = () => new NotFound('There is nothing at this address.');
  if (!isRowId(ref.sourceId)) throw notHere();
  const [s] = await ctx.db.db
    .select()
    .from(caseSources)
    .where(and(eq(caseSources.id, ref.sourceId), eq(caseSources.incidentId, ref.incidentId), eq(caseSources.panelId, ref.panelId)));
  if (!s) throw notHere();
  if (s.kind === 'witness account') requireAccess(actor, 'case.witness-identity', { panelId: ref.panelId });
  const bytes = await ctx.files.get(s.sha256);
  return { bytes, name: s.fileName ?? `source-${s.id}.txt`, mediaType: s.mediaType, sha256: s.sha256 };
}

/**
 * What a question raised from a case starts with: the incident's title and a question naming its
 * time and places, for the person to finish. The case must be the panel's own.
 */
export async function caseForQuestion(ctx: WorkflowContext, actor: Actor, ref: { panelId: number; incidentId: number }) {
  requireAccess(actor, 'case.link-question', { panelId: ref.panelId });
  const incident = await loadIncident(ctx.db.db, ref);
  const places = await ctx.db.db.select({ name: incidentPlaces.name, ward: incidentPlaces.wardName }).from(incidentPlaces).where(eq(incidentPlaces.incidentId, incident.id)).orderBy(asc(incidentPlaces.id));
  const where = places.map((p) => (p.ward ? `${p.name} (${p.ward} ward)` : p.name)).join(', ');
  const when = `${incident.startsOn}${incident.startsAt ? ` at ${incident.startsAt}` : ''}`;
  return {
    caseId: incident.id,
    caseTitle: incident.title,
    title: incident.title,
    body: `About the incident on ${when}${where ? ` at ${where}` : ''}: `
  };
}
