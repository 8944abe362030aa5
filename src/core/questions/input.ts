import { z } from 'zod';
import { assessments, escalationTargets } from '../db/schema.ts';

const text = (what: string, max: number) =>
  z
    .string({ error: `Enter ${what}.` })
    .trim()
    .min(1, `Enter ${what}.`)
    .max(max, `Keep ${what} under ${max} characters.`);

const optionalText = (max: number, what: string) => z.string().trim().max(max, `Keep ${what} under ${max} characters.`).optional().default('');

export const day = z.iso.date({ error: 'Enter a date, like 2025-06-30.' });

/** A figure's finding: all four parts, or none. */
export const findingInput = z.object({
  metric: text('the figure', 200),
  area: text('the area', 200),
  period: text('the period', 100),
  value: text('the value', 100)
});

export const draftInput = z.object({
  title: text('a short title', 200),
  body: text('the question', 5000),
  finding: findingInput.optional()
});

export const sendInput = z.object({ addresseeId: z.string({ error: 'Choose a police respondent.' }).min(1, 'Choose a police respondent.') });
export const clarificationInput = z.object({ request: text('what needs clarifying', 2000) });
export const clarifyInput = z.object({ clarification: text('the clarification', 2000) });
export const extendInput = z.object({ dueOn: day, reason: text('the reason for the extension', 1000) });
export const answerInput = z.object({ answer: text('the answer', 20000) });
export const assessInput = z.object({
  assessment: z.enum(assessments, { error: 'Choose satisfactory, partly or unsatisfactory.' }),
  note: optionalText(2000, 'the note')
});
export const escalateInput = z.object({
  to: z.enum(escalationTargets, { error: 'Choose the commander, MOPAC or the IOPC.' }),
  reason: text('the reason for escalating', 2000)
});
