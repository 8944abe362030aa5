import { desc, eq, max } from 'drizzle-orm';
import { actorId, type Actor } from '../access/actor.ts';
import { requireAccess } from '../access/require-access.ts';
import { write, type WorkflowContext } from '../audit/write.ts';
import { codeName } from '../dashboard/labels.ts';
import { itemAnswers, panels, reviewPublications, type ReviewPublication } from '../db/schema.ts';
import { NotFound } from '../errors.ts';
import { SUPPRESS_BELOW as suppressBelow } from '../figures/flags.ts';
import { wilsonCI, type Interval } from '../figures/stats/index.ts';
import { boroughByCode } from '../panels/boroughs.ts';
import { reviewResults, type GroupResult, type ItemResult, type ReviewResults } from './results.ts';

/**
 * A breakdown group is shown on its own only with at least this many reviewed encounters. Shares
 * follow METRICS.md: below `suppressBelow` met, a share is "too few to say"; counts are always shown.
 */
const smallGroup = 10;

export interface PublicItem {
  label: string;
  met: number;
  known: number;
  notVisible: number;
  notApplicable: number;
  /** Null when suppressed: fewer than 10 met. */
  share: number | null;
  ci: Interval | null;
}

export interface PublicGroup {
  group: string;
  encounters: number;
  reviews: number;
  rag: { red: number; amber: number; green: number };
  /** Every GOWISELY item together. */
  allItems: PublicItem;
  items: PublicItem[];
}

/**
 * What a panel publishes about a sample: aggregates only. No reviewer names, no record ids, no seed
 * (it would name the records), no dates, times or places of single encounters, no comments and no
 * response texts (free text can name people); groups of fewer than 10 encounters are merged.
 */
export interface PublicSummary {
  borough: string;
  month: string;
  strata: string;
  sampled: number;
  population: number;
  encountersReviewed: number;
  reviews: number;
  reviewers: number;
  section60: number;
  items: PublicItem[];
  allItems: PublicItem;
  rag: { red: number; amber: number; green: number };
  groundsQuality: Record<string, number>;
  conduct: Record<string, number>;
  forceUsed: Record<string, number>;
  agreement: { label: string; method: 'cohen' | 'fleiss' | null; kappa: number | null; encounters: number }[];
  byEthnicity: PublicGroup[];
  byPower: PublicGroup[];
  policeResponses: number;
}

function publicAll(g: GroupResult, rules = true): PublicItem {
  const notVisible = g.items.reduce((a, i) => a + i.answers.not_visible, 0);
  const notApplicable = g.items.reduce((a, i) => a + i.answers.not_applicable, 0);
  const suppressed = rules && g.allItems.met < suppressBelow;
  return { label: 'All GOWISELY items', met: g.allItems.met, known: g.allItems.known, notVisible, notApplicable, share: suppressed ? null : g.allItems.share, ci: suppressed ? null : g.allItems.ci };
}

function publicItem(i: ItemResult, rules = true): PublicItem {
  const suppressed = rules && i.met < suppressBelow;
  return { label: i.label, met: i.met, known: i.known, notVisible: i.answers.not_visible, notApplicable: i.answers.not_applicable, share: suppressed ? null : i.share, ci: suppressed ? null : i.ci };
}

/** Small groups counted together as one, items in the same order. */
function merged(groups: readonly GroupResult[]): GroupResult {
  const sum = (f: (g: GroupResult) => number) => groups.reduce((a, g) => a + f(g), 0);
  const items = groups[0].items.map((item, i) => {
    const answers = Object.fromEntries(itemAnswers.map((k) => [k, sum((g) => g.items[i].answers[k])])) as ItemResult['answers'];
    const known = answers.yes + answers.no;
    return { ...item, answers, met: answers.yes, known, share: known ? answers.yes / known : null, ci: wilsonCI(answers.yes, known) };
  });
  const met = sum((g) => g.allItems.met);
  const known = sum((g) => g.allItems.known);
  return {
    encounters: sum((g) => g.encounters),
    reviews: sum((g) => g.reviews),
    items,
    allItems: { met, known, share: known ? met / known : null, ci: wilsonCI(met, known) },
    rag: { red: sum((g) => g.rag.red), amber: sum((g) => g.rag.amber), green: sum((g) => g.rag.green) }
  };
}

function publicGroup(group: string, g: GroupResult, rules: boolean): PublicGroup {
  return { group, encounters: g.encounters, reviews: g.reviews, rag: g.rag, allItems: publicAll(g, rules), items: g.items.map((i) => publicItem(i, rules)) };
}

