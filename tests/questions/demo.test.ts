import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymous } from '../../src/core/access/actor.ts';
import { SignInRequired } from '../../src/core/access/require-access.ts';
import { createDemoPanel } from '../../src/core/demo/demo.ts';
import { publishedCase, publishedCases } from '../../src/core/cases/publish.ts';
import { actionItems, agendaItems, meetings, panels, questions } from '../../src/core/db/schema.ts';
import { publishedMinutesList } from '../../src/core/meetings/minutes.ts';
import { Conflict, Invalid } from '../../src/core/errors.ts';
import { clockState } from '../../src/core/questions/clock.ts';
import { questionTracker } from '../../src/core/questions/tracker.ts';
import { londonDay } from '../../src/core/questions/working-days.ts';
import { databaseTargets } from '../support/databases.ts';
import { openWorkspace, type TestWorkspace } from '../support/workspace.ts';
import { caseContext } from '../cases/support.ts';

describe.each(databaseTargets())('scrutineer demo on $name', (target) => {
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

  it('makes a clearly marked panel with fictional people, questions in every state and actions', async () => {
    await expect(createDemoPanel(ctx, anonymous, { borough: 'hackney' })).rejects.toBeInstanceOf(SignInRequired);
    await expect(createDemoPanel(ctx, ws.cli, { borough: 'atlantis' })).rejects.toBeInstanceOf(Invalid);
    const demo = await createDemoPanel(ctx, ws.cli, { borough: 'hackney' });
    expect(demo.panel.name).toMatch(/^DEMONSTRATION: Hackney .*\(fictional data\)$/);
    expect(demo.people.map((p) => p.role).sort()).toEqual(['chair', 'clerk', 'member', 'member', 'police']);
    const rows = await ws.db.db.select().from(questions).where(eq(questions.panelId, demo.panel.id));
    expect(new Set(rows.map((r) => r.status))).toEqual(new Set(['draft', 'sent', 'acknowledged', 'answered', 'assessed', 'closed', 'escalated']));
    expect(rows.every((r) => r.title.startsWith('[Demo]'))).toBe(true);
    expect(rows.some((r) => r.pausedOn) && rows.some((r) => r.extensionReason)).toBe(true);
    const today = londonDay(new Date());
    expect(rows.filter((r) => clockState(r, today) === 'overdue').map((r) => r.title)).toEqual(['[Demo] Searches of people in mental health crisis']);
    expect((await ws.db.db.select().from(actionItems).where(eq(actionItems.panelId, demo.panel.id))).map((a) => a.rag).sort()).toEqual(['amber', 'green', 'red']);
    expect((await questionTracker(ws, anonymous, 'hackney')).questions).toHaveLength(3);
    // Without police data, the case file is still made and says the data is not loaded.
    expect(demo.case?.link.loaded).toBe(false);
    const [pub] = (await publishedCases(ws, anonymous, 'hackney')).cases;
    expect(pub.title).toBe('[Demo] Ridley Road Market operation');
    expect((await publishedCase(ws, anonymous, { borough: 'hackney', incidentId: pub.incidentId })).summary.summary).toContain('is not loaded in this installation');
    await expect(createDemoPanel(ctx, ws.cli, { borough: 'hackney' })).rejects.toBeInstanceOf(Conflict);
  });

  it('has a past meeting with approved, published minutes and an upcoming one with matters arising', async () => {
    const [demo] = await ws.db.db.select().from(panels).where(eq(panels.slug, 'hackney'));
    const rows = await ws.db.db.select().from(meetings).where(eq(meetings.panelId, demo.id)).orderBy(asc(meetings.startsAt));
    expect(rows).toHaveLength(3);
    expect(rows.every((m) => m.title.startsWith('[Demo]') && m.place.includes('(demonstration)'))).toBe(true);
    const published = await publishedMinutesList(ws, anonymous, 'hackney');
    expect(published.minutes.map((m) => m.meetingId)).toEqual([rows[0].id]);
    const [minutes] = published.minutes;
    expect(minutes.published.approvedAtMeeting.title).toBe(rows[1].title);
    expect(minutes.published.confidentialItems).toBe(1);
    expect(JSON.stringify(minutes.published)).not.toContain('named young person');
    const upcoming = await ws.db.db.select().from(agendaItems).where(eq(agendaItems.meetingId, rows[2].id)).orderBy(asc(agendaItems.position));
    const arising = upcoming.filter((i) => i.kind === 'matters-arising');
    expect(arising.map((i) => i.title)).toContain('Open action: [Demo] Check the rise against last year');
    expect(arising.map((i) => i.title)).toContain('Overdue question: [Demo] Searches of people in mental health crisis');
    expect(arising.find((i) => i.title.includes('Check the rise'))?.description).toContain('3 days overdue');
    expect(rows[2].startsAt.getTime()).toBeGreaterThan(Date.now());
  });
});
