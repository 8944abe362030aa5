import { describe, expect, it } from 'vitest';
import type { UnusualDay } from '../figures/unusual.ts';
import type { AreaRef, Figure, FigureContext, FigureSet } from '../figures/types.ts';
import {
  disproportionateSearching,
  lowerOutcomeRate,
  riseOnPreviousMonths,
  riseOnYearBefore,
  searchesWithoutLocation,
  thinMonth,
  section60,
  stripSearches,
  suggestQuestions,
  unusualDays,
  type QuestionInput
} from './questions.ts';
import type { EarlierMonth } from './types.ts';

// Hand-made figure objects: only the fields the rules read are meaningful.
const hackney: AreaRef = { code: 'E09000012', name: 'Hackney', level: 'borough' };
const july = { from: '2023-07-01', to: '2023-07-31' };

function fig(f: Partial<Figure> & Pick<Figure, 'metric'>): Figure {
  return {
    area: hackney,
    period: july,
    group: null,
    numerator: 0,
    denominator: null,
    value: null,
    ci95: null,
    coverage: null,
    flags: [],
    method: '',
    sources: [],
    ...f
  };
}

const eth = (value: string) => ({ dimension: 'self_defined_ethnicity' as const, value, grouping: 'census2021' as const });

function context(over: Partial<FigureContext> = {}, period = july): FigureContext {
  return {
    area: hackney,
    period,
    grouping: 'census2021',
    ethnicity: 'self_defined_ethnicity',
    force: 'metropolitan',
    placement: { forceRecords: 13_000, unlocated: 100, locatedOutsideAreas: 0 },
    missingMonths: [],
    thinMonths: [],
    sources: [],
    ...over
  };
}

const set = (figures: Figure[], over: Partial<FigureContext> = {}, period = july): FigureSet => ({ context: context(over, period), figures });

const input = (current: FigureSet, more: Partial<QuestionInput> = {}): QuestionInput => ({
  borough: hackney,
  month: '2023-07',
  current,
  earlier: [],
  unusualDays: [],
  ...more
});

const whiteRate = fig({ metric: 'rate_per_1000', group: eth('white'), numerator: 113, denominator: 138_000, value: 0.82, ci95: [0.67, 0.98] });
const blackRate = fig({ metric: 'rate_per_1000', group: eth('black'), numerator: 153, denominator: 54_645, value: 2.8, ci95: [2.37, 3.28] });
const ratio = (value: string, v: number | null, ci: [number, number] | null, flags: Figure['flags'] = []) =>
  fig({ metric: 'rate_ratio_vs_white', group: eth(value), numerator: 153, denominator: 54_645, value: v, ci95: ci, flags });

describe('disproportionate searching: a rate ratio whose interval lies wholly above 1', () => {
  it('asks what explains it, keeping the ratio and both rates', () => {
    const r = ratio('black', 3.412, [2.676, 4.35]);
    const [q, ...rest] = disproportionateSearching(input(set([whiteRate, blackRate, r])));
    expect(rest).toEqual([]);
    expect(q.rule).toBe('disproportionate_searching');
    expect(q.text).toBe('What explains Black residents in Hackney being searched 3.4 times as often as White residents in July 2023?');
    expect(q.because).toBe(
      'Black people were searched 153 times (2.8 per 1,000 residents); White people 113 times (0.82 per 1,000 residents). Rate ratio 3.4, 95% interval 2.68 to 4.35.'
    );
    expect(q.figures).toEqual([r, blackRate, whiteRate]);
  });

  it('asks nothing when the interval reaches 1, or the ratio is too few to say', () => {
    expect(disproportionateSearching(input(set([whiteRate, ratio('black', 1.6, [0.99, 2.5])])))).toEqual([]);
    expect(disproportionateSearching(input(set([whiteRate, ratio('black', 1.6, [1, 2.5])])))).toEqual([]);
    expect(disproportionateSearching(input(set([whiteRate, ratio('black', null, null, ['suppressed', 'low_count'])])))).toEqual([]);
    expect(disproportionateSearching(input(set([whiteRate, ratio('black', 0.4, [0.2, 0.7])])))).toEqual([]);
  });

  it('orders several groups largest ratio first and names each group in words', () => {
    const qs = disproportionateSearching(input(set([whiteRate, ratio('mixed', 1.6, [1.02, 2.51]), ratio('black', 3.4, [2.7, 4.4])])));
    expect(qs.map((q) => q.text)).toEqual([
      'What explains Black residents in Hackney being searched 3.4 times as often as White residents in July 2023?',
      'What explains residents of Mixed ethnicity in Hackney being searched 1.6 times as often as White residents in July 2023?'
    ]);
  });

  it('says when ethnicity is as officers recorded it', () => {
    const officer = { ...eth('black'), dimension: 'officer_defined_ethnicity' as const, grouping: null };
    const r = fig({ metric: 'rate_ratio_vs_white', group: officer, numerator: 153, value: 3.4, ci95: [2.7, 4.4] });
    const [q] = disproportionateSearching(input(set([r], { ethnicity: 'officer_defined_ethnicity' })));
    expect(q.text).toBe('What explains people officers recorded as Black in Hackney being searched 3.4 times as often as people officers recorded as White in July 2023?');
  });
});

