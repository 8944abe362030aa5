import type { ActionItem, Question } from '../db/schema.ts';
import { clockState } from '../questions/clock.ts';
import { workingDaysBetween } from '../questions/working-days.ts';
import { longDay } from './time.ts';

/** One matter arising, as an agenda item says it. */
export interface Matter {
  questionId: number | null;
  actionId: number | null;
  title: string;
  description: string;
  /** Only what the panel has already published starts as public; the clerk can change it. */
  confidential: boolean;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** An overdue question: when it was due and by how many working days it is late, or null when it is not overdue. */
export function questionMatter(q: Question, today: string): Matter | null {
  const clock = clockState(q, today);
  if (clock !== 'overdue' && clock !== 'very-overdue') return null;
  const late = workingDaysBetween(q.dueOn!, today);
  const very = clock === 'very-overdue' ? ' This is very overdue: past twice the time allowed.' : '';
  return {
    questionId: q.id,
    actionId: null,
    title: `Overdue question: ${q.title}`,
    description: `Sent to the police on ${longDay(q.sentOn!)}. The answer was due on ${longDay(q.dueOn!)} and is ${plural(late, 'working day')} overdue.${very}`,
    confidential: q.publishedAt === null
  };
}

/** An open action: its owner, due date, status, and how long it is overdue if it is. */
export function actionMatter(a: ActionItem & { ownerName: string | null }, today: string): Matter | null {
  if (a.doneOn) return null;
  const days = daysBetween(a.dueOn, today);
  const when = days > 0 ? `was due on ${longDay(a.dueOn)} and is ${plural(days, 'day')} overdue` : days === 0 ? 'is due today' : `is due on ${longDay(a.dueOn)}, in ${plural(-days, 'day')}`;
  return {
    questionId: null,
    actionId: a.id,
    title: `Open action: ${a.title}`,
    description: `Owner: ${a.ownerName ?? 'nobody'}. It ${when}. Status: ${a.rag}.`,
    confidential: true
  };
}
