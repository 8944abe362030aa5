import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import { Forbidden, Invalid, NotFound } from '../../src/core/errors.ts';
import { extract } from '../../src/core/extract/index.ts';
import { segments } from '../../src/core/extract/highlight.ts';
import { reviewSuggestions } from '../../src/core/extract/review.ts';
import { suggestFromSource } from '../../src/core/extract/suggest.ts';
import type { Warehouse } from '../../src/core/warehouse/warehouse.ts';
import HighlightedSource from '../../src/lib/components/extract/HighlightedSource.svelte';
import { panelId, personas } from '../access/personas.ts';

const text = 'Mayor of Hackney Jane Smith spoke in Dalston. “Eight people were arrested on Friday,” she said.';

/** Just what gazetteerOf asks of the warehouse: the areas in use. */
const warehouse = {
  memo: <T>(_key: string, fn: () => Promise<T>) => fn(),
  query: async () => [
    { code: 'E09000012', name: 'Hackney', level: 'borough', parent_code: null },
    { code: 'E05009370', name: 'Dalston', level: 'ward', parent_code: 'E09000012' }
  ]
} as unknown as Warehouse;

describe('segments for marking the text', () => {
  it('cut the text at every suggestion, cover it whole, and say what covers each stretch', () => {
    const found = extract(text, { published: '2023-07-24', gazetteer: [{ name: 'Dalston', level: 'ward' }] });
    const parts = segments(text, found);
    expect(parts.map((p) => p.text).join('')).toBe(text);
    expect(parts.find((p) => p.text === 'Dalston')).toMatchObject({ kinds: ['places'], refs: ['p0'] });
    // A count inside a quote is covered by both.
    expect(parts.find((p) => p.text === 'Eight people')).toMatchObject({ kinds: ['quotes', 'quantities'], refs: ['q0', 'n0'] });
    expect(parts.find((p) => p.text === 'Friday')?.kinds).toEqual(['quotes', 'dates']);
  });
});

describe('the clerk’s review', () => {
  const found = extract(text, { published: '2023-07-24' });

  it('accepts what the clerk did not decide, keeps corrections and drops rejections', () => {
    const reviewed = reviewSuggestions(found, (ref) =>
      ref === 'q0' ? { decision: 'edit', value: ' Jane Smith, Mayor of Hackney ' } : ref === 'd0' ? { decision: 'reject' } : {}
    );
    expect(reviewed.map((r) => [r.ref, r.decision, r.value])).toEqual([
      ['q0', 'edit', 'Jane Smith, Mayor of Hackney'],
      ['n0', 'accept', '8 people'],
      ['d0', 'reject', '']
    ]);
  });

  it('treats a correction that changes nothing as an acceptance, and refuses an empty correction', () => {
    expect(reviewSuggestions(found, (ref) => (ref === 'n0' ? { decision: 'edit', value: '8 people' } : {}))[1].decision).toBe('accept');
    expect(() => reviewSuggestions(found, (ref) => (ref === 'n0' ? { decision: 'edit', value: '  ' } : {}))).toThrow(Invalid);
  });
});

describe('suggestFromSource, the use case behind the page', () => {
  it('lets a clerk or chair use it, with the wards and boroughs of the warehouse', async () => {
    for (const actor of [personas.clerk, personas.chair]) {
      const found = await suggestFromSource({ warehouse }, actor, { panelId, text, published: '2023-07-24' });
      expect(found.places.map((p) => p.name)).toEqual(['Dalston']);
      expect(found.quotes[0].speaker).toBe('Jane Smith');
    }
  });

  it('refuses members and police respondents (403) and hides the panel from outsiders (404)', async () => {
    await expect(suggestFromSource({ warehouse }, personas.member, { panelId, text })).rejects.toThrow(Forbidden);
    await expect(suggestFromSource({ warehouse }, personas.police, { panelId, text })).rejects.toThrow(Forbidden);
    await expect(suggestFromSource({ warehouse }, personas.outsider, { panelId, text })).rejects.toThrow(NotFound);
  });

  it('names the field of a bad input', async () => {
    await expect(suggestFromSource({ warehouse }, personas.clerk, { panelId, text: '  ' })).rejects.toMatchObject({ details: { field: 'text' } });
    await expect(suggestFromSource({ warehouse }, personas.clerk, { panelId, text, published: '2023-02-30' })).rejects.toMatchObject({ details: { field: 'published' } });
    await expect(suggestFromSource({ warehouse }, personas.clerk, { panelId, text: 'a'.repeat(200_001) })).rejects.toThrow(/longer than 200,000 characters/);
  });
});

describe('the marked text on the page', () => {
  it('writes pasted HTML and script as text, never as markup', () => {
    const hostile = '<script>alert("Eight people")</script><img src=x onerror=alert(1)> on Mare Street';
    const { body } = render(HighlightedSource, { props: { segments: segments(hostile, extract(hostile)) } });
    expect(body).not.toContain('<script>');
    expect(body).not.toContain('<img');
    expect(body).toContain('&lt;script>');
    expect(body).toMatch(/<mark class="k-places[ "][^>]*>Mare Street<\/mark>/);
  });
});