describe('lower arrest or find rate than White: the difference interval lies wholly below 0', () => {
  const white = fig({ metric: 'arrest_rate', group: eth('white'), numerator: 24, denominator: 60, value: 0.4, ci95: [0.29, 0.53] });
  const black = (ci: [number, number] | null, flags: Figure['flags'] = []) =>
    fig({ metric: 'arrest_rate', group: eth('black'), numerator: 12, denominator: 120, value: 0.1, ci95: [0.06, 0.17], flags, comparison: { vs: 'white', difference: -0.3, ci95: ci } });

  it('asks why, keeping the group and White figures', () => {
    const b = black([-0.44, -0.16]);
    const [q, ...rest] = lowerOutcomeRate(input(set([white, b])), 'arrest_rate');
    expect(rest).toEqual([]);
    expect(q.rule).toBe('lower_arrest_rate');
    expect(q.text).toBe(
      'Why did searches of Black people in Hackney in July 2023 end in arrest less often than searches of White people (10.0% against 40.0%)? What does this say about the grounds for searching Black people?'
    );
    expect(q.because).toBe('Black people: 12 of 120 searches with a known outcome; White people: 24 of 60. Difference −30.0 points, 95% interval −44.0 points to −16.0 points.');
    expect(q.figures).toEqual([b, white]);
  });

  it('asks nothing when the interval reaches 0, the difference is unknown, or a rate is suppressed', () => {
    expect(lowerOutcomeRate(input(set([white, black([-0.3, 0.01])])), 'arrest_rate')).toEqual([]);
    expect(lowerOutcomeRate(input(set([white, black(null)])), 'arrest_rate')).toEqual([]);
    const tooFewWhite = { ...white, value: null, ci95: null, flags: ['suppressed', 'low_count'] as Figure['flags'] };
    expect(lowerOutcomeRate(input(set([tooFewWhite, black([-0.44, -0.16])])), 'arrest_rate')).toEqual([]);
  });

  it('works the same for the find rate', () => {
    const w = { ...white, metric: 'find_rate' as const };
    const b = { ...black([-0.44, -0.16]), metric: 'find_rate' as const };
    const [q] = lowerOutcomeRate(input(set([w, b])), 'find_rate');
    expect(q.rule).toBe('lower_find_rate');
    expect(q.text).toMatch(/^Why did searches of Black people in Hackney in July 2023 find what officers were looking for less often than searches of White people/);
  });
});

