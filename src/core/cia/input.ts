import { z } from 'zod';
import { ciaItems, ciaTimings, ragStatuses, type CiaItem } from '../db/schema.ts';

/** The rubric of DOMAIN.md §5, in order, with the words the form and the pages use. */
export const ciaRubric: readonly { item: CiaItem; label: string; hint: string }[] = [
  { item: 'purpose', label: 'Purpose and legal basis', hint: 'What the operation was for and the powers it relied on, stated plainly.' },
  { item: 'consultation', label: 'Community consultation', hint: 'Who in the community was consulted, when, and what they said.' },
  { item: 'confidence', label: 'Risks to community confidence', hint: 'How the operation could damage trust, and for whom.' },
  { item: 'disproportionality', label: 'Disproportionality considered', hint: 'Whether the effect on Black and other minority communities was weighed, with figures.' },
  { item: 'mitigations', label: 'Mitigations', hint: 'What was done to reduce those risks, and who was responsible.' },
  { item: 'communication', label: 'Communication before, during and after', hint: 'What residents, traders and the panel were told, and when.' },
  { item: 'debrief', label: 'Debrief and lessons', hint: 'Whether the operation was reviewed and what will change.' }
];
export const ciaItemLabel = (item: CiaItem): string => ciaRubric.find((r) => r.item === item)!.label;
export const scoreWords = ['0: absent or inadequate', '1: partly addressed', '2: fully addressed'] as const;
export const timingLabels: Record<(typeof ciaTimings)[number], string> = { before: 'Before the operation', after: 'After the operation' };
/** The most a review can score: every item 2. */
export const maxTotal = ciaItems.length * 2;

/**
 * Text is kept as text and always shown escaped; control characters are dropped, line breaks and
 * tabs kept (as for case files).
 */
const clean = (v: unknown) => (typeof v === 'string' ? v.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '') : v);
const blank = (v: unknown) => v === '' || v === null || v === undefined;
const text = (what: string, max: number) =>
  z.preprocess(clean, z.string({ error: `Enter ${what}.` }).trim().min(1, `Enter ${what}.`).max(max, `Keep ${what} under ${max.toLocaleString('en-GB')} characters.`));
const optionalText = (what: string, max: number) => z.preprocess((v) => clean(v ?? ''), z.string().trim().max(max, `Keep ${what} under ${max.toLocaleString('en-GB')} characters.`));
const optional = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (blank(v) ? undefined : v), schema.optional());
const day = (what: string) => z.iso.date({ error: `Enter ${what} as a real date, like 2023-07-21.` });

/** The borough of an unusual day: a London borough's GSS code (E09000001 to E09000033). */
const boroughCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^E090000(0[1-9]|[12]\d|3[0-3])$/, 'Enter a London borough’s code, like E09000012 for Hackney.');

export const ciaInput = z
  .object({
    title: text('a title', 200),
    operation: text('the operation it is about', 300),
    documentOn: optional(day('the date of the document')),
    timing: z.enum(ciaTimings, { error: 'Say whether the assessment was written before or after the operation.' }),
    text: optionalText('the pasted text', 200_000),
    incidentId: optional(z.coerce.number({ error: 'Choose one of the panel’s case files.' }).int('Choose one of the panel’s case files.').positive('Choose one of the panel’s case files.')),
    dayBorough: optional(boroughCode),
    dayOn: optional(day('the unusual day'))
  })
  .refine((i) => i.dayOn === undefined || i.dayBorough !== undefined, { message: 'Give the borough of the unusual day as well as its date.', path: ['dayBorough'] })
  // The form fills in the panel's borough: without a date it means nothing, and is dropped.
  .transform((i) => (i.dayOn === undefined ? { ...i, dayBorough: undefined } : i));
export type CiaInput = z.input<typeof ciaInput>;

/**
 * One item's score: 0, 1 or 2, or nothing yet (a draft). Anything else (3, -1, 1.5, "x") is refused
 * naming the item, since the form may have been tampered with or the API called by hand.
 */
const score = (label: string) =>
  z.preprocess(
    (v) => (blank(v) ? null : typeof v === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(v) ? Number(v) : v),
    z.union([z.literal(0), z.literal(1), z.literal(2), z.null()], { error: (issue) => `${label}: the score must be 0, 1 or 2, not ${shown(issue.input)}.` })
  );
const shown = (v: unknown) => (typeof v === 'string' ? `"${v.slice(0, 20)}"` : String(v));

export const reviewInput = z.object({
  ...(Object.fromEntries(ciaRubric.map((r) => [`${r.item}Score`, score(r.label)])) as Record<`${CiaItem}Score`, ReturnType<typeof score>>),
  ...(Object.fromEntries(ciaRubric.map((r) => [`${r.item}Comment`, optionalText(`the comment on ${r.label.toLowerCase()}`, 5000)])) as Record<`${CiaItem}Comment`, ReturnType<typeof optionalText>>),
  rag: optional(z.enum(ragStatuses, { error: 'Choose red, amber or green.' })),
  summary: optionalText('the summary', 10_000)
});
export type CiaReviewInput = z.input<typeof reviewInput>;

export const raiseInput = z.object({
  item: optional(z.enum(ciaItems, { error: 'Choose an item of the rubric, or the whole review.' }))
});

/** What the public reads beside the figures: the panel's own words, written for publication. */
export const publishInput = z.object({
  statement: text('a statement for the public', 5000)
});
