import { and, desc, eq, max } from 'drizzle-orm';
import { z } from 'zod';
import { actorId, type Actor } from '../access/actor.ts';
import { requireAccess } from '../access/require-access.ts';
import { write, type WorkflowContext } from '../audit/write.ts';
import {
  casePublications,
  incidents,
  panels,
  type ClaimRelationKind,
  type ClaimStatus,
  type IncidentKind,
  type InvestigationMode,
  type JusticeOutcomeKind,
  type ReferralBody,
  type ReferralOutcome,
  type ReferralStatus,
  type SourceKind
} from '../db/schema.ts';
import { isRowId } from '../db/ids.ts';
import { Invalid, NotFound } from '../errors.ts';
import { escapeRe } from '../extract/places.ts';
import { parse } from '../panels/input.ts';
import { getCase, type CaseView } from './read.ts';

/** Kinds of source that are public already and may be listed as they are. Footage is evidence; witness accounts are private. */
export const publicSourceKinds: readonly SourceKind[] = ['news article', 'police statement', 'official letter', 'social media post'];
export const REDACTED = '[redacted]';

/** What the clerk or chair chose to make public. Witness accounts only with the text they wrote for the public. */
export interface PublishChoices {
  summary: string;
  sourceIds: number[];
  eventIds: number[];
  claimIds: number[];
  referralIds: number[];
  outcomeIds: number[];
  /** Public text of a witness account, by source id: what the clerk wrote, never the account itself. */
  witnessText: Record<string, string>;
  /** Names and words replaced by "[redacted]" in every published text. */
  redact: string[];
}

/** The public summary of a case: a snapshot, kept as it was published. */
export interface PublicCase {
  title: string;
  summary: string;
  startsOn: string;
  startsAt: string | null;
  endsOn: string | null;
  endsAt: string | null;
  kinds: IncidentKind[];
  places: { name: string; ward: string | null; borough: string | null }[];
  /** `n` numbers the published sources 1, 2, … for the events, claims and outcomes to cite. */
  sources: { n: number; kind: SourceKind; title: string; publisher: string; publishedOn: string | null; url: string | null; text: string | null }[];
  events: { occurredOn: string; occurredAt: string | null; description: string; sources: number[] }[];
  claims: { n: number; claimant: string; text: string; quote: string | null; status: ClaimStatus; reason: string | null; source: number | null; relations: { kind: ClaimRelationKind; direction: 'to' | 'from'; claim: number }[] }[];
  referrals: { body: ReferralBody; referredOn: string; mode: InvestigationMode | null; status: ReferralStatus; outcome: ReferralOutcome | null; outcomeOn: string | null; reviewRequested: boolean }[];
  outcomes: { kind: JusticeOutcomeKind; occurredOn: string; people: number; description: string; source: number | null }[];
}

const clean = (v: unknown) => (typeof v === 'string' ? v.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '').trim() : v);
const ids = z.preprocess((v) => (v === undefined || v === null || v === '' ? [] : Array.isArray(v) ? v : [v]), z.array(z.coerce.number().int().positive().max(2_147_483_647)));
const choicesInput = z.object({
  summary: z.preprocess(clean, z.string({ error: 'Write the public summary.' }).min(1, 'Write the public summary.').max(10_000, 'Keep the public summary under 10,000 characters.')),
  sourceIds: ids,
  eventIds: ids,
  claimIds: ids,
  referralIds: ids,
  outcomeIds: ids,
  witnessText: z.record(z.string(), z.preprocess(clean, z.string().max(5000, 'Keep the public text of a witness account under 5,000 characters.'))).default({}),
  redact: z.preprocess(
    (v) => (typeof v === 'string' ? v.split(/\r?\n|,/) : (v ?? [])),
    z.array(z.preprocess(clean, z.string().max(200, 'Keep each redacted word under 200 characters.'))).max(200, 'Redact at most 200 names or words.')
  )
});

/** Parses what the form or a caller chose; words to redact lose blanks and repeats. */
export function parseChoices(raw: unknown): PublishChoices {
  const c = parse(choicesInput, raw);
  return { ...c, redact: [...new Set(c.redact.filter((w) => w.length > 0))] };
}

