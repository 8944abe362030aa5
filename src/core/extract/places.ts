import type { GazetteerEntry, PlaceSuggestion } from './types.ts';

const cap = `(?:[A-Z][a-z]+(?:['’][a-z]+)?(?:-[a-z]+-[A-Z][a-z]+)?|[A-Z][a-z]*[A-Z][a-z]+|St\\.?)`;
const name = `${cap}(?:[ -]${cap}){0,3}`;
const streetTypes =
  'Road|Street|Lane|Avenue|Grove|Place|Square|Gardens|Terrace|Close|Crescent|Way|Walk|Row|Parade|Mews|Drive|Court|Yard|Rise|Broadway|Passage|Gate|Park|Estate|Fields|Common';

/** Built-in patterns, longest and most specific first. */
const patterns: Array<{ re: RegExp; canonical: (m: RegExpExecArray) => string }> = [
  // "Dalston Junction station", "Hackney Central Overground station", "Brixton Tube Station"
  {
    re: new RegExp(`\\b(${name})(?: (?:Overground|Underground|Tube|underground|tube|overground|railway|rail|bus|DLR|police|Police|fire))? [Ss]tation\\b`, 'g'),
    canonical: (m) => `${m[1]}${/ [Pp]olice [Ss]tation$/.test(m[0]) ? ' police' : ''} station`
  },
  // "Ridley Road Market", "Kingsland Waste market"
  { re: new RegExp(`\\b(${name}) [Mm]arket\\b`, 'g'), canonical: (m) => `${m[1]} Market` },
  // "Kingsland High Street", "High Street", "Mare Street", "Sandringham Road"
  { re: new RegExp(`\\b((?:${name} )?High Street|${name} (?:${streetTypes}))\\b`, 'g'), canonical: (m) => m[1] },
  // "Hackney Town Hall", "Homerton Hospital", "Pembury Estate", "Whitechapel Idea Store"
  {
    re: new RegExp(`\\b(${name} (?:Town Hall|Library|Hospital|Estate|Idea Store|Leisure Centre|Community Centre|Centre|Academy|School|College|Mosque|Church|Cathedral|Synagogue|Police Station|church|mosque|synagogue|estate))\\b`, 'g'),
    canonical: (m) => m[1]
  },
  // "Dalston Junction", "Hackney Central": station names without the word "station"
  { re: new RegExp(`\\b(${cap}(?: ${cap})? (?:Junction|Central))\\b`, 'g'), canonical: (m) => `${m[1]} station` }
];

/** Words a pattern may swallow at the start of a sentence that are not part of a place name. */
const leadingNoise = /^(?:(?:The|A|An|In|On|At|Near|Outside|Along|From|To|By|Police|Officers|Residents|Traders|Campaigners|Witnesses|Shoppers|And|But|Meanwhile|Yesterday|Today|Last|On|Earlier|Later|When|While|After|Before|During|Around|About|Inside|Beside|Opposite|Behind|Off|Across|Outside|Towards?|Via|Then|Both|Many|Some|Several|Local|London|Metropolitan|Met) )+/;

export function findPlaces(text: string, gazetteer: readonly GazetteerEntry[]): PlaceSuggestion[] {
  const candidates: Array<PlaceSuggestion & { rank: number }> = [];
  patterns.forEach(({ re, canonical }, rank) => {
    for (const m of text.matchAll(re)) {
      const noise = leadingNoise.exec(m[0])?.[0].length ?? 0;
      const exec = m as unknown as RegExpExecArray;
      const trimmed = noise ? trim(exec, noise, re) : exec;
      if (!trimmed) continue;
      const start = m.index + noise;
      candidates.push({ name: canonical(trimmed), text: trimmed[0], start, end: start + trimmed[0].length, rank: rank + 1 });
    }
  });
  for (const g of gazetteerMatches(text, gazetteer)) candidates.push({ ...g, rank: 0 });
  return chooseLongest(candidates.filter((c) => !titled.test(c.text))).filter((p) => !partOfTitle(text, p));
}

/** Re-runs a match without its leading noise words ("Outside Dalston Junction station"). */
function trim(m: RegExpExecArray, noise: number, re: RegExp): RegExpExecArray | null {
  return new RegExp(`^(?:${re.source})$`).exec(m[0].slice(noise));
}

/** The longest of overlapping suggestions; of equal spans, the gazetteer's official name. */
function chooseLongest<T extends PlaceSuggestion & { rank: number }>(candidates: T[]): PlaceSuggestion[] {
  const sorted = [...candidates].sort((a, b) => b.end - b.start - (a.end - a.start) || a.rank - b.rank || a.start - b.start);
  const kept: T[] = [];
  for (const c of sorted) if (!kept.some((k) => c.start < k.end && k.start < c.end)) kept.push(c);
  return kept.sort((a, b) => a.start - b.start).map(({ name, text, start, end }) => ({ name, text, start, end }));
}

/** "Borough Commander Trevor Lane" is a person, not a lane. */
const titled = /\b(?:Commander|Mr|Mrs|Ms|Miss|Dr|Inspector|Sergeant|Superintendent|Supt|Councillor|Cllr|PC|DC|DS|DI|Officer|Chief|Mayor|MP|Sir|Dame|Lord|Lady|Professor|Reverend|Rev)\b/;

/** "Hackney Council", "Mayor of Hackney", "Hackney Police": an organisation or title, not a place. */
function partOfTitle(text: string, p: PlaceSuggestion): boolean {
  return /(?:Mayor|Borough|Leader|Council) of (?:the )?$/.test(text.slice(Math.max(0, p.start - 20), p.start)) || /^ (?:Council|Borough Council|Police|Labour|Conservatives?)\b/.test(text.slice(p.end, p.end + 25));
}

const compiled = new WeakMap<readonly GazetteerEntry[], Array<{ re: RegExp; name: string }>>();

/** Official names of wards and boroughs as written, with "&" or "and" and either apostrophe. */
function gazetteerMatches(text: string, gazetteer: readonly GazetteerEntry[]): PlaceSuggestion[] {
  let res = compiled.get(gazetteer);
  if (!res) {
    const names = [...new Set(gazetteer.map((g) => g.name))];
    res = names.map((n) => ({ name: n, re: new RegExp(`(?<![\\w'’])${variants(n)}(?![\\w'’])`, 'g') }));
    compiled.set(gazetteer, res);
  }
  const found: PlaceSuggestion[] = [];
  for (const { re, name } of res) for (const m of text.matchAll(re)) found.push({ name, text: m[0], start: m.index, end: m.index + m[0].length });
  return found;
}

function variants(name: string): string {
  return name
    .split(/\s+/)
    .map((w) => (w === '&' || w.toLowerCase() === 'and' ? '(?:&|and)' : escapeRe(w).replace(/['’]/g, "['’]")))
    .join('\\s+');
}

/** `s` matched literally inside a regular expression. */
export const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
