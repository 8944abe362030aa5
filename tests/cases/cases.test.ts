import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymous } from '../../src/core/access/actor.ts';
import { SignInRequired } from '../../src/core/access/require-access.ts';
import {
  addClaim,
  addEvent,
  addJusticeOutcome,
  addPlace,
  addReferral,
  addSource,
  createIncident,
  decideClaim,
  editIncident,
  linkQuestion,
  raiseQuestionFromCase,
  relateClaims,
  updateReferral
} from '../../src/core/cases/cases.ts';
import { getCase, listCases, sourceCopy } from '../../src/core/cases/read.ts';
import { auditLog, incidents, questions } from '../../src/core/db/schema.ts';
import { Forbidden, Invalid, NotFound } from '../../src/core/errors.ts';
import { questionOrigins } from '../../src/core/questions/origins.ts';
import { draftQuestion, sendQuestion } from '../../src/core/questions/questions.ts';
import { databaseTargets } from '../support/databases.ts';
import { fakeClock } from '../support/fake-clock.ts';
import { cast, openWorkspace, type TestWorkspace } from '../support/workspace.ts';
import { caseContext } from './support.ts';

const policeText = 'Officers carried out a planned operation at Ridley Road Market. Two men were arrested for possession of drugs. No force was used.';
const witnessText = 'I saw four officers hold a young man against a stall. They used force on him for several minutes and he was crying.';
const newsText = 'Footage seen by this paper shows an officer pushing a man to the ground near the market.';

const incident = { title: 'Ridley Road Market operation', summary: 'A police operation at the market.', startsOn: '2023-07-21', startsAt: '11:00', kinds: ['operation', 'use of force'] };

