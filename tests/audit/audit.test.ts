import { asc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymous } from '../../src/core/access/actor.ts';
import { SignInRequired } from '../../src/core/access/require-access.ts';
import { appendAudit } from '../../src/core/audit/append.ts';
import { canonicalJson, genesisHash } from '../../src/core/audit/chain.ts';
import { verifyAudit, verifyChain } from '../../src/core/audit/verify.ts';
import { write } from '../../src/core/audit/write.ts';
import { auditLog, panels } from '../../src/core/db/schema.ts';
import { Forbidden } from '../../src/core/errors.ts';
import { databaseTargets } from '../support/databases.ts';
import { cast, openWorkspace, type TestWorkspace } from '../support/workspace.ts';

describe('canonical JSON', () => {
  it('sorts keys at every depth and keeps arrays in order', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, 1], c: null } })).toBe('{"a":{"c":null,"d":[3,1]},"b":1}');
  });
});

describe.each(databaseTargets())('the audit log on $name', (target) => {
  let ws: TestWorkspace;
  let c: Awaited<ReturnType<typeof cast>>;
  beforeAll(async () => {
    ws = await openWorkspace(target);
    c = await cast(ws);
  });
  afterAll(async () => ws?.dispose());

  const rows = () => ws.db.db.select().from(auditLog).orderBy(asc(auditLog.id));
  const tampering = (statement: ReturnType<typeof sql>) => ws.db.db.execute(statement);

  it('chains every entry to the one before it, from the first', async () => {
    const all = await rows();
    expect(all.length).toBeGreaterThan(10); // panels, invitations, accounts, memberships of the cast
    expect(all[0].prevHash).toBe(genesisHash);
    for (let i = 1; i < all.length; i++) expect(all[i].prevHash).toBe(all[i - 1].hash);
    expect(await verifyAudit(ws, c.admin)).toEqual({ ok: true, entries: all.length, head: all.at(-1)!.hash, broken: null });
  });

  it('keeps jsonb details verifiable whatever their key order and contents', async () => {
    await write(ws, c.admin, (_tx, audit) =>
      audit({ action: 'panel.create', entity: { type: 'test', id: 'x' }, details: { z: 1, a: 'é "quoted" <script>', nested: { y: [1.5, null, true], b: {} } } })
    );
    expect((await verifyChain(ws.db.db)).ok).toBe(true);
  });

  it('keeps neither the write nor its entry when the write fails', async () => {
    const before = (await rows()).length;
    await expect(
      write(ws, c.admin, async (tx, audit) => {
        await tx.insert(panels).values({ boroughCode: 'E09000001', slug: 'city-of-london', name: 'City' });
        await audit({ action: 'panel.create', entity: { type: 'panel', id: 0 } });
        throw new Error('stop');
      })
    ).rejects.toThrow('stop');
    expect((await rows()).length).toBe(before);
    expect(await ws.db.db.select().from(panels).where(eq(panels.slug, 'city-of-london'))).toEqual([]);
  });

  it('never forks, even when many writes append at once', async () => {
    await Promise.all(
      Array.from({ length: 12 }, (_, i) => write(ws, c.admin, (_tx, audit) => audit({ action: 'panel.create', entity: { type: 'test', id: i } })))
    );
    const result = await verifyChain(ws.db.db);
    expect(result.ok).toBe(true);
    const hashes = (await rows()).map((r) => r.prevHash);
    expect(new Set(hashes).size).toBe(hashes.length);
  });

  it('may be verified by an admin only', async () => {
    await expect(verifyAudit(ws, c.chair)).rejects.toThrow(Forbidden);
    await expect(verifyAudit(ws, anonymous)).rejects.toThrow(SignInRequired);
  });

  it('reports the first altered entry when a row is changed directly in the database', async () => {
    const victim = (await rows())[3];
    await tampering(sql`UPDATE audit_log SET actor_label = 'someone else' WHERE id = ${victim.id}`);
    const result = await verifyChain(ws.db.db);
    expect(result.ok).toBe(false);
    expect(result.broken).toMatchObject({ id: victim.id, reason: 'altered', action: victim.action });
    expect(result.broken!.message).toBe(`Entry ${victim.id} was altered after it was written.`);
    expect(result.entries).toBe(4);
    await tampering(sql`UPDATE audit_log SET actor_label = ${victim.actorLabel} WHERE id = ${victim.id}`);
    expect((await verifyChain(ws.db.db)).ok).toBe(true);
  });

  it('reports an altered entry whose hash was recomputed, at the entry after it', async () => {
    const all = await rows();
    const [victim, next] = [all[5], all[6]];
    await tampering(sql`UPDATE audit_log SET details = '{"forged": true}'::jsonb WHERE id = ${victim.id}`);
    const forged = (await ws.db.db.select().from(auditLog).where(eq(auditLog.id, victim.id)))[0];
    const { entryHash } = await import('../../src/core/audit/chain.ts');
    await tampering(sql`UPDATE audit_log SET hash = ${entryHash(forged)} WHERE id = ${victim.id}`);
    const result = await verifyChain(ws.db.db);
    expect(result.broken).toMatchObject({ id: next.id, reason: 'not-linked' });
    await tampering(sql`UPDATE audit_log SET details = ${JSON.stringify(victim.details)}::jsonb, hash = ${victim.hash} WHERE id = ${victim.id}`);
    expect((await verifyChain(ws.db.db)).ok).toBe(true);
  });

  it('reports a removed entry at the entry that followed it', async () => {
    const all = await rows();
    await tampering(sql`DELETE FROM audit_log WHERE id = ${all[2].id}`);
    expect((await verifyChain(ws.db.db)).broken).toMatchObject({ id: all[3].id, reason: 'not-linked' });
  });

  it('appends after the newest entry, so a new entry cannot hide a broken one', async () => {
    const broken = (await verifyChain(ws.db.db)).broken!;
    await appendAudit(ws.db.db, ws.clock, c.admin, { action: 'panel.create', entity: { type: 'test', id: 'after' } });
    expect((await verifyChain(ws.db.db)).broken?.id).toBe(broken.id);
  });
});
