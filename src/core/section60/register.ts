import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import { actorId, type Actor } from '../access/actor.ts';
import { requireAccess } from '../access/require-access.ts';
import type { Tx } from '../audit/append.ts';
import { write, type WorkflowContext } from '../audit/write.ts';
import type { Context } from '../context.ts';
import {
  panels,
  section60Authorisations,
  section60Extensions,
  section60Notices,
  type Panel,
  type Section60Authorisation,
  type Section60Extension,
  type Section60Notice
} from '../db/schema.ts';
import { isRowId } from '../db/ids.ts';
import type { AreaGeometry } from '../geo/types.ts';
import { areasInUse } from '../figures/area.ts';
import { Invalid, NotFound } from '../errors.ts';
import { londonInstant } from '../meetings/time.ts';
import { boroughByCode } from '../panels/boroughs.ts';
import { parse } from '../panels/input.ts';
import type { z } from 'zod';
import { londonDay } from '../questions/working-days.ts';
import { authorisationInput, extensionInput, noticeInput, type AuthorisationInput, type ExtensionInput, type NoticeInput } from './input.ts';
import { checkAuthorisation, checkExtension, hoursBetween } from './rules.ts';
import { section60Searches, type Section60Data } from './searches.ts';
import type { Warehouse } from '../warehouse/warehouse.ts';

/** The register reads the warehouse (wards, searches) as well as the workflow database. */
export type Section60Context = Pick<Context, 'db' | 'clock' | 'warehouse'>;

export interface AuthorisationSummary extends Section60Authorisation {
  extension: Section60Extension | null;
  /** The extension's new end, or the end first authorised. */
  effectiveEnd: Date;
  hours: number;
  /** Section 60 searches found in its area and time; null when the data of its month(s) is not loaded. */
  searches: number | null;
}

export interface AuthorisationView {
  authorisation: Section60Authorisation;
  extension: Section60Extension | null;
  effectiveEnd: Date;
  hours: number;
  notices: Section60Notice[];
  data: Section60Data;
}

type Db = WorkflowContext['db']['db'] | Tx;

async function loadPanel(db: Db, panelId: number): Promise<Panel> {
  const [panel] = await db.select().from(panels).where(eq(panels.id, panelId));
  if (!panel) throw new NotFound('There is nothing at this address.');
  return panel;
}

async function loadAuthorisation(db: Db, panelId: number, id: number): Promise<Section60Authorisation> {
  const [row] = isRowId(id)
    ? await db.select().from(section60Authorisations).where(and(eq(section60Authorisations.id, id), eq(section60Authorisations.panelId, panelId)))
    : [];
  if (!row) throw new NotFound('There is nothing at this address.');
  return row;
}

/** The wards of the panel's borough in the boundary files loaded, by name. */
export async function boroughWards(ctx: Section60Context, actor: Actor, panelId: number): Promise<{ code: string; name: string }[]> {
  requireAccess(actor, 'section60.list', { panelId });
  const panel = await loadPanel(ctx.db.db, panelId);
  return wardsOf(ctx.warehouse, panel.boroughCode);
}

