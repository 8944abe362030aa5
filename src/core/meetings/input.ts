import { z } from 'zod';
import { attendanceStatuses } from '../db/schema.ts';
import { day } from '../questions/input.ts';

const text = (what: string, max: number) =>
  z
    .string({ error: `Enter ${what}.` })
    .trim()
    .min(1, `Enter ${what}.`)
    .max(max, `Keep ${what} under ${max} characters.`);

const optionalText = (what: string, max: number) => z.string().trim().max(max, `Keep ${what} under ${max} characters.`).optional().default('');

const id = (what: string) => z.coerce.number({ error: `Choose ${what}.` }).int(`Choose ${what}.`).positive(`Choose ${what}.`);

/** A checkbox: "on" from a form, or a boolean from code. */
const checkbox = z.preprocess((v) => v === true || v === 'on' || v === 'true', z.boolean()).optional().default(false);

export const meetingInput = z
  .object({
    title: text('a title', 200),
    day,
    time: z.string({ error: 'Enter a time, like 18:30.' }).regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Enter a time, like 18:30.'),
    place: optionalText('the place', 300),
    onlineLink: z
      .string()
      .trim()
      .max(500, 'Keep the link under 500 characters.')
      .refine((v) => v === '' || /^https:\/\/[^\s]+$/.test(v), 'Enter a link starting with https://, or leave it empty.')
      .optional()
      .default('')
  })
  .refine((m) => m.place !== '' || m.onlineLink !== '', { message: 'Say where it is held: a place, an online link, or both.', path: ['place'] });

export const cancelInput = z.object({ reason: text('the reason for cancelling', 1000) });

export const quorumRuleInput = z.object({
  divisor: z.coerce.number({ error: 'Enter a whole number from 1 to 10.' }).int('Enter a whole number from 1 to 10.').min(1, 'Enter a whole number from 1 to 10.').max(10, 'Enter a whole number from 1 to 10.'),
  minimum: z.coerce.number({ error: 'Enter a whole number from 1 to 50.' }).int('Enter a whole number from 1 to 50.').min(1, 'Enter a whole number from 1 to 50.').max(50, 'Enter a whole number from 1 to 50.')
});

const optionalId = z.preprocess((v) => (v === '' || v === null || v === undefined ? undefined : v), id('from the list').optional());

export const agendaItemInput = z.object({
  title: text('the title of the item', 300),
  description: optionalText('the description', 5000),
  confidential: checkbox,
  questionId: optionalId,
  actionId: optionalId
});

export const moveInput = z.object({ itemId: id('an item'), direction: z.enum(['up', 'down'], { error: 'Choose up or down.' }) });

export const attendanceInput = z.object({
  entries: z.array(z.object({ userId: z.string().min(1), status: z.enum(attendanceStatuses, { error: 'Choose present, apologies or absent.' }) }))
});

export const guestInput = z.object({
  name: text("the guest's name", 200),
  role: optionalText('the role', 200),
  status: z.enum(attendanceStatuses, { error: 'Choose present, apologies or absent.' })
});

export const declarationInput = z.object({
  itemId: id('the agenda item'),
  attendanceId: id('who declares it'),
  nature: text('the nature of the interest', 1000)
});

export const minutesInput = z.object({
  entries: z.array(z.object({ itemId: z.number().int().positive(), publicText: z.string().max(20000, 'Keep each part under 20,000 characters.'), confidentialText: z.string().max(20000, 'Keep each part under 20,000 characters.') })),
  note: optionalText('the note', 1000)
});

export const approveInput = z.object({ atMeetingId: id('the meeting that approved them') });
