import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymous } from '../../src/core/access/actor.ts';
import { auditLog, notifications, sessions, verifications } from '../../src/core/db/schema.ts';
import { Invalid, NotFound } from '../../src/core/errors.ts';
import { deliverOutbox } from '../../src/core/notifications/deliver.ts';
import { smtpMailer } from '../../src/core/notifications/transport.ts';
import { resetRequestLimit } from '../../src/core/panels/auth.ts';
import { describeReset, requestPasswordReset, resetPassword, TooManyResetRequests } from '../../src/core/panels/password-reset.ts';
import { sessionActor, signIn } from '../../src/core/panels/sign-in.ts';
import { databaseTargets } from '../support/databases.ts';
import { startSmtp, type LocalSmtp } from '../support/smtp-server.ts';
import { openWorkspace, person, testOrigin, testPassword, userId, type TestWorkspace } from '../support/workspace.ts';

const newPassword = 'a brand new long passphrase';
const cookieHeaders = (setCookies: string[]) => new Headers({ cookie: setCookies.map((c) => c.split(';')[0]).join('; ') });

describe.each(databaseTargets())('forgotten passwords on $name', (target) => {
  let ws: TestWorkspace;
  let smtp: LocalSmtp;
  beforeAll(async () => {
    [ws, smtp] = await Promise.all([openWorkspace(target), startSmtp()]);
    await person(ws, 'clerk@example.org');
    await person(ws, 'other@example.org');
  });
  afterAll(async () => {
    await smtp?.close();
    await ws?.dispose();
  });

  let address = 0;
  const from = () => `203.0.113.${++address}`;
  const resetMail = (email: string) => ws.db.db.select().from(notifications).where(and(eq(notifications.kind, 'password-reset'), eq(notifications.toAddress, email)));
  const tokenOf = (text: string) => /\/auth\/reset\/([A-Za-z0-9]+)/.exec(text)?.[1] ?? '';

  it('end to end: a request, an email through a real SMTP server, a new password; old sessions end, the link is used up', async () => {
    const old = await signIn(ws, anonymous, { email: 'clerk@example.org', password: testPassword, clientAddress: from() });
    const clerkId = await userId(ws, 'clerk@example.org');
    await requestPasswordReset(ws, anonymous, { email: ' Clerk@Example.org ', clientAddress: from() });
    const [queued] = await resetMail('clerk@example.org');
    expect(queued).toMatchObject({ state: 'pending', subject: 'Reset your Scrutineer password', recipientId: clerkId });

    const mailer = smtpMailer(smtp.url);
    await deliverOutbox(ws, ws.cli, { mailer, origin: testOrigin, from: 'scrutineer@127.0.0.1' });
    mailer.close();
    const mail = smtp.received.find((m) => m.to[0] === 'clerk@example.org')!;
    expect(mail.text).toContain(`${testOrigin}/auth/reset/`);
    const token = tokenOf(mail.text);
    expect(token.length).toBeGreaterThanOrEqual(24);
    const [sent] = await resetMail('clerk@example.org');
    expect(sent).toMatchObject({ state: 'sent', path: null }); // the secret link is not kept once sent

    expect(await describeReset(ws, anonymous, token)).toEqual({ email: 'clerk@example.org' });
    const short = await resetPassword(ws, anonymous, { token, password: 'too short', confirm: 'too short' }).catch((e) => e);
    expect(short).toBeInstanceOf(Invalid);
    expect(short.details.fields.password).toMatch(/at least 12 characters/);
    const mismatch = await resetPassword(ws, anonymous, { token, password: newPassword, confirm: newPassword + '!' }).catch((e) => e);
    expect(mismatch.details.fields.confirm).toBe('The two passwords are not the same.');

    expect(await resetPassword(ws, anonymous, { token, password: newPassword, confirm: newPassword })).toEqual({ email: 'clerk@example.org' });
    expect(await ws.db.db.select().from(sessions).where(eq(sessions.userId, clerkId))).toEqual([]);
    expect((await sessionActor(ws, cookieHeaders(old.setCookies))).actor.kind).toBe('anonymous');
    await expect(signIn(ws, anonymous, { email: 'clerk@example.org', password: testPassword, clientAddress: from() })).rejects.toBeInstanceOf(Invalid);
    await expect(signIn(ws, anonymous, { email: 'clerk@example.org', password: newPassword, clientAddress: from() })).resolves.toBeTruthy();
    await expect(resetPassword(ws, anonymous, { token, password: 'yet another passphrase', confirm: 'yet another passphrase' })).rejects.toBeInstanceOf(NotFound);
    await expect(describeReset(ws, anonymous, token)).rejects.toBeInstanceOf(NotFound);
    const [entry] = await ws.db.db.select().from(auditLog).where(and(eq(auditLog.action, 'account.reset-password'), eq(auditLog.entityId, clerkId)));
    expect(entry).toMatchObject({ actorLabel: 'clerk@example.org', actorId: clerkId });
    expect(JSON.stringify(entry.details)).not.toContain(token);
  });

  it('answers the same whether or not the account exists, and writes no mail for an unknown address', async () => {
    const before = (await ws.db.db.select().from(notifications)).length;
    await expect(requestPasswordReset(ws, anonymous, { email: 'nobody@example.org', clientAddress: from() })).resolves.toBeUndefined();
    expect((await ws.db.db.select().from(notifications)).length).toBe(before);
    const bad = await requestPasswordReset(ws, anonymous, { email: 'not an address', clientAddress: from() }).catch((e) => e);
    expect(bad).toBeInstanceOf(Invalid);
  });

  it(`allows ${resetRequestLimit.max} requests from one address per window, then refuses`, async () => {
    const clientAddress = from();
    for (let i = 0; i < resetRequestLimit.max; i++) await requestPasswordReset(ws, anonymous, { email: 'other@example.org', clientAddress });
    const refused = await requestPasswordReset(ws, anonymous, { email: 'other@example.org', clientAddress }).catch((e) => e);
    expect(refused).toBeInstanceOf(TooManyResetRequests);
    expect(await resetMail('other@example.org')).toHaveLength(resetRequestLimit.max);
    await expect(requestPasswordReset(ws, anonymous, { email: 'other@example.org', clientAddress: from() })).resolves.toBeUndefined();
  });

  it('refuses an unknown or expired link', async () => {
    await expect(describeReset(ws, anonymous, 'not-a-token')).rejects.toBeInstanceOf(NotFound);
    await expect(resetPassword(ws, anonymous, { token: 'not-a-token', password: newPassword, confirm: newPassword })).rejects.toBeInstanceOf(NotFound);
    await requestPasswordReset(ws, anonymous, { email: 'other@example.org', clientAddress: from() });
    const [latest] = (await resetMail('other@example.org')).sort((a, b) => b.id - a.id);
    const token = tokenOf(latest.path!);
    await ws.db.db.update(verifications).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(verifications.identifier, `reset-password:${token}`));
    await expect(describeReset(ws, anonymous, token)).rejects.toBeInstanceOf(NotFound);
    await expect(resetPassword(ws, anonymous, { token, password: newPassword, confirm: newPassword })).rejects.toBeInstanceOf(NotFound);
    await expect(signIn(ws, anonymous, { email: 'other@example.org', password: testPassword, clientAddress: from() })).resolves.toBeTruthy();
  });
});
