import { randomUUID } from 'node:crypto';
import { and, desc, eq, gt, isNull } from 'drizzle-orm';
import { z } from 'zod';
import type { Actor } from '../access/actor.ts';
import { requireAccess } from '../access/require-access.ts';
import type { Tx } from '../audit/append.ts';
import { write, type Audit, type WorkflowContext } from '../audit/write.ts';
import { accounts, invitations, panelMembers, panels, panelRoles, users, type Invitation, type InvitedRole, type Panel } from '../db/schema.ts';
import { Conflict, Forbidden, NotFound } from '../errors.ts';
import { invitation as invitationMail } from '../notifications/messages.ts';
import { enqueue } from '../notifications/outbox.ts';
import { emailAddress, newPassword, parse, personName } from './input.ts';
import { hashPassword } from './passwords.ts';
import { hashToken, newToken } from './tokens.ts';

/** How long an invitation link works. */
export const invitationLifetimeDays = 7;

export const roleNames: Record<InvitedRole, string> = {
  member: 'member',
  clerk: 'clerk',
  chair: 'chair',
  police: 'police respondent',
  admin: 'administrator of this installation'
};

export const inviteInput = z.object({
  email: emailAddress,
  role: z.enum(panelRoles, { error: 'Choose a role.' })
});

export interface IssuedInvitation {
  invitation: Invitation;
  /** The secret part of the link, shown once: only its hash is stored. */
  token: string;
  /** Path of the page that accepts it: /auth/invitation/<token>. */
  path: string;
}

/** `sendEmail`: also put the link in the outbox (the web tier asks for it when SMTP is configured). */
export interface Emailing {
  sendEmail?: boolean;
}

/**
 * Invites someone by email to a role in a panel (by the panel's clerk or chair, or an admin). A
 * pending invitation for the same email and panel is replaced. The link is shown to the inviter to
 * send on, and with `sendEmail` also emailed (through the outbox, in the same transaction).
 */
export async function inviteToPanel(ctx: WorkflowContext, actor: Actor, raw: { panelId: number } & z.input<typeof inviteInput> & Emailing): Promise<IssuedInvitation> {
  requireAccess(actor, 'member.invite', { panelId: raw.panelId });
  const input = parse(inviteInput, raw);
  return issue(ctx, actor, raw.panelId, input.email, input.role, raw.sendEmail === true);
}

/** Invites someone to be an administrator of the installation. */
export async function inviteAdmin(ctx: WorkflowContext, actor: Actor, raw: { email: string } & Emailing): Promise<IssuedInvitation> {
  requireAccess(actor, 'admin.invite');
  const { email } = parse(z.object({ email: emailAddress }), raw);
  return issue(ctx, actor, null, email, 'admin', raw.sendEmail === true);
}

async function issue(ctx: WorkflowContext, actor: Actor, panelId: number | null, email: string, role: InvitedRole, sendEmail: boolean): Promise<IssuedInvitation> {
  const token = newToken();
  const now = ctx.clock.now();
  return write(ctx, actor, async (tx, audit) => {
    if (panelId !== null) await requirePanel(tx, panelId);
    await refuseExistingRole(tx, email, panelId);
    await withdrawPending(tx, audit, email, panelId, now);
    const [invitation] = await tx
      .insert(invitations)
      .values({
        panelId,
        email,
        role,
        tokenHash: hashToken(token),
        invitedBy: actor.kind === 'user' ? actor.id : null,
        createdAt: now,
        expiresAt: new Date(now.getTime() + invitationLifetimeDays * 86_400_000)
      })
      .returning();
    await audit({ action: role === 'admin' ? 'admin.invite' : 'member.invite', entity: { type: 'invitation', id: invitation.id }, panelId, details: { email, role, ...(sendEmail ? { emailed: true } : {}) } });
    if (sendEmail) {
      const panelName = panelId === null ? null : (await requirePanel(tx, panelId)).name;
      await enqueue(tx, now, [invitationMail({ email }, roleNames[role], panelName, token, invitation.expiresAt, panelId)]);
    }
    return { invitation, token, path: `/auth/invitation/${token}` };
  });
}

