import fs from 'node:fs';
import path from 'node:path';
import type { Extraction, GazetteerEntry, Span } from '../../src/core/extract/index.ts';

export const fixtures = path.join(import.meta.dirname, 'fixtures');
export const londonGazetteer = JSON.parse(fs.readFileSync(path.join(fixtures, 'london-gazetteer.json'), 'utf8')) as GazetteerEntry[];

export interface Gold {
  published: string;
  quotes: Array<{ speaker: string | null; text: string; occurrence?: number }>;
  quantities: Array<{ value: number; counted: string; text: string; occurrence?: number }>;
  dates: Array<{ date: string; text: string; occurrence?: number }>;
  places: Array<{ name: string; text: string; occurrence?: number }>;
}

export interface Article {
  name: string;
  text: string;
  gold: Gold;
}

/** `articles`: the rules were tuned on these; `held-out`: written and annotated before the extractor read them. */
export function articles(set: 'articles' | 'held-out'): Article[] {
  const dir = path.join(fixtures, set);
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => ({
      name: f.replace(/\.txt$/, ''),
      text: fs.readFileSync(path.join(dir, f), 'utf8'),
      gold: JSON.parse(fs.readFileSync(path.join(dir, f.replace(/\.txt$/, '.gold.json')), 'utf8')) as Gold
    }));
}

/** The span of the n-th occurrence (1-based) of a gold item's text; a gold file naming absent text is an error. */
export function locate(text: string, needle: string, occurrence = 1): { start: number; end: number } {
  let at = -1;
  for (let i = 0; i < occurrence; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`gold text not found (occurrence ${occurrence}): ${needle}`);
    if (i + 1 < occurrence) at += needle.length - 1;
  }
  return { start: at, end: at + needle.length };
}

export type Category = keyof Extraction;
export const categories: Category[] = ['quotes', 'quantities', 'dates', 'places'];

const norm = (s: string | null) => (s ?? '').toLowerCase().replace(/^(the|a|an) /, '').trim();
const head = (s: string) => norm(s).split(' ').at(-1);

/** Same span (overlapping) and same meaning: the speaker, the value and thing counted, the day, the place. */
export function agrees(category: Category, found: Span & Record<string, unknown>, gold: Span & Record<string, unknown>): boolean {
  if (!(found.start < gold.end && gold.start < found.end)) return false;
  switch (category) {
    case 'quotes':
      return norm(found.speaker as string | null) === norm(gold.speaker as string | null);
    case 'quantities':
      return found.value === gold.value && head(found.counted as string) === head(gold.counted as string);
    case 'dates':
      return found.date === gold.date;
    case 'places':
      return norm(found.name as string) === norm(gold.name as string);
  }
}

export interface Score {
  gold: number;
  found: number;
  correct: number;
  misses: string[];
  extras: string[];
}

/** Each found suggestion may match one gold item; counts give precision and recall. */
export function score(category: Category, text: string, found: Array<Span & Record<string, unknown>>, gold: Gold[Category]): Score {
  const golds = gold.map((g) => ({ ...g, ...locate(text, g.text, g.occurrence) }) as Span & Record<string, unknown>);
  const used = new Set<number>();
  let correct = 0;
  const extras: string[] = [];
  for (const f of found) {
    const i = golds.findIndex((g, k) => !used.has(k) && agrees(category, f, g));
    if (i >= 0) {
      used.add(i);
      correct++;
    } else extras.push(JSON.stringify(f));
  }
  const misses = golds.filter((_, k) => !used.has(k)).map((g) => JSON.stringify(g));
  return { gold: golds.length, found: found.length, correct, misses, extras };
}