describe('a rise against the previous months beyond the interval', () => {
  const searches = (n: number, period = july) => fig({ metric: 'searches', numerator: n, value: n, period });
  const monthSet = (month: string, n: number, days: number) => {
    const period = { from: `${month}-01`, to: `${month}-${days}` };
    return set([searches(n, period)], {}, period);
  };
  const earlier = (counts: Array<[string, number | null, number]>): EarlierMonth[] =>
    counts.map(([month, n, days]) => ({ month, role: 'previous', set: n === null ? null : monthSet(month, n, days) }));

  it('compares searches a day with the three months before and keeps the four counts', () => {
    const now = searches(465);
    const before = earlier([['2023-06', 243, 30], ['2023-05', 337, 31], ['2023-04', 330, 30]]);
    const [q] = riseOnPreviousMonths(input(set([now]), { earlier: before }));
    expect(q.text).toBe('Searches in Hackney rose to 465 in July 2023, from an average of 303 a month in April to June 2023. What explains the rise?');
    expect(q.comparison).toMatchObject({ now: 465, before: 910, months: ['2023-04', '2023-05', '2023-06'] });
    // (465/31) / (910/91) = 1.5
    expect(q.comparison?.ratio).toBeCloseTo(1.5, 6);
    expect(q.comparison?.ci95[0]).toBeGreaterThan(1);
    expect(q.figures.map((f) => f.numerator)).toEqual([465, 330, 337, 243]);
  });

  it('says which months are missing and compares with the rest', () => {
    const before = earlier([['2023-06', 243, 30], ['2023-05', null, 31], ['2023-04', 330, 30]]);
    const [q] = riseOnPreviousMonths(input(set([searches(465)]), { earlier: before }));
    expect(q.text).toContain('from an average of 287 a month in April 2023 and June 2023');
    expect(q.because).toMatch(/May 2023 is not loaded, so not compared\.$/);
  });

  it('asks nothing for a change chance could explain, or with nothing to compare', () => {
    expect(riseOnPreviousMonths(input(set([searches(330)]), { earlier: earlier([['2023-06', 320, 30], ['2023-05', 337, 31], ['2023-04', 300, 30]]) }))).toEqual([]);
    expect(riseOnPreviousMonths(input(set([searches(465)]), { earlier: earlier([['2023-06', null, 30]]) }))).toEqual([]);
  });

  it('asks about a rise on the same month a year before from change_vs_last_year', () => {
    const f = fig({ metric: 'change_vs_last_year', numerator: 600, denominator: 400, value: 1.5, ci95: [1.32, 1.7], comparedWith: { from: '2022-07-01', to: '2022-07-31' } });
    const [q] = riseOnYearBefore(input(set([f])));
    expect(q.text).toBe('Searches in Hackney rose to 600 in July 2023, from 400 in July 2022. What explains the rise over the year?');
    expect(q.figures).toEqual([f]);
    expect(riseOnYearBefore(input(set([{ ...f, ci95: [0.9, 1.2] }])))).toEqual([]);
    expect(riseOnYearBefore(input(set([{ ...f, value: null, ci95: null, flags: ['no_comparison'] }])))).toEqual([]);
  });
});

describe('unusual days', () => {
  const day = (name: string, level: 'borough' | 'ward', date: string, count: number, baseline: number): UnusualDay => ({
    area: { code: name, name, level },
    date,
    count,
    baseline,
    ratio: count / baseline,
    p: 1e-6,
    baselineDays: 56,
    makeup: { legislation: { misuse_of_drugs_s23: 12, pace_s1: 3 }, object_of_search: { controlled_drugs: 12, unknown: 3 } }
  });

  it('asks whether there was a planned operation, naming the ward and the day', () => {
    const dalston = day('Dalston', 'ward', '2023-07-21', 15, 0.893);
    const [q] = unusualDays(input(set([]), { unusualDays: [dalston] }));
    expect(q.text).toBe('Was there a planned operation in Dalston on 21 July 2023? Please share its community impact assessment.');
    expect(q.because).toBe(
      '15 searches in Dalston against a usual 0.9 a day. In Dalston, most common power: Misuse of Drugs Act s23 (12 of 15); most common object: Drugs (12 of 15).'
    );
    expect(q.unusualDays).toEqual([dalston]);
  });

  it('makes one question a date: the wards flagged that day, else the borough', () => {
    const days = [
      day('Hackney', 'borough', '2023-07-21', 40, 12.2),
      day('Homerton', 'ward', '2023-07-21', 11, 0.6),
      day('Dalston', 'ward', '2023-07-21', 15, 0.9),
      day('Hackney', 'borough', '2023-07-03', 39, 10.1)
    ];
    const qs = unusualDays(input(set([]), { unusualDays: days }));
    expect(qs.map((q) => q.text)).toEqual([
      'Was there a planned operation in Hackney on 3 July 2023? Please share its community impact assessment.',
      'Was there a planned operation in Dalston and Homerton on 21 July 2023? Please share its community impact assessment.'
    ]);
    expect(qs[1].unusualDays.map((d) => d.area.name)).toEqual(['Dalston', 'Homerton', 'Hackney']);
  });
});

