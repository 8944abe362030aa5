import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymous } from '../../src/core/access/actor.ts';
import { publishedCias } from '../../src/core/cia/publish.ts';
import { ciaQuestions, ciaReviews, cias, questions } from '../../src/core/db/schema.ts';
import { createDemoPanel } from '../../src/core/demo/demo.ts';
import { databaseTargets } from '../support/databases.ts';
import { openWorkspace, type TestWorkspace } from '../support/workspace.ts';
import { caseContext } from '../cases/support.ts';

describe.each(databaseTargets())('the demonstration CIA on $name', (target) => {
  let ws: TestWorkspace;
  let ctx: ReturnType<typeof caseContext>;
  beforeAll(async () => {
    ws = await openWorkspace(target);
    ctx = caseContext(ws);
  });
  afterAll(async () => {
    ctx?.removeFiles();
    await ws?.dispose();
  });

  it("gives Hackney's demonstration panel the Ridley Road CIA, linked to the case file, reviewed, with a question and a published summary; other boroughs none", async () => {
    const demo = await createDemoPanel(ctx, ws.cli, { borough: 'hackney' });
    expect(demo.questions).toBe(11);
    const [cia] = await ws.db.db.select().from(cias).where(eq(cias.panelId, demo.panel.id));
    expect(cia).toMatchObject({ title: '[Demo] Ridley Road Market operation: community impact assessment', incidentId: demo.case!.incidentId, dayBorough: 'E09000012', dayOn: '2023-07-21', timing: 'after' });
    expect(cia.text).toContain('DEMONSTRATION TEXT');
    expect((await ws.db.db.select().from(ciaReviews).where(eq(ciaReviews.ciaId, cia.id))).map((r) => r.rag).sort()).toEqual(['amber', 'red']);
    const [link] = await ws.db.db.select({ item: ciaQuestions.item, title: questions.title }).from(ciaQuestions).innerJoin(questions, eq(questions.id, ciaQuestions.questionId)).where(eq(ciaQuestions.ciaId, cia.id));
    expect(link).toEqual({ item: 'consultation', title: '[Demo] Ridley Road Market CIA: community consultation' });
    expect((await publishedCias(ws, anonymous, 'hackney')).publications).toHaveLength(1);
    const other = await createDemoPanel(ctx, ws.cli, { borough: 'islington' });
    expect(other.questions).toBe(10);
    expect(await ws.db.db.select().from(cias).where(eq(cias.panelId, other.panel.id))).toEqual([]);
  });
});
