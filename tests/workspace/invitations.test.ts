import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymous } from '../../src/core/access/actor.ts';
import { loadActor } from '../../src/core/access/load-actor.ts';
import { accounts, auditLog, invitations } from '../../src/core/db/schema.ts';
import { Conflict, Forbidden, Invalid, NotFound } from '../../src/core/errors.ts';
import {
  acceptAsSignedIn,
  acceptWithNewAccount,
  describeInvitation,
  inviteAdmin,
  inviteToPanel,
  listInvitations,
  revokeInvitation
} from '../../src/core/panels/invitations.ts';
import { signIn } from '../../src/core/panels/sign-in.ts';
import { databaseTargets } from '../support/databases.ts';
import { cast, openWorkspace, testPassword, userId, type TestWorkspace } from '../support/workspace.ts';

describe.each(databaseTargets())('invitations on $name', (target) => {
  let ws: TestWorkspace;
  let c: Awaited<ReturnType<typeof cast>>;
  beforeAll(async () => {
    ws = await openWorkspace(target);
    c = await cast(ws);
  });
  afterAll(async () => ws?.dispose());

  const day = 86_400_000;
  const accept = (token: string, name = 'New Person', password = testPassword) =>
    acceptWithNewAccount(ws, anonymous, { token, name, password, confirm: password });

  it('takes a new member from invitation to account to signed-in workspace member', async () => {
    const issued = await inviteToPanel(ws, c.clerk, { panelId: c.hackney.id, email: ' New.Member@Example.org ', role: 'member' });
    expect(issued.path).toBe(`/auth/invitation/${issued.token}`);
    const [stored] = await ws.db.db.select().from(invitations).where(eq(invitations.id, issued.invitation.id));
    expect(stored.email).toBe('new.member@example.org');
    expect(stored.tokenHash).not.toContain(issued.token);
    expect(await describeInvitation(ws, anonymous, issued.token)).toEqual({
      email: 'new.member@example.org',
      role: 'member',
      roleName: 'member',
      panel: { name: 'Hackney Community Scrutiny Panel', slug: 'hackney' },
      accountExists: false
    });
    const accepted = await accept(issued.token, '<b>New</b> Member');
    expect(accepted.next).toBe('/w/hackney');
    const [credential] = await ws.db.db.select().from(accounts).where(eq(accounts.userId, accepted.userId));
    expect(credential.providerId).toBe('credential');
    expect(credential.password).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    const actor = await loadActor(ws.db.db, accepted.userId);
    expect(actor.kind === 'user' && actor.roles.get(c.hackney.id)).toBe('member');
    const session = await signIn(ws, anonymous, { email: 'new.member@example.org', password: testPassword, clientAddress: '192.0.2.50' });
    expect(session.actor).toMatchObject({ kind: 'user', name: '<b>New</b> Member' });
  });

  it('writes an audit entry for the invitation and each step of accepting it', async () => {
    const issued = await inviteToPanel(ws, c.chair, { panelId: c.hackney.id, email: 'audited@example.org', role: 'police' });
    const accepted = await accept(issued.token);
    const entries = await ws.db.db.select().from(auditLog).where(sql`${auditLog.id} >= (select id from audit_log where entity_type = 'invitation' and entity_id = ${String(issued.invitation.id)} limit 1)`);
    expect(entries.map((e) => [e.action, e.entityType, e.actorLabel])).toEqual([
      ['member.invite', 'invitation', 'chair@example.org'],
      ['invitation.accept', 'user', 'anonymous'],
      ['invitation.accept', 'panel_member', 'anonymous']
    ]);
    expect(entries[2].details).toMatchObject({ granted: 'police', userId: accepted.userId });
    expect(JSON.stringify(entries)).not.toContain(issued.token);
    expect(JSON.stringify(entries)).not.toContain(testPassword);
  });

  it('works once only', async () => {
    const issued = await inviteToPanel(ws, c.clerk, { panelId: c.hackney.id, email: 'once@example.org', role: 'member' });
    await accept(issued.token);
    await expect(accept(issued.token)).rejects.toThrow(NotFound);
    await expect(describeInvitation(ws, anonymous, issued.token)).rejects.toThrow(NotFound);
  });

  it('expires after seven days', async () => {
    const issued = await inviteToPanel(ws, c.clerk, { panelId: c.hackney.id, email: 'late@example.org', role: 'member' });
    ws.clock.sleep(7 * day + 1000);
    await expect(accept(issued.token)).rejects.toThrow(/expired, has been used or was withdrawn/);
  });

  it('is replaced by a newer invitation for the same person and panel, and can be withdrawn', async () => {
    const first = await inviteToPanel(ws, c.clerk, { panelId: c.hackney.id, email: 'twice@example.org', role: 'member' });
    const second = await inviteToPanel(ws, c.clerk, { panelId: c.hackney.id, email: 'twice@example.org', role: 'chair' });
    await expect(accept(first.token)).rejects.toThrow(NotFound);
    expect((await listInvitations(ws, c.clerk, c.hackney.id)).filter((i) => i.email === 'twice@example.org').map((i) => i.role)).toEqual(['chair']);
    await revokeInvitation(ws, c.chair, { panelId: c.hackney.id, invitationId: second.invitation.id });
    await expect(accept(second.token)).rejects.toThrow(NotFound);
    await expect(revokeInvitation(ws, c.otherMember, { panelId: c.hackney.id, invitationId: second.invitation.id })).rejects.toThrow(NotFound);
  });

  it('lets only the clerk, the chair and admins invite to a panel; outsiders are told it does not exist', async () => {
    const to = (email: string) => ({ panelId: c.hackney.id, email, role: 'member' as const });
    await expect(inviteToPanel(ws, c.member, to('x1@example.org'))).rejects.toThrow(Forbidden);
    await expect(inviteToPanel(ws, c.police, to('x2@example.org'))).rejects.toThrow(Forbidden);
    await expect(inviteToPanel(ws, c.otherMember, to('x3@example.org'))).rejects.toThrow(NotFound);
    await expect(inviteToPanel(ws, anonymous, to('x4@example.org'))).rejects.toThrow(/Sign in/);
    await expect(inviteToPanel(ws, c.admin, to('x5@example.org'))).resolves.toMatchObject({ invitation: { role: 'member' } });
    await expect(inviteAdmin(ws, c.clerk, { email: 'x6@example.org' })).rejects.toThrow(Forbidden);
  });

  it('refuses someone already in the panel, and bad input with messages per field', async () => {
    await expect(inviteToPanel(ws, c.clerk, { panelId: c.hackney.id, email: 'member@example.org', role: 'chair' })).rejects.toThrow(Conflict);
    const err = await inviteToPanel(ws, c.clerk, { panelId: c.hackney.id, email: 'not an email', role: 'boss' as 'member' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Invalid);
    expect((err as Invalid).details.fields).toEqual({ email: 'Enter an email address, like name@example.org.', role: 'Choose a role.' });
    const weak = await inviteToPanel(ws, c.clerk, { panelId: c.hackney.id, email: 'weak@example.org', role: 'member' });
    const short = await acceptWithNewAccount(ws, anonymous, { token: weak.token, name: '', password: 'short', confirm: 'other' }).catch((e: unknown) => e);
    expect((short as Invalid).details.fields).toEqual({
      name: 'Enter your name.',
      password: 'Choose a password of at least 12 characters (three random words work well).',
      confirm: 'The two passwords are not the same.'
    });
  });

  it('adds a second panel to an existing account when its owner accepts while signed in as themselves', async () => {
    const issued = await inviteToPanel(ws, c.admin, { panelId: c.islington.id, email: 'police@example.org', role: 'police' });
    expect((await describeInvitation(ws, anonymous, issued.token)).accountExists).toBe(true);
    await expect(accept(issued.token)).rejects.toThrow(Conflict);
    await expect(acceptAsSignedIn(ws, c.member, issued.token)).rejects.toThrow(/This invitation is for police@example.org/);
    const accepted = await acceptAsSignedIn(ws, c.police, issued.token);
    expect(accepted.next).toBe('/w/islington');
    const actor = await loadActor(ws.db.db, await userId(ws, 'police@example.org'));
    expect(actor.kind === 'user' && [...actor.roles.values()]).toEqual(['police', 'police']);
  });

  it('makes an administrator from an admin invitation', async () => {
    const issued = await inviteAdmin(ws, c.admin, { email: 'second.admin@example.org' });
    const accepted = await accept(issued.token);
    expect(accepted.next).toBe('/admin');
    expect(await loadActor(ws.db.db, accepted.userId)).toMatchObject({ isAdmin: true });
    await expect(inviteAdmin(ws, c.admin, { email: 'second.admin@example.org' })).rejects.toThrow(Conflict);
  });
});