async function wardsOf(wh: Warehouse, borough: string): Promise<{ code: string; name: string }[]> {
  return (await areasInUse(wh))
    .filter((a) => a.level === 'ward' && a.parentCode === borough)
    .map((a) => ({ code: a.code, name: a.name }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

const formOrder = ['reference', 'officer', 'rank', 'startDay', 'startTime', 'endDay', 'endTime', 'wards', 'polygon', 'groundsKind', 'grounds'];

/**
 * The form's fields and the legal rule checked together, so that one submission hears of every
 * problem (a rank below inspector and no wards chosen, say), not one at a time.
 */
function parseWithRule(raw: Partial<AuthorisationInput>): z.output<typeof authorisationInput> {
  const fields: Record<string, string> = {};
  const parsed = authorisationInput.safeParse(raw);
  if (!parsed.success) for (const issue of parsed.error.issues) fields[issue.path.join('.')] ??= issue.message;
  const blank = (v: unknown) => v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);
  if (blank(raw.wards) && blank(raw.polygon)) fields.wards ??= 'Choose at least one ward, or paste an area: the area the authorisation covers.';
  const part = authorisationInput.pick({ rank: true, startDay: true, startTime: true, endDay: true, endTime: true }).safeParse(raw);
  if (part.success) {
    try {
      checkAuthorisation({ rank: part.data.rank, startsAt: londonInstant(part.data.startDay, part.data.startTime), endsAt: londonInstant(part.data.endDay, part.data.endTime) });
    } catch (err) {
      if (!(err instanceof Invalid)) throw err;
      Object.assign(fields, err.details.fields as Record<string, string>);
    }
  }
  const ordered = Object.fromEntries(Object.entries(fields).sort(([a], [b]) => formOrder.indexOf(a) - formOrder.indexOf(b)));
  const [first] = Object.keys(ordered);
  if (first) throw new Invalid(ordered[first], { field: first, fields: ordered });
  return parsed.data!;
}

/**
 * Records an authorisation as the police gave it. Refused, naming the field: a rank below inspector,
 * an end not after the start or more than 24 hours after it, no wards, wards not in the panel's borough.
 */
export async function recordAuthorisation(ctx: Section60Context, actor: Actor, raw: { panelId: number } & Partial<AuthorisationInput>): Promise<Section60Authorisation> {
  requireAccess(actor, 'section60.record', { panelId: raw.panelId });
  const input = parseWithRule(raw);
  const startsAt = londonInstant(input.startDay, input.startTime);
  const endsAt = londonInstant(input.endDay, input.endTime);
  const panel = await loadPanel(ctx.db.db, raw.panelId);
  const borough = boroughByCode(panel.boroughCode)?.name ?? panel.name;
  const known = await wardsOf(ctx.warehouse, panel.boroughCode);
  if (known.length === 0 && input.wards.length) throw new Invalid(`No ward boundaries of ${borough} are loaded, so no area can be chosen: import the ward boundaries first (docs/import.md).`, { field: 'wards' });
  const byCode = new Map(known.map((w) => [w.code, w]));
  const strangers = [...new Set(input.wards)].filter((w) => !byCode.has(w));
  if (strangers.length) throw new Invalid(`Choose wards of ${borough}: ${strangers.join(', ')} ${strangers.length === 1 ? 'is not one' : 'are not'}.`, { field: 'wards' });
  const wards = [...new Set(input.wards)].map((w) => byCode.get(w)!);
  return write(ctx, actor, async (tx, audit) => {
    const [clash] = await tx.select({ id: section60Authorisations.id }).from(section60Authorisations).where(and(eq(section60Authorisations.panelId, panel.id), eq(section60Authorisations.reference, input.reference)));
    if (clash) throw new Invalid(`The register already has an authorisation with the reference "${input.reference}".`, { field: 'reference' });
    const [row] = await tx
      .insert(section60Authorisations)
      .values({ panelId: panel.id, reference: input.reference, officer: input.officer, rank: input.rank, startsAt, endsAt, wards, polygon: input.polygon, groundsKind: input.groundsKind, grounds: input.grounds, createdBy: actorId(actor), createdAt: ctx.clock.now() })
      .returning();
    await audit({
      action: 'section60.record',
      entity: { type: 'section60_authorisation', id: row.id },
      panelId: panel.id,
      details: { reference: row.reference, rank: row.rank, startsAt: startsAt.toISOString(), endsAt: endsAt.toISOString(), wards: wards.map((w) => w.code), polygon: input.polygon !== null, groundsKind: row.groundsKind }
    });
    return row;
  });
}

/** Records the one extension the law allows: by a superintendent or above, by at most 24 hours. */
export async function extendAuthorisation(ctx: WorkflowContext, actor: Actor, raw: { panelId: number; authorisationId: number } & Partial<ExtensionInput>): Promise<Section60Extension> {
  requireAccess(actor, 'section60.record', { panelId: raw.panelId });
  const input = parse(extensionInput, raw);
  const newEndsAt = londonInstant(input.newEndDay, input.newEndTime);
  return write(ctx, actor, async (tx, audit) => {
    const a = await loadAuthorisation(tx, raw.panelId, raw.authorisationId);
    const [before] = await tx.select({ id: section60Extensions.id }).from(section60Extensions).where(eq(section60Extensions.authorisationId, a.id));
    checkExtension({ startsAt: a.startsAt, endsAt: a.endsAt, extended: Boolean(before) }, { rank: input.rank, newEndsAt });
    const [row] = await tx
      .insert(section60Extensions)
      .values({ panelId: raw.panelId, authorisationId: a.id, officer: input.officer, rank: input.rank, newEndsAt, reason: input.reason, createdAt: ctx.clock.now() })
      .returning();
    await audit({ action: 'section60.record', entity: { type: 'section60_extension', id: row.id }, panelId: raw.panelId, details: { authorisationId: a.id, rank: row.rank, newEndsAt: newEndsAt.toISOString() } });
    return row;
  });
}

/** Records how the public was told of an authorisation; a link must be to a public web page. */
export async function addNotice(ctx: WorkflowContext, actor: Actor, raw: { panelId: number; authorisationId: number } & Partial<NoticeInput>): Promise<Section60Notice> {
  requireAccess(actor, 'section60.record', { panelId: raw.panelId });
  const input = parse(noticeInput, raw);
  const noticeAt = londonInstant(input.noticeDay, input.noticeTime);
  return write(ctx, actor, async (tx, audit) => {
    const a = await loadAuthorisation(tx, raw.panelId, raw.authorisationId);
    const [row] = await tx
      .insert(section60Notices)
      .values({ panelId: raw.panelId, authorisationId: a.id, medium: input.medium, noticeAt, place: input.place, url: input.url ?? null, createdAt: ctx.clock.now() })
      .returning();
    await audit({ action: 'section60.record', entity: { type: 'section60_notice', id: row.id }, panelId: raw.panelId, details: { authorisationId: a.id, medium: row.medium, noticeAt: noticeAt.toISOString(), url: row.url } });
    return row;
  });
}

/** The register, latest start first, with each authorisation's extension and the number of its searches in the data. */
export async function listAuthorisations(ctx: Section60Context, actor: Actor, panelId: number): Promise<AuthorisationSummary[]> {
  requireAccess(actor, 'section60.list', { panelId });
  const panel = await loadPanel(ctx.db.db, panelId);
  const rows = await ctx.db.db.select().from(section60Authorisations).where(eq(section60Authorisations.panelId, panelId)).orderBy(desc(section60Authorisations.startsAt), desc(section60Authorisations.id));
  if (rows.length === 0) return [];
  const extensions = await ctx.db.db.select().from(section60Extensions).where(inArray(section60Extensions.authorisationId, rows.map((r) => r.id)));
  const ext = new Map(extensions.map((e) => [e.authorisationId, e]));
  const withEnds = rows.map((r) => {
    const extension = ext.get(r.id) ?? null;
    const effectiveEnd = extension?.newEndsAt ?? r.endsAt;
    return { ...r, extension, effectiveEnd, hours: hoursBetween(r.startsAt, effectiveEnd) };
  });
  const counts = await searchCounts(ctx.warehouse, panel.boroughCode, withEnds);
  return withEnds.map((r) => ({ ...r, searches: counts.get(r.id) ?? null }));
}

/**
 * Section 60 searches per authorisation in one query (not one per authorisation); an authorisation
 * whose London days fall in a month with no police data loaded gets no count.
 */
async function searchCounts(wh: Warehouse, borough: string, list: (Section60Authorisation & { effectiveEnd: Date })[]): Promise<Map<number, number>> {
  const loaded = new Set((await wh.query<{ month: string }>(`SELECT DISTINCT month FROM sources WHERE format LIKE 'police-uk-stop-search-%' AND status = 'current'`)).map((r) => r.month));
  const inData = list.filter((a) => loaded.has(londonDay(a.startsAt).slice(0, 7)) && loaded.has(londonDay(a.effectiveEnd).slice(0, 7)));
  // A pasted area needs point in polygon: those few are counted one by one.
  const covered = inData.filter((a) => !a.polygon);
  const drawn = new Map<number, number>();
  for (const a of inData.filter((x) => x.polygon)) drawn.set(a.id, (await section60Searches(wh, areaOf(borough, a, a.effectiveEnd))).searches.length);
  const params: Record<string, string | number> = { borough };
  const values: string[] = [];
  let k = 0;
  for (const a of covered)
    for (const w of a.wards) {
      Object.assign(params, { [`i${k}`]: a.id, [`w${k}`]: w.code, [`s${k}`]: a.startsAt.toISOString(), [`e${k}`]: a.effectiveEnd.toISOString() });
      values.push(`(CAST($i${k} AS INTEGER), CAST($w${k} AS VARCHAR), CAST($s${k} AS TIMESTAMPTZ), CAST($e${k} AS TIMESTAMPTZ))`);
      k += 1;
    }
  const counts = new Map<number, number>([...covered.map((a): [number, number] => [a.id, 0]), ...drawn]);
  if (values.length === 0) return counts;
  const rows = await wh.query<{ id: number; n: number }>(
    `SELECT a.id, count(*)::INTEGER AS n FROM (VALUES ${values.join(', ')}) AS a(id, ward, s, e)
     JOIN stop_search t ON t.legislation = 'cjpoa_s60' AND t.borough = $borough AND t.ward = a.ward AND t.ts BETWEEN a.s AND a.e
     GROUP BY a.id`,
    params
  );
  for (const r of rows) counts.set(Number(r.id), Number(r.n));
  return counts;
}

/** What the warehouse is asked about an authorisation. */
export const areaOf = (borough: string, a: Section60Authorisation, effectiveEnd: Date) => ({
  borough,
  wards: a.wards.map((w) => w.code),
  polygon: a.polygon as AreaGeometry | null,
  startsAt: a.startsAt,
  endsAt: effectiveEnd
});

/** One authorisation with its extension, notices, and the searches and figures the data holds for it. */
export async function getAuthorisation(ctx: Section60Context, actor: Actor, raw: { panelId: number; authorisationId: number }): Promise<AuthorisationView> {
  requireAccess(actor, 'section60.list', { panelId: raw.panelId });
  const panel = await loadPanel(ctx.db.db, raw.panelId);
  const authorisation = await loadAuthorisation(ctx.db.db, raw.panelId, raw.authorisationId);
  const [[extension], notices] = await Promise.all([
    ctx.db.db.select().from(section60Extensions).where(eq(section60Extensions.authorisationId, authorisation.id)),
    ctx.db.db.select().from(section60Notices).where(eq(section60Notices.authorisationId, authorisation.id)).orderBy(asc(section60Notices.noticeAt), asc(section60Notices.id))
  ]);
  const effectiveEnd = extension?.newEndsAt ?? authorisation.endsAt;
  const data = await section60Searches(ctx.warehouse, areaOf(panel.boroughCode, authorisation, effectiveEnd));
  return { authorisation, extension: extension ?? null, effectiveEnd, hours: hoursBetween(authorisation.startsAt, effectiveEnd), notices, data };
}
