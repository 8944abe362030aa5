import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { actorId, type Actor } from '../access/actor.ts';
import { requireAccess } from '../access/require-access.ts';
import { write } from '../audit/write.ts';
import { caseEvents, caseEventSources, caseSources, claims, incidentPlaces, incidents, justiceOutcomes, type CaseSource, type JusticeOutcomeKind } from '../db/schema.ts';
import { isRowId } from '../db/ids.ts';
import { Invalid } from '../errors.ts';
import type { Kind } from '../extract/highlight.ts';
import { defaultSaveAs, saveAsFor, sentenceAround, type SaveAs } from './save-as.ts';
import { parse } from '../panels/input.ts';
import { loadIncident, type CaseContext } from './cases.ts';
import { placeInput, sourceInput } from './input.ts';
import type { PlaceAreas } from './places.ts';

/** A day that exists in the calendar (not 2024-02-31), as a YYYY-MM-DD string. */
const calendarDay = z.iso.date();

export { defaultSaveAs, saveAsChoices, saveAsFor, sentenceAround, type SaveAs } from './save-as.ts';

/** An accepted (or corrected) suggestion: its value as the clerk left it and its span of the text. */
export interface SaveItem {
  ref?: string;
  kind: Kind;
  value: string;
  text: string;
  start: number;
  end: number;
  as?: SaveAs;
  /** A place's coordinates, optional (both or neither): with them its ward and borough are found, as on the record page. */
  latitude?: string | number | null;
  longitude?: string | number | null;
}

/**
 * Maps offsets in the posted text to the same place in the source's text when the two differ only in
 * line ends ("\r\n", as a browser posts a textarea, or "\n"): through the text with "\n" line ends.
 */
function offsetMapper(posted: string, stored: string): (i: number) => number {
  if (posted === stored) return (i) => i;
  const toLf: number[] = [];
  let n = 0;
  for (let i = 0; i <= posted.length; i++) {
    toLf.push(n);
    if (!(posted[i] === '\r' && posted[i + 1] === '\n')) n++;
  }
  const fromLf: number[] = [];
  for (let i = 0; i < stored.length; i++) if (!(stored[i] === '\r' && stored[i + 1] === '\n')) fromLf.push(i);
  fromLf.push(stored.length);
  return (i) => fromLf[toLf[i]];
}
const lf = (s: string) => s.replace(/\r\n/g, '\n');
const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

export interface SaveRequest {
  panelId: number;
  incidentId: number;
  /** An existing source of the case whose text was extracted; or else `source`, a new one with this text. */
  sourceId?: number | null;
  source?: Record<string, unknown> | null;
  text: string;
  items: SaveItem[];
}

export interface Saved {
  sourceId: number;
  claims: number;
  events: number;
  places: number;
  outcomes: number;
}

/**
 * Saves the accepted suggestions of a source's text into a case, in one transaction: quotes become
 * claims (the speaker as claimant, the quote's offsets as the span), dates timeline events supported
 * by the source, places the case's places (a name already there is not added twice; with
 * coordinates, their ward and borough from the loaded boundaries), counts claims
 * or arrests, charges and convictions. The text is an existing source's (the same text, line ends
 * aside) or becomes a new source of the case.
 */