/** Replaces each word or name (whole words, any case) with "[redacted]"; the longest first, so "Ama Boateng" goes before "Ama". */
export function redactor(words: readonly string[]): (s: string) => string {
  const list = [...new Set(words.map((w) => w.trim()).filter((w) => w.length > 1))].sort((a, b) => b.length - a.length);
  if (list.length === 0) return (s) => s;
  const re = new RegExp(`(?<![\\p{L}\\p{N}])(?:${list.map(escapeRe).join('|')})(?![\\p{L}\\p{N}])`, 'giu');
  return (s) => s.replace(re, REDACTED);
}

/** What a case's form starts with when nothing was published yet: every public-kind source and all the rest, no witness account. */
export function defaultChoices(view: CaseView): PublishChoices {
  return {
    summary: view.incident.summary || view.incident.title,
    sourceIds: view.sources.filter((s) => publicSourceKinds.includes(s.kind)).map((s) => s.id),
    eventIds: view.events.map((e) => e.id),
    claimIds: view.claims.map((c) => c.id),
    referralIds: view.referrals.map((r) => r.id),
    outcomeIds: view.outcomes.map((o) => o.id),
    witnessText: {},
    redact: []
  };
}

/**
 * Builds the public summary from the case and the choices. Witness accounts' authors are never
 * included and are redacted wherever their names appear, as are the names of those who made
 * claims in a witness account (shown as "A witness"); a witness account is published only with the
 * text the clerk wrote for it; footage and evidence are not part of it.
 */
export function buildPublicCase(view: CaseView, choices: PublishChoices): PublicCase {
  const chosen = (list: number[], id: number) => list.includes(id);
  const fail = (field: string, message: string) => {
    throw new Invalid(message, { field });
  };
  for (const [field, list, have] of [
    ['sourceIds', choices.sourceIds, view.sources.map((s) => s.id)],
    ['eventIds', choices.eventIds, view.events.map((e) => e.id)],
    ['claimIds', choices.claimIds, view.claims.map((c) => c.id)],
    ['referralIds', choices.referralIds, view.referrals.map((r) => r.id)],
    ['outcomeIds', choices.outcomeIds, view.outcomes.map((o) => o.id)]
  ] as const)
    if (list.some((id) => !have.includes(id))) fail(field, "Choose from this case's own items.");

  const witnesses = view.sources.filter((s) => s.kind === 'witness account');
  const witnessIds = new Set(witnesses.map((s) => s.id));
  const hidden = [...witnesses.map((s) => s.author ?? ''), ...view.claims.filter((c) => witnessIds.has(c.sourceId)).map((c) => c.claimant)];
  const r = redactor([...choices.redact, ...hidden]);
  const sources = view.sources.filter((s) => chosen(choices.sourceIds, s.id));
  for (const s of sources) {
    if (s.kind === 'footage') fail('sourceIds', 'Footage is evidence: it is not part of the public summary.');
    if (s.kind === 'witness account' && !(choices.witnessText[String(s.id)] ?? '').trim())
      fail(`witnessText.${s.id}`, 'Write the public text of the witness account you chose to publish (its own text and its author are never published).');
  }
  const number = new Map(sources.map((s, i) => [s.id, i + 1]));
  const claimList = view.claims.filter((c) => chosen(choices.claimIds, c.id));
  const claimNumber = new Map(claimList.map((c, i) => [c.id, i + 1]));
  const nullable = (s: string | null) => (s === null ? null : r(s));
  return {
    title: r(view.incident.title),
    summary: r(choices.summary),
    startsOn: view.incident.startsOn,
    startsAt: view.incident.startsAt,
    endsOn: view.incident.endsOn,
    endsAt: view.incident.endsAt,
    kinds: view.incident.kinds,
    places: view.places.map((p) => ({ name: r(p.name), ward: p.wardName, borough: p.boroughName })),
    sources: sources.map((s) =>
      s.kind === 'witness account'
        ? { n: number.get(s.id)!, kind: s.kind, title: 'A witness account', publisher: '', publishedOn: s.publishedOn, url: null, text: r(choices.witnessText[String(s.id)]) }
        : { n: number.get(s.id)!, kind: s.kind, title: r(s.title), publisher: r(s.publisher), publishedOn: s.publishedOn, url: nullable(s.url), text: null }
    ),
    events: view.events
      .filter((e) => chosen(choices.eventIds, e.id))
      .map((e) => ({ occurredOn: e.occurredOn, occurredAt: e.occurredAt, description: r(e.description), sources: e.sourceIds.flatMap((id) => number.get(id) ?? []) })),
    claims: claimList.map((c) => {
      const witness = witnessIds.has(c.sourceId);
      return {
        n: claimNumber.get(c.id)!,
        claimant: witness ? 'A witness' : r(c.claimant),
        text: r(c.text),
        quote: witness || !number.has(c.sourceId) ? null : nullable(c.quote),
        status: c.status,
        reason: nullable(c.reason),
        source: number.get(c.sourceId) ?? null,
        relations: c.relations.flatMap((rel) => (claimNumber.has(rel.otherId) ? [{ kind: rel.kind, direction: rel.direction, claim: claimNumber.get(rel.otherId)! }] : []))
      };
    }),
    // No reference, notes or review text: they can name the person who complained or the officers.
    referrals: view.referrals
      .filter((x) => chosen(choices.referralIds, x.id))
      .map((x) => ({ body: x.body, referredOn: x.referredOn, mode: x.mode, status: x.status, outcome: x.outcome, outcomeOn: x.outcomeOn, reviewRequested: x.reviewRequestedOn !== null })),
    outcomes: view.outcomes
      .filter((o) => chosen(choices.outcomeIds, o.id))
      .map((o) => ({ kind: o.kind, occurredOn: o.occurredOn, people: o.people, description: r(o.description), source: number.get(o.sourceId) ?? null }))
  };
}

