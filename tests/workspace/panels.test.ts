import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymous, type Actor } from '../../src/core/access/actor.ts';
import { SignInRequired } from '../../src/core/access/require-access.ts';
import { auditLog, panels } from '../../src/core/db/schema.ts';
import { Conflict, Forbidden, Invalid, NotFound } from '../../src/core/errors.ts';
import { createPanel, listPanels, myPanels, publicPanel, openWorkspace as workspaceOf } from '../../src/core/panels/panels.ts';
import { databaseTargets } from '../support/databases.ts';
import { cast, openWorkspace, type TestWorkspace } from '../support/workspace.ts';

describe.each(databaseTargets())('panels on $name', (target) => {
  let ws: TestWorkspace;
  let c: Awaited<ReturnType<typeof cast>>;
  beforeAll(async () => {
    ws = await openWorkspace(target);
    c = await cast(ws);
  });
  afterAll(async () => ws?.dispose());

  const auditCount = async () => (await ws.db.db.select({ n: sql<number>`count(*)::int` }).from(auditLog))[0].n;
  const panelCount = async () => (await ws.db.db.select({ n: sql<number>`count(*)::int` }).from(panels))[0].n;

  it('lets an admin create a panel, named after its borough, and audits it', async () => {
    const before = await auditCount();
    const panel = await createPanel(ws, c.admin, { boroughCode: 'E09000030' });
    expect(panel).toMatchObject({ boroughCode: 'E09000030', slug: 'tower-hamlets', name: 'Tower Hamlets Community Scrutiny Panel' });
    const [entry] = await ws.db.db.select().from(auditLog).orderBy(sql`id desc`).limit(1);
    expect(await auditCount()).toBe(before + 1);
    expect(entry).toMatchObject({ action: 'panel.create', entityType: 'panel', entityId: String(panel.id), panelId: panel.id, actorLabel: 'admin@example.org' });
    expect(entry.details).toEqual({ boroughCode: 'E09000030', name: 'Tower Hamlets Community Scrutiny Panel' });
  });

  it('refuses a second panel for a borough, and a borough that is not in London', async () => {
    await expect(createPanel(ws, c.admin, { boroughCode: 'E09000012' })).rejects.toThrow(Conflict);
    await expect(createPanel(ws, c.admin, { boroughCode: 'E08000001' })).rejects.toThrow(Invalid);
  });

  it.each([
    ['anonymous', () => anonymous, SignInRequired],
    ['a member', () => c.member, Forbidden],
    ['a clerk', () => c.clerk, Forbidden],
    ['a chair', () => c.chair, Forbidden],
    ['a police respondent', () => c.police, Forbidden]
  ] as Array<[string, () => Actor, new (...a: never[]) => Error]>)('refuses %s before anything else: no panel, no audit entry', async (_who, actor, error) => {
    const [panelsBefore, auditBefore] = [await panelCount(), await auditCount()];
    // Even with input that is not valid: access is checked first.
    await expect(createPanel(ws, actor(), { boroughCode: 'nonsense' })).rejects.toThrow(error);
    expect([await panelCount(), await auditCount()]).toEqual([panelsBefore, auditBefore]);
  });

  it("tells anyone a borough's panel by name, for the links to its public pages, and null where there is none", async () => {
    expect(await publicPanel(ws, anonymous, 'hackney')).toEqual({ name: 'Hackney Community Scrutiny Panel', slug: 'hackney' });
    expect(await publicPanel(ws, anonymous, 'atlantis')).toBeNull();
  });

  it('lists every panel to an admin only', async () => {
    const list = await listPanels(ws, c.admin);
    expect(list.map((p) => p.slug)).toEqual(expect.arrayContaining(['hackney', 'islington']));
    expect(list.find((p) => p.slug === 'hackney')?.members).toBe(4);
    await expect(listPanels(ws, c.chair)).rejects.toThrow(Forbidden);
  });

  it('opens the workspace for each member of the panel, with what their role may see', async () => {
    const asMember = await workspaceOf(ws, c.member, 'hackney');
    expect(asMember.role).toBe('member');
    expect(asMember.members?.map((m) => [m.email, m.role])).toEqual([
      ['chair@example.org', 'chair'],
      ['clerk@example.org', 'clerk'],
      ['member@example.org', 'member'],
      ['police@example.org', 'police']
    ]);
    expect(asMember.canInvite).toBe(false);
    expect((await workspaceOf(ws, c.clerk, 'hackney')).canInvite).toBe(true);
    const asPolice = await workspaceOf(ws, c.police, 'hackney');
    expect(asPolice.role).toBe('police');
    expect(asPolice.members).toBeNull();
  });

  it('answers "not found" to a member of another panel, to an admin, and for a panel that does not exist, alike', async () => {
    for (const [actor, slug] of [[c.otherMember, 'hackney'], [c.admin, 'hackney'], [c.member, 'islington'], [c.member, 'nowhere']] as const) {
      const err = await workspaceOf(ws, actor, slug).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(NotFound);
      expect((err as Error).message).toBe('There is nothing at this address.');
    }
    await expect(workspaceOf(ws, anonymous, 'hackney')).rejects.toThrow(SignInRequired);
  });

  it("lists a person's own panels only", async () => {
    expect((await myPanels(ws, c.clerk)).map((p) => [p.panel.slug, p.role])).toEqual([['hackney', 'clerk']]);
    expect((await myPanels(ws, c.otherMember)).map((p) => p.panel.slug)).toEqual(['islington']);
    expect(await myPanels(ws, c.admin)).toEqual([]);
  });
});
