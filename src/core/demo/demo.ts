import { randomBytes } from 'node:crypto';
import type { Actor } from '../access/actor.ts';
import { loadActor } from '../access/load-actor.ts';
import { requireAccess } from '../access/require-access.ts';
import { createAction } from '../actions/actions.ts';
import { demoMeetings } from './demo-meetings.ts';
import { demoCia } from './demo-cia.ts';
import { demoCase, type DemoCase } from './demo-cases.ts';
import type { CaseContext } from '../cases/cases.ts';
import type { Warehouse } from '../warehouse/warehouse.ts';
import type { PanelRole } from '../db/schema.ts';
import { Invalid } from '../errors.ts';
import { londonBoroughs } from '../panels/boroughs.ts';
import { acceptWithNewAccount, inviteToPanel } from '../panels/invitations.ts';
import { createPanel } from '../panels/panels.ts';
import * as q from '../questions/questions.ts';
import { addDays } from '../figures/period.ts';
import { addWorkingDays, londonDay } from '../questions/working-days.ts';

/** The fictional people of a demonstration panel: every role, none of them real. */
const cast: { key: string; name: string; role: PanelRole }[] = [
  { key: 'chair', name: 'Demo Chair (fictional)', role: 'chair' },
  { key: 'clerk', name: 'Demo Clerk (fictional)', role: 'clerk' },
  { key: 'member', name: 'Demo Member (fictional)', role: 'member' },
  { key: 'youth', name: 'Demo Youth Member (fictional)', role: 'member' },
  { key: 'police', name: 'Demo Inspector (fictional)', role: 'police' }
];

export interface DemoPanel {
  panel: { id: number; name: string; slug: string };
  /** Sign-in details, shown once: the password is random and only its hash is kept. */
  people: { name: string; email: string; role: PanelRole }[];
  password: string;
  questions: number;
  actions: number;
  meetings: number;
  /** The case file of the Ridley Road Market operation and its link to the police data: Hackney's panel only. */
  case: DemoCase | null;
}

/**
 * Makes a demonstration panel for a borough (`scrutineer demo`): marked as such in its name, with
 * fictional members in every role, questions in every state (one overdue), actions and meetings (one with
 * published minutes, one coming up with its matters arising) and a case file with a published
 * summary (the Ridley Road Market operation, src/core/demo/demo-cases.ts), so a newcomer sees a
 * working workspace at once. It refuses a borough that already has a panel. Admin only (the CLI).
 */
