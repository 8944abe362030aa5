import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymous } from '../../src/core/access/actor.ts';
import { SignInRequired } from '../../src/core/access/require-access.ts';
import { auditLog, sampleRecords, type ItemAnswer, type Rag } from '../../src/core/db/schema.ts';
import { Conflict, Forbidden, Invalid, NotFound } from '../../src/core/errors.ts';
import { wilsonCI } from '../../src/core/figures/stats/index.ts';
import { gowiselyKeys, type ReviewInput } from '../../src/core/reviews/input.ts';
import { publishedReview, publishedReviews, publishSummary } from '../../src/core/reviews/publish.ts';
import { reviewResults } from '../../src/core/reviews/results.ts';
import { getReviewForm, saveReview } from '../../src/core/reviews/reviews.ts';
import { assignReviewers, createSample, getSample, listSamples, respondToEncounter, sendSample, type ReviewContext } from '../../src/core/reviews/samples.ts';
import { drawSample } from '../../src/core/reviews/sampling.ts';
import type { Warehouse } from '../../src/core/warehouse/warehouse.ts';
import { databaseTargets } from '../support/databases.ts';
import { fakeClock } from '../support/fake-clock.ts';
import { cast, openWorkspace, userId, type TestWorkspace } from '../support/workspace.ts';
import { hackneyWarehouse } from './support.ts';

let warehouse: Awaited<ReturnType<typeof hackneyWarehouse>>;
beforeAll(async () => {
  warehouse = await hackneyWarehouse();
});
afterAll(async () => warehouse?.close());

/** A review with every GOWISELY item `yes` unless given. */
const review = (over: Partial<ReviewInput> = {}): ReviewInput => ({
  ...(Object.fromEntries(gowiselyKeys.map((k) => [k, 'yes'])) as Record<(typeof gowiselyKeys)[number], ItemAnswer>),
  groundsQuality: 'good',
  conduct: 'good',
  forceUsed: 'none',
  rag: 'green',
  comments: '',
  ...over
});
const notApplicable = () => Object.fromEntries(gowiselyKeys.map((k) => [k, 'not_applicable'])) as Record<(typeof gowiselyKeys)[number], ItemAnswer>;

