import { describe, expect, it } from 'vitest';
import type { Figure } from '../figures/types.ts';
import { changeSentence, concentrationSentence, rateRatioSentence, s60Sentence, searchesSentence, shareSentence } from './sentences.ts';

const hackney = { code: 'E09000012', name: 'Hackney', level: 'borough' as const };
const july = { from: '2023-07-01', to: '2023-07-31' };

function fig(f: Partial<Figure> & Pick<Figure, 'metric'>): Figure {
  return { area: hackney, period: july, group: null, numerator: 100, denominator: 1000, value: null, ci95: null, coverage: null, flags: [], method: '', sources: [], ...f };
}

const ratioOf = (group: string, value: number | null, ci: [number, number] | null, flags: Figure['flags'] = []) =>
  fig({ metric: 'rate_ratio_vs_white', group: { dimension: 'self_defined_ethnicity', value: group, grouping: 'census2021' }, value, ci95: ci, flags });

describe('headline sentences', () => {
  it('says how often a group was searched compared with White residents, with the interval', () => {
    const h = rateRatioSentence(ratioOf('black', 3.1, [2.6, 3.7]), 'self_defined_ethnicity', 'census2021');
    expect(h.text).toBe('Black residents were searched 3.1 times as often as White residents (95% interval 2.6 to 3.7).');
    expect(h.status).toBe('shown');
    expect(h.meaning).toContain('1 would mean the same rate');
  });

  it('names the grouping and officer-defined ethnicity in the sentence', () => {
    expect(rateRatioSentence(ratioOf('black', 3.4, [2.9, 4.0]), 'self_defined_ethnicity', 'black_incl_mixed_black').text).toBe(
      'Black residents (including Mixed White and Black) were searched 3.4 times as often as White residents (95% interval 2.9 to 4.0).'
    );
    const officer = rateRatioSentence(ratioOf('mixed', 1.6, [1.1, 2.3]), 'officer_defined_ethnicity', 'census2021');
    expect(officer.text).toBe('People officers recorded as Mixed were searched 1.6 times as often as people officers recorded as White (95% interval 1.1 to 2.3).');
    expect(officer.meaning).toContain('rougher comparison');
  });

  it('says "too few to say" for a suppressed figure, never a number', () => {
    const h = rateRatioSentence(ratioOf('other', null, null, ['suppressed', 'low_count']), 'self_defined_ethnicity', 'census2021');
    expect(h.text).toBe('Residents of other ethnic groups compared with White residents: too few to say (fewer than 10 searches in one of the groups).');
    expect(h.status).toBe('too_few');
    const arrests = shareSentence(fig({ metric: 'arrest_rate', numerator: 4, flags: ['suppressed', 'low_count'] }), 'metropolitan');
    expect(arrests.text).toBe('Searches ending in an arrest: too few to say (fewer than 10 searches).');
  });

  it('cautions about low counts and explains a missing interval', () => {
    expect(rateRatioSentence(ratioOf('mixed', 1.6, [1.0, 2.5], ['low_count']), 'self_defined_ethnicity', 'census2021').text).toBe(
      'Residents of Mixed ethnicity were searched 1.6 times as often as White residents (95% interval 1.0 to 2.5; fewer than 30 searches, so treat with care).'
    );
    expect(rateRatioSentence(ratioOf('black', 12.4, null, ['no_comparison']), 'self_defined_ethnicity', 'census2021').text).toContain('(no interval:');
  });

  it('says strip searches were not recorded by the Met before February 2024, never 0%', () => {
    const h = shareSentence(fig({ metric: 'strip_search_share', numerator: 0, denominator: 0, flags: ['not_recorded'] }), 'metropolitan');
    expect(h.text).toBe('Strip searches (removal of more than outer clothing): not recorded by the police before February 2024.');
    expect(h.status).toBe('not_recorded');
    const find = shareSentence(fig({ metric: 'find_rate', numerator: 0, denominator: 0, flags: ['not_recorded'] }), 'metropolitan');
    expect(find.text).toBe('Whether the outcome was linked to the object of the search: not recorded by the police for this period.');
  });

  it('writes shares as percentages with their interval', () => {
    const h = shareSentence(fig({ metric: 'arrest_rate', numerator: 86, denominator: 465, value: 0.18495, ci95: [0.1524, 0.2226] }), 'metropolitan');
    expect(h.text).toBe('18.5% of searches ended in an arrest (95% interval 15.2% to 22.3%).');
    const young = shareSentence(fig({ metric: 'under_18_share', value: 0.2, ci95: [0.15, 0.25] }), null);
    expect(young.text).toBe('20.0% of people searched were children under 18 (95% interval 15.0% to 25.0%).');
    const find = shareSentence(fig({ metric: 'find_rate', value: 0.25, ci95: [0.2, 0.3] }), null);
    expect(find.text).toBe('In 25.0% of searches, the outcome was linked to what officers were searching for (95% interval 20.0% to 30.0%).');
  });

  it('counts searches and section 60 searches in words', () => {
    expect(searchesSentence(fig({ metric: 'searches', value: 465, numerator: 465 })).text).toBe('There were 465 searches in Hackney in July 2023.');
    expect(searchesSentence(fig({ metric: 'searches', value: 1, numerator: 1, period: { from: '2023-07-01', to: '2023-09-30' } })).text).toBe(
      'There was 1 search in Hackney in July to September 2023.'
    );
    expect(s60Sentence(fig({ metric: 's60_count', value: 0, numerator: 0 })).text).toBe('No searches were made under section 60.');
    expect(s60Sentence(fig({ metric: 's60_count', value: 1234, numerator: 1234 })).text).toBe('1,234 searches were made under section 60.');
  });

  it('describes change against an earlier period in percentages or times', () => {
    const june = { from: '2023-06-01', to: '2023-06-30' };
    const up = changeSentence(fig({ metric: 'change_vs_previous', value: 1.5, ci95: [1.3, 1.72], comparedWith: june }));
    expect(up.text).toBe('Searches a day were 50% higher than in June 2023 (95% interval 30% higher to 72% higher).');
    const down = changeSentence(fig({ metric: 'change_vs_last_year', value: 0.84, ci95: [0.73, 1.02], comparedWith: { from: '2022-07-01', to: '2022-07-31' } }));
    expect(down.text).toBe('Searches a day were 16% lower than in July 2022 (95% interval 27% lower to 2% higher).');
    const double = changeSentence(fig({ metric: 'change_vs_previous', value: 2.3, ci95: [1.9, 2.8], comparedWith: june }));
    expect(double.text).toBe('There were 2.3 times as many searches a day as in June 2023 (95% interval 1.9 to 2.8).');
    const missing = changeSentence(fig({ metric: 'change_vs_previous', flags: ['no_comparison'], comparedWith: june }));
    expect(missing.text).toBe('There is no comparison with June 2023: its police data is not loaded.');
    expect(missing.status).toBe('unavailable');
    const few = changeSentence(fig({ metric: 'change_vs_previous', numerator: 3, denominator: 5, flags: ['suppressed', 'low_count'], comparedWith: june }));
    expect(few.text).toBe('Change since June 2023: too few to say (fewer than 10 searches).');
  });

  it('says how concentrated searches are', () => {
    const f = fig({ metric: 'concentration', group: { dimension: 'area_level', value: 'ward', grouping: null }, numerator: 4, denominator: 21, value: 4 / 21 });
    expect(concentrationSentence(f).text).toBe("Half of the searches with a location happened in 19.0% of Hackney's wards (4 of 21).");
  });
});

describe('wording', () => {
  it('writes months without data as runs', async () => {
    const { monthRuns, periodName } = await import('./wording.ts');
    expect(monthRuns(['2021-08', '2021-09', '2021-10', '2023-05'])).toBe('August 2021 to October 2021 and May 2023');
    expect(monthRuns(['2022-12', '2023-01', '2023-03'])).toBe('December 2022 to January 2023 and March 2023');
    expect(periodName({ from: '2023-07-21', to: '2023-07-21' })).toBe('21 July 2023');
    expect(periodName({ from: '2022-12-01', to: '2023-02-28' })).toBe('December 2022 to February 2023');
  });
});