export async function createDemoPanel(ctx: CaseContext & { warehouse?: Warehouse | null }, actor: Actor, raw: { borough: string }): Promise<DemoPanel> {
  requireAccess(actor, 'panel.create');
  const borough = londonBoroughs.find((b) => b.slug === raw.borough.trim().toLowerCase() || b.code === raw.borough.trim());
  if (!borough) throw new Invalid(`No London borough is called "${raw.borough}": use its name in a URL, like hackney or tower-hamlets.`, { field: 'borough' });
  const panel = await createPanel(ctx, actor, { boroughCode: borough.code, name: `DEMONSTRATION: ${borough.name} Community Scrutiny Panel (fictional data)` });
  const password = randomBytes(12).toString('base64url');
  const people: DemoPanel['people'] = [];
  const actors: Record<string, Actor> = {};
  const ids: Record<string, string> = {};
  for (const person of cast) {
    const email = `demo-${person.key}.${borough.slug}@example.org`;
    const issued = await inviteToPanel(ctx, actor, { panelId: panel.id, email, role: person.role });
    const accepted = await acceptWithNewAccount(ctx, { kind: 'anonymous' }, { token: issued.token, name: person.name, password, confirm: password });
    actors[person.key] = await loadActor(ctx.db.db, accepted.userId);
    ids[person.key] = accepted.userId;
    people.push({ name: person.name, email, role: person.role });
  }
  const { clerk, chair, member, police } = actors;
  const panelId = panel.id;
  const figure = { metric: 'Searches per 1,000 people, Black against White (demonstration figure)', area: borough.name, period: 'last month', value: '3.1 times' };
  const draft = (title: string, body: string, finding?: typeof figure) => q.draftQuestion(ctx, member, { panelId, title, body, finding });
  const sent = async (title: string, body: string, finding?: typeof figure) => {
    const d = await draft(title, body, finding);
    return q.sendQuestion(ctx, clerk, { panelId, questionId: d.id, addresseeId: ids.police });
  };

  await draft('[Demo] Handcuffing of under-18s', 'How many under-18s were handcuffed during a stop and search last quarter, and why?');
  await sent('[Demo] Section 60 authorisation last weekend', 'What intelligence supported the authorisation, and what did the searches find?');
  const ack = await sent('[Demo] Strip searches of children', 'How many more thorough searches exposing intimate parts involved children, and was an appropriate adult present?');
  await q.acknowledgeQuestion(ctx, police, { questionId: ack.id });
  const paused = await sent('[Demo] Market operation communications', 'How were residents told about the planned operation before and after it?');
  await q.requestClarification(ctx, police, { questionId: paused.id, request: 'Do you mean the operation of last month or the one before?' });
  const extended = await sent('[Demo] Body-worn video retention', 'How long is footage of searches kept, and how can a panel reviewer see it?');
  await q.extendQuestion(ctx, chair, { panelId, questionId: extended.id, dueOn: addWorkingDays(extended.dueOn!, 10), reason: 'The information team needs time to check the retention schedule (agreed at the meeting).' });
  const answered = await sent('[Demo] Rise in searches', 'Why did the rate ratio rise last month?', figure);
  await q.answerQuestion(ctx, police, { questionId: answered.id, answer: 'A planned operation against drug supply accounts for most of the rise. (Demonstration answer.)' });
  const assessed = await sent('[Demo] Grounds recorded', 'What share of search records had grounds a reviewer could understand?');
  await q.answerQuestion(ctx, police, { questionId: assessed.id, answer: 'We do not hold this figure centrally. (Demonstration answer.)' });
  await q.assessQuestion(ctx, chair, { panelId, questionId: assessed.id, assessment: 'unsatisfactory', note: 'The panel will ask again with a sample of records.' });
  await q.publishQuestion(ctx, clerk, { panelId, questionId: assessed.id });
  const closed = await sent('[Demo] Taser use', 'How many times was a Taser drawn or fired last quarter?');
  await q.answerQuestion(ctx, police, { questionId: closed.id, answer: 'Drawn 14 times, fired twice. (Demonstration answer.)' });
  await q.assessQuestion(ctx, chair, { panelId, questionId: closed.id, assessment: 'satisfactory' });
  await q.publishQuestion(ctx, clerk, { panelId, questionId: closed.id });
  await q.closeQuestion(ctx, clerk, { panelId, questionId: closed.id });
  // Sent six weeks ago and not answered: overdue in the register, and a matter arising at the next meeting.
  const sixWeeksAgo = { ...ctx, clock: { now: () => new Date(ctx.clock.now().getTime() - 42 * 86_400_000) } };
  const late = await q.draftQuestion(sixWeeksAgo, member, { panelId, title: '[Demo] Searches of people in mental health crisis', body: 'How many searches last quarter involved a person in mental health crisis, and was a health professional called?' });
  await q.sendQuestion(sixWeeksAgo, clerk, { panelId, questionId: late.id, addresseeId: ids.police });
  const escalated = await sent('[Demo] Complaint handling', 'Why has the panel had no reply about the complaint referred in the spring?');
  await q.escalateQuestion(ctx, chair, { panelId, questionId: escalated.id, to: 'mopac', reason: 'No answer after two reminders.' });
  await q.publishQuestion(ctx, clerk, { panelId, questionId: escalated.id });

  const today = londonDay(ctx.clock.now());
  const action = (title: string, owner: string, days: number, rag: 'red' | 'amber' | 'green', links: { questionId?: number; finding?: typeof figure } = {}) =>
    createAction(ctx, clerk, { panelId, title, ownerId: ids[owner], dueOn: days < 0 ? addDays(today, days) : addWorkingDays(today, days), rag, ...links });
  await action('[Demo] Send the panel a sample of search records for review', 'police', 10, 'amber', { questionId: assessed.id });
  await action('[Demo] Write to residents near the market about the operation', 'chair', 5, 'green');
  await action('[Demo] Check the rise against last year', 'member', -3, 'red', { finding: figure });

  const meetings = await demoMeetings(ctx, { clerk, chair }, ids, panelId, `${borough.name} Town Hall`);
  // The incident happened in Hackney: another borough's demonstration panel has no case file.
  const demo = borough.code === 'E09000012' ? await demoCase(ctx, { clerk, chair }, panelId) : null;
  const cias = await demoCia(ctx, { clerk, chair, member }, panelId, borough.code, demo?.incidentId);

  return { panel: { id: panel.id, name: panel.name, slug: panel.slug }, people, password, questions: 10 + cias, actions: 3, meetings, case: demo };
}