type Ref = { panelId: number; incidentId: number };

export interface PublicationVersion {
  id: number;
  version: number;
  publishedAt: Date;
}

/** The case as the publishing form needs it, what was chosen last time (or the defaults), and the versions so far. */
export async function publicationForm(ctx: WorkflowContext, actor: Actor, ref: Ref): Promise<{ view: CaseView; choices: PublishChoices; versions: PublicationVersion[] }> {
  requireAccess(actor, 'case.publish', { panelId: ref.panelId });
  const view = await getCase(ctx, actor, ref);
  const rows = await ctx.db.db
    .select({ id: casePublications.id, version: casePublications.version, publishedAt: casePublications.publishedAt, choices: casePublications.choices })
    .from(casePublications)
    .where(eq(casePublications.incidentId, view.incident.id))
    .orderBy(desc(casePublications.version));
  const last = rows[0]?.choices as unknown as PublishChoices | undefined;
  // Items removed since stay out; new items are not chosen until the clerk chooses them.
  const keep = (list: number[], have: number[]) => list.filter((id) => have.includes(id));
  const choices = last
    ? {
        ...last,
        sourceIds: keep(last.sourceIds, view.sources.map((s) => s.id)),
        eventIds: keep(last.eventIds, view.events.map((e) => e.id)),
        claimIds: keep(last.claimIds, view.claims.map((c) => c.id)),
        referralIds: keep(last.referralIds, view.referrals.map((x) => x.id)),
        outcomeIds: keep(last.outcomeIds, view.outcomes.map((o) => o.id))
      }
    : defaultChoices(view);
  return { view, choices, versions: rows.map(({ id, version, publishedAt }) => ({ id, version, publishedAt })) };
}

/** What would be published with these choices; nothing is stored. */
export async function previewCase(ctx: WorkflowContext, actor: Actor, raw: Ref & Record<string, unknown>): Promise<{ choices: PublishChoices; summary: PublicCase }> {
  requireAccess(actor, 'case.publish', { panelId: raw.panelId });
  const choices = parseChoices(raw);
  const view = await getCase(ctx, actor, raw);
  return { choices, summary: buildPublicCase(view, choices) };
}