describe('strip searches, section 60 and searches without a location', () => {
  it('asks about strip searches only when they are recorded and there were some', () => {
    const recorded = fig({ metric: 'strip_search_share', numerator: 12, denominator: 300, value: 0.04, ci95: [0.02, 0.07] });
    const [q] = stripSearches(input(set([recorded])));
    expect(q.text).toBe(
      'Please explain the 12 searches in Hackney in July 2023 that involved removing more than outer clothing: who authorised them, where they took place, and how many were of children?'
    );
    expect(q.because).toBe('12 of 300 person searches with this recorded (4.0%) involved removal of more than outer clothing.');
    const notRecorded = fig({ metric: 'strip_search_share', numerator: 0, denominator: 0, flags: ['not_recorded'] });
    expect(stripSearches(input(set([notRecorded])))).toEqual([]);
    expect(stripSearches(input(set([{ ...recorded, numerator: 0, value: 0 }])))).toEqual([]);
    // Too few for a share, but a count is always shown: one search is still worth a question.
    const [one] = stripSearches(input(set([{ ...recorded, numerator: 1, value: null, ci95: null, flags: ['suppressed', 'low_count'] }])));
    expect(one.text).toContain('the 1 search in Hackney in July 2023 that involved removing more than outer clothing: who authorised it');
  });

  it('asks for the section 60 authorisations when the power was used', () => {
    const s60 = fig({ metric: 's60_count', numerator: 29, value: 29 });
    const [q] = section60(input(set([s60])));
    expect(q.text).toBe(
      'Section 60 was used for 29 searches in Hackney in July 2023. Please share each authorisation: who authorised it, for which area and hours, on what intelligence, and what the searches found.'
    );
    expect(q.figures).toEqual([s60]);
    expect(section60(input(set([{ ...s60, numerator: 0, value: 0 }])))).toEqual([]);
  });

  it('asks about missing locations from 5% of the force’s records (and at least 10)', () => {
    const [q] = searchesWithoutLocation(input(set([], { placement: { forceRecords: 13_073, unlocated: 1_314, locatedOutsideAreas: 10 } })));
    expect(q.text).toBe(
      "1,314 of the Metropolitan Police's 13,073 searches in July 2023 (10.1%) had no location, so they cannot be counted in Hackney or any other borough. Why are locations missing, and how many of these searches took place in Hackney?"
    );
    expect(q.placement).toEqual({ force: 'metropolitan', forceRecords: 13_073, unlocated: 1_314 });
    expect(searchesWithoutLocation(input(set([], { placement: { forceRecords: 13_073, unlocated: 600, locatedOutsideAreas: 0 } })))).toEqual([]);
    expect(searchesWithoutLocation(input(set([], { placement: { forceRecords: 100, unlocated: 9, locatedOutsideAreas: 0 } })))).toEqual([]);
  });
});

describe('thin_month', () => {
  it('asks whether records are missing when the month holds fewer than half a usual month', () => {
    const [q] = thinMonth(input(set([], { thinMonths: [{ month: '2023-07', records: 3253, usual: 10112, stopsOn: null }] })));
    expect(q.rule).toBe('thin_month');
    expect(q.text).toContain('3,253');
    expect(q.text).toContain('about 10,112');
    expect(q.text).toContain('Were all of the month');
  });

  it('asks nothing when only an earlier month is thin', () => {
    expect(thinMonth(input(set([], { thinMonths: [{ month: '2023-06', records: 10, usual: 1000, stopsOn: null }] })))).toEqual([]);
    expect(thinMonth(input(set([])))).toEqual([]);
  });
});

describe('suggestQuestions', () => {
  it('runs every rule in order and asks nothing of a quiet month', () => {
    const quiet = set([whiteRate, ratio('black', 1.1, [0.8, 1.5]), fig({ metric: 's60_count' }), fig({ metric: 'searches', numerator: 20, value: 20 })]);
    expect(suggestQuestions(input(quiet))).toEqual([]);
    const busy = set([whiteRate, blackRate, ratio('black', 3.4, [2.7, 4.4]), fig({ metric: 's60_count', numerator: 3, value: 3 })], {
      placement: { forceRecords: 1000, unlocated: 200, locatedOutsideAreas: 0 }
    });
    expect(suggestQuestions(input(busy)).map((q) => q.rule)).toEqual(['disproportionate_searching', 'section_60', 'searches_without_location']);
  });
});
