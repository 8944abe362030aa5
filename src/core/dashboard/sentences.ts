import { forceFacts } from '../police-data/forces.ts';
import type { Grouping } from '../police-data/ethnicity.ts';
import type { Figure } from '../figures/types.ts';
import { residentsOf, type Ethnicity } from './labels.ts';
import { count, counted, monthName, percent, periodName, ratio } from './wording.ts';

/**
 * Headline figures as plain-English sentences, with their interval and what they mean. Each
 * builder takes one figure (as computed by figures/) and never invents a number: a suppressed
 * figure says "too few to say", one the police did not record says so.
 */

export type HeadlineStatus = 'shown' | 'too_few' | 'not_recorded' | 'unavailable';

export interface Headline {
  /** Stable id, e.g. "rate_ratio_vs_white:black", for anchors and tests. */
  id: string;
  text: string;
  /** What the figure means, in a sentence or two. */
  meaning: string;
  status: HeadlineStatus;
}

export const TOO_FEW = 'too few to say';

const tooFew = (f: Figure) => f.flags.includes('suppressed');
const notRecorded = (f: Figure) => f.flags.includes('not_recorded');

/** "(95% interval 2.6 to 3.7)", with a caution when the count is low. */
function interval(f: Figure, show: (x: number) => string): string {
  const parts: string[] = [];
  if (f.ci95) parts.push(`95% interval ${show(f.ci95[0])} to ${show(f.ci95[1])}`);
  if (f.flags.includes('low_count')) parts.push('fewer than 30 searches, so treat with care');
  return parts.length ? ` (${parts.join('; ')})` : '';
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** "There were 465 searches in Hackney in July 2023." Counts are always shown. */
export function searchesSentence(f: Figure): Headline {
  const n = f.value ?? f.numerator;
  return {
    id: 'searches',
    text: `There ${n === 1 ? 'was' : 'were'} ${counted(n, 'search', 'searches')} in ${f.area.name} in ${periodName(f.period)}.`,
    meaning:
      'Every stop and search the police recorded and published on data.police.uk, placed in the area by where it happened. ' +
      'Records without a location cannot be placed, so they count only towards the whole force.',
    status: 'shown'
  };
}

/** "Searches a day were 85% higher than in June 2023 (95% interval 68% to 104% higher)." */
export function changeSentence(f: Figure): Headline {
  const other = f.comparedWith ? periodName(f.comparedWith) : 'the period before';
  const id = f.metric;
  const meaning =
    `Searches per day compared with ${other}, so months of different lengths compare fairly. ` +
    'If the interval runs from lower to higher, chance alone could explain the difference.';
  if (f.flags.includes('no_comparison'))
    return { id, text: `There is no comparison with ${other}: its police data is not loaded.`, meaning, status: 'unavailable' };
  if (f.denominator === 0 && f.numerator > 0)
    return { id, text: `There were no searches in ${other} to compare with.`, meaning, status: 'unavailable' };
  if (tooFew(f) || f.value === null)
    return { id, text: `Change since ${other}: ${TOO_FEW} (fewer than 10 searches).`, meaning, status: 'too_few' };
  const caution = f.flags.includes('low_count') ? ' Few searches, so treat with care.' : '';
  return { id, text: `${changeText(f.value, f.ci95, other)}.${caution}`, meaning, status: 'shown' };
}

/**
 * A ratio of daily rates in words: "Searches a day were 85% higher than in June 2023 (95% interval
 * 68% higher to 95% higher)"; from twice as many on: "There were 2.3 times as many searches a day as
 * in June 2023 (95% interval 1.9 to 2.8)".
 */
export function changeText(r: number, ci: [number, number] | null, other: string): string {
  if (r >= 2 || (ci && ci[1] >= 2)) return `There were ${ratio(r)} times as many searches a day as in ${other}${ci ? ` (95% interval ${ratio(ci[0])} to ${ratio(ci[1])})` : ''}`;
  const bounds = ci ? ` (95% interval ${change(ci[0])} to ${change(ci[1])})` : '';
  const c = change(r);
  return c === 'about the same' ? `Searches a day were about the same as in ${other}${bounds}` : `Searches a day were ${c} than in ${other}${bounds}`;
}

/** A ratio of rates below 2 as a change: 1.85 -> "85% higher", 0.8 -> "20% lower", 1.002 -> "about the same". */
export function change(r: number): string {
  const pct = Math.round(Math.abs(r - 1) * 100);
  if (pct === 0) return 'about the same';
  return r > 1 ? `${pct}% higher` : `${pct}% lower`;
}

/** "Black residents were searched 3.1 times as often as White residents (95% interval 2.6 to 3.7)." */
export function rateRatioSentence(f: Figure, ethnicity: Ethnicity, grouping: Grouping): Headline {
  const group = f.group?.value ?? 'unknown';
  const who = residentsOf(group, ethnicity, grouping);
  const white = residentsOf('white', ethnicity, grouping);
  const officer = ethnicity === 'officer_defined_ethnicity';
  const meaning =
    `Searches per resident of each group (Census 2021), divided by the same for White residents: 1 would mean the same rate. ` +
    'The 95% interval is the range the true ratio is likely to lie in, given chance variation.' +
    (officer ? " This view uses the ethnicity officers recorded, set against how residents described themselves in the census, so it is a rougher comparison." : '');
  const id = `rate_ratio_vs_white:${group}`;
  if (tooFew(f) || f.value === null)
    return { id, text: `${capitalise(who)} compared with ${white}: ${TOO_FEW} (fewer than 10 searches in one of the groups).`, meaning, status: 'too_few' };
  const note = f.flags.includes('no_comparison') ? ' (no interval: a group had more searches than residents, so the usual interval does not apply)' : interval(f, ratio);
  return { id, text: `${capitalise(who)} were searched ${ratio(f.value)} times as often as ${white}${note}.`, meaning, status: 'shown' };
}

/** The figure had no population to divide by: say so once instead of a sentence per group. */
export function noPopulationSentence(area: string): Headline {
  return {
    id: 'rate_ratio_vs_white',
    text: `How often each ethnic group was searched per resident cannot be worked out: no Census 2021 population is loaded for ${area}.`,
    meaning: 'Rates per resident need the number of residents of each group (Census 2021 table TS021).',
    status: 'unavailable'
  };
}

interface ShareWording {
  /** The sentence with the value in place of {value}, e.g. "{value} of searches ended in an arrest". */
  shown: string;
  /** The subject when the value cannot be shown: "Arrests". */
  subject: string;
  meaning: string;
}

const shareWording: Partial<Record<Figure['metric'], ShareWording>> = {
  arrest_rate: {
    shown: '{value} of searches ended in an arrest',
    subject: 'Searches ending in an arrest',
    meaning: 'Among searches whose outcome the police recorded.'
  },
  nfa_share: {
    shown: '{value} of searches ended with no further action',
    subject: 'Searches ending with no further action',
    meaning: 'Among searches whose outcome the police recorded. "No further action" usually means nothing was found that called for any.'
  },
  formal_outcome_rate: {
    shown: '{value} of searches led to an outcome other than no further action',
    subject: 'Searches with an outcome',
    meaning: 'Arrests, summonses, cautions, penalty notices, warnings and community resolutions, among searches whose outcome the police recorded.'
  },
  find_rate: {
    shown: 'In {value} of searches, the outcome was linked to what officers were searching for',
    subject: 'Whether the outcome was linked to the object of the search',
    meaning: 'The "find rate": a sign of whether the grounds for searching were borne out. Among searches where the police filled in this field.'
  },
  strip_search_share: {
    shown: '{value} of person searches involved removing more than outer clothing',
    subject: 'Strip searches (removal of more than outer clothing)',
    meaning: 'Among searches of a person where the police recorded this field.'
  },
  under_18_share: {
    shown: '{value} of people searched were children under 18',
    subject: 'Searches of children (under 18)',
    meaning: 'Among searches where the age range was recorded.'
  }
};

/** A share (arrest rate, find rate, strip searches, under-18s…) as a sentence. */
export function shareSentence(f: Figure, force: string | null): Headline {
  const w = shareWording[f.metric];
  if (!w) throw new Error(`no wording for ${f.metric}`);
  const id = f.metric;
  if (notRecorded(f)) return { id, text: `${w.subject}: ${notRecordedWhen(f, force)}.`, meaning: w.meaning, status: 'not_recorded' };
  if (tooFew(f) || f.value === null)
    return { id, text: `${w.subject}: ${TOO_FEW} (fewer than 10 searches).`, meaning: w.meaning, status: 'too_few' };
  return { id, text: `${capitalise(w.shown.replace('{value}', percent(f.value)))}${interval(f, percent)}.`, meaning: w.meaning, status: 'shown' };
}

/** "not recorded by the police before February 2024" where the force is known to have started then. */
export function notRecordedWhen(f: Figure, force: string | null): string {
  const from = f.metric === 'strip_search_share' && force ? forceFacts(force).stripSearchRecordedFrom : null;
  return from && f.period.from < `${from}-01` ? `not recorded by the police before ${monthName(from)}` : 'not recorded by the police for this period';
}

/** "26 searches were under section 60, which needs no suspicion." */
export function s60Sentence(f: Figure): Headline {
  const n = f.value ?? f.numerator;
  return {
    id: 's60_count',
    text: n === 0 ? 'No searches were made under section 60.' : `${capitalise(counted(n, 'search', 'searches'))} ${n === 1 ? 'was' : 'were'} made under section 60.`,
    meaning: 'Section 60 of the Criminal Justice and Public Order Act 1994 lets officers search anyone in a designated area for a limited time, without suspicion.',
    status: 'shown'
  };
}

/** "Half of the placed searches happened in 19% of the borough's wards (4 of 21)." */
export function concentrationSentence(f: Figure): Headline {
  const level = f.group?.value === 'lsoa' ? 'small areas (LSOAs)' : 'wards';
  const id = `concentration:${f.group?.value ?? ''}`;
  const meaning = `The smallest share of ${f.area.name}'s ${level} that together hold half of its searches with a location: a low share means searches are concentrated in a few places.`;
  if (tooFew(f) || f.value === null) return { id, text: `Where searches happened: ${TOO_FEW} (fewer than 10 searches with a location).`, meaning, status: 'too_few' };
  return {
    id,
    text: `Half of the searches with a location happened in ${percent(f.value)} of ${f.area.name}'s ${level} (${count(f.numerator)} of ${count(f.denominator ?? 0)}).`,
    meaning,
    status: 'shown'
  };
}
