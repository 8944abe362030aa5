import { z } from 'zod';
import { forceUsed, itemAnswers, qualityScores, ragStatuses, strataDimensions } from '../db/schema.ts';
import { maxSeed } from './draw.ts';

/** The GOWISELY items (DOMAIN.md §4), in their order, with the words the form and results use. */
export const gowiselyItems = [
  ['grounds', 'Grounds for the search given'],
  ['object', 'Object of the search explained'],
  ['warrantCard', 'Warrant card shown (if not in uniform)'],
  ['identity', "Officer's name or number given"],
  ['station', "Officer's station given"],
  ['entitlement', 'Told of the right to a copy of the record'],
  ['legalPower', 'Legal power used explained'],
  ['detained', 'Told they were detained for the search']
] as const;
export type GowiselyItem = (typeof gowiselyItems)[number][0];
export const gowiselyKeys = gowiselyItems.map(([k]) => k) as GowiselyItem[];

export const answerLabels: Record<(typeof itemAnswers)[number], string> = { yes: 'Yes', no: 'No', not_visible: 'Not visible', not_applicable: 'Not applicable' };
export const qualityLabels: Record<(typeof qualityScores)[number], string> = { good: 'Good', adequate: 'Adequate', poor: 'Poor', not_visible: 'Not visible' };
export const forceLabels: Record<(typeof forceUsed)[number], string> = {
  none: 'None',
  handcuffs: 'Handcuffs',
  restraint: 'Physical restraint',
  other: 'Other (say in the comments)',
  not_visible: 'Not visible'
};
export const ragLabels: Record<(typeof ragStatuses)[number], string> = { red: 'Red', amber: 'Amber', green: 'Green' };
export const strataLabels: Record<(typeof strataDimensions)[number], string> = {
  none: 'Not stratified',
  ethnicity: 'By ethnicity group',
  outcome: 'By outcome',
  power: 'By power'
};

const answer = z.enum(itemAnswers, { error: 'Choose yes, no, not visible or not applicable.' });
const quality = z.enum(qualityScores, { error: 'Choose good, adequate, poor or not visible.' });

export const reviewInput = z.object({
  ...Object.fromEntries(gowiselyKeys.map((k) => [k, answer])) as Record<GowiselyItem, typeof answer>,
  groundsQuality: quality,
  conduct: quality,
  forceUsed: z.enum(forceUsed, { error: 'Choose what force, if any, was used.' }),
  rag: z.enum(ragStatuses, { error: 'Choose red, amber or green.' }),
  comments: z.string().trim().max(5000, 'Keep the comments under 5,000 characters.').optional().default(''),
  footageViewedOnPremises: z.preprocess((v) => v === true || v === 'on' || v === 'true', z.boolean()).optional().default(false)
});
export type ReviewInput = z.input<typeof reviewInput>;

const sizeText = z
  .string({ error: 'Enter how many records, or a share such as 10%.' })
  .trim()
  .regex(/^(\d+|\d+(\.\d+)?\s*%)$/, 'Enter how many records (20) or a share of the month (10%).');

export const sampleInput = z.object({
  month: z.string({ error: 'Enter the month, like 2024-03.' }).trim().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Enter the month as YYYY-MM, like 2024-03.'),
  size: sizeText,
  seed: z.preprocess(
    (v) => (v === '' || v === undefined || v === null ? undefined : typeof v === 'string' && /^\d+$/.test(v.trim()) ? Number(v) : v),
    z.number({ error: `Enter a whole number from 1 to ${maxSeed}, or leave it empty for a random one.` }).int().min(1, `The seed must be from 1 to ${maxSeed}.`).max(maxSeed, `The seed must be from 1 to ${maxSeed}.`).optional()
  ),
  strata: z.enum(strataDimensions, { error: 'Choose how to stratify.' }).optional().default('none')
});
export type SampleInput = z.input<typeof sampleInput>;

export const responseInput = z.object({
  response: z.string({ error: 'Enter the response.' }).trim().min(1, 'Enter the response.').max(10000, 'Keep the response under 10,000 characters.')
});