describe.each(databaseTargets())('case files on $name', (target) => {
  let ws: TestWorkspace;
  let ctx: ReturnType<typeof caseContext>;
  let c: Awaited<ReturnType<typeof cast>>;
  beforeAll(async () => {
    ws = await openWorkspace(target);
    c = await cast(ws);
    ws.clock = fakeClock(Date.UTC(2023, 6, 22, 9));
    ctx = caseContext(ws, 1024);
  });
  afterAll(async () => {
    ctx?.removeFiles();
    await ws?.dispose();
  });

  const audits = async () => (await ws.db.db.select().from(auditLog)).length;

  it('refuses before anything is written: signed out, outsider (404), member and police respondent (403)', async () => {
    const before = await audits();
    const raw = { panelId: c.hackney.id, ...incident };
    await expect(createIncident(ctx, anonymous, raw)).rejects.toBeInstanceOf(SignInRequired);
    await expect(createIncident(ctx, c.otherMember, raw)).rejects.toBeInstanceOf(NotFound);
    await expect(createIncident(ctx, c.member, raw)).rejects.toBeInstanceOf(Forbidden);
    await expect(createIncident(ctx, c.police, raw)).rejects.toBeInstanceOf(Forbidden);
    await expect(listCases(ctx, c.police, c.hackney.id)).rejects.toBeInstanceOf(Forbidden);
    expect(await audits()).toBe(before);
    expect(await ws.db.db.select().from(incidents)).toEqual([]);
  });

  it('builds a case from three sources with conflicting claims, all audited', async () => {
    const before = await audits();
    const inc = await createIncident(ctx, c.clerk, { panelId: c.hackney.id, ...incident });
    const ref = { panelId: c.hackney.id, incidentId: inc.id };
    const place = await addPlace(ctx, c.clerk, { ...ref, name: 'Ridley Road Market', latitude: '51.5486', longitude: '-0.0755' });
    expect(place).toMatchObject({ wardCode: 'E05009370', wardName: 'Dalston', boroughCode: 'E09000012', boroughName: 'Hackney' });
    const elsewhere = await addPlace(ctx, c.clerk, { ...ref, name: 'Somewhere off the map', latitude: '52', longitude: '0' });
    expect(elsewhere).toMatchObject({ wardCode: null, boroughCode: null });
    const police = await addSource(ctx, c.clerk, { ...ref, kind: 'police statement', title: 'Statement on the operation', publisher: 'Metropolitan Police', url: 'https://news.met.police.uk/x', publishedOn: '2023-07-21', text: policeText });
    const witness = await addSource(ctx, c.chair, { ...ref, kind: 'witness account', title: 'Account of a stallholder', author: 'Ada Witness', text: witnessText });
    const news = await addSource(ctx, c.clerk, { ...ref, kind: 'news article', title: 'Footage shows officer pushing man', publisher: 'Hackney Gazette', text: newsText });
    expect(police.sha256).toBe(createHash('sha256').update(policeText).digest('hex'));
    expect(fs.readFileSync(path.join(ctx.filesDir, police.sha256.slice(0, 2), police.sha256), 'utf8')).toBe(policeText);

    const noForce = await addClaim(ctx, c.clerk, { ...ref, sourceId: police.id, claimant: 'Metropolitan Police', text: 'No force was used.', quote: 'No force was used.' });
    expect(noForce).toMatchObject({ spanStart: policeText.indexOf('No force'), spanEnd: policeText.length });
    const force = await addClaim(ctx, c.clerk, { ...ref, sourceId: witness.id, claimant: 'A stallholder', text: 'Officers used force on a young man for several minutes.', spanStart: 47, spanEnd: 91 });
    const push = await addClaim(ctx, c.clerk, { ...ref, sourceId: news.id, claimant: 'Hackney Gazette', text: 'Footage shows an officer pushing a man to the ground.' });
    await relateClaims(ctx, c.clerk, { ...ref, fromClaimId: force.id, toClaimId: noForce.id, kind: 'contradicts' });
    await relateClaims(ctx, c.clerk, { ...ref, fromClaimId: push.id, toClaimId: force.id, kind: 'supports', note: 'Same minute, same stall.' });
    await expect(relateClaims(ctx, c.clerk, { ...ref, fromClaimId: noForce.id, toClaimId: force.id, kind: 'supports' })).rejects.toThrow('already related');

    ws.clock = fakeClock(Date.UTC(2023, 6, 25, 9));
    await decideClaim(ctx, c.chair, { ...ref, claimId: noForce.id, status: 'disputed', reason: 'A witness and footage say force was used.' });
    const refuted = await decideClaim(ctx, c.clerk, { ...ref, claimId: noForce.id, status: 'refuted', reason: 'The footage shows an officer pushing a man.' });
    expect(refuted).toMatchObject({ status: 'refuted', decidedByLabel: 'clerk@example.org', reason: 'The footage shows an officer pushing a man.' });

    await addEvent(ctx, c.clerk, { ...ref, occurredOn: '2023-07-21', occurredAt: '11:20', description: 'A man is held against a stall.', sourceIds: [String(witness.id), String(news.id)] });
    await addJusticeOutcome(ctx, c.clerk, { ...ref, kind: 'arrest', occurredOn: '2023-07-21', people: '2', description: 'Two men arrested for possession of drugs.', sourceId: police.id });
    const referral = await addReferral(ctx, c.clerk, { ...ref, body: 'professional standards', reference: 'PSD/2023/0147', referredOn: '2023-07-24', status: 'referred' });
    await updateReferral(ctx, c.chair, { ...ref, referralId: referral.id, body: 'iopc', reference: 'IOPC 2023/012345', referredOn: '2023-07-24', mode: 'directed', status: 'concluded', outcome: 'reflective practice', outcomeOn: '2023-11-01' });
    const q = await draftQuestion(ws, c.member, { panelId: c.hackney.id, title: 'Use of force at Ridley Road', body: 'Was force recorded?' });
    await linkQuestion(ctx, c.member, { ...ref, questionId: q.id });
    await linkQuestion(ctx, c.member, { ...ref, questionId: q.id });

    const view = await getCase(ctx, c.clerk, ref);
    expect(view.places.map((p) => p.wardName)).toEqual(['Dalston', null]);
    expect(view.accounts.map((a) => [a.source.kind, a.claims.map((cl) => cl.claimant)])).toEqual([
      ['police statement', ['Metropolitan Police']],
      ['witness account', ['A stallholder']],
      ['news article', ['Hackney Gazette']]
    ]);
    const denied = view.claims.find((cl) => cl.id === noForce.id)!;
    expect(denied.quote).toBe('No force was used.');
    expect(denied.decisions.map((d) => [d.status, d.decidedByLabel])).toEqual([
      ['disputed', 'chair@example.org'],
      ['refuted', 'clerk@example.org']
    ]);
    expect(denied.relations).toEqual([{ kind: 'contradicts', direction: 'from', otherId: force.id, note: '' }]);
    expect(view.claims.find((cl) => cl.id === force.id)!.quote).toBe(witnessText.slice(47, 91));
    expect(view.events[0].sourceIds.sort()).toEqual([witness.id, news.id].sort());
    expect(view.referrals[0]).toMatchObject({ body: 'iopc', mode: 'directed', outcome: 'reflective practice', reviewDueOn: '2023-11-29' });
    expect(view.outcomes[0]).toMatchObject({ kind: 'arrest', people: 2, sourceId: police.id });
    expect(view.questions).toEqual([{ id: q.id, title: 'Use of force at Ridley Road', status: 'draft' }]);

    const list = await listCases(ctx, c.member, c.hackney.id);
    expect(list).toMatchObject([{ id: inc.id, sources: 3, claims: 3, places: ['Ridley Road Market', 'Somewhere off the map'] }]);

    const entries = (await ws.db.db.select().from(auditLog)).slice(before);
    expect(entries.map((e) => `${e.action} ${e.entityType}`)).toEqual([
      'case.create incident',
      'case.edit incident-place',
      'case.edit incident-place',
      'case.edit case-source',
      'case.edit case-source',
      'case.edit case-source',
      'case.edit claim',
      'case.edit claim',
      'case.edit claim',
      'case.edit claim-relation',
      'case.edit claim-relation',
      'case.edit claim',
      'case.edit claim',
      'case.edit case-event',
      'case.edit justice-outcome',
      'case.edit referral',
      'case.edit referral',
      'question.draft question',
      'case.link-question incident'
    ]);
    expect(entries.find((e) => e.entityType === 'claim' && 'status' in e.details)!.details).toMatchObject({ status: { from: 'unverified', to: 'disputed' } });
    expect(JSON.stringify(entries)).not.toContain('Ada Witness');
  });

  it("hides a witness's identity from members, and their copy of it", async () => {
    const [inc] = await listCases(ctx, c.member, c.hackney.id);
    const ref = { panelId: c.hackney.id, incidentId: inc.id };
    const forMember = await getCase(ctx, c.member, ref);
    const witness = forMember.sources.find((s) => s.kind === 'witness account')!;
    expect(witness).toMatchObject({ author: null, authorWithheld: true, text: '', fileName: null });
    expect(forMember.claims.some((cl) => cl.sourceId === witness.id && cl.quote)).toBe(true);
    expect(JSON.stringify(forMember)).not.toContain('Ada Witness');
    expect(forMember.sources.find((s) => s.kind === 'police statement')!.author).toBe('');
    expect((await getCase(ctx, c.chair, ref)).sources.find((s) => s.kind === 'witness account')!.author).toBe('Ada Witness');
    await expect(sourceCopy(ctx, c.member, { ...ref, sourceId: witness.id })).rejects.toBeInstanceOf(Forbidden);
    const copy = await sourceCopy(ctx, c.clerk, { ...ref, sourceId: witness.id });
    expect(new TextDecoder().decode(copy.bytes)).toBe(witnessText);
  });

  it("keeps panels apart: another panel's case is not found, and its sources and claims cannot be used", async () => {
    const [inc] = await listCases(ctx, c.member, c.hackney.id);
    const ref = { panelId: c.hackney.id, incidentId: inc.id };
    await expect(getCase(ctx, c.otherMember, ref)).rejects.toBeInstanceOf(NotFound);
    await expect(getCase(ctx, c.member, { ...ref, incidentId: 2 ** 31 })).rejects.toBeInstanceOf(NotFound);
    await expect(sourceCopy(ctx, c.clerk, { ...ref, sourceId: 2 ** 31 })).rejects.toBeInstanceOf(NotFound);
    expect((await addClaim(ctx, c.clerk, { ...ref, sourceId: 2 ** 31, claimant: 'x', text: 'y' }).catch((e) => e)).details.field).toBe('sourceId');
    await expect(getCase(ctx, c.otherMember, { panelId: c.islington.id, incidentId: inc.id })).rejects.toBeInstanceOf(NotFound);
    await expect(getCase(ctx, c.police, ref)).rejects.toBeInstanceOf(Forbidden);
    await expect(addClaim(ctx, c.clerk, { panelId: c.hackney.id, incidentId: 99999, sourceId: 1, claimant: 'x', text: 'y' })).rejects.toBeInstanceOf(NotFound);
    const other = await createIncident(ctx, c.clerk, { panelId: c.hackney.id, ...incident, title: 'Another incident' });
    const sourceOfFirst = (await getCase(ctx, c.clerk, ref)).sources[0].id;
    const err = await addClaim(ctx, c.clerk, { panelId: c.hackney.id, incidentId: other.id, sourceId: sourceOfFirst, claimant: 'x', text: 'y' }).catch((e) => e);
    expect(err).toBeInstanceOf(Invalid);
    expect(err.details.field).toBe('sourceId');
    const edited = await editIncident(ctx, c.chair, { panelId: c.hackney.id, incidentId: other.id, ...incident, title: 'Renamed', kinds: 'protest' });
    expect(edited).toMatchObject({ title: 'Renamed', kinds: ['protest'] });
  });

  it('refuses bad input with a clear message for each field', async () => {
    const [inc] = await listCases(ctx, c.member, c.hackney.id);
    const ref = { panelId: c.hackney.id, incidentId: inc.id };
    const bad = await createIncident(ctx, c.clerk, { panelId: c.hackney.id, title: '', startsOn: '21 July', endsOn: '2023-07-01', kinds: [] }).catch((e) => e);
    expect(bad).toBeInstanceOf(Invalid);
    expect(bad.details.fields).toMatchObject({ title: 'Enter a title.', startsOn: 'Enter a date, like 2023-07-21.', kinds: 'Choose at least one kind of incident.' });
    const backwards = await createIncident(ctx, c.clerk, { panelId: c.hackney.id, ...incident, endsOn: '2023-07-01' }).catch((e) => e);
    expect(backwards.details.fields.endsOn).toBe('The end cannot be before the start.');
    const half = await addPlace(ctx, c.clerk, { ...ref, name: 'Dalston Junction', latitude: '51.5' }).catch((e) => e);
    expect(half.details.fields.longitude).toBe('Give both the latitude and the longitude, or neither.');

    const source = { ...ref, kind: 'news article', title: 'A report', text: 'Some words.' };
    for (const url of ['http://127.0.0.1:3000/admin', 'http://localhost/', 'http://169.254.169.254/latest/meta-data', 'http://[::1]/', 'http://10.0.0.5/', 'http://192.168.1.1/', 'http://2130706433/', 'file:///etc/passwd', 'javascript:alert(1)']) {
      const err = await addSource(ctx, c.clerk, { ...source, url }).catch((e) => e);
      expect(err, url).toBeInstanceOf(Invalid);
      expect(err.details.field, url).toBe('url');
    }
    expect((await addSource(ctx, c.clerk, { ...source, url: 'https://www.hackneygazette.co.uk/news/ridley-road' })).url).toBe('https://www.hackneygazette.co.uk/news/ridley-road');
    await expect(addSource(ctx, c.clerk, { ...source, text: '' })).rejects.toThrow("Paste the source's text or upload a copy of it.");
    await expect(addSource(ctx, c.clerk, { ...source, text: 'x'.repeat(2000) })).rejects.toThrow('The file is too large: at most 1 KB is accepted.');

    const s = await addSource(ctx, c.clerk, { ...source, title: 'Short', text: 'Twelve chars' });
    const outside = await addClaim(ctx, c.clerk, { ...ref, sourceId: s.id, claimant: 'x', text: 'y', spanStart: '5', spanEnd: '40' }).catch((e) => e);
    expect(outside.message).toBe("The span must lie within the source's text: from 0 to 12 characters, its start before its end.");
    await expect(addClaim(ctx, c.clerk, { ...ref, sourceId: s.id, claimant: 'x', text: 'y', spanStart: '-1', spanEnd: '3' })).rejects.toBeInstanceOf(Invalid);
    await expect(addClaim(ctx, c.clerk, { ...ref, sourceId: s.id, claimant: 'x', text: 'y', spanStart: '6', spanEnd: '6' })).rejects.toBeInstanceOf(Invalid);
    await expect(addClaim(ctx, c.clerk, { ...ref, sourceId: s.id, claimant: 'x', text: 'y', quote: 'thirteen' })).rejects.toThrow("Those words are not in the source's text");
    const noReason = await decideClaim(ctx, c.clerk, { ...ref, claimId: 1, status: 'maybe', reason: '' }).catch((e) => e);
    expect(Object.keys(noReason.details.fields).sort()).toEqual(['reason', 'status']);
    const event = await addEvent(ctx, c.clerk, { ...ref, occurredOn: '2023-07-21', description: 'Something', sourceIds: [] }).catch((e) => e);
    expect(event.details.fields.sourceIds).toBe('Choose at least one source that supports this event.');
    const self = await relateClaims(ctx, c.clerk, { ...ref, fromClaimId: 1, toClaimId: 1, kind: 'supports' }).catch((e) => e);
    expect(self.details.fields.toClaimId).toBe('A claim cannot support or contradict itself.');
  });

  it('keeps text with HTML or script as plain text, and drops control characters', async () => {
    const [inc] = await listCases(ctx, c.member, c.hackney.id);
    const ref = { panelId: c.hackney.id, incidentId: inc.id };
    const s = await addSource(ctx, c.clerk, { ...ref, kind: 'social media post', title: '<script>alert(1)</script> post', text: 'It <b>was</b>\u0000 bad <img src=x onerror=alert(1)>' });
    expect(s.title).toBe('<script>alert(1)</script> post');
    expect(s.text).toBe('It <b>was</b> bad <img src=x onerror=alert(1)>');
  });

  it('keeps an uploaded copy under its hash, with its name stripped of any path and its type from its bytes', async () => {
    const [inc] = await listCases(ctx, c.member, c.hackney.id);
    const ref = { panelId: c.hackney.id, incidentId: inc.id };
    const pdf = new TextEncoder().encode('%PDF-1.4\n% a letter\n');
    const s = await addSource(ctx, c.clerk, { ...ref, kind: 'official letter', title: 'Letter from the borough commander', file: { name: '../../etc/letter.html', bytes: pdf } });
    expect(s).toMatchObject({ fileName: 'letter.html', mediaType: 'application/pdf', size: pdf.byteLength, text: '' });
    const copy = await sourceCopy(ctx, c.member, { ...ref, sourceId: s.id });
    expect(copy.bytes).toEqual(pdf);
    expect(fs.readdirSync(path.join(ctx.filesDir, 'tmp'))).toEqual([]);
    const spoof = await addSource(ctx, c.clerk, { ...ref, kind: 'official letter', title: 'Renamed', file: { name: 'letter\u202Efdp.exe', bytes: pdf } });
    expect(spoof.fileName).toBe('letterfdp.exe');
  });

  it('raises a question from a case in one transaction: a refused draft or a case not found leaves no question', async () => {
    const [inc] = await listCases(ctx, c.member, c.hackney.id);
    const ref = { panelId: c.hackney.id, incidentId: inc.id };
    const count = async () => (await ws.db.db.select().from(questions)).length;
    const before = await count();
    const q = await raiseQuestionFromCase(ctx, c.member, { ...ref, title: 'Searches near the market', body: 'How many searches were made near the market that day?' });
    expect(q).toMatchObject({ status: 'draft', title: 'Searches near the market' });
    expect((await getCase(ctx, c.member, ref)).questions.map((x) => x.id)).toContain(q.id);
    await expect(raiseQuestionFromCase(ctx, c.member, { ...ref, title: '', body: 'No title.' })).rejects.toBeInstanceOf(Invalid);
    await expect(raiseQuestionFromCase(ctx, c.member, { ...ref, incidentId: 999_999, title: 'Lost', body: 'A case that is not there.' })).rejects.toBeInstanceOf(NotFound);
    await expect(raiseQuestionFromCase(ctx, c.otherMember, { panelId: c.islington.id, incidentId: inc.id, title: 'Elsewhere', body: 'Not this panel.' })).rejects.toBeInstanceOf(NotFound);
    await expect(raiseQuestionFromCase(ctx, c.police, { ...ref, title: 'Police', body: 'Not for the police.' })).rejects.toBeInstanceOf(Forbidden);
    expect(await count()).toBe(before + 1);
  });

  it("shows where a question came from to those who may read the case, not to the police who answer it", async () => {
    const [inc] = await listCases(ctx, c.member, c.hackney.id);
    const q = await raiseQuestionFromCase(ctx, c.member, { panelId: c.hackney.id, incidentId: inc.id, title: 'Force at the stall', body: 'Was force used at the stall?' });
    const ref = { panelId: c.hackney.id, questionId: q.id };
    await expect(questionOrigins(ctx, c.member, ref)).resolves.toEqual({ cases: [{ id: inc.id, title: inc.title }], cia: null });
    // A draft is not there for the police at all; once sent to them, they see the question but not the case.
    await expect(questionOrigins(ctx, c.police, ref)).rejects.toBeInstanceOf(NotFound);
    if (c.police.kind !== 'user') throw new Error('the police respondent is a user');
    await sendQuestion(ctx, c.clerk, { ...ref, addresseeId: c.police.id });
    await expect(questionOrigins(ctx, c.police, ref)).resolves.toEqual({ cases: [], cia: null });
    await expect(questionOrigins(ctx, c.otherMember, ref)).rejects.toBeInstanceOf(NotFound);
    await expect(questionOrigins(ctx, c.otherMember, { panelId: c.islington.id, questionId: q.id })).rejects.toBeInstanceOf(NotFound);
  });
});
