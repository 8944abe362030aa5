import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, notifications } from '../../src/core/db/schema.ts';
import { Forbidden, NotFound } from '../../src/core/errors.ts';
import { deliverOutbox, maxAttempts, retryDelayMs } from '../../src/core/notifications/deliver.ts';
import { listOutbox, retryMessage } from '../../src/core/notifications/mailbox.ts';
import { runNotifications } from '../../src/core/notifications/notify.ts';
import { enqueue } from '../../src/core/notifications/outbox.ts';
import { smtpMailer, type Mailer } from '../../src/core/notifications/transport.ts';
import { inviteToPanel } from '../../src/core/panels/invitations.ts';
import { draftQuestion, sendQuestion } from '../../src/core/questions/questions.ts';
import { databaseTargets } from '../support/databases.ts';
import { startSmtp, type LocalSmtp } from '../support/smtp-server.ts';
import { cast, openWorkspace, testOrigin, userId, type TestWorkspace } from '../support/workspace.ts';

const from = 'Scrutineer <scrutineer@127.0.0.1>';

describe.each(databaseTargets())('delivering the outbox by SMTP, on $name', (target) => {
  let ws: TestWorkspace;
  let c: Awaited<ReturnType<typeof cast>>;
  let smtp: LocalSmtp;
  let mailer: Mailer;
  beforeAll(async () => {
    [ws, smtp] = await Promise.all([openWorkspace(target), startSmtp()]);
    c = await cast(ws);
    mailer = smtpMailer(smtp.url);
  });
  afterAll(async () => {
    mailer?.close();
    await smtp?.close();
    await ws?.dispose();
  });

  const deliver = (m: Mailer = mailer) => deliverOutbox(ws, ws.cli, { mailer: m, origin: testOrigin, from });
  const row = async (id: number) => (await ws.db.db.select().from(notifications).where(eq(notifications.id, id)))[0];
  const clear = () => ws.db.db.delete(notifications);

  it('sends a question to its respondent through a real SMTP server, with the link, and marks it sent', async () => {
    const q = await draftQuestion(ws, c.member, { panelId: c.hackney.id, title: 'Searches in Dalston', body: 'Why did they rise 40% in April?' });
    await sendQuestion(ws, c.clerk, { panelId: c.hackney.id, questionId: q.id, addresseeId: await userId(ws, 'police@example.org') });
    expect(await deliver()).toEqual({ sent: 1, retrying: 0, failed: 0 });
    expect(smtp.received).toHaveLength(1);
    const [m] = smtp.received;
    expect(m.to).toEqual(['police@example.org']);
    expect(m.from).toBe('scrutineer@127.0.0.1');
    expect(m.subject).toBe('Question from Hackney Community Scrutiny Panel: Searches in Dalston');
    expect(m.text).toContain('Why did they rise 40% in April?');
    expect(m.text).toContain(`Open it: ${testOrigin}/police/${q.id}\n`);
    const [n] = await ws.db.db.select().from(notifications).where(eq(notifications.questionId, q.id));
    expect(n).toMatchObject({ state: 'sent', attempts: 1, lastError: null });
    expect(n.sentAt).toBeInstanceOf(Date);
    expect(await deliver()).toEqual({ sent: 0, retrying: 0, failed: 0 });
    expect(smtp.received).toHaveLength(1);
  });

  it('removes an invitation link from the outbox once it is sent', async () => {
    const issued = await inviteToPanel(ws, c.clerk, { panelId: c.hackney.id, email: 'newcomer@example.org', role: 'member', sendEmail: true });
    await deliver();
    const m = smtp.received.find((r) => r.to[0] === 'newcomer@example.org')!;
    expect(m.text).toContain(`${testOrigin}${issued.path}`);
    const [n] = await ws.db.db.select().from(notifications).where(eq(notifications.toAddress, 'newcomer@example.org'));
    expect(n).toMatchObject({ state: 'sent', path: null });
    const shown = (await listOutbox(ws, c.admin, { origin: testOrigin, smtp: true })).find((o) => o.id === n.id)!;
    expect(shown.text).toContain('the link was removed once the message was sent');
    expect(shown.text).not.toContain(issued.token);
  });

  it('several deliverers at once send each message exactly once', async () => {
    await clear();
    const before = smtp.received.length;
    await ws.db.db.transaction((tx) =>
      enqueue(tx, ws.clock.now(), Array.from({ length: 45 }, (_, i) => ({ kind: 'overdue' as const, to: { id: null, email: `p${i}@example.org` }, subject: `Message ${i}`, body: 'b', path: null })))
    );
    const results = await Promise.all([deliver(), deliver(), deliver()]);
    expect(results.reduce((n, r) => n + r.sent, 0)).toBe(45);
    const got = smtp.received.slice(before).map((m) => m.subject);
    expect(got).toHaveLength(45);
    expect(new Set(got).size).toBe(45);
  });

  it('a refusing server: the message is tried again with backoff, given up after the last try, and tried again when an admin asks', async () => {
    await clear();
    const down = await startSmtp({ refuse: true });
    const failing = smtpMailer(down.url);
    try {
      const [id] = (await ws.db.db.insert(notifications).values({ kind: 'overdue', toAddress: 'chair@example.org', subject: 'S', body: 'B', nextAttemptAt: ws.clock.now() }).returning()).map((r) => r.id);
      expect(await deliver(failing)).toEqual({ sent: 0, retrying: 1, failed: 0 });
      let n = await row(id);
      expect(n).toMatchObject({ state: 'pending', attempts: 1 });
      expect(n.lastError).toContain('451');
      expect(n.nextAttemptAt.getTime()).toBe(ws.clock.now().getTime() + 60_000);
      expect(await deliver(failing)).toEqual({ sent: 0, retrying: 0, failed: 0 }); // not before its time
      expect(down.attempts).toBe(1);
      for (let attempt = 2; attempt <= maxAttempts; attempt++) {
        await ws.clock.sleep(retryDelayMs(attempt - 1));
        const r = await deliver(failing);
        expect(r, `try ${attempt}`).toEqual(attempt === maxAttempts ? { sent: 0, retrying: 0, failed: 1 } : { sent: 0, retrying: 1, failed: 0 });
      }
      n = await row(id);
      expect(n).toMatchObject({ state: 'failed', attempts: maxAttempts });
      expect(n.lastError).toContain('Mailbox temporarily unavailable');
      expect(down.attempts).toBe(maxAttempts);
      await ws.clock.sleep(24 * 3_600_000);
      expect(await deliver(failing)).toEqual({ sent: 0, retrying: 0, failed: 0 });
      const shown = (await listOutbox(ws, c.admin, { origin: testOrigin, smtp: true })).find((o) => o.id === id)!;
      expect(shown).toMatchObject({ state: 'failed', attempts: maxAttempts });

      // Once the server is fixed, an administrator tries it again from the start: audited.
      await expect(retryMessage(ws, c.clerk, { id })).rejects.toBeInstanceOf(Forbidden);
      await retryMessage(ws, c.admin, { id });
      await expect(retryMessage(ws, c.admin, { id })).rejects.toBeInstanceOf(NotFound); // not given up any more
      expect(await row(id)).toMatchObject({ state: 'pending', attempts: 0 });
      expect(await deliver()).toEqual({ sent: 1, retrying: 0, failed: 0 });
      expect(await row(id)).toMatchObject({ state: 'sent', attempts: 1 });
      const [entry] = await ws.db.db.select().from(auditLog).where(and(eq(auditLog.entityType, 'notification'), eq(auditLog.entityId, String(id))));
      expect(entry).toMatchObject({ action: 'notification.send', actorLabel: 'admin@example.org', details: { retried: true } });
    } finally {
      failing.close();
      await down.close();
    }
  });

  it('an unreachable server and a wrong password are errors recorded on the message', async () => {
    await clear();
    const [id] = (await ws.db.db.insert(notifications).values({ kind: 'overdue', toAddress: 'chair@example.org', subject: 'S', body: 'B', nextAttemptAt: ws.clock.now() }).returning()).map((r) => r.id);
    const closed = await startSmtp();
    const url = closed.url;
    await closed.close();
    const nowhere = smtpMailer(url, 2000);
    expect(await deliver(nowhere)).toMatchObject({ retrying: 1 });
    expect((await row(id)).lastError).toMatch(/ECONNREFUSED|connect/i);
    nowhere.close();
    await ws.clock.sleep(retryDelayMs(1));
    const wrong = smtpMailer(smtp.url.replace('smtp-password', 'wrong'));
    expect(await deliver(wrong)).toMatchObject({ retrying: 1 });
    expect((await row(id)).lastError).toMatch(/Invalid username or password|535/);
    wrong.close();
    await ws.clock.sleep(retryDelayMs(2));
    expect(await deliver()).toMatchObject({ sent: 1 });
    expect(await row(id)).toMatchObject({ state: 'sent', attempts: 3 });
  });

  it('a message claimed by a deliverer that died is taken over after ten minutes', async () => {
    await clear();
    const [n] = await ws.db.db.insert(notifications).values({ kind: 'overdue', toAddress: 'stuck@example.org', subject: 'Stuck', body: 'B', nextAttemptAt: ws.clock.now(), state: 'sending', claimedAt: ws.clock.now(), attempts: 1 }).returning();
    expect(await deliver()).toMatchObject({ sent: 0 });
    await ws.clock.sleep(11 * 60_000);
    expect(await deliver()).toMatchObject({ sent: 1 });
    expect(await row(n.id)).toMatchObject({ state: 'sent', attempts: 2 });
  });

  it('one round (scrutineer notify) sweeps, then sends when SMTP is configured; without it, mail waits', async () => {
    await clear();
    await ws.db.db.insert(notifications).values({ kind: 'overdue', toAddress: 'round@example.org', subject: 'Round', body: 'B', nextAttemptAt: ws.clock.now() });
    const config = { origin: testOrigin, mail: { smtpUrl: null, from } };
    expect(await runNotifications(ws, ws.cli, { config })).toMatchObject({ delivery: null, pending: 1 });
    const sent = await runNotifications(ws, ws.cli, { config: { ...config, mail: { smtpUrl: smtp.url, from } } });
    expect(sent).toMatchObject({ delivery: { sent: 1, retrying: 0, failed: 0 }, pending: 0 });
    expect(smtp.received.at(-1)?.subject).toBe('Round');
    await expect(runNotifications(ws, c.clerk, { config })).rejects.toBeInstanceOf(Forbidden);
    await expect(deliverOutbox(ws, c.chair, { mailer, origin: testOrigin, from })).rejects.toBeInstanceOf(Forbidden);
    expect(await ws.db.db.select().from(notifications).orderBy(asc(notifications.id))).toHaveLength(1);
  });
});
