import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymous } from '../../src/core/access/actor.ts';
import { SignInRequired } from '../../src/core/access/require-access.ts';
import { auditLog, questionEvents } from '../../src/core/db/schema.ts';
import { Conflict, Forbidden, Invalid, NotFound } from '../../src/core/errors.ts';
import { draftQuestion, editDraft, getQuestion, sendQuestion } from '../../src/core/questions/questions.ts';
import { databaseTargets } from '../support/databases.ts';
import { cast, openWorkspace, userId, type TestWorkspace } from '../support/workspace.ts';

const finding = { metric: 'Searches per 1,000 people', area: 'Hackney', period: '2025-04', value: '12.1' };

describe.each(databaseTargets())('editing a draft question on $name', (target) => {
  let ws: TestWorkspace;
  let c: Awaited<ReturnType<typeof cast>>;
  beforeAll(async () => {
    ws = await openWorkspace(target);
    c = await cast(ws);
  });
  afterAll(async () => ws?.dispose());

  const draft = () => draftQuestion(ws, c.member, { panelId: c.hackney.id, title: 'First title', body: 'First text.', finding });
  const edits = (questionId: number) =>
    ws.db.db.select().from(auditLog).where(and(eq(auditLog.action, 'question.edit'), eq(auditLog.entityId, String(questionId)))).orderBy(asc(auditLog.id));

  it('lets the clerk and the chair change the title, text and figure, with each change in the audit log and the history', async () => {
    const q = await draft();
    const edited = await editDraft(ws, c.clerk, { panelId: c.hackney.id, questionId: q.id, title: 'Better title', body: 'First text.', finding: { ...finding, value: '12.4' } });
    expect(edited).toMatchObject({ status: 'draft', title: 'Better title', body: 'First text.', finding: { ...finding, value: '12.4' } });
    const [entry] = await edits(q.id);
    expect(entry).toMatchObject({ actorLabel: 'clerk@example.org', panelId: c.hackney.id });
    expect(entry.details).toEqual({
      changed: { title: { from: 'First title', to: 'Better title' }, finding: { from: finding, to: { ...finding, value: '12.4' } } },
      status: 'draft'
    });
    await editDraft(ws, c.chair, { panelId: c.hackney.id, questionId: q.id, title: 'Better title', body: 'Clearer text.' });
    const view = await getQuestion(ws, c.member, { questionId: q.id, panelId: c.hackney.id });
    expect(view).toMatchObject({ body: 'Clearer text.', finding: null });
    expect(view.events.map((e) => `${e.action} ${e.actorLabel}`)).toEqual(['question.draft member@example.org', 'question.edit clerk@example.org', 'question.edit chair@example.org']);
  });

  it('writes nothing when nothing changed (a figure in another key order is the same figure)', async () => {
    const q = await draft();
    const same = { value: finding.value, period: finding.period, area: finding.area, metric: finding.metric };
    await editDraft(ws, c.clerk, { panelId: c.hackney.id, questionId: q.id, title: 'First title', body: 'First text.', finding: same });
    expect(await edits(q.id)).toEqual([]);
  });

  it('refuses once the question is sent: it stays as the police received it', async () => {
    const q = await draft();
    await sendQuestion(ws, c.clerk, { panelId: c.hackney.id, questionId: q.id, addresseeId: await userId(ws, 'police@example.org') });
    const err = await editDraft(ws, c.clerk, { panelId: c.hackney.id, questionId: q.id, title: 'Rewritten', body: 'Rewritten.' }).catch((e) => e);
    expect(err).toBeInstanceOf(Conflict);
    expect(err.message).toContain('Only a draft can be edited');
    expect((await getQuestion(ws, c.clerk, { questionId: q.id })).title).toBe('First title');
    expect(await edits(q.id)).toEqual([]);
  });

  it('refuses everyone but the clerk and the chair, before anything is written, and names bad fields', async () => {
    const q = await draft();
    const input = { panelId: c.hackney.id, questionId: q.id, title: 'Hijacked', body: 'Hijacked.' };
    await expect(editDraft(ws, anonymous, input)).rejects.toBeInstanceOf(SignInRequired);
    await expect(editDraft(ws, c.member, input)).rejects.toBeInstanceOf(Forbidden);
    await expect(editDraft(ws, c.police, input)).rejects.toBeInstanceOf(Forbidden);
    await expect(editDraft(ws, c.otherMember, input)).rejects.toBeInstanceOf(NotFound);
    await expect(editDraft(ws, c.admin, input)).rejects.toBeInstanceOf(NotFound);
    // A question of another panel, reached through this panel's address: not found.
    await expect(editDraft(ws, c.clerk, { ...input, panelId: c.islington.id })).rejects.toBeInstanceOf(NotFound);
    const bad = await editDraft(ws, c.clerk, { ...input, title: ' ', body: '' }).catch((e) => e);
    expect(bad).toBeInstanceOf(Invalid);
    expect(bad.details.fields).toMatchObject({ title: 'Enter a short title.', body: 'Enter the question.' });
    expect(await edits(q.id)).toEqual([]);
    expect((await ws.db.db.select().from(questionEvents).where(eq(questionEvents.questionId, q.id))).map((e) => e.action)).toEqual(['question.draft']);
  });
});
