import type { Kind } from '../extract/highlight.ts';

// What kept extraction suggestions become in a case file: pure rules, shared by the page (which runs
// in the browser too) and the use case in save-suggestions.ts.

/** What an accepted suggestion becomes in the case file. */
export const saveAsChoices = ['claim', 'event', 'place', 'arrest', 'charge', 'conviction', 'skip'] as const;
export type SaveAs = (typeof saveAsChoices)[number];

/** What each kind of suggestion may become: a quote is a claim, a date an event, a place a place; a count a claim or an arrest, charge or conviction. */
export const saveAsFor: Record<Kind, readonly SaveAs[]> = {
  quotes: ['claim', 'skip'],
  quantities: ['claim', 'arrest', 'charge', 'conviction', 'skip'],
  dates: ['event', 'skip'],
  places: ['place', 'skip']
};

/** The sentence around a span: from the end of the previous sentence or line to the end of this one. */
export function sentenceAround(text: string, start: number, end: number): { start: number; end: number } {
  let s = start;
  while (s > 0 && !/[.!?\n]/.test(text[s - 1])) s--;
  let e = end;
  while (e < text.length && !/[.!?\n]/.test(text[e])) e++;
  if (e < text.length && text[e] !== '\n') e++;
  while (s < e && /\s/.test(text[s])) s++;
  while (e > s && /\s/.test(text[e - 1])) e--;
  return { start: s, end: e };
}

/** "eight people were charged" is a charge; "30 arrests" an arrest; any other count a claim. */
export function defaultSaveAs(item: { kind: Kind; start: number; end: number }, text: string): SaveAs {
  if (item.kind === 'quotes') return 'claim';
  if (item.kind === 'dates') return 'event';
  if (item.kind === 'places') return 'place';
  const { end } = sentenceAround(text, item.start, item.end);
  const after = text.slice(item.start, end).toLowerCase();
  if (/\b(convicted|convictions?)\b/.test(after)) return 'conviction';
  if (/\b(charged|charges?)\b/.test(after) && !/\bfree of charge\b/.test(after)) return 'charge';
  if (/\b(arrested|arrests?)\b/.test(after)) return 'arrest';
  return 'claim';
}

