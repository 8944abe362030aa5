import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { figureCsvColumns, figuresCsv, formatInterval, formatValue } from '../../src/core/figures/format.ts';
import { figuresOf, loadMainScenario, NORTHBANK } from './support/main-scenario.ts';
import type { TestWarehouse } from './support/warehouse.ts';

/** RFC 4180 records: quoted cells may hold commas, doubled quotes and new lines. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(cell), (cell = '');
    else if (c === '\n') row.push(cell), rows.push(row), (row = []), (cell = '');
    else cell += c;
  }
  return rows;
}

describe('figures as CSV and as text', () => {
  let t: TestWarehouse;
  let march: Awaited<ReturnType<typeof figuresOf>>;
  let header: string[];
  let rows: Record<string, string>[];
  beforeAll(async () => {
    t = await loadMainScenario();
    march = await figuresOf(t, { area: NORTHBANK, from: '2024-03' });
    const [head, ...body] = parseCsv(figuresCsv(march.figures));
    header = head;
    rows = body.map((cells) => Object.fromEntries(header.map((h, i) => [h, cells[i]])));
  });
  afterAll(() => t.close());

  it('has a header and one row per figure, every row as wide as the header', () => {
    expect(header).toEqual(figureCsvColumns);
    expect(header.slice(0, 4)).toEqual(['metric', 'area_code', 'area_name', 'area_level']);
    expect(rows).toHaveLength(march.figures.length);
    const [, ...body] = parseCsv(figuresCsv(march.figures));
    expect(body.every((cells) => cells.length === figureCsvColumns.length)).toBe(true);
    expect(rows.map((r) => r.metric)).toEqual(march.figures.map((f) => f.metric));
  });

  it('values and intervals are written in full, not rounded', () => {
    const i = march.figures.indexOf(march.one('nfa_share'));
    // 80 / 110 = 0.727272…
    expect(rows[i]).toMatchObject({ numerator: '80', denominator: '110', value: String(80 / 110), coverage_known: '110', coverage_total: '112' });
    expect(Number(rows[i].value)).toBe(80 / 110);
    expect(Number(rows[i].ci95_low)).toBe(march.one('nfa_share').ci95![0]);
    const rr = march.figures.indexOf(march.one('rate_ratio_vs_white', 'black'));
    expect(rows[rr]).toMatchObject({ group_dimension: 'self_defined_ethnicity', group_value: 'black', grouping: 'census2021', value: '4' });
  });

  it('a suppressed value is an empty cell with its flags; a difference vs White has its own columns', () => {
    const other = rows[march.figures.indexOf(march.one('share', 'other', 'self_defined_ethnicity'))];
    expect(other).toMatchObject({ numerator: '3', value: '', ci95_low: '', flags: 'suppressed low_count' });
    const nfa = rows[march.figures.indexOf(march.one('nfa_share', 'black'))];
    expect(Number(nfa.difference_vs_white)).toBe(-0.25);
    expect(Number(nfa.difference_ci95_low)).toBe(march.one('nfa_share', 'black').comparison!.ci95![0]);
  });

  it('methods with commas and quotes survive quoting', () => {
    expect(rows.map((r) => r.method)).toEqual(march.figures.map((f) => f.method));
    expect(rows.some((r) => r.method.includes(','))).toBe(true);
    expect(rows.some((r) => r.method.includes('"'))).toBe(true);
  });

  it('as text: percentages to one decimal, "too few" when suppressed, counts as they are', () => {
    expect(formatValue(march.one('nfa_share'))).toBe('72.7%');
    expect(formatInterval(march.one('nfa_share'))).toBe('63.7% to 80.2%');
    expect(formatValue(march.one('rate_ratio_vs_white', 'black'))).toBe('4.00');
    expect(formatValue(march.one('share', 'other', 'self_defined_ethnicity'))).toBe('too few');
    expect(formatValue(march.one('searches', 'vehicle', 'type'))).toBe('4');
  });
});
