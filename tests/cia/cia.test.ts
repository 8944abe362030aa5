import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymous } from '../../src/core/access/actor.ts';
import { SignInRequired } from '../../src/core/access/require-access.ts';
import { createIncident } from '../../src/core/cases/cases.ts';
import { raiseCiaQuestion, recordCia, saveCiaReview } from '../../src/core/cia/cia.ts';
import { publishCiaSummary, publishedCia, publishedCias } from '../../src/core/cia/publish.ts';
import { ciaOfQuestions, ciaDocument, dayStatus, getCia, listCias, ownReview, questionStart } from '../../src/core/cia/read.ts';
import { auditLog, ciaQuestions, ciaReviews, cias, questionEvents, questions, type CiaItem } from '../../src/core/db/schema.ts';
import { Conflict, Forbidden, Invalid, NotFound } from '../../src/core/errors.ts';
import { questionOrigins } from '../../src/core/questions/origins.ts';
import { listQuestions } from '../../src/core/questions/questions.ts';
import { caseContext } from '../cases/support.ts';
import { databaseTargets } from '../support/databases.ts';
import { fakeClock } from '../support/fake-clock.ts';
import { cast, openWorkspace, person, type TestWorkspace } from '../support/workspace.ts';
import { ridleyRoadWarehouse } from './support.ts';

const ciaText = 'Community impact assessment. Operation at Ridley Road Market, 21 July 2023. Purpose: to disrupt the supply of controlled drugs. Consultation: none recorded.';
const record = { title: 'Ridley Road Market operation: CIA', operation: 'Drugs warrants at Ridley Road Market', documentOn: '2023-07-14', timing: 'before', text: ciaText };
const scores = (s: number | string | null, over: Partial<Record<CiaItem, unknown>> = {}) =>
  Object.fromEntries((['purpose', 'consultation', 'confidence', 'disproportionality', 'mitigations', 'communication', 'debrief'] as const).map((i) => [`${i}Score`, i in over ? over[i] : s]));

