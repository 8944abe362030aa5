import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymous } from '../../src/core/access/actor.ts';
import { addClaim, addEvent, addJusticeOutcome, addPlace, addReferral, addSource, createIncident, decideClaim, editIncident, relateClaims } from '../../src/core/cases/cases.ts';
import { previewCase, publicationForm, publishCase, publishedCase, publishedCases, redactor } from '../../src/core/cases/publish.ts';
import { auditLog, casePublications } from '../../src/core/db/schema.ts';
import { Forbidden, Invalid, NotFound } from '../../src/core/errors.ts';
import { databaseTargets } from '../support/databases.ts';
import { fakeClock } from '../support/fake-clock.ts';
import { cast, openWorkspace, type TestWorkspace } from '../support/workspace.ts';
import { caseContext } from './support.ts';

const policeText = 'Officers carried out a planned operation at Ridley Road Market. Two men were arrested. Sergeant Kell Brandt led the team.';
const witnessText = 'I am Mara Quell and I run the fruit stall. I saw four officers hold a young man against a stall.';

describe('redactor', () => {
  it('replaces whole words in any case, the longest first, and leaves parts of other words', () => {
    const r = redactor(['Kell Brandt', 'Kell', 'x']);
    expect(r('Kell Brandt said KELL was there; Kellogg was not.')).toBe('[redacted] said [redacted] was there; Kellogg was not.');
    expect(redactor([])('as it was')).toBe('as it was');
    expect(redactor(['a.b'])('a.b and axb')).toBe('[redacted] and axb');
  });
});

