import type { Question } from '../db/schema.ts';
import { addWorkingDays, workingDaysBetween } from './working-days.ts';

/**
 * Where a question stands against its clock on a given day (DOMAIN.md §2):
 * - waiting: sent, not yet due; paused: the police asked for clarification;
 * - overdue: past the due date; very overdue: past twice the allowed time, that is more than the
 *   allowed working days again after the due date (an agreed extension moves both);
 * - on time / late: answered by the due date or after it.
 */
export type ClockState = 'draft' | 'waiting' | 'paused' | 'overdue' | 'very-overdue' | 'on-time' | 'late';

export function clockState(q: Pick<Question, 'status' | 'dueOn' | 'pausedOn' | 'answeredOn' | 'allowedWorkingDays'>, today: string): ClockState {
  if (q.status === 'draft' || !q.dueOn) return 'draft';
  if (q.answeredOn) return q.answeredOn <= q.dueOn ? 'on-time' : 'late';
  if (q.pausedOn) return 'paused';
  if (today > veryOverdueAfter(q.dueOn, q.allowedWorkingDays ?? 0)) return 'very-overdue';
  if (today > q.dueOn) return 'overdue';
  return 'waiting';
}

export const veryOverdueAfter = (dueOn: string, allowed: number) => addWorkingDays(dueOn, allowed);

/** The due date once a pause that began on `pausedOn` ends on `today`: moved by the working days it lasted. */
export const resumedDueOn = (dueOn: string, pausedOn: string, today: string) => addWorkingDays(dueOn, workingDaysBetween(pausedOn, today));

export const clockLabels: Record<ClockState, string> = {
  draft: 'not sent',
  waiting: 'waiting for an answer',
  paused: 'clock paused: clarification requested',
  overdue: 'overdue',
  'very-overdue': 'very overdue',
  'on-time': 'answered on time',
  late: 'answered late'
};
