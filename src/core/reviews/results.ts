import { and, asc, eq, isNotNull } from 'drizzle-orm';
import type { Actor } from '../access/actor.ts';
import { requireAccess } from '../access/require-access.ts';
import type { WorkflowContext } from '../audit/write.ts';
import { encounterReviews, forceUsed, itemAnswers, qualityScores, ragStatuses, sampleRecords, type EncounterReview, type ReviewSample, type SampleRecord } from '../db/schema.ts';
import { wilsonCI, type Interval } from '../figures/stats/index.ts';
import { agreement, type Agreement } from './agreement.ts';
import { gowiselyItems, type GowiselyItem } from './input.ts';
import { isSection60 } from './reviews.ts';
import { loadSample, reviewersOf } from './samples.ts';

type Counts<K extends string> = Record<K, number>;

export interface ItemResult {
  item: GowiselyItem;
  label: string;
  answers: Counts<(typeof itemAnswers)[number]>;
  /** Reviews answering yes, of those answering yes or no (not visible and not applicable left out). */
  met: number;
  known: number;
  share: number | null;
  ci: Interval | null;
}

export interface GroupResult {
  /** Encounters of the group with at least one submitted review. */
  encounters: number;
  reviews: number;
  items: ItemResult[];
  /** Every GOWISELY item together: answers of yes, of all yes or no answers. */
  allItems: { met: number; known: number; share: number | null; ci: Interval | null };
  rag: Counts<(typeof ragStatuses)[number]>;
}

export interface AgreementResult {
  what: string;
  label: string;
  agreement: Agreement | null;
}

export interface ReviewResults extends GroupResult {
  /** Encounters in the sample. */
  sampled: number;
  section60: number;
  reviewers: number;
  groundsQuality: Counts<(typeof qualityScores)[number]>;
  conduct: Counts<(typeof qualityScores)[number]>;
  forceUsed: Counts<(typeof forceUsed)[number]>;
  agreement: AgreementResult[];
  byEthnicity: Record<string, GroupResult>;
  byPower: Record<string, GroupResult>;
  /** Encounters the police have responded to. */
  responses: number;
}

const zero = <K extends string>(keys: readonly K[]) => Object.fromEntries(keys.map((k) => [k, 0])) as Counts<K>;

function tally<K extends string>(keys: readonly K[], values: K[]): Counts<K> {
  const c = zero(keys);
  for (const v of values) c[v] += 1;
  return c;
}

function groupResult(records: readonly SampleRecord[], reviews: readonly EncounterReview[]): GroupResult {
  const ids = new Set(records.map((r) => r.id));
  const own = reviews.filter((r) => ids.has(r.sampleRecordId));
  const items = gowiselyItems.map(([item, label]) => {
    const answers = tally(itemAnswers, own.map((r) => r[item]));
    const known = answers.yes + answers.no;
    return { item, label, answers, met: answers.yes, known, share: known ? answers.yes / known : null, ci: wilsonCI(answers.yes, known) };
  });
  const met = items.reduce((a, i) => a + i.met, 0);
  const known = items.reduce((a, i) => a + i.known, 0);
  return {
    encounters: new Set(own.map((r) => r.sampleRecordId)).size,
    reviews: own.length,
    items,
    allItems: { met, known, share: known ? met / known : null, ci: wilsonCI(met, known) },
    rag: tally(ragStatuses, own.map((r) => r.rag))
  };
}

/** Agreement per item: GOWISELY over the encounters it applies to (not section 60), the rest over all. */
function agreements(records: readonly SampleRecord[], reviews: readonly EncounterReview[]): AgreementResult[] {
  const gowisely = new Set(records.filter((r) => !isSection60(r)).map((r) => r.id));
  const all = new Set(records.map((r) => r.id));
  const ratings = (field: keyof EncounterReview, scope: Set<number>) => {
    const by = new Map<number, Map<string, string>>();
    for (const r of reviews) if (scope.has(r.sampleRecordId)) by.set(r.sampleRecordId, (by.get(r.sampleRecordId) ?? new Map()).set(r.reviewerId, String(r[field])));
    return [...by.values()];
  };
  return [
    ...gowiselyItems.map(([item, label]) => ({ what: item, label, agreement: agreement(ratings(item, gowisely), itemAnswers) })),
    { what: 'groundsQuality', label: 'Quality of the grounds', agreement: agreement(ratings('groundsQuality', all), qualityScores) },
    { what: 'conduct', label: 'Conduct and respect', agreement: agreement(ratings('conduct', all), qualityScores) },
    { what: 'forceUsed', label: 'Force used', agreement: agreement(ratings('forceUsed', all), forceUsed) },
    { what: 'rag', label: 'Overall red, amber or green', agreement: agreement(ratings('rag', all), ragStatuses) }
  ];
}

function breakdown(records: readonly SampleRecord[], reviews: readonly EncounterReview[], key: (r: SampleRecord) => string): Record<string, GroupResult> {
  const groups = new Map<string, SampleRecord[]>();
  for (const r of records) groups.set(key(r), [...(groups.get(key(r)) ?? []), r]);
  return Object.fromEntries([...groups].sort(([a], [b]) => a.localeCompare(b)).map(([k, rs]) => [k, groupResult(rs, reviews)]));
}

/** The results of a sample from its records and its submitted reviews (pure: docs/reviews.md says how). */
export function computeResults(records: readonly SampleRecord[], submitted: readonly EncounterReview[], reviewers: number): ReviewResults {
  return {
    ...groupResult(records, submitted),
    sampled: records.length,
    section60: records.filter(isSection60).length,
    reviewers,
    groundsQuality: tally(qualityScores, submitted.map((r) => r.groundsQuality)),
    conduct: tally(qualityScores, submitted.map((r) => r.conduct)),
    forceUsed: tally(forceUsed, submitted.map((r) => r.forceUsed)),
    agreement: agreements(records, submitted),
    byEthnicity: breakdown(records, submitted, (r) => r.ethnicGroup),
    byPower: breakdown(records, submitted, (r) => r.legislation),
    responses: records.filter((r) => r.policeResponse).length
  };
}

export interface SampleResults {
  sample: ReviewSample;
  records: SampleRecord[];
  results: ReviewResults;
}

/** A sample's results from its submitted reviews only: drafts stay with their reviewers. */
export async function reviewResults(ctx: WorkflowContext, actor: Actor, raw: { panelId: number; sampleId: number }): Promise<SampleResults> {
  requireAccess(actor, 'review.results', { panelId: raw.panelId });
  const sample = await loadSample(ctx.db.db, raw.panelId, raw.sampleId);
  const records = await ctx.db.db.select().from(sampleRecords).where(eq(sampleRecords.sampleId, sample.id)).orderBy(asc(sampleRecords.position));
  const submitted = await ctx.db.db
    .select({ review: encounterReviews })
    .from(encounterReviews)
    .innerJoin(sampleRecords, eq(sampleRecords.id, encounterReviews.sampleRecordId))
    .where(and(eq(sampleRecords.sampleId, sample.id), isNotNull(encounterReviews.submittedAt)));
  const reviewers = await reviewersOf(ctx.db.db, sample.id);
  return { sample, records, results: computeResults(records, submitted.map((s) => s.review), reviewers.length) };
}
