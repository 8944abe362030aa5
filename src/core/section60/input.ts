import { z } from 'zod';
import { optionalText, text, timeOfDay, urlInput } from '../cases/input.ts';
import { noticeMedia, policeRanks, section60Grounds } from '../db/schema.ts';
import { day } from '../questions/input.ts';

export const groundsLabels: Record<(typeof section60Grounds)[number], string> = {
  violence_anticipated: 'Serious violence may take place (s60(1)(a))',
  violence_occurred: 'Serious violence has taken place and a weapon used is being carried (s60(1)(aa))',
  weapons_carried: 'People are carrying dangerous instruments or offensive weapons (s60(1)(b))'
};

export const mediumLabels: Record<(typeof noticeMedia)[number], string> = {
  social_media: 'Social media',
  website: 'Website',
  leaflets: 'Leaflets',
  press: 'Press or broadcast',
  other: 'Other'
};

const time = z.string({ error: 'Enter a time, like 14:30.' }).pipe(timeOfDay);
const rank = z.enum(policeRanks, { error: 'Choose the rank.' });
const wardCode = z.string().trim().regex(/^[EWSN]\d{8}$/, 'Choose wards from the list.');

export const authorisationInput = z.object({
  reference: text('the reference', 100),
  officer: optionalText("the officer's name or number", 200),
  rank,
  startDay: day,
  startTime: time,
  endDay: day,
  endTime: time,
  wards: z.preprocess((v) => (v === '' || v === undefined || v === null ? [] : Array.isArray(v) ? v : [v]), z.array(wardCode).min(1, 'Choose at least one ward: the area the authorisation covers.')),
  groundsKind: z.enum(section60Grounds, { error: 'Choose what the authorisation relies on.' }),
  grounds: text('the grounds stated', 5000)
});
export type AuthorisationInput = z.input<typeof authorisationInput>;

export const extensionInput = z.object({
  officer: optionalText("the officer's name or number", 200),
  rank,
  newEndDay: day,
  newEndTime: time,
  reason: text('the reason for extending', 5000)
});
export type ExtensionInput = z.input<typeof extensionInput>;

export const noticeInput = z.object({
  medium: z.enum(noticeMedia, { error: 'Choose how the public was told.' }),
  noticeDay: day,
  noticeTime: time,
  place: optionalText('where it was published', 500),
  url: urlInput
});
export type NoticeInput = z.input<typeof noticeInput>;
