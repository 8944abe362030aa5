import { describe, expect, it } from 'vitest';
import { publishedMonths } from './published.ts';

describe('publishedMonths', () => {
  const index = [
    { date: '2025-04', 'stop-and-search': ['avon-and-somerset', 'metropolitan'], 'crime-types': [] },
    { date: '2025-03', 'stop-and-search': ['avon-and-somerset'] },
    { date: '2025-02', 'stop-and-search': ['metropolitan'] }
  ];

  it('lists the months that name the force', () => {
    expect([...publishedMonths(index, 'metropolitan')!]).toEqual(['2025-04', '2025-02']);
    expect(publishedMonths(index, 'kent')!.size).toBe(0);
  });

  it('returns null for an answer of another shape', () => {
    expect(publishedMonths({ error: 'x' }, 'metropolitan')).toBeNull();
    expect(publishedMonths([{ date: '2025-04' }], 'metropolitan')).toBeNull();
  });
});