describe.each(databaseTargets())('reviews of sampled encounters on $name', (target) => {
  let ws: TestWorkspace;
  let ctx: ReviewContext;
  let c: Awaited<ReturnType<typeof cast>>;
  let sampleId: number;
  let records: { id: number; legislation: string }[];
  const wh = () => warehouse.wh as Warehouse;
  const auditCount = async () => (await ws.db.db.select().from(auditLog)).length;

  beforeAll(async () => {
    ws = await openWorkspace(target);
    c = await cast(ws);
    ws.clock = fakeClock(Date.UTC(2023, 7, 10, 9));
    ctx = { db: ws.db, clock: ws.clock, warehouse: wh() };
  });
  afterAll(async () => ws?.dispose());

  it('refuses to draw before anything is written: anonymous, another panel, members, police', async () => {
    const before = await auditCount();
    const input = { panelId: c.hackney.id, month: '2023-07', size: '4', seed: 7 };
    await expect(createSample(ctx, anonymous, input)).rejects.toBeInstanceOf(SignInRequired);
    await expect(createSample(ctx, c.otherMember, input)).rejects.toBeInstanceOf(NotFound);
    await expect(createSample(ctx, c.member, input)).rejects.toBeInstanceOf(Forbidden);
    await expect(createSample(ctx, c.police, input)).rejects.toBeInstanceOf(Forbidden);
    await expect(listSamples(ws, c.otherMember, c.hackney.id)).rejects.toBeInstanceOf(NotFound);
    expect(await auditCount()).toBe(before);
  });

  it('says what is wrong with a bad request', async () => {
    const bad = (over: object) => createSample(ctx, c.clerk, { panelId: c.hackney.id, month: '2023-07', size: '4', seed: 7, ...over }).catch((e) => e);
    expect(await bad({ size: '9' })).toMatchObject({ message: 'Hackney has 8 records in July 2023: a sample of 9 is larger than that.', details: { field: 'size' } });
    expect(await bad({ month: '2023-08' })).toBeInstanceOf(NotFound);
    const err = await bad({ month: 'July', size: 'some', seed: 'x' });
    expect(err).toBeInstanceOf(Invalid);
    expect(Object.keys(err.details.fields).sort()).toEqual(['month', 'seed', 'size']);
  });

  it('draws and stores the same records as the CLI would, with the seed, audited', async () => {
    const sample = await createSample(ctx, c.clerk, { panelId: c.hackney.id, month: '2023-07', size: '4', seed: 99, strata: 'ethnicity' });
    const stored = await ws.db.db.select().from(sampleRecords).where(eq(sampleRecords.sampleId, sample.id));
    const drawn = await drawSample(wh(), { area: 'E09000012', month: '2023-07', size: { count: 4 }, seed: 99, strata: 'ethnicity' });
    expect(stored.map((r) => r.recordId)).toEqual(drawn.records.map((r) => r.id));
    expect(stored[0]).toMatchObject({ occurredAt: new Date(drawn.records[0].datetime), latitude: 51.55, legislation: drawn.records[0].legislation });
    expect(sample).toMatchObject({ seed: 99, population: 8, strata: 'ethnicity', month: '2023-07', areaCode: 'E09000012' });
    const [entry] = await ws.db.db.select().from(auditLog).where(and(eq(auditLog.action, 'sample.draw'), eq(auditLog.entityId, String(sample.id))));
    expect(entry.details).toMatchObject({ seed: 99, records: drawn.records.map((r) => r.id) });
    const random = await createSample(ctx, c.chair, { panelId: c.hackney.id, month: '2023-07', size: '50%' });
    expect(random.seed).toBeGreaterThan(0);
    expect((await listSamples(ws, c.member, c.hackney.id)).map((s) => s.records)).toEqual([4, 4]);
  });

  it('lets only assigned reviewers review, each seeing only their own draft, final once submitted', async () => {
    const sample = await createSample(ctx, c.clerk, { panelId: c.hackney.id, month: '2023-07', size: '8', seed: 1 });
    sampleId = sample.id;
    records = (await getSample(ws, c.member, { panelId: c.hackney.id, sampleId })).records;
    expect(records.map((r) => r.legislation)).toEqual(['misuse_of_drugs_s23', 'misuse_of_drugs_s23', 'pace_s1', 'pace_s1', 'misuse_of_drugs_s23', 'pace_s1', 'cjpoa_s60', 'cjpoa_s60']);
    const at = (i: number) => ({ panelId: c.hackney.id, sampleId, sampleRecordId: records[i].id });

    await expect(saveReview(ws, c.member, { ...at(0), ...review() })).rejects.toThrow("You are not one of this sample's reviewers");
    await expect(assignReviewers(ws, c.member, { panelId: c.hackney.id, sampleId, userIds: [await userId(ws, 'member@example.org')] })).rejects.toBeInstanceOf(Forbidden);
    await expect(assignReviewers(ws, c.clerk, { panelId: c.hackney.id, sampleId, userIds: [await userId(ws, 'police@example.org')] })).rejects.toBeInstanceOf(Invalid);
    await assignReviewers(ws, c.clerk, { panelId: c.hackney.id, sampleId, userIds: [await userId(ws, 'member@example.org'), await userId(ws, 'chair@example.org')] });

    const draft = await saveReview(ws, c.member, { ...at(0), ...review({ comments: 'Calm; grounds clear.' }) });
    expect(draft.submittedAt).toBeNull();
    expect((await getReviewForm(ws, c.chair, at(0))).review).toBeNull(); // another reviewer's draft is not shown
    expect((await getReviewForm(ws, c.member, at(0))).review?.comments).toBe('Calm; grounds clear.');
    await expect(saveReview(ws, c.clerk, { ...at(0), ...review() })).rejects.toBeInstanceOf(Forbidden); // not assigned
    await expect(saveReview(ws, c.police, { ...at(0), ...review() })).rejects.toBeInstanceOf(Forbidden);
    await expect(saveReview(ws, c.otherMember, { ...at(0), ...review() })).rejects.toBeInstanceOf(NotFound);

    // An encounter of another sample is outside this one.
    const other = await createSample(ctx, c.clerk, { panelId: c.hackney.id, month: '2023-07', size: '1', seed: 3 });
    const [foreign] = await ws.db.db.select().from(sampleRecords).where(eq(sampleRecords.sampleId, other.id));
    const outside = await saveReview(ws, c.member, { ...at(0), sampleRecordId: foreign.id, ...review() }).catch((e) => e);
    expect(outside).toBeInstanceOf(Invalid);
    expect(outside.message).toMatch(/^That encounter is not in this sample/);

    // Section 60: GOWISELY does not apply.
    const s60 = await saveReview(ws, c.member, { ...at(6), ...review() }).catch((e) => e);
    expect(s60).toBeInstanceOf(Invalid);
    expect(Object.keys(s60.details.fields)).toEqual(gowiselyKeys);
    // A score out of range.
    const range = await saveReview(ws, c.member, { ...at(1), ...review({ rag: 'purple' as Rag, grounds: 'maybe' as ItemAnswer }) }).catch((e) => e);
    expect(Object.keys(range.details.fields).sort()).toEqual(['grounds', 'rag']);
  });

  it('computes shares with Wilson intervals and kappa from the submitted reviews (worked by hand)', async () => {
    const at = (i: number) => ({ panelId: c.hackney.id, sampleId, sampleRecordId: records[i].id });
    const grounds = { member: ['yes', 'yes', 'no', 'yes', 'not_visible', 'yes'], chair: ['yes', 'no', 'no', 'yes', 'yes', 'yes'] } as const;
    const rag = { member: ['green', 'green', 'amber', 'red', 'green', 'amber', 'green', 'red'], chair: ['green', 'amber', 'amber', 'red', 'green', 'amber', 'green', 'green'] } as const;
    for (const who of ['member', 'chair'] as const)
      for (let i = 0; i < 8; i++) {
        const items = i < 6 ? { grounds: grounds[who][i] } : notApplicable();
        await saveReview(ws, c[who], { ...at(i), ...review({ ...items, rag: rag[who][i], footageViewedOnPremises: true }), submit: true });
      }
    await expect(saveReview(ws, c.member, { ...at(0), ...review(), submit: true })).rejects.toBeInstanceOf(Conflict);

    const { results: r } = await reviewResults(ws, c.member, { panelId: c.hackney.id, sampleId });
    expect(r).toMatchObject({ sampled: 8, section60: 2, encounters: 8, reviews: 16, reviewers: 2, rag: { red: 3, amber: 5, green: 8 } });
    // Grounds: yes 4 + 4, no 1 + 2, not visible 1, not applicable 2 × 2 (section 60).
    const g = r.items.find((i) => i.item === 'grounds')!;
    expect(g).toMatchObject({ met: 8, known: 11, answers: { yes: 8, no: 3, not_visible: 1, not_applicable: 4 } });
    expect(g.ci).toEqual(wilsonCI(8, 11));
    // Kappa for grounds over the six encounters GOWISELY applies to: po = 4/6; member yes 4, no 1,
    // not visible 1; chair yes 4, no 2; pe = (16 + 2)/36 = 0.5; kappa = (2/3 − 1/2)/(1/2) = 1/3.
    const kg = r.agreement.find((a) => a.what === 'grounds')!.agreement!;
    expect(kg).toMatchObject({ method: 'cohen', encounters: 6, reviewers: 2 });
    expect(kg.kappa).toBeCloseTo(1 / 3, 12);
    // RAG over all eight: po = 6/8; member red 2, amber 2, green 4; chair red 1, amber 3, green 4;
    // pe = (2 + 6 + 16)/64 = 0.375; kappa = (0.75 − 0.375)/0.625 = 0.6.
    expect(r.agreement.find((a) => a.what === 'rag')!.agreement!.kappa).toBeCloseTo(0.6, 12);
    expect(Object.fromEntries(Object.entries(r.byEthnicity).map(([k, v]) => [k, v.encounters]))).toEqual({ asian: 1, black: 4, white: 3 });
    expect(Object.keys(r.byPower)).toEqual(['cjpoa_s60', 'misuse_of_drugs_s23', 'pace_s1']);
    await expect(reviewResults(ws, c.police, { panelId: c.hackney.id, sampleId })).rejects.toBeInstanceOf(Forbidden);
  });

  it('lets the addressed police respondent see the sample and respond, once it is sent', async () => {
    const at = { panelId: c.hackney.id, sampleId, sampleRecordId: records[2].id };
    await expect(getSample(ws, c.police, { panelId: c.hackney.id, sampleId })).rejects.toBeInstanceOf(NotFound);
    await expect(respondToEncounter(ws, c.police, { ...at, response: 'Noted.' })).rejects.toBeInstanceOf(NotFound);
    expect(await listSamples(ws, c.police, c.hackney.id)).toEqual([]);
    await expect(sendSample(ws, c.clerk, { panelId: c.hackney.id, sampleId, addresseeId: await userId(ws, 'member@example.org') })).rejects.toBeInstanceOf(Invalid);
    await sendSample(ws, c.clerk, { panelId: c.hackney.id, sampleId, addresseeId: await userId(ws, 'police@example.org') });
    expect((await listSamples(ws, c.police, c.hackney.id)).map((s) => s.id)).toEqual([sampleId]);
    expect((await getSample(ws, c.police, { panelId: c.hackney.id, sampleId })).records).toHaveLength(8);
    await expect(respondToEncounter(ws, c.police, { ...at, response: '  ' })).rejects.toBeInstanceOf(Invalid);
    const done = await respondToEncounter(ws, c.police, { ...at, response: 'The officer has been given words of advice about explaining grounds.' });
    expect(done.policeResponse).toMatch(/words of advice/);
    await expect(respondToEncounter(ws, c.member, { ...at, response: 'x' })).rejects.toBeInstanceOf(Forbidden);
    const entries = await ws.db.db.select().from(auditLog).where(eq(auditLog.action, 'review.respond'));
    expect(entries).toHaveLength(1);
  });

  it('publishes an anonymised summary in versions, readable by anyone', async () => {
    await expect(publishSummary(ws, c.member, { panelId: c.hackney.id, sampleId })).rejects.toBeInstanceOf(Forbidden);
    const v1 = await publishSummary(ws, c.clerk, { panelId: c.hackney.id, sampleId });
    const v2 = await publishSummary(ws, c.chair, { panelId: c.hackney.id, sampleId });
    expect([v1.version, v2.version]).toEqual([1, 2]);
    const text = JSON.stringify(v2.summary);
    for (const secret of ['metropolitan:', 'example.org', 'member', 'Calm', 'words of advice', '51.55', '2023-07-0', '"seed"']) expect(text).not.toContain(secret);
    expect(v2.summary).toMatchObject({ borough: 'Hackney', month: '2023-07', sampled: 8, reviewers: 2, policeResponses: 1, rag: { red: 3, amber: 5, green: 8 } });
    // Groups of fewer than 10 encounters are not shown; a share whose numerator is below 10 is "too few to say".
    expect(v2.summary).toMatchObject({ byEthnicity: [], byPower: [] });
    expect((v2.summary as { items: { share: number | null; met: number }[] }).items[0]).toMatchObject({ met: 8, share: null });
    const list = await publishedReviews(ws, anonymous, 'hackney');
    expect(list.publications.map((p) => p.version)).toEqual([2, 1]);
    expect((await publishedReview(ws, anonymous, { borough: 'hackney', publicationId: v1.id })).versions).toHaveLength(2);
    await expect(publishedReviews(ws, anonymous, 'islington')).resolves.toMatchObject({ publications: [] });
    await expect(publishedReviews(ws, anonymous, 'atlantis')).rejects.toBeInstanceOf(NotFound);
  });
});
