import { describe, expect, it } from 'vitest';
import { extract } from '../../src/core/extract/index.ts';
import { articles, categories, londonGazetteer, score, type Category, type Score } from './support.ts';

/** Regressions below these fail the suite; docs/extract.md records the measured values. */
const floor = { precision: 0.8, recall: 0.8 };

describe('extraction on the sample articles', () => {
  const totals = Object.fromEntries(categories.map((c) => [c, { gold: 0, found: 0, correct: 0, misses: [], extras: [] } as Score])) as Record<Category, Score>;
  for (const a of articles()) {
    const result = extract(a.text, { published: a.gold.published, gazetteer: londonGazetteer });
    for (const c of categories) {
      const s = score(c, a.text, result[c] as never, a.gold[c]);
      totals[c].gold += s.gold;
      totals[c].found += s.found;
      totals[c].correct += s.correct;
      totals[c].misses.push(...s.misses.map((m) => `${a.name}: ${m}`));
      totals[c].extras.push(...s.extras.map((m) => `${a.name}: ${m}`));
    }
  }

  const rows = categories.map((c) => {
    const t = totals[c];
    return { category: c, gold: t.gold, found: t.found, correct: t.correct, precision: t.found ? t.correct / t.found : 1, recall: t.gold ? t.correct / t.gold : 1 };
  });
  const all = rows.reduce((a, r) => ({ gold: a.gold + r.gold, found: a.found + r.found, correct: a.correct + r.correct }), { gold: 0, found: 0, correct: 0 });

  it('prints precision and recall per category', () => {
    const pct = (x: number) => `${(x * 100).toFixed(1)}%`.padStart(8);
    const lines = [
      `Extraction on ${articles().length} sample articles (tests/extract/fixtures/articles)`,
      `${'category'.padEnd(12)}${'gold'.padStart(6)}${'found'.padStart(7)}${'correct'.padStart(9)}${'precision'.padStart(11)}${'recall'.padStart(9)}`,
      ...rows.map((r) => `${r.category.padEnd(12)}${String(r.gold).padStart(6)}${String(r.found).padStart(7)}${String(r.correct).padStart(9)}${pct(r.precision).padStart(11)}${pct(r.recall).padStart(9)}`),
      `${'all'.padEnd(12)}${String(all.gold).padStart(6)}${String(all.found).padStart(7)}${String(all.correct).padStart(9)}${pct(all.correct / all.found).padStart(11)}${pct(all.correct / all.gold).padStart(9)}`
    ];
    for (const c of categories) {
      for (const m of totals[c].misses) lines.push(`  missed ${c}: ${m}`);
      for (const m of totals[c].extras) lines.push(`  wrong or extra ${c}: ${m}`);
    }
    console.log(lines.join('\n'));
  });

  it.each(categories)('%s: precision and recall are at least the floor', (c) => {
    const r = rows.find((x) => x.category === c)!;
    expect(r.precision).toBeGreaterThanOrEqual(floor.precision);
    expect(r.recall).toBeGreaterThanOrEqual(floor.recall);
  });
});