describe.each(databaseTargets())('community impact assessments on $name', (target) => {
  let ws: TestWorkspace;
  let ctx: ReturnType<typeof caseContext>;
  let c: Awaited<ReturnType<typeof cast>>;
  let ciaId: number;
  const audits = async () => (await ws.db.db.select().from(auditLog)).length;
  const ref = () => ({ panelId: c.hackney.id, ciaId });

  beforeAll(async () => {
    ws = await openWorkspace(target);
    c = await cast(ws);
    ws.clock = fakeClock(Date.UTC(2023, 7, 1, 9));
    ctx = caseContext(ws, 4096);
  });
  afterAll(async () => {
    ctx?.removeFiles();
    await ws?.dispose();
  });

  it('refuses before anything is written: signed out, outsider (404), member and police (403)', async () => {
    const before = await audits();
    const raw = { panelId: c.hackney.id, ...record };
    await expect(recordCia(ctx, anonymous, raw)).rejects.toBeInstanceOf(SignInRequired);
    await expect(recordCia(ctx, c.otherMember, raw)).rejects.toBeInstanceOf(NotFound);
    await expect(recordCia(ctx, c.admin, raw)).rejects.toBeInstanceOf(NotFound);
    await expect(recordCia(ctx, c.member, raw)).rejects.toBeInstanceOf(Forbidden);
    await expect(recordCia(ctx, c.police, raw)).rejects.toBeInstanceOf(Forbidden);
    await expect(listCias(ctx, c.police, c.hackney.id)).rejects.toBeInstanceOf(Forbidden);
    await expect(listCias(ctx, c.otherMember, c.hackney.id)).rejects.toBeInstanceOf(NotFound);
    expect(await audits()).toBe(before);
    expect(await ws.db.db.select().from(cias)).toEqual([]);
  });

  it('records a pasted CIA linked to a case file and an unusual day, audited', async () => {
    const incident = await createIncident(ctx, c.clerk, { panelId: c.hackney.id, title: 'Ridley Road Market operation', startsOn: '2023-07-21', kinds: ['operation'] });
    const cia = await recordCia(ctx, c.clerk, { panelId: c.hackney.id, ...record, incidentId: String(incident.id), dayBorough: 'e09000012', dayOn: '2023-07-21' });
    ciaId = cia.id;
    expect(cia).toMatchObject({ title: record.title, timing: 'before', documentOn: '2023-07-14', text: ciaText, sha256: null, incidentId: incident.id, dayBorough: 'E09000012', dayOn: '2023-07-21' });
    const [entry] = await ws.db.db.select().from(auditLog).where(eq(auditLog.action, 'cia.record'));
    expect(entry).toMatchObject({ entityType: 'cia', entityId: String(cia.id), panelId: c.hackney.id });
    const view = await getCia(ctx, c.member, ref());
    expect(view.incident).toMatchObject({ id: incident.id, title: 'Ridley Road Market operation' });
    expect(await listCias(ctx, c.member, c.hackney.id)).toMatchObject([{ id: cia.id, submitted: 0, questions: 0, mine: 'none' }]);
  });

  it('stores an uploaded PDF in the file store; refuses other kinds, oversized files and empty documents', async () => {
    const pdf = new TextEncoder().encode('%PDF-1.4\n% a tiny CIA\n');
    const cia = await recordCia(ctx, c.chair, { panelId: c.hackney.id, ...record, text: '', timing: 'after', file: { name: '../cia.pdf', bytes: pdf } });
    expect(cia).toMatchObject({ mediaType: 'application/pdf', fileName: 'cia.pdf', size: pdf.byteLength });
    const doc = await ciaDocument(ctx, c.member, { panelId: c.hackney.id, ciaId: cia.id });
    expect(new TextDecoder().decode(doc.bytes)).toBe('%PDF-1.4\n% a tiny CIA\n');
    await expect(ciaDocument(ctx, c.member, ref())).rejects.toBeInstanceOf(NotFound); // pasted only
    const before = await audits();
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]);
    await expect(recordCia(ctx, c.clerk, { panelId: c.hackney.id, ...record, file: { name: 'x.pdf', bytes: png } })).rejects.toMatchObject({ message: 'Upload the assessment as a PDF or a plain text file.', details: { field: 'file' } });
    await expect(recordCia(ctx, c.clerk, { panelId: c.hackney.id, ...record, text: '', file: { name: 'big.txt', bytes: new Uint8Array(5000).fill(65) } })).rejects.toMatchObject({ details: { field: 'file' } });
    await expect(recordCia(ctx, c.clerk, { panelId: c.hackney.id, ...record, text: '  ' })).rejects.toMatchObject({ details: { field: 'text' } });
    expect(await audits()).toBe(before);
  });

  it('refuses a case of another panel, an impossible date, half an unusual day, an unknown borough', async () => {
    const other = await createIncident(ctx, await person(ws, 'islington-clerk@example.org', { id: c.islington.id, role: 'clerk' }), { panelId: c.islington.id, title: 'Elsewhere', startsOn: '2023-07-01', kinds: ['operation'] });
    const bad = (over: Record<string, unknown>) => recordCia(ctx, c.clerk, { panelId: c.hackney.id, ...record, ...over });
    await expect(bad({ incidentId: String(other.id) })).rejects.toMatchObject({ message: "Choose one of this panel's case files.", details: { field: 'incidentId' } });
    await expect(bad({ incidentId: '99999999999' })).rejects.toMatchObject({ details: { field: 'incidentId' } });
    await expect(bad({ dayBorough: 'E09000012', dayOn: '2023-02-29' })).rejects.toMatchObject({ details: { field: 'dayOn' } });
    await expect(bad({ dayOn: '2023-07-21' })).rejects.toMatchObject({ message: 'Give the borough of the unusual day as well as its date.', details: { field: 'dayBorough' } });
    expect(await bad({ dayBorough: 'E09000012', dayOn: '' })).toMatchObject({ dayBorough: null, dayOn: null });
    await expect(bad({ dayBorough: 'E09000099', dayOn: '2023-07-21' })).rejects.toMatchObject({ details: { field: 'dayBorough' } });
    await expect(bad({ documentOn: '21/07/2023' })).rejects.toMatchObject({ details: { field: 'documentOn' } });
    await expect(bad({ timing: 'during' })).rejects.toMatchObject({ details: { field: 'timing' } });
  });

  it('refuses a score out of range naming the item, drafts or not', async () => {
    for (const [value, shown] of [[3, '3'], [-1, '-1'], [1.5, '1.5'], ['x', '"x"'], ['3', '3']] as const) {
      const err = await saveCiaReview(ctx, c.member, { ...ref(), ...scores(1, { consultation: value }) }).catch((e) => e);
      expect(err).toBeInstanceOf(Invalid);
      expect(err.message).toBe(`Community consultation: the score must be 0, 1 or 2, not ${shown}.`);
      expect(err.details.field).toBe('consultationScore');
    }
    expect(await ws.db.db.select().from(ciaReviews)).toEqual([]);
  });

  it('keeps a draft to its reviewer; submitting needs every item and the overall rating; then it is final', async () => {
    const draft = await saveCiaReview(ctx, c.member, { ...ref(), ...scores(null, { purpose: '1', consultation: '0' }), consultationComment: 'No residents or traders were consulted before the raid.' });
    expect(draft).toMatchObject({ purposeScore: 1, consultationScore: 0, confidenceScore: null, submittedAt: null, comments: { consultation: 'No residents or traders were consulted before the raid.' } });
    expect((await getCia(ctx, c.chair, ref())).reviews).toEqual([]);
    expect((await getCia(ctx, c.member, ref())).reviews).toMatchObject([{ id: draft.id, mine: true, total: 1 }]);
    const err = await saveCiaReview(ctx, c.member, { ...ref(), ...scores(null, { purpose: '1' }), submit: true }).catch((e) => e);
    expect(err).toBeInstanceOf(Invalid);
    expect(err.details.fields).toMatchObject({ consultationScore: 'Community consultation: give a score of 0, 1 or 2 before submitting.', rag: 'Choose red, amber or green before submitting.' });
    expect(err.details.fields.purposeScore).toBeUndefined();
    const submitted = await saveCiaReview(ctx, c.member, { ...ref(), ...scores('1', { consultation: '0', disproportionality: '0' }), consultationComment: 'No residents or traders were consulted before the raid.', rag: 'red', summary: 'Little sign the community was considered.', submit: true });
    expect(submitted).toMatchObject({ id: draft.id, rag: 'red' });
    expect(submitted.submittedAt).not.toBeNull();
    await expect(saveCiaReview(ctx, c.member, { ...ref(), ...scores(2), rag: 'green' })).rejects.toBeInstanceOf(Conflict);
    await saveCiaReview(ctx, c.chair, { ...ref(), ...scores(2, { consultation: 1 }), rag: 'amber', submit: true });
    const view = await getCia(ctx, c.clerk, ref());
    expect(view.combined.submitted).toBe(2);
    expect(view.combined.rag).toEqual({ red: 1, amber: 1, green: 0 });
    expect(view.combined.items.find((i) => i.item === 'consultation')).toEqual({ item: 'consultation', scores: [0, 1], mean: 0.5 });
    expect(view.reviews.map((r) => r.total)).toEqual([5, 13]);
    const entries = await ws.db.db.select().from(auditLog).where(eq(auditLog.action, 'cia.review'));
    expect(entries.length).toBe(3);
    expect(entries[1].details).toMatchObject({ submitted: true, rag: 'red', scores: { consultation: 0, purpose: 1 } });
    // The database refuses an out-of-range score too.
    await expect(ws.db.db.execute(sql`update cia_reviews set purpose_score = 3 where id = ${draft.id}`)).rejects.toThrow();
  });

  it('refuses a review from the police, an outsider, and of another panel or a tampered id', async () => {
    await expect(saveCiaReview(ctx, c.police, { ...ref(), ...scores(1) })).rejects.toBeInstanceOf(Forbidden);
    await expect(saveCiaReview(ctx, c.otherMember, { ...ref(), ...scores(1) })).rejects.toBeInstanceOf(NotFound);
    await expect(saveCiaReview(ctx, c.otherMember, { panelId: c.islington.id, ciaId, ...scores(1) })).rejects.toBeInstanceOf(NotFound);
    await expect(saveCiaReview(ctx, c.clerk, { panelId: c.hackney.id, ciaId: 1e12, ...scores(1) })).rejects.toBeInstanceOf(NotFound);
    await expect(getCia(ctx, c.police, ref())).rejects.toBeInstanceOf(Forbidden);
    await expect(ownReview(ctx, c.police, ref())).rejects.toBeInstanceOf(Forbidden);
  });

  it('raises a question from an item: drafted, linked, audited, in the register and on the CIA page', async () => {
    const [mine] = (await getCia(ctx, c.member, ref())).reviews.filter((r) => r.mine);
    const start = await questionStart(ctx, c.member, { ...ref(), reviewId: mine.id, item: 'consultation' });
    expect(start.title).toBe('Ridley Road Market operation: CIA: community consultation');
    expect(start.body).toBe('About the community impact assessment "Ridley Road Market operation: CIA" (Drugs warrants at Ridley Road Market), on community consultation: No residents or traders were consulted before the raid.');
    const { question } = await raiseCiaQuestion(ctx, c.member, { ...ref(), reviewId: mine.id, item: 'consultation', title: start.title, body: `${start.body} Who was consulted?` });
    expect(question).toMatchObject({ status: 'draft', panelId: c.hackney.id, title: start.title });
    expect(await ws.db.db.select().from(ciaQuestions)).toEqual([{ panelId: c.hackney.id, ciaId, reviewId: mine.id, item: 'consultation', questionId: question.id }]);
    const actions = (await ws.db.db.select().from(auditLog)).slice(-2).map((a) => a.action);
    expect(actions).toEqual(['question.draft', 'cia.raise-question']);
    expect(await ws.db.db.select().from(questionEvents).where(eq(questionEvents.questionId, question.id))).toHaveLength(1);
    expect((await listQuestions(ctx, c.clerk, c.hackney.id)).map((q) => q.id)).toContain(question.id);
    expect((await ciaOfQuestions(ctx, c.clerk, c.hackney.id)).get(question.id)).toEqual({ ciaId, title: record.title });
    await expect(questionOrigins(ctx, c.clerk, { panelId: c.hackney.id, questionId: question.id })).resolves.toEqual({ cases: [], cia: { id: ciaId, title: record.title, item: 'Community consultation' } });
    expect((await getCia(ctx, c.chair, ref())).questions).toEqual([{ id: question.id, title: start.title, status: 'draft', item: 'consultation', reviewId: mine.id }]);
    // From the whole review, by someone else (a submitted review is everyone's to raise from).
    const whole = await raiseCiaQuestion(ctx, c.clerk, { ...ref(), reviewId: mine.id, title: 'The Ridley Road CIA as a whole', body: 'Will the next CIA be shared with the panel before the operation?' });
    expect(whole.item).toBeNull();
    expect((await listCias(ctx, c.member, c.hackney.id)).find((x) => x.id === ciaId)).toMatchObject({ questions: 2, submitted: 2, mine: 'submitted' });
  });

  it('leaves nothing behind when the question or its link fails, and refuses what the actor may not see', async () => {
    const before = { audits: await audits(), questions: (await ws.db.db.select().from(questions)).length };
    const [mine] = (await getCia(ctx, c.member, ref())).reviews.filter((r) => r.mine);
    // Someone else's draft is not there for them.
    const clerkDraft = await saveCiaReview(ctx, c.clerk, { ...ref(), ...scores(null, { purpose: 2 }) });
    const after = { audits: await audits() };
    await expect(raiseCiaQuestion(ctx, c.member, { ...ref(), reviewId: clerkDraft.id, title: 'x', body: 'y' })).rejects.toBeInstanceOf(NotFound);
    await expect(questionStart(ctx, c.member, { ...ref(), reviewId: clerkDraft.id })).rejects.toBeInstanceOf(NotFound);
    await expect(raiseCiaQuestion(ctx, c.member, { ...ref(), reviewId: mine.id, item: 'tactics', title: 'x', body: 'y' })).rejects.toMatchObject({ details: { field: 'item' } });
    await expect(raiseCiaQuestion(ctx, c.police, { ...ref(), reviewId: mine.id, title: 'x', body: 'y' })).rejects.toBeInstanceOf(Forbidden);
    await expect(raiseCiaQuestion(ctx, c.otherMember, { ...ref(), reviewId: mine.id, title: 'x', body: 'y' })).rejects.toBeInstanceOf(NotFound);
    // The question itself is refused (no text): nothing written.
    await expect(raiseCiaQuestion(ctx, c.member, { ...ref(), reviewId: mine.id, title: 'A title', body: '' })).rejects.toMatchObject({ details: { field: 'body' } });
    // The link fails after the draft was written: the draft goes too.
    await ws.db.db.execute(sql`create function refuse_link() returns trigger language plpgsql as $$ begin raise exception 'link refused'; end $$`);
    await ws.db.db.execute(sql`create trigger refuse_link before insert on cia_questions for each row execute function refuse_link()`);
    try {
      const err = await raiseCiaQuestion(ctx, c.member, { ...ref(), reviewId: mine.id, item: 'debrief', title: 'Debrief', body: 'Was there a debrief?' }).catch((e) => e);
      expect(String(err.cause?.message ?? err.message)).toMatch(/link refused/);
    } finally {
      await ws.db.db.execute(sql`drop trigger refuse_link on cia_questions`);
      await ws.db.db.execute(sql`drop function refuse_link()`);
    }
    expect((await ws.db.db.select().from(questions)).length).toBe(before.questions);
    expect(await audits()).toBe(after.audits);
    expect(after.audits).toBe(before.audits + 1); // only the clerk's draft review
  });
  it('publishes versioned summaries with counts and the statement only: no names, comments or document', async () => {
    const statement = 'The assessment stated its purpose but shows no consultation with traders or residents.';
    await expect(publishCiaSummary(ctx, c.member, { ...ref(), statement })).rejects.toBeInstanceOf(Forbidden);
    await expect(publishCiaSummary(ctx, c.police, { ...ref(), statement })).rejects.toBeInstanceOf(Forbidden);
    await expect(publishCiaSummary(ctx, c.otherMember, { ...ref(), statement })).rejects.toBeInstanceOf(NotFound);
    await expect(publishCiaSummary(ctx, c.clerk, { ...ref(), statement: ' ' })).rejects.toMatchObject({ details: { field: 'statement' } });
    const unreviewed = await recordCia(ctx, c.clerk, { panelId: c.hackney.id, ...record, title: 'Not yet reviewed' });
    await expect(publishCiaSummary(ctx, c.clerk, { panelId: c.hackney.id, ciaId: unreviewed.id, statement })).rejects.toBeInstanceOf(Conflict);
    const v1 = await publishCiaSummary(ctx, c.chair, { ...ref(), statement });
    const v2 = await publishCiaSummary(ctx, c.clerk, { ...ref(), statement: `${statement} Corrected.` });
    expect([v1.version, v2.version]).toEqual([1, 2]);
    const { publications } = await publishedCias(ctx, anonymous, 'hackney');
    expect(publications.map((p) => p.version)).toEqual([2, 1]);
    const { publication, versions } = await publishedCia(ctx, anonymous, { borough: 'hackney', publicationId: v1.id });
    expect(versions.map((v) => v.version)).toEqual([2, 1]);
    expect(publication.summary).toMatchObject({ title: record.title, reviews: 2, rag: { red: 1, amber: 1, green: 0 }, statement, questionsRaised: 2, publishedQuestions: [] });
    expect(publication.summary.items.find((i) => i.label === 'Community consultation')).toEqual({ label: 'Community consultation', scores: [1, 1, 0], mean: 0.5 });
    const text = JSON.stringify(publication.summary);
    for (const secret of ['member', 'chair', 'No residents or traders', 'Little sign', ciaText]) expect(text).not.toContain(secret);
    await expect(publishedCia(ctx, anonymous, { borough: 'hackney', publicationId: 1e12 })).rejects.toBeInstanceOf(NotFound);
    await expect(publishedCias(ctx, anonymous, 'nowhere')).rejects.toBeInstanceOf(NotFound);
    expect((await ws.db.db.select().from(auditLog).where(eq(auditLog.action, 'cia.publish'))).length).toBe(2);
  });
});

describe('whether a CIA day is among the unusual days of the loaded data', () => {
  let warehouse: Awaited<ReturnType<typeof ridleyRoadWarehouse>>;
  beforeAll(async () => {
    warehouse = await ridleyRoadWarehouse();
  });
  afterAll(async () => warehouse?.close());

  it('finds 21 July 2023 in Hackney unusual, the day before ordinary, a day with no data as such', async () => {
    expect(await dayStatus(warehouse.wh, 'E09000012', '2023-07-21')).toMatchObject({ kind: 'unusual', count: 15, areaName: 'Hackney' });
    expect(await dayStatus(warehouse.wh, 'E09000012', '2023-07-20')).toEqual({ kind: 'ordinary', count: 1 });
    expect(await dayStatus(warehouse.wh, 'E09000030', '2023-07-21')).toEqual({ kind: 'ordinary', count: 0 });
    expect(await dayStatus(warehouse.wh, 'E09000012', '2023-09-01')).toEqual({ kind: 'no-data' });
  });
});
