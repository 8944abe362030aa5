import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addPlace, addSource, createIncident } from '../../src/core/cases/cases.ts';
import { getCase } from '../../src/core/cases/read.ts';
import { defaultSaveAs, saveSuggestions, sentenceAround, type SaveItem } from '../../src/core/cases/save-suggestions.ts';
import { auditLog, caseSources } from '../../src/core/db/schema.ts';
import { Forbidden, Invalid, NotFound } from '../../src/core/errors.ts';
import { extract } from '../../src/core/extract/extract.ts';
import { reviewSuggestions } from '../../src/core/extract/review.ts';
import { databaseTargets } from '../support/databases.ts';
import { fakeClock } from '../support/fake-clock.ts';
import { cast, openWorkspace, type TestWorkspace } from '../support/workspace.ts';
import { caseContext } from './support.ts';

// A short report written for this test (fictional).
const article = [
  'Police searched stalls at Ridley Road Market on Friday morning.',
  '"We were told nothing before the officers arrived," said Ama Boateng, who runs a fruit stall.',
  'Eight people were charged with possession of drugs, the Metropolitan Police said.',
  'About 40 officers took part in the operation near Dalston Kingsland station.'
].join('\n');

/** Every suggestion accepted as it is, as the extract page's review gives them. */
function accepted(text: string): SaveItem[] {
  return reviewSuggestions(extract(text, { published: '2023-07-24' }), () => ({ decision: 'accept' })).map((r) => ({ ref: r.ref, kind: r.kind, value: r.value, text: r.text, start: r.start, end: r.end }));
}

describe('what a suggestion becomes by default', () => {
  it('reads charges, arrests and convictions from the words after the count', () => {
    const items = accepted(article);
    const charged = items.find((i) => i.kind === 'quantities' && i.text.startsWith('Eight'))!;
    const officers = items.find((i) => i.kind === 'quantities' && i.text.includes('40'))!;
    expect(defaultSaveAs(charged, article)).toBe('charge');
    expect(defaultSaveAs(officers, article)).toBe('claim');
    expect(defaultSaveAs({ kind: 'quantities', start: 0, end: 3 }, 'Two men were arrested.')).toBe('arrest');
    expect(defaultSaveAs({ kind: 'quantities', start: 0, end: 5 }, 'Three people were convicted.')).toBe('conviction');
    expect(sentenceAround(article, article.indexOf('Eight'), article.indexOf('Eight') + 5)).toEqual({ start: article.indexOf('Eight'), end: article.indexOf('said.') + 5 });
  });
});

