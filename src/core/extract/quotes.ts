import { findPeople, looksLikeName, People, rolesIn, roleNouns, titlePattern, type Person } from './people.ts';
import { escapeRe } from './places.ts';
import { findQuoteSpans, paragraphs, type QuoteSpan } from './quote-spans.ts';
import type { QuoteSuggestion, Span } from './types.ts';

const verbs =
  'said|says|say|added|adds|told|tells|explained|continued|warned|claimed|stated|insisted|wrote|writes|commented|' +
  'asked|replied|argued|alleged|recalled|urged|admitted|posted|tweeted|confirmed|acknowledged|maintained|noted|' +
  'recounted|remembered|described|called|complained|responded|pointed out|went on';
const pronoun = `he|she|they|He|She|They`;
const role = `(?:the|a|an|one|another|The|A|An|One|Another)\\s+(?:[\\w'’-]+\\s+){0,4}?(?:${roleNouns})s?(?:\\s+(?:for|of|at|from|with|in)\\s+(?:the\\s+)?[A-Z][\\w'’]*(?:\\s+[A-Z][\\w'’]*){0,3})?`;
const org = `(?:[Tt]he\\s+)?(?:Metropolitan Police(?: Service)?|Met Police|Met|Scotland Yard|police|council|[A-Z][a-z]+(?: [A-Z][a-z]+)? Council|IOPC|Home Office)`;
const name = `(?:(?:${titlePattern})\\s+)?[A-Z][a-zA-Z'’]*[a-z](?:-[A-Z][a-z]+)?(?:\\s+[A-Z][a-zA-Z'’]*[a-z](?:-[A-Z][a-z]+)?){0,2}`;
const speaker = `(${pronoun}|${role}|${org}|${name})`;

const after = [
  new RegExp(`^[\\s,]*(?:${verbs})\\s+${speaker}`),
  new RegExp(`^[\\s,]*${speaker}\\s+(?:${verbs})\\b`),
  new RegExp(`^[\\s,]*according to ${speaker}`)
];
const before = [
  new RegExp(`\\b${speaker},\\s+(?:who|whose|aged|a|an|the|\\d+)\\b[^“”"]*?,\\s+(?:${verbs})\\b[^“”"]*$`),
  new RegExp(`\\b${speaker},?\\s+(?:has\\s+|had\\s+|also\\s+|later\\s+)?(?:${verbs})\\b[^“”"]*$`), new RegExp(`[Aa]ccording to ${speaker},?[^“”"]*$`)
];
const introducer = new RegExp(`\\b${speaker},?\\s+(?:[\\w'’,-]+\\s+){0,8}?(?:${verbs}|described|explained|recalled)\\b`);
const sentenceEnd = /[.!?][”"’]?\s+(?=[A-Z“"])/g;
const titleRe = new RegExp(`^(?:${titlePattern})\\s+`);
const orgNames: Array<[RegExp, string]> = [[/^(?:the )?(?:metropolitan police(?: service)?|met police|met|scotland yard)$/i, 'Metropolitan Police Service']];

/** Quotes with their speakers, "he", "she" and roles resolved to the names the text introduced. */
export function findQuotes(text: string, places: readonly Span[] = []): QuoteSuggestion[] {
  const spans = findQuoteSpans(text);
  const inQuote = (i: number) => spans.some((s) => i >= s.open && i <= s.close);
  const inPlace = (start: number, end: number) => places.some((p) => start < p.end && p.start < end);
  const people = findPeople(text, inQuote, inPlace);
  const resolver = new Resolver(text, people, inQuote);
  const paras = paragraphs(text);
  const paraOf = (i: number) => paras.findIndex(([a, b]) => i >= a && i <= b);
  const out: QuoteSuggestion[] = [];
  let previous: { span: QuoteSpan; speaker: string | null } | null = null;
  for (const [k, s] of spans.entries()) {
    const found = attribution(text, s, spans[k - 1], (np, at) => couldSpeak(np) && !inPlace(at, at + np.length) && (np.includes(' ') || isPronounOrKnown(np, people)));
    let who = found ? resolver.resolve(found.np, found.at) : null;
    if (!found && previous && paraOf(s.open) - paraOf(previous.span.close) <= 1) who = previous.speaker;
    const words = text.slice(s.start, s.end).split(/\s+/).length;
    if (words < 4 && !found) continue;
    if (who) resolver.spoke(who, found?.at ?? s.open);
    out.push({ speaker: who, text: text.slice(s.start, s.end), start: s.start, end: s.end });
    previous = { span: s, speaker: who };
  }
  return out;
}

/** The speaker's words next to a quote: after it (", said X" / ", she said") or before it ("X said:"). */
/** Whether the words found at `at` may name the speaker: not a place, not an unknown single word. */
type MaySpeak = (np: string, at: number) => boolean;

function attribution(text: string, s: QuoteSpan, prev: QuoteSpan | undefined, maySpeak: MaySpeak): { np: string; at: number } | null {
  const inner = text.slice(s.start, s.end);
  const rest = text.slice(s.close + 1, s.close + 160);
  const newSentence = /[.]$/.test(inner) && /^\s+[A-Z]/.test(rest) && !/^\s+(?:said|says|added)\b/.test(rest);
  if (!newSentence)
    for (const re of after) {
      const m = acceptable(re, rest, (np, i) => maySpeak(np, s.close + 1 + i));
      if (m) return { np: m[1], at: s.close + 1 + m.index + m[0].indexOf(m[1]) };
    }
  const from = windowStart(text, s.open, prev);
  const window = text.slice(from, s.open);
  for (const re of before) {
    const m = acceptable(re, window, (np, i) => maySpeak(np, from + i));
    if (m) return { np: m[1], at: from + m.index + m[0].indexOf(m[1]) };
  }
  return window.trim() === '' ? introducedBefore(text, from, prev, maySpeak) : null;
}