describe.each(databaseTargets())('publishing a case on $name', (target) => {
  let ws: TestWorkspace;
  let ctx: ReturnType<typeof caseContext>;
  let c: Awaited<ReturnType<typeof cast>>;
  let ref: { panelId: number; incidentId: number };
  let ids: { police: number; witness: number; footage: number; policeClaim: number; witnessClaim: number; event: number; referral: number; outcome: number };
  beforeAll(async () => {
    ws = await openWorkspace(target);
    c = await cast(ws);
    ws.clock = fakeClock(Date.UTC(2023, 7, 1, 9));
    ctx = caseContext(ws);
    const inc = await createIncident(ctx, c.clerk, { panelId: c.hackney.id, title: 'Ridley Road Market operation', summary: 'Internal: Sergeant Kell Brandt led it.', startsOn: '2023-07-21', kinds: ['operation'] });
    ref = { panelId: c.hackney.id, incidentId: inc.id };
    await addPlace(ctx, c.clerk, { ...ref, name: 'Ridley Road Market', latitude: '51.5477', longitude: '-0.0750' });
    const police = await addSource(ctx, c.clerk, { ...ref, kind: 'police statement', title: 'Statement on the market operation', publisher: 'Metropolitan Police', author: 'Press office', publishedOn: '2023-07-21', text: policeText });
    const witness = await addSource(ctx, c.clerk, { ...ref, kind: 'witness account', title: 'Account of Mara Quell', author: 'Mara Quell', publishedOn: '2023-07-22', text: witnessText });
    const footage = await addSource(ctx, c.clerk, { ...ref, kind: 'footage', title: 'Phone video', text: 'A video description.' });
    const policeClaim = await addClaim(ctx, c.clerk, { ...ref, sourceId: police.id, claimant: 'Metropolitan Police', text: 'Two men were arrested; Kell Brandt led the team.', quote: 'Two men were arrested.' });
    const witnessClaim = await addClaim(ctx, c.clerk, { ...ref, sourceId: witness.id, claimant: 'Mara Quell', text: 'Four officers held a young man against a stall.', quote: 'I saw four officers hold a young man against a stall.' });
    await relateClaims(ctx, c.clerk, { ...ref, fromClaimId: witnessClaim.id, toClaimId: policeClaim.id, kind: 'contradicts' });
    await decideClaim(ctx, c.chair, { ...ref, claimId: witnessClaim.id, status: 'disputed', reason: 'The police say no force was used; Mara Quell says otherwise.' });
    const event = await addEvent(ctx, c.clerk, { ...ref, occurredOn: '2023-07-21', occurredAt: '11:00', description: 'Officers arrive at the market.', sourceIds: [police.id, witness.id] });
    const referral = await addReferral(ctx, c.clerk, { ...ref, body: 'iopc', reference: '2023/123456 (complainant Mara Quell)', referredOn: '2023-07-25', status: 'referred', notes: 'Complainant: Mara Quell, 07700 900000' });
    const outcome = await addJusticeOutcome(ctx, c.clerk, { ...ref, kind: 'arrest', occurredOn: '2023-07-21', people: '2', description: 'Two men arrested for possession.', sourceId: police.id });
    ids = { police: police.id, witness: witness.id, footage: footage.id, policeClaim: policeClaim.id, witnessClaim: witnessClaim.id, event: event.id, referral: referral.id, outcome: outcome.id };
  });
  afterAll(async () => {
    ctx?.removeFiles();
    await ws?.dispose();
  });

  const chosen = () => ({
    ...ref,
    summary: 'A planned police operation at Ridley Road Market led by Kell Brandt; accounts differ about force.',
    sourceIds: [ids.police, ids.witness],
    eventIds: [ids.event],
    claimIds: [ids.policeClaim, ids.witnessClaim],
    referralIds: [ids.referral],
    outcomeIds: [ids.outcome],
    witnessText: { [ids.witness]: 'A stallholder saw officers hold a young man against a stall.' },
    redact: 'Kell Brandt\nBrandt'
  });

  it('lets only the clerk and chair choose, preview and publish; members and police cannot', async () => {
    const form = await publicationForm(ctx, c.clerk, ref);
    expect(form.versions).toEqual([]);
    // By default every public-kind source, no witness account, no footage.
    expect(form.choices.sourceIds).toEqual([ids.police]);
    for (const who of [c.member, c.police]) {
      await expect(publishCase(ctx, who, chosen())).rejects.toBeInstanceOf(Forbidden);
      await expect(publicationForm(ctx, who, ref)).rejects.toBeInstanceOf(Forbidden);
    }
    // Outside the panel: not found, as for any panel item.
    await expect(publishCase(ctx, c.otherMember, chosen())).rejects.toBeInstanceOf(NotFound);
    await expect(publishCase(ctx, anonymous, chosen())).rejects.toThrow();
    expect(await ws.db.db.select().from(casePublications)).toEqual([]);
    // Another panel's case is not found.
    await expect(publishCase(ctx, c.clerk, { ...chosen(), panelId: c.islington.id })).rejects.toBeInstanceOf(NotFound);
  });

  it('redacts: no witness name, the words listed replaced everywhere, no referral reference or notes, no footage', async () => {
    const { summary } = await previewCase(ctx, c.clerk, chosen());
    const json = JSON.stringify(summary);
    expect(json).not.toContain('Mara Quell');
    expect(json).not.toContain('Quell');
    expect(json).not.toContain('Brandt');
    expect(json).not.toContain('2023/123456');
    expect(json).not.toContain('07700');
    expect(json).not.toContain(witnessText.slice(0, 30));
    expect(summary.summary).toBe('A planned police operation at Ridley Road Market led by [redacted]; accounts differ about force.');
    expect(summary.sources).toEqual([
      expect.objectContaining({ n: 1, kind: 'police statement', title: 'Statement on the market operation', publisher: 'Metropolitan Police', text: null }),
      { n: 2, kind: 'witness account', title: 'A witness account', publisher: '', publishedOn: '2023-07-22', url: null, text: 'A stallholder saw officers hold a young man against a stall.' }
    ]);
    expect(summary.claims[0]).toMatchObject({ n: 1, claimant: 'Metropolitan Police', text: 'Two men were arrested; [redacted] led the team.', quote: 'Two men were arrested.', source: 1 });
    expect(summary.claims[1]).toMatchObject({ n: 2, claimant: 'A witness', quote: null, status: 'disputed', reason: 'The police say no force was used; [redacted] says otherwise.', relations: [{ kind: 'contradicts', direction: 'to', claim: 1 }] });
    expect(summary.events).toEqual([{ occurredOn: '2023-07-21', occurredAt: '11:00', description: 'Officers arrive at the market.', sources: [1, 2] }]);
    expect(summary.referrals).toEqual([{ body: 'iopc', referredOn: '2023-07-25', mode: null, status: 'referred', outcome: null, outcomeOn: null, reviewRequested: false }]);
    expect(summary.outcomes).toEqual([{ kind: 'arrest', occurredOn: '2023-07-21', people: 2, description: 'Two men arrested for possession.', source: 1 }]);
    expect(summary.places).toEqual([{ name: 'Ridley Road Market', ward: 'Dalston', borough: 'Hackney' }]);

    await expect(previewCase(ctx, c.clerk, { ...chosen(), witnessText: {} })).rejects.toMatchObject({ details: { field: `witnessText.${ids.witness}` } });
    await expect(previewCase(ctx, c.clerk, { ...chosen(), sourceIds: [ids.footage] })).rejects.toBeInstanceOf(Invalid);
    await expect(previewCase(ctx, c.clerk, { ...chosen(), claimIds: [999999] })).rejects.toMatchObject({ details: { field: 'claimIds' } });
    await expect(previewCase(ctx, c.clerk, { ...chosen(), summary: '' })).rejects.toMatchObject({ details: { field: 'summary' } });
    // Without the witness account, its claim still hides who made it.
    const without = await previewCase(ctx, c.clerk, { ...chosen(), sourceIds: [ids.police], witnessText: {} });
    expect(JSON.stringify(without.summary)).not.toContain('Quell');
    expect(without.summary.claims[1]).toMatchObject({ claimant: 'A witness', source: null, quote: null });
  });

  it('publishes immutable versions; the public sees the latest and every earlier one', async () => {
    expect((await publishedCases(ws, anonymous, 'hackney')).cases).toEqual([]);
    await expect(publishedCase(ws, anonymous, { borough: 'hackney', incidentId: ref.incidentId })).rejects.toBeInstanceOf(NotFound);
    const v1 = await publishCase(ctx, c.clerk, chosen());
    expect(v1.version).toBe(1);
    await editIncident(ctx, c.clerk, { ...ref, title: 'Ridley Road Market operation, July 2023', summary: 'x', startsOn: '2023-07-21', kinds: ['operation'] });
    const form = await publicationForm(ctx, c.chair, ref);
    expect(form.choices.redact).toEqual(['Kell Brandt', 'Brandt']);
    expect(form.versions.map((v) => v.version)).toEqual([1]);
    const v2 = await publishCase(ctx, c.chair, { ...chosen(), summary: 'Updated: an IOPC referral was made.', claimIds: [ids.policeClaim] });
    expect(v2.version).toBe(2);

    const list = await publishedCases(ws, anonymous, 'hackney');
    expect(list.cases).toEqual([expect.objectContaining({ incidentId: ref.incidentId, title: 'Ridley Road Market operation, July 2023', version: 2 })]);
    const latest = await publishedCase(ws, anonymous, { borough: 'hackney', incidentId: ref.incidentId });
    expect(latest.version).toBe(2);
    expect(latest.summary.claims).toHaveLength(1);
    expect(latest.versions.map((v) => v.version)).toEqual([2, 1]);
    const first = await publishedCase(ws, c.police, { borough: 'hackney', incidentId: ref.incidentId, version: 1 });
    expect(first.summary.title).toBe('Ridley Road Market operation');
    expect(first.summary.claims).toHaveLength(2);

    // A published version cannot be changed, even directly in the database.
    await expect(ws.db.db.update(casePublications).set({ version: 7 }).where(eq(casePublications.id, v1.id))).rejects.toThrow();
    await expect(ws.db.db.execute(sql`update case_publications set summary = '{}' where id = ${v1.id}`)).rejects.toThrow();
    expect((await publishedCase(ws, anonymous, { borough: 'hackney', incidentId: ref.incidentId, version: 1 })).summary.claims).toHaveLength(2);

    // Another borough, an unknown version or a tampered id: not found.
    await expect(publishedCase(ws, anonymous, { borough: 'islington', incidentId: ref.incidentId })).rejects.toBeInstanceOf(NotFound);
    await expect(publishedCase(ws, anonymous, { borough: 'hackney', incidentId: ref.incidentId, version: 3 })).rejects.toBeInstanceOf(NotFound);
    await expect(publishedCase(ws, anonymous, { borough: 'hackney', incidentId: 2 ** 40 })).rejects.toBeInstanceOf(NotFound);
    await expect(publishedCases(ws, anonymous, 'atlantis')).rejects.toBeInstanceOf(NotFound);

    const log = await ws.db.db.select().from(auditLog).where(eq(auditLog.action, 'case.publish'));
    expect(log.map((l) => (l.details as { version: number }).version)).toEqual([1, 2]);
    expect(JSON.stringify(log)).not.toContain('Quell');
  });
});
