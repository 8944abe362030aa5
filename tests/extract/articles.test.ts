import { describe, expect, it } from 'vitest';
import { extract } from '../../src/core/extract/index.ts';
import { articles, categories, londonGazetteer, score, type Article, type Category, type Score } from './support.ts';

/** Regressions below these fail the suite; docs/extract.md records the measured values. */
const floor = { precision: 0.8, recall: 0.8 };

type Totals = Record<Category, Score>;

function evaluate(list: Article[]): Totals {
  const totals = Object.fromEntries(categories.map((c) => [c, { gold: 0, found: 0, correct: 0, misses: [], extras: [] } as Score])) as Totals;
  for (const a of list) {
    const result = extract(a.text, { published: a.gold.published, gazetteer: londonGazetteer });
    for (const c of categories) {
      const s = score(c, a.text, result[c] as never, a.gold[c]);
      const t = totals[c];
      t.gold += s.gold;
      t.found += s.found;
      t.correct += s.correct;
      t.misses.push(...s.misses.map((m) => `${a.name}: ${m}`));
      t.extras.push(...s.extras.map((m) => `${a.name}: ${m}`));
    }
  }
  return totals;
}

const precision = (t: Pick<Score, 'found' | 'correct'>) => (t.found ? t.correct / t.found : 1);
const recall = (t: Pick<Score, 'gold' | 'correct'>) => (t.gold ? t.correct / t.gold : 1);

function table(title: string, totals: Totals): string[] {
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  const row = (name: string, t: Pick<Score, 'gold' | 'found' | 'correct'>) =>
    `${name.padEnd(12)}${String(t.gold).padStart(6)}${String(t.found).padStart(7)}${String(t.correct).padStart(9)}${pct(precision(t)).padStart(11)}${pct(recall(t)).padStart(9)}`;
  const all = categories.reduce((a, c) => ({ gold: a.gold + totals[c].gold, found: a.found + totals[c].found, correct: a.correct + totals[c].correct }), { gold: 0, found: 0, correct: 0 });
  const lines = [title, `${'category'.padEnd(12)}${'gold'.padStart(6)}${'found'.padStart(7)}${'correct'.padStart(9)}${'precision'.padStart(11)}${'recall'.padStart(9)}`];
  lines.push(...categories.map((c) => row(c, totals[c])), row('all', all));
  for (const c of categories) {
    for (const m of totals[c].misses) lines.push(`  missed ${c}: ${m}`);
    for (const m of totals[c].extras) lines.push(`  wrong or extra ${c}: ${m}`);
  }
  return lines;
}

function merge(a: Totals, b: Totals): Totals {
  return Object.fromEntries(
    categories.map((c) => [c, { gold: a[c].gold + b[c].gold, found: a[c].found + b[c].found, correct: a[c].correct + b[c].correct, misses: [], extras: [] }])
  ) as unknown as Totals;
}

describe('extraction on the sample articles', () => {
  const tuned = articles('articles');
  const heldOut = articles('held-out');
  const tunedTotals = evaluate(tuned);
  const heldOutTotals = evaluate(heldOut);
  const allTotals = merge(tunedTotals, heldOutTotals);

  it('prints precision and recall per category', () => {
    console.log(
      [
        ...table(`Extraction: ${tuned.length} articles the rules were written against (fixtures/articles)`, tunedTotals),
        '',
        ...table(`Extraction: ${heldOut.length} held-out articles, annotated before the extractor first read them (fixtures/held-out; first-run scores in docs/extract.md)`, heldOutTotals),
        '',
        ...table(`Extraction: all ${tuned.length + heldOut.length} articles`, allTotals)
      ].join('\n')
    );
  });

  it.each(categories)('%s: precision and recall over all articles are at least the floor', (c) => {
    expect(precision(allTotals[c])).toBeGreaterThanOrEqual(floor.precision);
    expect(recall(allTotals[c])).toBeGreaterThanOrEqual(floor.recall);
  });
});