async function requirePanel(tx: Tx, panelId: number): Promise<Panel> {
  const [panel] = await tx.select().from(panels).where(eq(panels.id, panelId));
  if (!panel) throw new NotFound('There is no such panel.', { field: 'panelId' });
  return panel;
}

async function refuseExistingRole(tx: Tx, email: string, panelId: number | null): Promise<void> {
  const [user] = await tx.select().from(users).where(eq(users.email, email));
  if (!user) return;
  if (panelId === null) {
    if (user.isAdmin) throw new Conflict(`${email} is already an administrator.`, { field: 'email' });
    return;
  }
  const [member] = await tx.select().from(panelMembers).where(and(eq(panelMembers.panelId, panelId), eq(panelMembers.userId, user.id)));
  if (member) throw new Conflict(`${email} is already in this panel, as ${roleNames[member.role]}.`, { field: 'email' });
}

async function withdrawPending(tx: Tx, audit: Audit, email: string, panelId: number | null, now: Date): Promise<void> {
  const replaced = await tx
    .update(invitations)
    .set({ revokedAt: now })
    .where(and(eq(invitations.email, email), panelId === null ? isNull(invitations.panelId) : eq(invitations.panelId, panelId), isNull(invitations.acceptedAt), isNull(invitations.revokedAt)))
    .returning({ id: invitations.id });
  for (const { id } of replaced) await audit({ action: 'invitation.revoke', entity: { type: 'invitation', id }, panelId, details: { replaced: true } });
}

export interface PendingInvitation {
  id: number;
  email: string;
  role: InvitedRole;
  createdAt: Date;
  expiresAt: Date;
}

/** Invitations of a panel that can still be accepted. */
export async function listInvitations(ctx: WorkflowContext, actor: Actor, panelId: number): Promise<PendingInvitation[]> {
  requireAccess(actor, 'invitation.list', { panelId });
  return ctx.db.db
    .select({ id: invitations.id, email: invitations.email, role: invitations.role, createdAt: invitations.createdAt, expiresAt: invitations.expiresAt })
    .from(invitations)
    .where(and(eq(invitations.panelId, panelId), isNull(invitations.acceptedAt), isNull(invitations.revokedAt), gt(invitations.expiresAt, ctx.clock.now())))
    .orderBy(desc(invitations.createdAt));
}

export async function revokeInvitation(ctx: WorkflowContext, actor: Actor, raw: { panelId: number; invitationId: number }): Promise<void> {
  requireAccess(actor, 'invitation.revoke', { panelId: raw.panelId });
  await write(ctx, actor, async (tx, audit) => {
    const [done] = await tx
      .update(invitations)
      .set({ revokedAt: ctx.clock.now() })
      .where(and(eq(invitations.id, raw.invitationId), eq(invitations.panelId, raw.panelId), isNull(invitations.acceptedAt), isNull(invitations.revokedAt)))
      .returning({ id: invitations.id });
    if (!done) throw new NotFound('That invitation is not pending.');
    await audit({ action: 'invitation.revoke', entity: { type: 'invitation', id: done.id }, panelId: raw.panelId });
  });
}

// ---- Accepting

export interface InvitationView {
  email: string;
  role: InvitedRole;
  roleName: string;
  panel: { name: string; slug: string } | null;
  /** True when an account with this email exists: the person signs in to accept. */
  accountExists: boolean;
}

/** What the invitation page shows. Unknown, used, withdrawn and expired links all get NotFound. */
export async function describeInvitation(ctx: WorkflowContext, actor: Actor, token: string): Promise<InvitationView> {
  requireAccess(actor, 'invitation.accept');
  const { invitation, panel } = await openInvitation(ctx.db.db, ctx.clock.now(), token);
  const [user] = await ctx.db.db.select({ id: users.id }).from(users).where(eq(users.email, invitation.email));
  return {
    email: invitation.email,
    role: invitation.role,
    roleName: roleNames[invitation.role],
    panel: panel ? { name: panel.name, slug: panel.slug } : null,
    accountExists: Boolean(user)
  };
}

export const newAccountInput = z
  .object({ token: z.string().min(1), name: personName, password: newPassword, confirm: z.string() })
  .refine((v) => v.password === v.confirm, { message: 'The two passwords are not the same.', path: ['confirm'] });