export async function saveSuggestions(ctx: CaseContext, actor: Actor, raw: SaveRequest): Promise<Saved> {
  requireAccess(actor, 'case.edit', { panelId: raw.panelId });
  const ref = { panelId: raw.panelId, incidentId: raw.incidentId };
  const text = raw.text;
  const existing = raw.sourceId !== undefined && raw.sourceId !== null;
  if (existing && !isRowId(raw.sourceId!)) throw new Invalid("Choose from this case's sources.", { field: 'sourceId' });
  const meta = existing ? null : parse(sourceInput, { ...(raw.source ?? {}), text });
  for (const item of raw.items) {
    if (!Number.isInteger(item.start) || !Number.isInteger(item.end) || item.start < 0 || item.end > text.length || item.start >= item.end || text.slice(item.start, item.end) !== item.text)
      throw new Invalid(`“${clip(item.text, 60)}” is not at characters ${item.start}–${item.end} of the text.`, { field: 'text' });
    const as = item.as ?? defaultSaveAs(item, text);
    if (!saveAsFor[item.kind].includes(as)) throw new Invalid(`A ${item.kind.replace(/s$/, '')} cannot be saved as ${as}.`, { field: `as-${item.ref ?? ''}` });
    if (as !== 'skip' && !item.value.trim()) throw new Invalid(`Write ${item.kind === 'quotes' ? 'who said' : 'the value of'} “${clip(item.text, 60)}”, or skip it.`, { field: `value-${item.ref ?? ''}` });
    if (as === 'event' && !calendarDay.safeParse(item.value.trim()).success) throw new Invalid(`Write the day of “${clip(item.text, 60)}” as a real date, YYYY-MM-DD.`, { field: `value-${item.ref ?? ''}` });
  }
  // Places with coordinates get their ward and borough from the loaded boundaries, before the transaction.
  const located = new Map<SaveItem, { latitude: number | null; longitude: number | null } & Partial<PlaceAreas>>();
  for (const item of raw.items.filter((i) => (i.as ?? defaultSaveAs(i, text)) === 'place')) {
    const blank = (v: unknown) => v === undefined || v === null || v === '';
    if (blank(item.latitude) && blank(item.longitude)) continue;
    let place;
    try {
      place = parse(placeInput, { name: item.value, latitude: item.latitude, longitude: item.longitude });
    } catch (err) {
      if (err instanceof Invalid) throw new Invalid(`${item.value}: ${err.message}`, { field: `${err.details.field === 'latitude' ? 'lat' : 'lon'}-${item.ref ?? ''}` });
      throw err;
    }
    located.set(item, { latitude: place.latitude!, longitude: place.longitude!, ...(await ctx.areas(place.longitude!, place.latitude!)) });
  }
  await loadIncident(ctx.db.db, ref);
  const stored = meta ? await ctx.files.put(new TextEncoder().encode(text)) : null;

  return write(ctx, actor, async (tx, audit) => {
    const incident = await loadIncident(tx, ref);
    let source: CaseSource;
    if (meta) {
      [source] = await tx
        .insert(caseSources)
        .values({
          ...ref,
          kind: meta.kind,
          title: meta.title,
          publisher: meta.publisher,
          author: meta.author,
          url: meta.url ?? null,
          publishedOn: meta.publishedOn ?? null,
          retrievedAt: ctx.clock.now(),
          text,
          sha256: stored!.sha256,
          size: stored!.size,
          fileName: null,
          mediaType: 'text/plain; charset=utf-8',
          createdBy: actorId(actor)
        })
        .returning();
      await audit({ action: 'case.edit', entity: { type: 'case-source', id: source.id }, panelId: ref.panelId, details: { incidentId: ref.incidentId, kind: source.kind, title: source.title, url: source.url, sha256: source.sha256, size: source.size, from: 'extraction' } });
    } else {
      const [found] = await tx.select().from(caseSources).where(and(eq(caseSources.id, raw.sourceId!), eq(caseSources.incidentId, ref.incidentId), eq(caseSources.panelId, ref.panelId)));
      if (!found) throw new Invalid("Choose from this case's sources.", { field: 'sourceId' });
      if (lf(found.text) !== lf(text)) throw new Invalid("The text is not the source's text: extract from the source itself, or save the text as a new source.", { field: 'sourceId' });
      source = found;
    }
    const at = offsetMapper(text, source.text);
    const body = source.text;
    const sentence = (i: SaveItem) => {
      const s = sentenceAround(text, i.start, i.end);
      return { start: at(s.start), end: at(s.end), text: body.slice(at(s.start), at(s.end)) };
    };
    const fallbackClaimant = source.publisher || source.title;
    const quotes = raw.items.filter((i) => i.kind === 'quotes' && (i.as ?? 'claim') === 'claim');
    const saved: Saved = { sourceId: source.id, claims: 0, events: 0, places: 0, outcomes: 0 };
    const known = new Set((await tx.select({ name: incidentPlaces.name }).from(incidentPlaces).where(eq(incidentPlaces.incidentId, incident.id))).map((p) => p.name.toLowerCase()));
    const addClaim = async (claimant: string, claimText: string, span: { start: number; end: number }) => {
      const [claim] = await tx.insert(claims).values({ ...ref, sourceId: source.id, claimant: clip(claimant, 200), text: clip(claimText, 2000), spanStart: span.start, spanEnd: span.end }).returning();
      await audit({ action: 'case.edit', entity: { type: 'claim', id: claim.id }, panelId: ref.panelId, details: { incidentId: ref.incidentId, sourceId: source.id, claimant: claim.claimant, span, from: 'extraction' } });
      saved.claims++;
    };

    for (const item of raw.items) {
      const as = item.as ?? defaultSaveAs(item, text);
      const value = item.value.trim();
      if (as === 'skip') continue;
      if (as === 'claim' && item.kind === 'quotes') {
        await addClaim(value, item.text, { start: at(item.start), end: at(item.end) });
      } else if (as === 'claim') {
        // A count inside a quote is the speaker's claim; elsewhere the source's own.
        const inQuote = quotes.find((q) => q.start <= item.start && item.end <= q.end);
        const s = sentence(item);
        await addClaim(inQuote?.value.trim() || fallbackClaimant, s.text, s);
      } else if (as === 'event') {
        const s = sentence(item);
        const [event] = await tx.insert(caseEvents).values({ ...ref, occurredOn: value, occurredAt: null, description: clip(s.text, 2000) }).returning();
        await tx.insert(caseEventSources).values({ eventId: event.id, sourceId: source.id });
        await audit({ action: 'case.edit', entity: { type: 'case-event', id: event.id }, panelId: ref.panelId, details: { incidentId: ref.incidentId, occurredOn: event.occurredOn, sourceIds: [source.id], from: 'extraction' } });
        saved.events++;
      } else if (as === 'place') {
        if (known.has(value.toLowerCase())) continue;
        known.add(value.toLowerCase());
        const [place] = await tx.insert(incidentPlaces).values({ ...ref, name: clip(value, 200), latitude: null, longitude: null, ...located.get(item) }).returning();
        await audit({ action: 'case.edit', entity: { type: 'incident-place', id: place.id }, panelId: ref.panelId, details: { incidentId: ref.incidentId, name: place.name, wardCode: place.wardCode, boroughCode: place.boroughCode, from: 'extraction' } });
        saved.places++;
      } else {
        const s = sentence(item);
        const around = sentenceAround(text, item.start, item.end);
        const day = raw.items.find((d) => d.kind === 'dates' && d.start >= around.start && d.end <= around.end && calendarDay.safeParse(d.value.trim()).success);
        const people = Math.max(1, Math.min(10000, parseInt(value, 10) || 1));
        const [outcome] = await tx
          .insert(justiceOutcomes)
          .values({ ...ref, kind: as as JusticeOutcomeKind, occurredOn: day?.value.trim() ?? source.publishedOn ?? incident.startsOn, people, description: clip(s.text, 2000), sourceId: source.id })
          .returning();
        await audit({ action: 'case.edit', entity: { type: 'justice-outcome', id: outcome.id }, panelId: ref.panelId, details: { incidentId: ref.incidentId, kind: outcome.kind, occurredOn: outcome.occurredOn, people, sourceId: source.id, from: 'extraction' } });
        saved.outcomes++;
      }
    }
    await tx.update(incidents).set({ updatedAt: ctx.clock.now() }).where(eq(incidents.id, incident.id));
    return saved;
  });
}
