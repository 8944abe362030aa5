import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymous } from '../../src/core/access/actor.ts';
import { SignInRequired } from '../../src/core/access/require-access.ts';
import { createAction, editAction, getAction, listActions } from '../../src/core/actions/actions.ts';
import { actionItems, auditLog } from '../../src/core/db/schema.ts';
import { Forbidden, Invalid, NotFound } from '../../src/core/errors.ts';
import { draftQuestion } from '../../src/core/questions/questions.ts';
import { databaseTargets } from '../support/databases.ts';
import { fakeClock } from '../support/fake-clock.ts';
import { cast, openWorkspace, userId, type TestWorkspace } from '../support/workspace.ts';

describe.each(databaseTargets())('actions on $name', (target) => {
  let ws: TestWorkspace;
  let c: Awaited<ReturnType<typeof cast>>;
  let chairId: string;
  beforeAll(async () => {
    ws = await openWorkspace(target);
    c = await cast(ws);
    chairId = await userId(ws, 'chair@example.org');
    ws.clock = fakeClock(Date.UTC(2025, 5, 2, 9));
  });
  afterAll(async () => ws?.dispose());

  const base = () => ({ panelId: c.hackney.id, title: 'Ask for the strip-search records', ownerId: chairId, dueOn: '2025-06-20', rag: 'green' as const });

  it('refuses before anything is written', async () => {
    const before = (await ws.db.db.select().from(auditLog)).length;
    await expect(createAction(ws, anonymous, base())).rejects.toBeInstanceOf(SignInRequired);
    await expect(createAction(ws, c.otherMember, base())).rejects.toBeInstanceOf(NotFound);
    await expect(createAction(ws, c.member, base())).rejects.toBeInstanceOf(Forbidden);
    await expect(createAction(ws, c.police, base())).rejects.toBeInstanceOf(Forbidden);
    await expect(listActions(ws, c.police, c.hackney.id)).rejects.toBeInstanceOf(Forbidden);
    expect((await ws.db.db.select().from(auditLog)).length).toBe(before);
    expect(await ws.db.db.select().from(actionItems)).toEqual([]);
  });

  it('records an action linked to a question and a figure, audited, and edits it', async () => {
    const q = await draftQuestion(ws, c.clerk, { panelId: c.hackney.id, title: 'Strip searches', body: 'How many?' });
    const finding = { metric: 'Strip searches', area: 'Hackney', period: '2025-04', value: '12' };
    const item = await createAction(ws, c.clerk, { ...base(), questionId: q.id, finding });
    expect(item).toMatchObject({ rag: 'green', questionId: q.id, finding, doneOn: null });
    const edited = await editAction(ws, c.chair, { ...base(), actionId: item.id, rag: 'red', dueOn: '2025-06-27', questionId: q.id, done: true });
    expect(edited).toMatchObject({ rag: 'red', dueOn: '2025-06-27', doneOn: '2025-06-02', finding: null });
    const entries = await ws.db.db.select().from(auditLog).where(eq(auditLog.entityType, 'action'));
    expect(entries.map((e) => e.action)).toEqual(['action.create', 'action.edit']);
    expect(entries[1].details).toMatchObject({ changed: { rag: { from: 'green', to: 'red' }, dueOn: { from: '2025-06-20', to: '2025-06-27' } } });
    expect((await getAction(ws, c.member, { panelId: c.hackney.id, actionId: item.id })).questionTitle).toBe('Strip searches');
  });

  it('names each bad field', async () => {
    const err = await createAction(ws, c.clerk, { panelId: c.hackney.id, title: '', ownerId: '', dueOn: '20 June', rag: 'purple' as 'red' }).catch((e) => e);
    expect(err).toBeInstanceOf(Invalid);
    expect(Object.keys(err.details.fields).sort()).toEqual(['dueOn', 'ownerId', 'rag', 'title']);
    const outsider = await createAction(ws, c.clerk, { ...base(), ownerId: await userId(ws, 'islington@example.org') }).catch((e) => e);
    expect(outsider.details.field).toBe('ownerId');
  });

  it('says an open action past its due date is overdue, and keeps panels apart', async () => {
    const item = await createAction(ws, c.clerk, { ...base(), title: 'Late one', dueOn: '2025-05-30' });
    expect((await listActions(ws, c.member, c.hackney.id)).find((a) => a.id === item.id)?.overdue).toBe(true);
    await expect(getAction(ws, c.otherMember, { panelId: c.islington.id, actionId: item.id })).rejects.toBeInstanceOf(NotFound);
    await expect(editAction(ws, c.clerk, { ...base(), panelId: c.hackney.id, actionId: 99999 })).rejects.toBeInstanceOf(NotFound);
  });
});