/** The first match whose speaker could be a speaker: not "Wallis Road" or "Brixton station". */
function acceptable(re: RegExp, s: string, maySpeak: (np: string, at: number) => boolean): RegExpExecArray | null {
  const global = new RegExp(re.source, 'g');
  for (let at = 0; at < s.length; ) {
    global.lastIndex = at;
    const m = global.exec(s);
    if (!m) return null;
    if (maySpeak(m[1], m.index + m[0].indexOf(m[1]))) return m;
    at = m.index + 1;
  }
  return null;
}

/** A single word speaks only as a pronoun, an organisation or the surname of someone named before. */
function isPronounOrKnown(np: string, people: People): boolean {
  return new RegExp(`^(?:${pronoun})$`).test(np) || orgNames.some(([re]) => re.test(np)) || /^(?:police|council)$/i.test(np) || people.bySurname(np) !== null;
}

function couldSpeak(np: string): boolean {
  if (/^(?:the|a|an|one|another)\s/i.test(np) || new RegExp(`^(?:${pronoun})$`).test(np)) return true;
  const words = np.replace(titleRe, '').split(/\s+/);
  while (words.length > 1 && !looksLikeName(words[0])) words.shift();
  return looksLikeName(words.join(' ')) || orgNames.some(([re]) => re.test(np)) || / Council$/.test(np);
}

/** A quote opening its own sentence after one that names its speaker: "Leah Marsh described what she saw. “…”". */
function introducedBefore(text: string, sentenceStart: number, prev: QuoteSpan | undefined, maySpeak: MaySpeak): { np: string; at: number } | null {
  const paragraphStart = text.lastIndexOf('\n', sentenceStart - 1) + 1;
  if (sentenceStart <= paragraphStart || (prev && prev.close >= paragraphStart)) return null;
  const from = windowStart(text, sentenceStart - 1, prev);
  const m = acceptable(introducer, text.slice(from, sentenceStart), (np, i) => maySpeak(np, from + i));
  return m ? { np: m[1], at: from + m.index + m[0].indexOf(m[1]) } : null;
}

/** The start of the sentence that holds the quote, or the end of the quote before it. */
function windowStart(text: string, open: number, prev: QuoteSpan | undefined): number {
  const from = Math.max(0, text.lastIndexOf('\n', open - 1) + 1, prev ? prev.close + 1 : 0);
  // One character past the quote mark, so a sentence ending just before it is seen as ended.
  const ends = [...text.slice(from, open + 1).matchAll(sentenceEnd)].filter((m) => m.index + m[0].length <= open - from);
  return ends.length ? from + ends.at(-1)!.index + ends.at(-1)![0].length : from;
}

class Resolver {
  private spoken = new Map<string, number[]>();

  constructor(
    private readonly text: string,
    private readonly people: People,
    private readonly inQuote: (i: number) => boolean
  ) {}

  spoke(name: string, at: number) {
    this.spoken.set(name, [...(this.spoken.get(name) ?? []), at]);
  }

  resolve(np: string, at: number): string | null {
    const phrase = np.replace(/\s+/g, ' ').trim();
    if (new RegExp(`^(?:${pronoun})$`).test(phrase)) return this.pronoun(phrase.toLowerCase(), at);
    for (const [re, canonical] of orgNames) if (re.test(phrase)) return canonical;
    if (/^(?:the|a|an|one|another)\s/i.test(phrase)) return this.role(phrase, at);
    return this.named(phrase);
  }

  private pronoun(p: string, at: number): string | null {
    const wanted = p === 'he' ? 'm' : p === 'she' ? 'f' : null;
    const recent = this.byRecency(at);
    if (!wanted) return recent[0]?.name ?? null;
    return (recent.find((r) => r.gender === wanted) ?? recent.find((r) => r.gender === null))?.name ?? null;
  }

  /** "the mayor" is the person introduced as mayor; "a spokesperson for the Met" stays unnamed. */
  private role(phrase: string, at: number): string {
    const bare = phrase.replace(/^(?:the|a|an|one|another)\s+/i, '');
    if (/^the\s/i.test(phrase)) {
      const roles = rolesIn(bare);
      for (const role of [...roles].reverse()) {
        const match = this.byRecency(at).find((p) => p.roles.has(role));
        if (match) return match.name;
      }
    }
    return bare;
  }

  private named(phrase: string): string {
    const words = phrase.replace(titleRe, '').split(' ');
    while (words.length > 1 && !looksLikeName(words[0])) words.shift();
    const bare = words.join(' ');
    const known = this.people.bySurname(bare);
    if (known) return known.name;
    if (words.length > 1 && looksLikeName(bare)) return this.people.add(bare, [], titleRe.exec(phrase)?.[0].trim() ?? '').name;
    return bare;
  }

  /** People mentioned before `at` (outside quotes), the most recent first. */
  private byRecency(at: number): Person[] {
    const last = (p: Person) => {
      let best = Math.max(-1, ...(this.spoken.get(p.name) ?? []).filter((i) => i < at));
      for (const needle of [p.name, p.surname]) {
        const re = new RegExp(`\\b${escapeRe(needle)}\\b`, 'g');
        for (const m of this.text.slice(0, at).matchAll(re)) if (!this.inQuote(m.index)) best = Math.max(best, m.index);
      }
      return best;
    };
    return [...this.people.byName.values()]
      .map((p) => ({ p, at: last(p) }))
      .filter((x) => x.at >= 0)
      .sort((a, b) => b.at - a.at)
      .map((x) => x.p);
  }
}
