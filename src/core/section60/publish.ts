import { asc, desc, eq, inArray, max } from 'drizzle-orm';
import { actorId, type Actor } from '../access/actor.ts';
import { requireAccess } from '../access/require-access.ts';
import { write, type WorkflowContext } from '../audit/write.ts';
import { panels, section60Notices, section60Publications, type NoticeMedium, type PoliceRank, type Section60Ground, type Section60Publication } from '../db/schema.ts';
import { NotFound } from '../errors.ts';
import { boroughByCode } from '../panels/boroughs.ts';
import { areaOf, listAuthorisations, type Section60Context } from './register.ts';
import { section60Searches, type Section60Figures } from './searches.ts';

/**
 * What the public register holds per authorisation: the facts of the authorisation and aggregates
 * of its searches. Not the officers' names, not the grounds as stated (free text can name people or
 * intelligence), and no single search: counts, and shares only from 10 up (METRICS.md).
 */
export interface PublicAuthorisation {
  reference: string;
  rank: PoliceRank;
  startsAt: string;
  endsAt: string;
  firstEndsAt: string;
  hours: number;
  extended: boolean;
  extensionRank: PoliceRank | null;
  wards: string[];
  /** Whether the area includes a pasted polygon (its shape is in the workspace). */
  pastedArea: boolean;
  groundsKind: Section60Ground;
  notices: { medium: NoticeMedium; at: string; url: string | null }[];
  /** Null when the police data of its month(s) was not loaded when published. */
  figures: Section60Figures | null;
}

export interface PublicRegister {
  borough: string;
  authorisations: PublicAuthorisation[];
}

/** Publishes the whole register as its next version; earlier versions stay as they were. */
export async function publishRegister(ctx: Section60Context, actor: Actor, panelId: number): Promise<Section60Publication> {
  requireAccess(actor, 'section60.publish', { panelId });
  const [panel] = await ctx.db.db.select().from(panels).where(eq(panels.id, panelId));
  if (!panel) throw new NotFound('There is nothing at this address.');
  const list = await listAuthorisations(ctx, actor, panelId);
  const notices = list.length
    ? await ctx.db.db.select().from(section60Notices).where(inArray(section60Notices.authorisationId, list.map((a) => a.id))).orderBy(asc(section60Notices.noticeAt), asc(section60Notices.id))
    : [];
  const authorisations: PublicAuthorisation[] = [];
  for (const a of list) {
    const data = a.searches === null ? null : await section60Searches(ctx.warehouse, areaOf(panel.boroughCode, a, a.effectiveEnd));
    authorisations.push({
      reference: a.reference,
      rank: a.rank,
      startsAt: a.startsAt.toISOString(),
      endsAt: a.effectiveEnd.toISOString(),
      firstEndsAt: a.endsAt.toISOString(),
      hours: a.hours,
      extended: a.extension !== null,
      extensionRank: a.extension?.rank ?? null,
      wards: a.wards.map((w) => w.name),
      pastedArea: a.polygon !== null,
      groundsKind: a.groundsKind,
      notices: notices.filter((n) => n.authorisationId === a.id).map((n) => ({ medium: n.medium, at: n.noticeAt.toISOString(), url: n.url })),
      figures: data?.figures ?? null
    });
  }
  const register: PublicRegister = { borough: boroughByCode(panel.boroughCode)?.name ?? panel.name, authorisations };
  return write(ctx, actor, async (tx, audit) => {
    const [last] = await tx.select({ v: max(section60Publications.version) }).from(section60Publications).where(eq(section60Publications.panelId, panelId));
    const version = (last?.v ?? 0) + 1;
    const [pub] = await tx
      .insert(section60Publications)
      .values({ panelId, version, register: register as unknown as Record<string, unknown>, publishedAt: ctx.clock.now(), publishedBy: actorId(actor) })
      .returning();
    await audit({ action: 'section60.publish', entity: { type: 'section60_publication', id: pub.id }, panelId, details: { version, authorisations: authorisations.length } });
    return pub;
  });
}

export interface PublishedRegister {
  panel: { name: string; slug: string };
  /** Every version, newest first. */
  versions: { version: number; publishedAt: Date }[];
  /** The version asked for (the newest by default), or null when nothing is published. */
  current: { version: number; publishedAt: Date; register: PublicRegister } | null;
}

/** A borough's published register (public): one version, and the list of all. */
export async function publishedRegister(ctx: WorkflowContext, actor: Actor, raw: { borough: string; version?: number }): Promise<PublishedRegister> {
  requireAccess(actor, 'section60.view-public');
  const [panel] = await ctx.db.db.select().from(panels).where(eq(panels.slug, raw.borough));
  if (!panel) throw new NotFound('There is nothing at this address.');
  const rows = await ctx.db.db.select().from(section60Publications).where(eq(section60Publications.panelId, panel.id)).orderBy(desc(section60Publications.version));
  const pick = raw.version === undefined ? rows[0] : rows.find((r) => r.version === raw.version);
  if (raw.version !== undefined && !pick) throw new NotFound('There is nothing at this address.');
  return {
    panel: { name: panel.name, slug: panel.slug },
    versions: rows.map((r) => ({ version: r.version, publishedAt: r.publishedAt })),
    current: pick ? { version: pick.version, publishedAt: pick.publishedAt, register: pick.register as unknown as PublicRegister } : null
  };
}
