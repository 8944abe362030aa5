import { z } from 'zod';
import {
  claimRelationKinds,
  claimStatuses,
  incidentKinds,
  investigationModes,
  justiceOutcomeKinds,
  referralBodies,
  referralOutcomes,
  referralStatuses,
  sourceKinds
} from '../db/schema.ts';
import { unsafeUrlReason } from './safe-url.ts';

/**
 * Text is kept as text and always shown escaped, so HTML in it is harmless; control characters
 * (a NUL cannot even be stored by PostgreSQL) are dropped, line breaks and tabs kept.
 */
const clean = (v: unknown) => (typeof v === 'string' ? v.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '') : v);

export const text = (what: string, max: number) =>
  z.preprocess(
    clean,
    z
      .string({ error: `Enter ${what}.` })
      .trim()
      .min(1, `Enter ${what}.`)
      .max(max, `Keep ${what} under ${max.toLocaleString('en-GB')} characters.`)
  );

export const optionalText = (what: string, max: number) =>
  z.preprocess((v) => clean(v ?? ''), z.string().trim().max(max, `Keep ${what} under ${max.toLocaleString('en-GB')} characters.`));

const blank = (v: unknown) => v === '' || v === null || v === undefined;
const optional = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (blank(v) ? undefined : v), schema.optional());

const day = z.iso.date({ error: 'Enter a date, like 2023-07-21.' });
export const timeOfDay = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Enter a time, like 14:30.');
// Ids are serial (int4) columns: a larger number would make the query fail rather than find nothing.
const maxId = 2_147_483_647;
const id = (what: string) => z.coerce.number({ error: `Choose ${what}.` }).int(`Choose ${what}.`).positive(`Choose ${what}.`).max(maxId, `Choose ${what}.`);
const ids = z.preprocess((v) => (blank(v) ? [] : Array.isArray(v) ? v : [v]), z.array(z.coerce.number().int().positive().max(maxId)));

export const incidentInput = z
  .object({
    title: text('a title', 200),
    summary: optionalText('the summary', 5000),
    startsOn: day,
    startsAt: optional(timeOfDay),
    endsOn: optional(day),
    endsAt: optional(timeOfDay),
    kinds: z.preprocess(
      (v) => (blank(v) ? [] : Array.isArray(v) ? v : [v]),
      z.array(z.enum(incidentKinds, { error: 'Choose from the kinds listed.' })).min(1, 'Choose at least one kind of incident.')
    )
  })
  .refine((i) => !i.endsOn || i.endsOn >= i.startsOn, { message: 'The end cannot be before the start.', path: ['endsOn'] });

const coordinate = (what: string, min: number, max: number) =>
  optional(z.coerce.number({ error: `Enter the ${what} as a number, like ${what === 'latitude' ? '51.5486' : '-0.0755'}.` }).min(min, `The ${what} must be between ${min} and ${max}.`).max(max, `The ${what} must be between ${min} and ${max}.`));

export const placeInput = z
  .object({
    name: text('the name of the place', 200),
    latitude: coordinate('latitude', -90, 90),
    longitude: coordinate('longitude', -180, 180)
  })
  .refine((p) => (p.latitude === undefined) === (p.longitude === undefined), { message: 'Give both the latitude and the longitude, or neither.', path: ['longitude'] });

export const urlInput = optional(
  z.preprocess(clean, z.string().trim().max(2000, 'Keep the web address under 2,000 characters.')).superRefine((v, ctx) => {
    const reason = unsafeUrlReason(v);
    if (reason) ctx.addIssue({ code: 'custom', message: reason });
  })
);

export const sourceInput = z.object({
  kind: z.enum(sourceKinds, { error: 'Choose the kind of source.' }),
  title: text('a title for the source', 300),
  publisher: optionalText('the publisher', 200),
  author: optionalText('the author', 200),
  url: urlInput,
  publishedOn: optional(day),
  text: optionalText("the source's text", 200_000)
});

export const eventInput = z.object({
  occurredOn: day,
  occurredAt: optional(timeOfDay),
  description: text('what happened', 2000),
  sourceIds: ids.pipe(z.array(z.number()).min(1, 'Choose at least one source that supports this event.'))
});

export const claimInput = z.object({
  sourceId: id('the source'),
  claimant: text('who made the claim', 200),
  text: text('the claim', 2000),
  quote: optionalText('the quoted words', 5000),
  spanStart: optional(z.coerce.number({ error: 'The start of the span must be a whole number.' }).int('The start of the span must be a whole number.')),
  spanEnd: optional(z.coerce.number({ error: 'The end of the span must be a whole number.' }).int('The end of the span must be a whole number.'))
});

export const decisionInput = z.object({
  claimId: id('the claim'),
  status: z.enum(claimStatuses, { error: 'Choose unverified, supported, disputed, refuted or established.' }),
  reason: text('why', 2000)
});

export const relationInput = z
  .object({
    fromClaimId: id('the claim'),
    toClaimId: id('the other claim'),
    kind: z.enum(claimRelationKinds, { error: 'Choose supports or contradicts.' }),
    note: optionalText('the note', 1000)
  })
  .refine((r) => r.fromClaimId !== r.toClaimId, { message: 'A claim cannot support or contradict itself.', path: ['toClaimId'] });

export const referralInput = z.object({
  body: z.enum(referralBodies, { error: 'Choose professional standards or the IOPC.' }),
  reference: optionalText('the reference', 100),
  referredOn: day,
  mode: optional(z.enum(investigationModes, { error: 'Choose how it is being handled.' })),
  status: z.enum(referralStatuses, { error: 'Choose where the referral stands.' }),
  outcome: optional(z.enum(referralOutcomes, { error: 'Choose an outcome from the list.' })),
  outcomeOn: optional(day),
  reviewRequestedOn: optional(day),
  reviewOutcome: optionalText('the outcome of the review', 2000),
  notes: optionalText('the notes', 5000)
});

export const justiceOutcomeInput = z.object({
  kind: z.enum(justiceOutcomeKinds, { error: 'Choose arrest, charge or conviction.' }),
  occurredOn: day,
  people: z.preprocess((v) => (blank(v) ? 1 : v), z.coerce.number({ error: 'Enter how many people, as a number.' }).int('Enter a whole number of people.').min(1, 'At least one person.').max(10000, 'That is too many people.')),
  description: text('what happened', 2000),
  sourceId: id('the source that reports it')
});

export const linkQuestionInput = z.object({ questionId: id('a question') });