describe.each(databaseTargets())('saving suggestions into a case on $name', (target) => {
  let ws: TestWorkspace;
  let ctx: ReturnType<typeof caseContext>;
  let c: Awaited<ReturnType<typeof cast>>;
  let ref: { panelId: number; incidentId: number };
  beforeAll(async () => {
    ws = await openWorkspace(target);
    c = await cast(ws);
    ws.clock = fakeClock(Date.UTC(2023, 6, 24, 9));
    ctx = caseContext(ws);
    const inc = await createIncident(ctx, c.clerk, { panelId: c.hackney.id, title: 'Market operation', startsOn: '2023-07-21', kinds: ['operation'] });
    ref = { panelId: c.hackney.id, incidentId: inc.id };
    await addPlace(ctx, c.clerk, { ...ref, name: 'Ridley Road Market', latitude: '51.5477', longitude: '-0.0750' });
  });
  afterAll(async () => {
    ctx?.removeFiles();
    await ws?.dispose();
  });

  it('saves the pasted text as a new source with claims, events, places and outcomes, in one audited change', async () => {
    const items = accepted(article);
    const source = { kind: 'news article', title: 'Market searched', publisher: 'Dalston Dispatch (demonstration)', publishedOn: '2023-07-24' };
    await expect(saveSuggestions(ctx, c.member, { ...ref, source, text: article, items })).rejects.toBeInstanceOf(Forbidden);
    await expect(saveSuggestions(ctx, c.otherMember, { ...ref, source, text: article, items })).rejects.toBeInstanceOf(NotFound);
    // A place's coordinates must be both given and in range.
    const station = (lat: string, lon: string) => items.map((i) => (i.text === 'Dalston Kingsland station' ? { ...i, latitude: lat, longitude: lon } : i));
    await expect(saveSuggestions(ctx, c.clerk, { ...ref, source, text: article, items: station('95', '-0.0757') })).rejects.toMatchObject({ details: { field: `lat-${items.find((i) => i.kind === 'places' && i.text.startsWith('Dalston'))!.ref}` } });
    await expect(saveSuggestions(ctx, c.clerk, { ...ref, source, text: article, items: station('51.5481', '') })).rejects.toBeInstanceOf(Invalid);
    const saved = await saveSuggestions(ctx, c.clerk, { ...ref, source, text: article, items: station('51.5481', '-0.0757') });
    expect(saved).toMatchObject({ claims: 2, events: 1, places: 1, outcomes: 1 });

    const view = await getCase(ctx, c.clerk, ref);
    const quote = view.claims.find((cl) => cl.claimant === 'Ama Boateng')!;
    expect(quote.quote).toBe('We were told nothing before the officers arrived,');
    expect(article.slice(quote.spanStart!, quote.spanEnd!)).toBe(quote.quote);
    // The count outside a quote is the source's own claim, with its sentence as the span.
    expect(view.claims.find((cl) => cl.claimant === 'Dalston Dispatch (demonstration)')?.quote).toBe('About 40 officers took part in the operation near Dalston Kingsland station.');
    expect(view.events).toEqual([expect.objectContaining({ occurredOn: '2023-07-21', description: 'Police searched stalls at Ridley Road Market on Friday morning.', sourceIds: [saved.sourceId] })]);
    // Ridley Road Market was there already; the station is new.
    expect(view.places.map((p) => [p.name, p.wardName, p.boroughName])).toEqual([
      ['Ridley Road Market', 'Dalston', 'Hackney'],
      ['Dalston Kingsland station', 'Dalston', 'Hackney']
    ]);
    expect(view.outcomes).toEqual([expect.objectContaining({ kind: 'charge', people: 8, occurredOn: '2023-07-24', sourceId: saved.sourceId })]);
    const [row] = await ws.db.db.select().from(caseSources).where(eq(caseSources.id, saved.sourceId));
    expect(row).toMatchObject({ kind: 'news article', text: article, mediaType: 'text/plain; charset=utf-8' });
    const log = await ws.db.db.select().from(auditLog).where(eq(auditLog.panelId, ref.panelId));
    expect(log.filter((l) => (l.details as { from?: string }).from === 'extraction').map((l) => l.entityType).sort()).toEqual(['case-event', 'case-source', 'claim', 'claim', 'incident-place', 'justice-outcome']);
  });

  it('saves into an existing source, as corrected and chosen, even when the form posts CRLF line ends', async () => {
    const stored = article.replace('Friday morning', 'Friday');
    const src = await addSource(ctx, c.clerk, { ...ref, kind: 'police statement', title: 'Statement', publisher: 'Metropolitan Police', text: stored });
    const posted = stored.replace(/\n/g, '\r\n');
    const items = accepted(posted);
    const quote = items.find((i) => i.kind === 'quotes')!;
    const charged = items.find((i) => i.text.startsWith('Eight'))!;
    const chosen: SaveItem[] = [
      { ...quote, value: 'Ama Boateng, stallholder' },
      { ...charged, as: 'claim' },
      ...items.filter((i) => i.kind === 'dates').map((i) => ({ ...i, as: 'skip' as const }))
    ];
    const saved = await saveSuggestions(ctx, c.chair, { ...ref, sourceId: src.id, text: posted, items: chosen });
    expect(saved).toMatchObject({ sourceId: src.id, claims: 2, events: 0, places: 0, outcomes: 0 });
    const view = await getCase(ctx, c.clerk, ref);
    const claims = view.claims.filter((cl) => cl.sourceId === src.id);
    expect(claims.map((cl) => [cl.claimant, cl.quote])).toEqual([
      ['Ama Boateng, stallholder', 'We were told nothing before the officers arrived,'],
      ['Metropolitan Police', 'Eight people were charged with possession of drugs, the Metropolitan Police said.']
    ]);

    // Another text, a span that is not there, a wrong choice, a blank speaker: refused, nothing saved.
    await expect(saveSuggestions(ctx, c.clerk, { ...ref, sourceId: src.id, text: 'Other words entirely.', items: [] })).rejects.toMatchObject({ details: { field: 'sourceId' } });
    await expect(saveSuggestions(ctx, c.clerk, { ...ref, sourceId: src.id, text: posted, items: [{ ...quote, start: quote.start + 1 }] })).rejects.toBeInstanceOf(Invalid);
    await expect(saveSuggestions(ctx, c.clerk, { ...ref, sourceId: src.id, text: posted, items: [{ ...quote, as: 'place' }] })).rejects.toBeInstanceOf(Invalid);
    await expect(saveSuggestions(ctx, c.clerk, { ...ref, sourceId: src.id, text: posted, items: [{ ...quote, value: ' ' }] })).rejects.toMatchObject({ details: { field: `value-${quote.ref}` } });
    const aDate = items.find((i) => i.kind === 'dates')!;
    await expect(saveSuggestions(ctx, c.clerk, { ...ref, sourceId: src.id, text: posted, items: [{ ...aDate, as: 'event', value: '2023-02-31' }] })).rejects.toThrow(/as a real date/);
    await expect(saveSuggestions(ctx, c.clerk, { ...ref, sourceId: 2 ** 40, text: posted, items: [] })).rejects.toBeInstanceOf(Invalid);
    await expect(saveSuggestions(ctx, c.clerk, { ...ref, source: { kind: 'rumour', title: '' }, text: posted, items: [] })).rejects.toBeInstanceOf(Invalid);
    expect((await getCase(ctx, c.clerk, ref)).claims.filter((cl) => cl.sourceId === src.id)).toHaveLength(2);
  });
});
