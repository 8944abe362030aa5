import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymous } from '../../src/core/access/actor.ts';
import { NotFound } from '../../src/core/errors.ts';
import { answerQuestion, assessQuestion, draftQuestion, publishQuestion, sendQuestion } from '../../src/core/questions/questions.ts';
import { questionTracker } from '../../src/core/questions/tracker.ts';
import { databaseTargets } from '../support/databases.ts';
import { fakeClock } from '../support/fake-clock.ts';
import { cast, openWorkspace, userId, type TestWorkspace } from '../support/workspace.ts';

describe.each(databaseTargets())('the public question tracker on $name', (target) => {
  let ws: TestWorkspace;
  let c: Awaited<ReturnType<typeof cast>>;
  beforeAll(async () => {
    ws = await openWorkspace(target);
    c = await cast(ws);
    ws.clock = fakeClock(Date.UTC(2025, 5, 2, 9));
  });
  afterAll(async () => ws?.dispose());

  it('shows published questions with answers and assessments, nothing unpublished, and the response-time record', async () => {
    const policeId = await userId(ws, 'police@example.org');
    const panelId = c.hackney.id;
    const sent = async (title: string) => {
      const q = await draftQuestion(ws, c.clerk, { panelId, title, body: `Body of ${title}` });
      return sendQuestion(ws, c.clerk, { panelId, questionId: q.id, addresseeId: policeId });
    };
    await draftQuestion(ws, c.clerk, { panelId, title: 'Secret draft', body: 'never public' });
    const onTime = await sent('<script>alert(1)</script> Strip searches');
    const late = await sent('Unpublished but late');
    const waiting = await sent('Still waiting');
    await sent('Unpublished and outstanding');
    await answerQuestion(ws, c.police, { questionId: onTime.id, answer: 'Eight people were searched.' });
    await assessQuestion(ws, c.chair, { panelId, questionId: onTime.id, assessment: 'unsatisfactory', note: 'No breakdown by age.' });
    await publishQuestion(ws, c.clerk, { panelId, questionId: onTime.id });
    await publishQuestion(ws, c.clerk, { panelId, questionId: waiting.id });
    ws.clock = fakeClock(Date.UTC(2025, 6, 10, 9)); // 10 July: past the 30 June due date
    await answerQuestion(ws, c.police, { questionId: late.id, answer: 'Sorry for the delay.' });

    const tracker = await questionTracker(ws, anonymous, 'hackney');
    expect(tracker.questions.map((q) => q.title)).toEqual(['Still waiting', '<script>alert(1)</script> Strip searches']);
    expect(tracker.questions[1]).toMatchObject({ answer: 'Eight people were searched.', assessment: 'unsatisfactory', clock: 'on-time' });
    expect(tracker.questions[0].clock).toBe('overdue');
    expect(JSON.stringify(tracker)).not.toMatch(/Secret draft|never public|Unpublished|Sorry for the delay/);
    expect(tracker.record).toEqual({ sent: 4, onTime: 1, late: 1, outstanding: 2, overdue: 2, veryOverdue: 0 });
  });

  it('is not found for a borough without a panel, and shows an empty record for a quiet one', async () => {
    await expect(questionTracker(ws, anonymous, 'bexley')).rejects.toBeInstanceOf(NotFound);
    expect((await questionTracker(ws, anonymous, 'islington')).record.sent).toBe(0);
  });
});