/** Publishes the case's redacted summary as its next version; earlier versions stay as they were (the database refuses to change one). */
export async function publishCase(ctx: WorkflowContext, actor: Actor, raw: Ref & Record<string, unknown>) {
  const { choices, summary } = await previewCase(ctx, actor, raw);
  return write(ctx, actor, async (tx, audit) => {
    // Locks the case so that two publications at once cannot take the same version number.
    await tx.select({ id: incidents.id }).from(incidents).where(eq(incidents.id, raw.incidentId)).for('update');
    const [last] = await tx.select({ v: max(casePublications.version) }).from(casePublications).where(eq(casePublications.incidentId, raw.incidentId));
    const version = (last?.v ?? 0) + 1;
    const [pub] = await tx
      .insert(casePublications)
      .values({
        panelId: raw.panelId,
        incidentId: raw.incidentId,
        version,
        summary: summary as unknown as Record<string, unknown>,
        choices: choices as unknown as Record<string, unknown>,
        publishedAt: ctx.clock.now(),
        publishedBy: actorId(actor)
      })
      .returning();
    await audit({
      action: 'case.publish',
      entity: { type: 'case-publication', id: pub.id },
      panelId: raw.panelId,
      details: { incidentId: raw.incidentId, version, sources: choices.sourceIds, events: choices.eventIds, claims: choices.claimIds, referrals: choices.referralIds, outcomes: choices.outcomeIds, redacted: choices.redact.length }
    });
    return pub;
  });
}

const nothingHere = () => new NotFound('There is nothing at this address.');

async function publicPanel(ctx: WorkflowContext, actor: Actor, boroughSlug: string) {
  requireAccess(actor, 'cases.view-public');
  const [panel] = await ctx.db.db.select({ id: panels.id, name: panels.name, slug: panels.slug }).from(panels).where(eq(panels.slug, boroughSlug));
  if (!panel) throw nothingHere();
  return panel;
}

export interface PublishedCaseItem {
  incidentId: number;
  title: string;
  startsOn: string;
  version: number;
  publishedAt: Date;
}

/** A borough's published cases (public): each case once, by its latest version, the latest incident first. */
export async function publishedCases(ctx: WorkflowContext, actor: Actor, boroughSlug: string): Promise<{ panel: { name: string; slug: string }; cases: PublishedCaseItem[] }> {
  const panel = await publicPanel(ctx, actor, boroughSlug);
  const rows = await ctx.db.db
    .select({ incidentId: casePublications.incidentId, version: casePublications.version, publishedAt: casePublications.publishedAt, summary: casePublications.summary })
    .from(casePublications)
    .where(eq(casePublications.panelId, panel.id))
    .orderBy(desc(casePublications.version));
  const latest = new Map<number, PublishedCaseItem>();
  for (const r of rows) {
    if (latest.has(r.incidentId)) continue;
    const s = r.summary as unknown as PublicCase;
    latest.set(r.incidentId, { incidentId: r.incidentId, title: s.title, startsOn: s.startsOn, version: r.version, publishedAt: r.publishedAt });
  }
  const cases = [...latest.values()].sort((a, b) => b.startsOn.localeCompare(a.startsOn) || b.incidentId - a.incidentId);
  return { panel: { name: panel.name, slug: panel.slug }, cases };
}

/** One published version of a case (the latest unless a version is given), with the list of its versions (public). */
export async function publishedCase(
  ctx: WorkflowContext,
  actor: Actor,
  raw: { borough: string; incidentId: number; version?: number }
): Promise<{ panel: { name: string; slug: string }; incidentId: number; version: number; publishedAt: Date; summary: PublicCase; versions: PublicationVersion[] }> {
  const panel = await publicPanel(ctx, actor, raw.borough);
  if (!isRowId(raw.incidentId) || (raw.version !== undefined && !isRowId(raw.version))) throw nothingHere();
  const rows = await ctx.db.db
    .select()
    .from(casePublications)
    .where(and(eq(casePublications.incidentId, raw.incidentId), eq(casePublications.panelId, panel.id)))
    .orderBy(desc(casePublications.version));
  const pub = raw.version === undefined ? rows[0] : rows.find((r) => r.version === raw.version);
  if (!pub) throw nothingHere();
  return {
    panel: { name: panel.name, slug: panel.slug },
    incidentId: pub.incidentId,
    version: pub.version,
    publishedAt: pub.publishedAt,
    summary: pub.summary as unknown as PublicCase,
    versions: rows.map(({ id, version, publishedAt }) => ({ id, version, publishedAt }))
  };
}
