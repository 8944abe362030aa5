import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../src/core/access/actor.ts';
import { loadConfig } from '../../src/core/config.ts';
import { createContext } from '../../src/core/context.ts';
import { inviteToPanel } from '../../src/core/panels/invitations.ts';
import { createPanel } from '../../src/core/panels/panels.ts';
import { runScrutineer } from '../support/cli.ts';

const scrutineer = (dataDir: string, ...args: string[]) => runScrutineer(args, { env: { SCRUTINEER_DATA_DIR: dataDir, DATABASE_URL: '' } });

describe('scrutineer audit verify and scrutineer admin invite', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'scrutineer-audit-cli-'));
  beforeAll(async () => {
    const ctx = await createContext(loadConfig({ SCRUTINEER_DATA_DIR: dataDir, SCRUTINEER_LOG_LEVEL: 'silent' }), { command: 'test' });
    const cli = systemActor('test');
    const panel = await createPanel(ctx, cli, { boroughCode: 'E09000012' });
    await inviteToPanel(ctx, cli, { panelId: panel.id, email: 'clerk@example.org', role: 'clerk' });
    await ctx.close();
  });
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('prints a one-time link for the first administrator', async () => {
    const r = await scrutineer(dataDir, 'admin', 'invite', '--email', 'First.Admin@example.org');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Invitation for first.admin@example.org to administer this installation');
    expect(r.stdout).toMatch(/^http:\/\/127\.0\.0\.1:3000\/auth\/invitation\/[A-Za-z0-9_-]{43}$/m);
    const bad = await scrutineer(dataDir, 'admin', 'invite', '--email', 'not an address');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('Enter an email address');
  });

  it('says the log is intact, with its number of entries and newest hash', async () => {
    const r = await scrutineer(dataDir, 'audit', 'verify');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^The audit log is intact: 3 entries\. Newest hash: [0-9a-f]{64}$/m);
  });

  it('reports the first broken link, and exits 1, after a row is altered in the database', async () => {
    const pg = await PGlite.create(path.join(dataDir, 'pg'));
    await pg.query(`UPDATE audit_log SET details = jsonb_set(details, '{email}', '"someone.else@example.org"') WHERE action = 'member.invite'`);
    const { rows } = await pg.query<{ id: number }>(`SELECT id FROM audit_log WHERE action = 'member.invite'`);
    await pg.close();
    const r = await scrutineer(dataDir, 'audit', 'verify');
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`The audit log is broken at entry ${rows[0].id} `);
    expect(r.stdout).toContain('member.invite');
    const json = await scrutineer(dataDir, 'audit', 'verify', '--json');
    expect(JSON.parse(json.stdout)).toMatchObject({ ok: false, broken: { id: Number(rows[0].id), reason: 'altered' } });
  });
});
