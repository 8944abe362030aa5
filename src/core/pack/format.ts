import type { Grouping } from '../police-data/ethnicity.ts';
import type { Figure } from '../figures/types.ts';
import { codeName, count, percent, rate, ratio } from './wording.ts';

type Shown = Pick<Figure, 'metric' | 'flags' | 'value' | 'ci95'>;

const percentMetrics = new Set<Figure['metric']>([
  'share', 'nfa_share', 'arrest_rate', 'formal_outcome_rate', 'find_rate', 'strip_search_share', 'under_18_share', 'power_mix', 'object_mix', 'concentration'
]);

/** How a number of this metric is written: "18.5%", "2.8" (per 1,000), "3.4" (a ratio), "1,234". */
function numberOf(f: Shown, x: number, limit = false): string {
  if (percentMetrics.has(f.metric)) return percent(x);
  if (f.metric === 'searches' || f.metric === 's60_count') return count(x);
  if (f.metric === 'rate_per_1000') return rate(x);
  // A ratio's limits keep two decimals, so a lower limit of 1.02 does not read as "1.0".
  return limit ? x.toFixed(2) : ratio(x);
}

/** A figure's value as the pack prints it; never a zero for what is missing or too few. */
export function valueText(f: Shown): string {
  if (f.flags.includes('not_recorded')) return 'not recorded';
  if (f.value === null) return f.flags.includes('suppressed') ? 'too few' : 'n/a';
  return numberOf(f, f.value);
}

/** "2.68 to 4.35", or '' when the figure has no interval. */
export function intervalText(f: Shown): string {
  if (!f.ci95 || f.value === null) return '';
  return `${numberOf(f, f.ci95[0], true)} to ${numberOf(f, f.ci95[1], true)}`;
}

const metricNames: Partial<Record<Figure['metric'], string>> = {
  searches: 'Searches',
  share: 'Share of searches',
  rate_per_1000: 'Searches per 1,000 residents',
  rate_ratio_vs_white: 'Times as often as White',
  nfa_share: 'No further action',
  arrest_rate: 'Arrest rate',
  formal_outcome_rate: 'Formal outcome rate',
  find_rate: 'Find rate',
  strip_search_share: 'Strip searches (share of person searches)',
  under_18_share: 'Under 18',
  power_mix: 'Share of searches under the power',
  object_mix: 'Share of searches for the object',
  s60_count: 'Section 60 searches',
  change_vs_previous: 'Change on the month before (ratio of searches a day)',
  change_vs_last_year: 'Change on a year before (ratio of searches a day)',
  concentration: 'Concentration'
};

/** What a figure is, in a few words: "Black: arrest rate", "Section 60 searches". */
export function figureLabel(f: Pick<Figure, 'metric' | 'group'>, grouping: Grouping = 'census2021'): string {
  const name = metricNames[f.metric] ?? f.metric;
  if (!f.group) return name;
  const group = codeName(f.group.dimension, f.group.value, grouping);
  return f.group.dimension === 'self_defined_ethnicity' || f.group.dimension === 'officer_defined_ethnicity' ? `${group}: ${name.charAt(0).toLowerCase()}${name.slice(1)}` : `${name}: ${group}`;
}
