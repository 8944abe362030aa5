import { asc, count, eq } from 'drizzle-orm';
import { z } from 'zod';
import { roleIn, type Actor } from '../access/actor.ts';
import { can, requireAccess } from '../access/require-access.ts';
import { write, type WorkflowContext } from '../audit/write.ts';
import { panelMembers, panels, users, type Panel, type PanelRole } from '../db/schema.ts';
import { Conflict, NotFound } from '../errors.ts';
import { boroughByCode } from './boroughs.ts';
import { parse } from './input.ts';

export const createPanelInput = z.object({
  boroughCode: z.string({ error: 'Choose a borough.' }).refine((c) => boroughByCode(c) !== undefined, 'Choose a borough from the list.'),
  name: z.string().trim().max(200, 'Keep the name under 200 characters.').optional()
});

/** Creates the panel of a borough (one per borough). Its name defaults to "<Borough> Community Scrutiny Panel". */
export async function createPanel(ctx: WorkflowContext, actor: Actor, raw: z.input<typeof createPanelInput>): Promise<Panel> {
  requireAccess(actor, 'panel.create');
  const input = parse(createPanelInput, raw);
  const borough = boroughByCode(input.boroughCode)!;
  const name = input.name || `${borough.name} Community Scrutiny Panel`;
  return write(ctx, actor, async (tx, audit) => {
    const [existing] = await tx.select({ id: panels.id }).from(panels).where(eq(panels.boroughCode, borough.code));
    if (existing) throw new Conflict(`${borough.name} already has a panel.`, { field: 'boroughCode' });
    const [panel] = await tx.insert(panels).values({ boroughCode: borough.code, slug: borough.slug, name, createdAt: ctx.clock.now() }).returning();
    await audit({ action: 'panel.create', entity: { type: 'panel', id: panel.id }, panelId: panel.id, details: { boroughCode: borough.code, name } });
    return panel;
  });
}

export interface PanelSummary extends Panel {
  members: number;
}

/** Every panel with its number of members, for the admin page. */
export async function listPanels(ctx: WorkflowContext, actor: Actor): Promise<PanelSummary[]> {
  requireAccess(actor, 'panel.list');
  const rows = await ctx.db.db
    .select({ panel: panels, members: count(panelMembers.id) })
    .from(panels)
    .leftJoin(panelMembers, eq(panelMembers.panelId, panels.id))
    .groupBy(panels.id)
    .orderBy(asc(panels.name));
  return rows.map((r) => ({ ...r.panel, members: Number(r.members) }));
}

/**
 * The panel a URL names, for the actor. Unknown slug and "not your panel" are the same NotFound, so
 * nobody can tell which panels exist from outside them. Routes call this first, then the use case.
 */
export async function panelBySlug(ctx: WorkflowContext, actor: Actor, slug: string): Promise<Panel> {
  const [panel] = await ctx.db.db.select().from(panels).where(eq(panels.slug, slug));
  if (!panel) throw new NotFound('There is nothing at this address.');
  requireAccess(actor, 'panel.view', { panelId: panel.id });
  return panel;
}

/**
 * The id of the panel a URL names, or NotFound, with no access check: for the route guard, which
 * then checks the route's own action against that panel (src/lib/server/guard.ts).
 */
export async function panelIdBySlug(ctx: WorkflowContext, slug: string): Promise<number> {
  const [panel] = await ctx.db.db.select({ id: panels.id }).from(panels).where(eq(panels.slug, slug));
  if (!panel) throw new NotFound('There is nothing at this address.');
  return panel.id;
}

/** The public face of a borough's panel (its name and address), or null when the borough has none. */
export async function publicPanel(ctx: WorkflowContext, actor: Actor, slug: string): Promise<{ name: string; slug: string } | null> {
  requireAccess(actor, 'panel.view-public');
  const [panel] = await ctx.db.db.select({ name: panels.name, slug: panels.slug }).from(panels).where(eq(panels.slug, slug));
  return panel ?? null;
}

export interface MemberListing {
  /** The person's place on the panel (panel_members.id), for /w/<panel>/members/<id>. */
  id: number;
  userId: string;
  name: string;
  email: string;
  role: PanelRole;
  since: Date;
}

export interface Workspace {
  panel: Panel;
  /** The viewer's own role (null for an admin who is not a member). */
  role: PanelRole | null;
  /** Null when the viewer's role may not see the members (police respondents). */
  members: MemberListing[] | null;
  canInvite: boolean;
  /** May change roles and take people off the panel (member.manage). */
  canManage: boolean;
}

/** The landing page of a panel's workspace. */
export async function openWorkspace(ctx: WorkflowContext, actor: Actor, slug: string): Promise<Workspace> {
  const panel = await panelBySlug(ctx, actor, slug);
  const members = can(actor, 'member.list', { panelId: panel.id }) ? await listMembers(ctx, actor, panel.id) : null;
  return { panel, role: roleIn(actor, panel.id), members, canInvite: can(actor, 'member.invite', { panelId: panel.id }), canManage: can(actor, 'member.manage', { panelId: panel.id }) };
}

const roleOrder: Record<PanelRole, number> = { chair: 0, clerk: 1, member: 2, police: 3 };

export async function listMembers(ctx: WorkflowContext, actor: Actor, panelId: number): Promise<MemberListing[]> {
  requireAccess(actor, 'member.list', { panelId });
  const rows = await ctx.db.db
    .select({ id: panelMembers.id, userId: users.id, name: users.name, email: users.email, role: panelMembers.role, since: panelMembers.createdAt })
    .from(panelMembers)
    .innerJoin(users, eq(users.id, panelMembers.userId))
    .where(eq(panelMembers.panelId, panelId));
  return rows.sort((a, b) => roleOrder[a.role] - roleOrder[b.role] || a.name.localeCompare(b.name, 'en-GB'));
}

/** The panels the actor belongs to, with their role in each, for /w. */
export async function myPanels(ctx: WorkflowContext, actor: Actor): Promise<Array<{ panel: Panel; role: PanelRole }>> {
  requireAccess(actor, 'workspace.list');
  if (actor.kind !== 'user') return [];
  const rows = await ctx.db.db
    .select({ panel: panels, role: panelMembers.role })
    .from(panelMembers)
    .innerJoin(panels, eq(panels.id, panelMembers.panelId))
    .where(eq(panelMembers.userId, actor.id))
    .orderBy(asc(panels.name));
  return rows;
}
