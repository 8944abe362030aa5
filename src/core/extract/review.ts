import { Invalid } from '../errors.ts';
import { kinds, refOf, type Kind } from './highlight.ts';
import type { Extraction } from './types.ts';

export const decisions = ['accept', 'edit', 'reject'] as const;
export type Decision = (typeof decisions)[number];

/** One suggestion as the clerk left it: accepted as suggested, corrected, or rejected. */
export interface Reviewed {
  ref: string;
  kind: Kind;
  decision: Decision;
  /** What the extractor suggested, in words: the speaker, "8 people", the day, the place. */
  suggested: string;
  /** What the clerk kept: the suggestion, or their correction; empty when rejected. */
  value: string;
  text: string;
  start: number;
  end: number;
}

/** The part of a suggestion a clerk confirms or corrects. */
function suggestionValue(kind: Kind, s: Extraction[Kind][number]): string {
  if (kind === 'quotes') return (s as Extraction['quotes'][number]).speaker ?? '';
  if (kind === 'quantities') {
    const q = s as Extraction['quantities'][number];
    return `${q.value} ${q.counted}`;
  }
  if (kind === 'dates') return (s as Extraction['dates'][number]).date;
  return (s as Extraction['places'][number]).name;
}

/** One suggestion as offered to the clerk: its ref ("q0", "p2"), kind, value in words and span. */
export interface SuggestedItem {
  ref: string;
  kind: Kind;
  /** What the extractor suggested, in words (`suggestionValue`). */
  value: string;
  text: string;
  start: number;
  end: number;
}

/** Every suggestion of `found`, kind by kind, with its ref. */
export function suggestionItems(found: Extraction): SuggestedItem[] {
  return kinds.flatMap((kind) =>
    found[kind].map((s, i) => ({ ref: refOf(kind, i), kind, value: suggestionValue(kind, s), text: s.text, start: s.start, end: s.end }))
  );
}

/** Applies the clerk's decisions (by ref: "q0", "p2"); a suggestion without one is accepted as it is. */
export function reviewSuggestions(found: Extraction, decide: (ref: string) => { decision?: string; value?: string }): Reviewed[] {
  return suggestionItems(found).map(({ ref, kind, value: suggested, text, start, end }) => {
    const given = decide(ref);
    const decision = (decisions as readonly string[]).includes(given.decision ?? '') ? (given.decision as Decision) : 'accept';
    const edited = (given.value ?? '').trim();
    if (decision === 'edit' && !edited) throw new Invalid(`Write the correction for “${text}”, or reject it.`, { field: `value-${ref}` });
    const value = decision === 'reject' ? '' : decision === 'edit' ? edited : suggested;
    return { ref, kind, decision: decision === 'edit' && edited === suggested ? 'accept' : decision, suggested, value, text, start, end };
  });
}