export interface Accepted {
  userId: string;
  email: string;
  /** Where to go next: the panel's workspace, or the admin page. */
  next: string;
}

/** Accepts an invitation by making a new account (name and password) for its email address. */
export async function acceptWithNewAccount(ctx: WorkflowContext, actor: Actor, raw: z.input<typeof newAccountInput>): Promise<Accepted> {
  requireAccess(actor, 'invitation.accept');
  const input = parse(newAccountInput, raw);
  const passwordHash = await hashPassword(input.password); // slow: outside the transaction
  return write(ctx, actor, async (tx, audit) => {
    const { invitation, panel } = await openInvitation(tx, ctx.clock.now(), input.token);
    const [existing] = await tx.select({ id: users.id }).from(users).where(eq(users.email, invitation.email));
    if (existing) throw new Conflict(`There is already an account for ${invitation.email}: sign in to accept.`);
    const now = ctx.clock.now();
    const userId = randomUUID();
    await tx.insert(users).values({ id: userId, name: input.name, email: invitation.email, emailVerified: true, createdAt: now, updatedAt: now });
    // The credential account, as better-auth's own sign-up makes it: provider "credential", account id = user id.
    await tx.insert(accounts).values({ id: randomUUID(), accountId: userId, providerId: 'credential', userId, password: passwordHash, createdAt: now, updatedAt: now });
    await audit({ action: 'invitation.accept', entity: { type: 'user', id: userId }, details: { email: invitation.email, accountCreated: true } });
    return grant(tx, audit, now, invitation, panel, userId, invitation.email);
  });
}

/** Accepts an invitation as the signed-in person, whose email must be the one invited. */
export async function acceptAsSignedIn(ctx: WorkflowContext, actor: Actor, token: string): Promise<Accepted> {
  requireAccess(actor, 'invitation.accept');
  if (actor.kind !== 'user') throw new Forbidden('Sign in to accept this invitation.');
  return write(ctx, actor, async (tx, audit) => {
    const now = ctx.clock.now();
    const { invitation, panel } = await openInvitation(tx, now, token);
    if (invitation.email !== actor.email)
      throw new Forbidden(`This invitation is for ${invitation.email}, and you are signed in as ${actor.email}. Sign out, then open the link again.`);
    return grant(tx, audit, now, invitation, panel, actor.id, actor.email);
  });
}

/** Gives the invited role and closes the invitation. */
async function grant(tx: Tx, audit: Audit, now: Date, invitation: Invitation, panel: Panel | null, userId: string, email: string): Promise<Accepted> {
  await tx.update(invitations).set({ acceptedAt: now, acceptedBy: userId }).where(eq(invitations.id, invitation.id));
  if (invitation.role === 'admin') {
    await tx.update(users).set({ isAdmin: true, updatedAt: now }).where(eq(users.id, userId));
    await audit({ action: 'invitation.accept', entity: { type: 'user', id: userId }, details: { granted: 'admin', invitation: invitation.id } });
    return { userId, email, next: '/admin' };
  }
  const [member] = await tx
    .insert(panelMembers)
    .values({ panelId: panel!.id, userId, role: invitation.role, createdAt: now })
    .onConflictDoNothing()
    .returning();
  if (!member) throw new Conflict(`${email} is already in this panel.`);
  await audit({
    action: 'invitation.accept',
    entity: { type: 'panel_member', id: member.id },
    panelId: panel!.id,
    details: { granted: invitation.role, userId, invitation: invitation.id }
  });
  return { userId, email, next: `/w/${panel!.slug}` };
}

async function openInvitation(tx: Tx, now: Date, token: string): Promise<{ invitation: Invitation; panel: Panel | null }> {
  const [invitation] = await tx.select().from(invitations).where(eq(invitations.tokenHash, hashToken(token)));
  if (!invitation || invitation.acceptedAt || invitation.revokedAt || invitation.expiresAt <= now)
    throw new NotFound('This invitation link has expired, has been used or was withdrawn. Ask whoever invited you for a new one.');
  const panel = invitation.panelId === null ? null : await requirePanel(tx, invitation.panelId);
  return { invitation, panel };
}
