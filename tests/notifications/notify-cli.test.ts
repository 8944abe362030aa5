import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../src/core/access/actor.ts';
import { loadConfig } from '../../src/core/config.ts';
import { createContext } from '../../src/core/context.ts';
import { inviteToPanel } from '../../src/core/panels/invitations.ts';
import { createPanel } from '../../src/core/panels/panels.ts';
import { startSmtp, type LocalSmtp } from '../support/smtp-server.ts';
import { runScrutineer } from '../support/cli.ts';

const scrutineer = (env: Record<string, string>, ...args: string[]) => runScrutineer(args, { env: { DATABASE_URL: '', SCRUTINEER_SMTP_URL: '', ...env } });

describe('scrutineer notify', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'scrutineer-notify-cli-'));
  let smtp: LocalSmtp;
  beforeAll(async () => {
    smtp = await startSmtp();
    const ctx = await createContext(loadConfig({ SCRUTINEER_DATA_DIR: dataDir, SCRUTINEER_LOG_LEVEL: 'silent' }), { command: 'test' });
    const panel = await createPanel(ctx, systemActor('test'), { boroughCode: 'E09000012' });
    await inviteToPanel(ctx, systemActor('test'), { panelId: panel.id, email: 'clerk@example.org', role: 'clerk', sendEmail: true });
    await ctx.close();
  });
  afterAll(async () => {
    await smtp?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('without SMTP sends nothing and says where the mail waits; with it, sends the outbox', async () => {
    const idle = await scrutineer({ SCRUTINEER_DATA_DIR: dataDir }, 'notify');
    expect(idle.stderr).toBe('');
    expect(idle.code).toBe(0);
    expect(idle.stdout).toContain('SCRUTINEER_SMTP_URL is not set: nothing was sent. 1 messages wait in the outbox');
    const r = await scrutineer({ SCRUTINEER_DATA_DIR: dataDir, SCRUTINEER_SMTP_URL: smtp.url, SCRUTINEER_MAIL_FROM: 'Panel <panel@example.org>' }, 'notify', '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ sweep: { waiting: 0, dueSoon: 0, overdue: 0 }, delivery: { sent: 1, retrying: 0, failed: 0 }, pending: 0 });
    expect(smtp.received.map((m) => [m.from, m.to[0], m.subject])).toEqual([
      ['panel@example.org', 'clerk@example.org', 'You are invited to Scrutineer as clerk of Hackney Community Scrutiny Panel']
    ]);
    expect(smtp.received[0].text).toMatch(/Open it: http:\/\/127\.0\.0\.1:3000\/auth\/invitation\/[A-Za-z0-9_-]{43}\n/);
  });
});