/** Groups of at least 10 reviewed encounters on their own; the rest together, if they reach 10 together. */
function publicGroups(groups: Record<string, GroupResult>, dimension: string, rules = true): PublicGroup[] {
  const out = Object.entries(groups)
    .filter(([, g]) => g.encounters >= (rules ? smallGroup : 1))
    .map(([k, g]) => publicGroup(codeName(dimension, k), g, rules));
  const rest = rules ? Object.values(groups).filter((g) => g.encounters < smallGroup && g.encounters > 0) : [];
  if (rest.length && rest.reduce((a, g) => a + g.encounters, 0) >= smallGroup) out.push(publicGroup(`Other groups (each fewer than ${smallGroup} encounters)`, merged(rest), rules));
  return out;
}

/**
 * The summary of a sample's results. With `publicRules` (the default, for publishing) small numbers
 * are suppressed and small groups merged; the workspace shows the same shape without them.
 */
export function anonymise(r: ReviewResults, meta: { borough: string; month: string; strata: string; population: number }, publicRules = true): PublicSummary {
  return {
    ...meta,
    sampled: r.sampled,
    encountersReviewed: r.encounters,
    reviews: r.reviews,
    reviewers: r.reviewers,
    section60: r.section60,
    items: r.items.map((i) => publicItem(i, publicRules)),
    allItems: publicAll(r, publicRules),
    rag: r.rag,
    groundsQuality: r.groundsQuality,
    conduct: r.conduct,
    forceUsed: r.forceUsed,
    agreement: r.agreement.map((a) => ({ label: a.label, method: a.agreement?.method ?? null, kappa: a.agreement?.kappa ?? null, encounters: a.agreement?.encounters ?? 0 })),
    byEthnicity: publicGroups(r.byEthnicity, 'self_defined_ethnicity', publicRules),
    byPower: publicGroups(r.byPower, 'legislation', publicRules),
    policeResponses: r.responses
  };
}

/** Publishes the sample's anonymised summary as its next version; earlier versions stay as they were. */
export async function publishSummary(ctx: WorkflowContext, actor: Actor, raw: { panelId: number; sampleId: number }): Promise<ReviewPublication> {
  requireAccess(actor, 'review.publish', { panelId: raw.panelId });
  const { sample, results } = await reviewResults(ctx, actor, raw);
  const summary = anonymise(results, { borough: boroughByCode(sample.areaCode)?.name ?? sample.areaCode, month: sample.month, strata: sample.strata, population: sample.population });
  return write(ctx, actor, async (tx, audit) => {
    const [last] = await tx.select({ v: max(reviewPublications.version) }).from(reviewPublications).where(eq(reviewPublications.sampleId, sample.id));
    const version = (last?.v ?? 0) + 1;
    const [pub] = await tx
      .insert(reviewPublications)
      .values({ panelId: raw.panelId, sampleId: sample.id, version, summary: summary as unknown as Record<string, unknown>, publishedAt: ctx.clock.now(), publishedBy: actorId(actor) })
      .returning();
    await audit({ action: 'review.publish', entity: { type: 'review_publication', id: pub.id }, panelId: raw.panelId, details: { sampleId: sample.id, version } });
    return pub;
  });
}

export interface PublishedReview {
  id: number;
  sampleId: number;
  version: number;
  publishedAt: Date;
  summary: PublicSummary;
}

/** A borough's published review summaries, newest first, every version (public). */
export async function publishedReviews(ctx: WorkflowContext, actor: Actor, boroughSlug: string): Promise<{ panel: { name: string; slug: string }; publications: PublishedReview[] }> {
  requireAccess(actor, 'reviews.view-public');
  const [panel] = await ctx.db.db.select().from(panels).where(eq(panels.slug, boroughSlug));
  if (!panel) throw new NotFound('There is nothing at this address.');
  const rows = await ctx.db.db
    .select({ id: reviewPublications.id, sampleId: reviewPublications.sampleId, version: reviewPublications.version, publishedAt: reviewPublications.publishedAt, summary: reviewPublications.summary })
    .from(reviewPublications)
    .where(eq(reviewPublications.panelId, panel.id))
    .orderBy(desc(reviewPublications.publishedAt), desc(reviewPublications.id));
  return { panel: { name: panel.name, slug: panel.slug }, publications: rows.map((r) => ({ ...r, summary: r.summary as unknown as PublicSummary })) };
}

/** One published version (public). */
export async function publishedReview(ctx: WorkflowContext, actor: Actor, raw: { borough: string; publicationId: number }): Promise<{ panel: { name: string; slug: string }; publication: PublishedReview; versions: { id: number; version: number; publishedAt: Date }[] }> {
  const { panel, publications } = await publishedReviews(ctx, actor, raw.borough);
  const publication = publications.find((p) => p.id === raw.publicationId);
  if (!publication) throw new NotFound('There is nothing at this address.');
  const versions = publications.filter((p) => p.sampleId === publication.sampleId).map(({ id, version, publishedAt }) => ({ id, version, publishedAt }));
  return { panel, publication, versions };
}
