import { describe, expect, it } from 'vitest';
import { wilsonCI } from '../../src/core/figures/stats/index.ts';
import { atLeast, checkAuthorisation, checkExtension, hoursText } from '../../src/core/section60/rules.ts';
import { figuresOf, type Section60Search } from '../../src/core/section60/searches.ts';

const at = (iso: string) => new Date(iso);

describe('the legal rule (CJPOA 1994 s60)', () => {
  it('orders ranks', () => {
    expect(atLeast('inspector', 'inspector')).toBe(true);
    expect(atLeast('sergeant', 'inspector')).toBe(false);
    expect(atLeast('commander', 'superintendent')).toBe(true);
    expect(atLeast('chief_inspector', 'superintendent')).toBe(false);
  });

  it('allows up to 24 hours, then one extension of up to 24 more (48 in all)', () => {
    expect(() => checkAuthorisation({ rank: 'inspector', startsAt: at('2023-07-21T10:00Z'), endsAt: at('2023-07-22T10:00Z') })).not.toThrow();
    expect(() => checkAuthorisation({ rank: 'inspector', startsAt: at('2023-07-21T10:00Z'), endsAt: at('2023-07-22T10:01Z') })).toThrow(/at most 24 hours .* 24 hours 1 minute/);
    const a = { startsAt: at('2023-07-21T10:00Z'), endsAt: at('2023-07-22T10:00Z'), extended: false };
    expect(() => checkExtension(a, { rank: 'superintendent', newEndsAt: at('2023-07-23T10:00Z') })).not.toThrow();
    expect(() => checkExtension(a, { rank: 'superintendent', newEndsAt: at('2023-07-23T10:30Z') })).toThrow('this one adds 24 hours 30 minutes, so the authorisation would last 48 hours 30 minutes in all');
    expect(() => checkExtension({ ...a, extended: true }, { rank: 'commissioner', newEndsAt: at('2023-07-22T11:00Z') })).toThrow(/already been extended once/);
  });

  it('writes durations in words', () => {
    expect(hoursText(1)).toBe('1 hour');
    expect(hoursText(0.5)).toBe('30 minutes');
    expect(hoursText(26.25)).toBe('26 hours 15 minutes');
  });
});

describe('the figures of an authorisation', () => {
  const search = (over: Partial<Section60Search>): Section60Search => ({
    id: 'x', datetime: '2023-07-21T20:00:00Z', latitude: null, longitude: null, street: null, ward: 'E05009370',
    object: 'offensive_weapons', outcome: 'no_further_action', found: false, age: '18_24', ethnicGroup: 'black', ...over
  });

  it('shows shares with Wilson intervals from 10 up, counts always (counted by hand)', () => {
    // 12 Black (10 no further action, 2 arrests, 1 found), 3 White (3 no further action), 1 not stated with an unknown outcome.
    const list = [
      ...Array.from({ length: 10 }, () => search({})),
      search({ outcome: 'arrest', found: true }),
      search({ outcome: 'arrest', found: null }),
      ...Array.from({ length: 3 }, () => search({ ethnicGroup: 'white' })),
      search({ ethnicGroup: 'unknown', outcome: 'unknown', found: null })
    ];
    const f = figuresOf(list);
    expect(f.searches).toBe(16);
    const black = f.byEthnicity.find((g) => g.group === 'black')!;
    expect(black).toEqual({ group: 'black', searches: 12, share: { count: 12, known: 15, share: 12 / 15, ci95: wilsonCI(12, 15), flags: ['low_count'] } });
    expect(f.byEthnicity.find((g) => g.group === 'white')!.share).toMatchObject({ count: 3, known: 15, share: null, flags: ['suppressed', 'low_count'] });
    expect(f.byEthnicity.find((g) => g.group === 'unknown')!.share).toMatchObject({ count: 1, known: 16 });
    expect(f.noFurtherAction).toEqual({ count: 13, known: 15, share: 13 / 15, ci95: wilsonCI(13, 15), flags: ['low_count'] });
    expect(f.arrest).toMatchObject({ count: 2, known: 15, share: null });
    expect(f.find).toMatchObject({ count: 1, known: 14, share: null });
  });
});
