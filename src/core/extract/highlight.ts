import type { Extraction } from './types.ts';

export type Kind = keyof Extraction;
export const kinds: Kind[] = ['quotes', 'quantities', 'dates', 'places'];

/** A stretch of the text and the suggestions that cover it: "q0" is the first quote, "p2" the third place. */
export interface Segment {
  text: string;
  start: number;
  end: number;
  kinds: Kind[];
  refs: string[];
}

const prefix: Record<Kind, string> = { quotes: 'q', quantities: 'n', dates: 'd', places: 'p' };
export const refOf = (kind: Kind, index: number) => `${prefix[kind]}${index}`;

/**
 * Cuts the text at every start and end of a suggestion, so a page can mark each stretch by what
 * covers it (a quantity inside a quote is covered by both) while writing the text only as text.
 */
export function segments(text: string, found: Extraction): Segment[] {
  const spans = kinds.flatMap((kind) => found[kind].map((s, i) => ({ kind, ref: refOf(kind, i), start: s.start, end: s.end })));
  const cuts = [...new Set([0, text.length, ...spans.flatMap((s) => [s.start, s.end])])].filter((c) => c >= 0 && c <= text.length).sort((a, b) => a - b);
  const out: Segment[] = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const [start, end] = [cuts[i], cuts[i + 1]];
    const covering = spans.filter((s) => s.start <= start && end <= s.end);
    out.push({ text: text.slice(start, end), start, end, kinds: [...new Set(covering.map((s) => s.kind))], refs: covering.map((s) => s.ref) });
  }
  return out;
}
