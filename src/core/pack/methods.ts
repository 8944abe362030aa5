import type { Definition } from './types.ts';

/**
 * The definitions of METRICS.md in plain words, for the pack's appendix. Kept beside the pack
 * (not generated from the figures' `method` strings) so they read as sentences for a panel.
 */
export const definitions: Definition[] = [
  {
    term: 'Searches',
    plain: 'The number of stop-and-search records: one record is one search of a person, a vehicle, or both.',
    method: 'Count of data.police.uk records whose London local date falls in the month and whose location lies in the area.'
  },
  {
    term: 'Searches per 1,000 residents',
    plain: 'Searches of people of an ethnic group, for every 1,000 residents of that group in the borough.',
    method: 'Searches of the group ÷ usual residents of the group (Census 2021, table TS021) × 1,000.'
  },
  {
    term: 'Searched … times as often as White residents (rate ratio)',
    plain: 'How many times more often, per resident, people of a group were searched than White people. 1 means equally often.',
    method: 'The group’s searches per resident ÷ White searches per resident.'
  },
  {
    term: 'Arrest rate',
    plain: 'The share of searches with a recorded outcome that ended in arrest.',
    method: 'Arrests ÷ searches whose outcome is known.'
  },
  {
    term: 'No further action',
    plain: 'The share of searches with a recorded outcome after which nothing further was done.',
    method: '“No further action” (including “Nothing found – no further action”) ÷ searches whose outcome is known.'
  },
  {
    term: 'Find rate',
    plain: 'The share of searches where the outcome was linked to what the officer was looking for.',
    method: '“Outcome linked to object of search” true ÷ records where that field is filled in. Shown as “not recorded” when the force leaves it blank.'
  },
  {
    term: 'Difference from White',
    plain: 'A group’s arrest or find rate minus White people’s, in percentage points. Below 0 means less often than for White people.',
    method: 'Difference of two shares, each with its own known-outcome total.'
  },
  {
    term: 'Strip searches',
    plain: 'Person searches in which more than outer clothing was removed.',
    method: 'Records with “removal of more than just outer clothing” true ÷ person searches where the field is filled in. The Metropolitan Police only fill it in from February 2024: before that it reads “not recorded”, never 0%.'
  },
  {
    term: 'Under 18',
    plain: 'The share of searches, among those with an age recorded, of children and young people under 18.',
    method: 'Age “under 10” or “10–17” ÷ searches with a known age.'
  },
  {
    term: 'Powers',
    plain: 'The law each search was made under: PACE section 1, the Misuse of Drugs Act section 23, section 60 (no suspicion needed), the Firearms Act section 47, or another.',
    method: 'Searches under each power ÷ searches with the power recorded; section 60 also as a count.'
  },
  {
    term: 'Change',
    plain: 'This month’s searches against an earlier month’s, per day, so that months of different lengths compare fairly.',
    method: 'Searches per day this month ÷ searches per day in the earlier period.'
  },
  {
    term: 'Concentration',
    plain: 'The smallest share of the borough’s wards (or small areas) that together hold half of its searches. A small share means searching is concentrated in a few places.',
    method: 'Wards ranked by searches; the fewest whose searches reach 50% of the borough’s located searches, ÷ all wards.'
  },
  {
    term: 'Unusual day',
    plain: 'A day when far more searches than usual happened in the borough or one of its wards: a possible planned operation.',
    method: 'The day’s count against the mean daily count of the 56 days before; flagged when a count at least that high would happen by chance less than once in 1,000 such days, and the count is at least 10.'
  }
];

/** How each kind of interval is worked out (docs/figures.md), in plain words. */
export const intervals: Definition[] = [
  {
    term: 'What the 95% intervals mean',
    plain: 'Counts of searches go up and down by chance from month to month. The interval is the range the underlying figure plausibly lies in; where two intervals do not overlap, or a ratio’s interval does not include 1, the difference is unlikely to be chance alone.',
    method: '95% confidence intervals throughout.'
  },
  { term: 'Rates per 1,000', plain: 'Exact for small counts.', method: 'Exact Poisson interval (Garwood) on the count, divided by the population.' },
  { term: 'Rate ratios', plain: 'The standard interval for a ratio of two rates.', method: 'Katz log interval: exp(ln RR ± 1.96 × √(1/S₁ − 1/P₁ + 1/S₀ − 1/P₀)).' },
  { term: 'Shares and outcome rates', plain: 'Stays between 0% and 100%, and behaves well for small groups.', method: 'Wilson score interval.' },
  { term: 'Differences from White', plain: 'Built from the two groups’ own intervals.', method: 'Newcombe’s hybrid score interval (method 10).' },
  { term: 'Change between periods', plain: 'Compares two counts without assuming large numbers.', method: 'Exact conditional Poisson interval of the ratio of two rates, days as exposure.' }
];
