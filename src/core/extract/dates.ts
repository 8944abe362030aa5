import * as chrono from 'chrono-node';
import type { ParsedResult } from 'chrono-node';
import type { DateSuggestion } from './types.ts';

type Ymd = { y: number; m: number; d: number };

const toIso = ({ y, m, d }: Ymd) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
const shift = ({ y, m, d }: Ymd, days: number, years = 0): Ymd => {
  const t = new Date(Date.UTC(y + years, m - 1, d + days));
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
};
const ymdOf = (r: ParsedResult): Ymd => ({ y: r.start.get('year')!, m: r.start.get('month')!, d: r.start.get('day')! });
const reference = (iso: string) => ({ instant: new Date(`${iso}T12:00:00Z`), timezone: 'Europe/London' });

/** "today", "tonight", "this morning": the day of publication, though chrono marks no part certain. */
const sameDay = /\b(today|tonight|this (morning|afternoon|evening))\b/i;
/** Counted from the date just before in the text ("two days later"), not from publication. */
const anchored = /\b(later|afterwards|(following|next|previous) day|day (before|after))\b/i;
/** Looking ahead: never moved back before publication. */
const forward = /\b(next|coming|this)\b/i;
/** chrono reads "lasts" as "last s(econd)": a suggestion must name a day, a month or a number. */
const dateWord = /\d|\b(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|today|tonight|yesterday|tomorrow|days?|weeks?|fortnights?|months?|years?|morning|afternoon|evening|night|ago|jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b/i;
const leadingPreposition = /^(on|at|from|since|by|until|of)\s+/i;
/** "a Friday morning", "every Saturday": any such day, not one day. */
const generic = /\b(a|every|each|any)\s+$/i;
/** "two years ago" names a year, not a day. */
const vague = /\b(years?|months?|decades?)\s+(ago|later|earlier|before|after)\b|^(for|within|over)\s/i;
/** Words earlier in the sentence that put what follows in the future: "would meet residents on 14 November". */
const futureCue = /\b(will|would|shall|next|due|upcoming|planned|plans|scheduled|is to|are to|coming)\b/i;

/**
 * Dates resolved against the publication date: relative ("last week", "on Thursday") and
 * year-less ("14 May") dates take their most recent occurrence on or before it, since reports
 * tell of past events. Without a publication date only dates with day, month and year written are kept.
 */
export function findDates(text: string, published: string | null): DateSuggestion[] {
  const found: DateSuggestion[] = [];
  let previous: Ymd | null = null;
  for (const parsed of chrono.en.GB.parse(text, reference(published ?? '2000-01-01'))) {
    const r = withoutTrailingCount(parsed, published);
    const index = parsed.index;
    const full = r.start.isCertain('year') && r.start.isCertain('month') && r.start.isCertain('day');
    if (!published && !full) continue;
    // Part of a word or a reference number ("lasts", "CAD 4567/03Feb"), not a date.
    const inWord = /\w/.test(text[index + r.text.length] ?? '') || /[\w/]/.test(text[index - 1] ?? '');
    if (inWord || !dateWord.test(r.text) || !namesADay(r) || vague.test(r.text) || generic.test(text.slice(Math.max(0, index - 8), index))) continue;
    let ymd = ymdOf(r);
    if (anchored.test(r.text) && previous) ymd = reanchor(r.text, previous) ?? ymd;
    else if (published && !r.start.isCertain('year') && !forward.test(r.text))
      ymd = futureCue.test(sentenceBefore(text, index)) ? onOrAfter(ymd, published, r) : onOrBefore(ymd, published, r);
    previous = ymd;
    const lead = leadingPreposition.exec(r.text)?.[0].length ?? 0;
    const shown = r.text.slice(lead).replace(/[\s,.;:]+$/, ''); // chrono keeps a trailing comma: "Friday,"
    found.push({ date: toIso(ymd), text: shown, start: index + lead, end: index + lead + shown.length });
  }
  return found;
}

/**
 * "On 5 June, 14 people were held": chrono reads "5 June, 14" as 5 June 2014. News never writes a
 * year in two digits after a comma, so the date is read again without it.
 */
function withoutTrailingCount(r: ParsedResult, published: string | null): ParsedResult {
  const cut = /^(.*?),\s*\d{1,2}$/.exec(r.text);
  if (!cut) return r;
  const [again] = chrono.en.GB.parse(cut[1], reference(published ?? '2000-01-01'));
  return again && again.index === 0 ? again : r;
}

/** A day, not a month ("in May"), a year or a time of day alone. */
function namesADay(r: ParsedResult): boolean {
  return r.start.isCertain('day') || r.start.isCertain('weekday') || sameDay.test(r.text);
}

/** The most recent occurrence on or before publication: a weekday a week back, a day of a month a year back. */
function onOrBefore(ymd: Ymd, published: string, r: ParsedResult): Ymd {
  let at = ymd;
  while (toIso(at) > published) at = r.start.isCertain('month') ? shift(at, 0, -1) : shift(at, -7);
  return at;
}

/** The first occurrence on or after publication, for dates the sentence puts in the future. */
function onOrAfter(ymd: Ymd, published: string, r: ParsedResult): Ymd {
  let at = onOrBefore(ymd, published, r);
  while (toIso(at) < published) at = r.start.isCertain('month') ? shift(at, 0, 1) : shift(at, 7);
  return at;
}

function sentenceBefore(text: string, at: number): string {
  const before = text.slice(0, at);
  const start = Math.max(before.lastIndexOf('\n'), ...[...before.matchAll(/[.!?]\s/g)].map((m) => m.index));
  return before.slice(start + 1);
}

function reanchor(text: string, from: Ymd): Ymd | null {
  const [again] = chrono.en.GB.parse(text, reference(toIso(from)));
  return again ? ymdOf(again) : null;
}
