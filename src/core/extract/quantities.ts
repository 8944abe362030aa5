import { numberPattern, numberValue } from './numbers.ts';
import type { QuantitySuggestion } from './types.ts';

/** Words that make a count approximate or a bound; kept in the suggestion's text. */
const markers = [
  'about', 'around', 'approximately', 'roughly', 'nearly', 'almost', 'more than', 'over', 'at least',
  'up to', 'fewer than', 'less than', 'some', 'an estimated', 'as many as', 'upwards of', 'under',
  'a further', 'another', 'at most', 'just over', 'just under', 'well over'
].sort((a, b) => b.length - a.length);

/** Things news reports count. A word not listed still counts when it looks like a plural noun. */
const countedNouns = new Set(
  ('people persons men women boys girls children youths teenagers teens adults juveniles officers police ' +
    'constables arrests residents protesters demonstrators campaigners witnesses searches stops vehicles cars ' +
    'vans complaints charges warrants dogs knives weapons guns firearms shops stalls traders stallholders ' +
    'businesses homes properties families members suspects individuals victims incidents offences crimes calls ' +
    'reports deaths injuries journalists students pupils shoppers volunteers councillors detectives staff ' +
    'patrols raids premises drugs bags wraps cannabis signatures petitions letters questions meetings ' +
    'stop-and-searches complainants passengers drivers cyclists riders man woman boy girl person officer arrest').split(' ')
);

/** Units of time, distance and money, and words that end a noun phrase: never the thing counted. */
const notCounted = new Set(
  ('years year months month weeks week days day nights mornings afternoons evenings hours hour minutes minute seconds second miles mile metres ' +
    'metre yards feet foot pounds pence per percent times am pm o\'clock of the a an and or to in on at for ' +
    'by with from was were is are has have had be been will would could should may might as than that who ' +
    'which this these those it its their his her our were said says out into after before since').split(' ')
);

const marker = `(?:(?:${markers.join('|').replace(/ /g, '\\s+')})\\s+)`;
const quantityRe = new RegExp(`(?<![\\w£$€.,/-])(${marker})?(${numberPattern})(?=\\s+[A-Za-z])`, 'gi');
const wordRe = /\s+([A-Za-z][A-Za-z'’-]*)/y;

/** Counted quantities: a number (digits or words), perhaps a marker, and the thing counted. */
export function findQuantities(text: string): QuantitySuggestion[] {
  const found: QuantitySuggestion[] = [];
  for (const m of text.matchAll(quantityRe)) {
    const [, approx = '', num] = m;
    const value = numberValue(num);
    if (value === null || value === 1 || isYear(num, approx)) continue;
    const numEnd = m.index + approx.length + num.length;
    const counted = countedAfter(text, numEnd);
    if (!counted) continue;
    found.push({ value, counted: counted.phrase, text: text.slice(m.index, counted.end), start: m.index, end: counted.end });
  }
  return found;
}

/** A bare four-digit number from 1900 to 2099 is a year, not a count. */
const isYear = (num: string, approx: string) => !approx && /^(19|20)\d\d$/.test(num);

/**
 * The noun phrase after a number: up to three modifiers then a counted noun ("30 uniformed police
 * officers"), or a single plural-looking word ("8 stallholders").
 */
function countedAfter(text: string, from: number): { phrase: string; end: number } | null {
  const words: Array<{ word: string; end: number }> = [];
  let at = from;
  while (words.length < 4) {
    wordRe.lastIndex = at;
    const w = wordRe.exec(text);
    if (!w) break;
    words.push({ word: w[1].toLowerCase(), end: wordRe.lastIndex });
    at = wordRe.lastIndex;
  }
  const first = words.findIndex((w) => countedNouns.has(w.word) || (w.word === 'stop' && words.some((x) => x.word === 'searches')));
  const blocked = (i: number) => words.slice(0, i).some((w) => notCounted.has(w.word) && w.word !== 'and');
  if (first >= 0 && !blocked(first)) {
    let last = first;
    while (last + 1 < words.length && (countedNouns.has(words[last + 1].word) || words[last + 1].word === 'and' && words[last].word === 'stop')) last++;
    if (words[last].word === 'and') last--;
    const start = first === 0 ? from : words[first - 1].end;
    const phrase = text.slice(start, words[last].end).trim().replace(/\s+/g, ' ').toLowerCase();
    return { phrase, end: words[last].end };
  }
  const w = words[0];
  if (w && /^[a-z]{3,}s$/.test(w.word) && !notCounted.has(w.word) && text.slice(from).trimStart()[0] === w.word[0])
    return { phrase: w.word, end: w.end };
  return null;
}
