import { lengthInDays } from '../figures/period.ts';
import { poissonRateRatioExact } from '../figures/stats/index.ts';
import type { UnusualDay } from '../figures/unusual.ts';
import type { AreaRef, Figure, FigureSet, MetricId } from '../figures/types.ts';
import type { EarlierMonth, SuggestedQuestion } from './types.ts';
import * as w from './wording.ts';

/**
 * Suggested questions: each rule below reads the month's figures and, when its condition holds,
 * writes a question that keeps the figures it came from. The rules are deliberately plain, so a
 * panel can see why a question was suggested and when one was not:
 *
 * - disproportionate_searching: a rate ratio vs White whose 95% interval lies wholly above 1;
 * - lower_arrest_rate / lower_find_rate: a group's arrest (or find) rate below White's, the 95%
 *   interval of the difference wholly below 0;
 * - rise_on_previous_months: searches per day this month against the loaded months of the three
 *   before, the exact Poisson interval of the ratio wholly above 1;
 * - rise_on_year_before: the same against the same month a year before (change_vs_last_year);
 * - unusual_day: one question per date with an unusual day in the borough or its wards;
 * - strip_searches: any search recorded as removing more than outer clothing;
 * - section_60: any search under section 60;
 * - searches_without_location: at least 5% (and 10) of the force's records of the month unlocated;
 * - thin_month: the force's records of the month are fewer than half its usual month
 *   (src/core/figures/thin-months.ts), so the month's data may be incomplete.
 *
 * A suppressed figure (too few to say) never makes a question.
 */
export interface QuestionInput {
  borough: AreaRef;
  month: string;
  current: FigureSet;
  earlier: EarlierMonth[];
  unusualDays: UnusualDay[];
}

/** "Many" searches without a location: this share of the force's records, and at least this many. */
export const UNLOCATED_SHARE = 0.05;
export const UNLOCATED_MIN = 10;

export function suggestQuestions(input: QuestionInput): SuggestedQuestion[] {
  return [
    // First: if the month's records are incomplete, every other question rests on them.
    ...thinMonth(input),
    ...disproportionateSearching(input),
    ...lowerOutcomeRate(input, 'arrest_rate'),
    ...lowerOutcomeRate(input, 'find_rate'),
    ...riseOnPreviousMonths(input),
    ...riseOnYearBefore(input),
    ...unusualDays(input),
    ...stripSearches(input),
    ...section60(input),
    ...searchesWithoutLocation(input)
  ];
}

const shown = (f: Figure) => f.value !== null && !f.flags.includes('suppressed');
const above1 = (f: Figure) => shown(f) && f.ci95 !== null && f.ci95[0] > 1;
const groupOf = (f: Figure) => f.group?.value ?? null;
const find = (set: FigureSet, metric: MetricId, group: string | null) =>
  set.figures.find((f) => f.metric === metric && groupOf(f) === group && (group === null || f.group?.dimension === set.context.ethnicity));
const interval = (ci: [number, number], fmt: (x: number) => string) => `95% interval ${fmt(ci[0])} to ${fmt(ci[1])}`;
const perThousand = (f: Figure | undefined) => (f && f.value !== null ? `${w.rate(f.value)} per 1,000 residents` : 'too few to give a rate');
const residents = (set: FigureSet, g: string) => w.residentsOf(g, set.context.ethnicity, set.context.grouping);
const people = (set: FigureSet, g: string) => w.peopleOf(g, set.context.ethnicity, set.context.grouping);

export function disproportionateSearching({ borough, month, current }: QuestionInput): SuggestedQuestion[] {
  const white = find(current, 'rate_per_1000', 'white');
  return current.figures
    .filter((f) => f.metric === 'rate_ratio_vs_white' && above1(f))
    .sort((a, b) => (b.value ?? 0) - (a.value ?? 0))
    .map((f) => {
      const g = groupOf(f) as string;
      const rate = find(current, 'rate_per_1000', g);
      return {
        rule: 'disproportionate_searching' as const,
        text: `What explains ${residents(current, g)} in ${borough.name} being searched ${w.ratio(f.value as number)} times as often as ${residents(current, 'white')} in ${w.monthName(month)}?`,
        because:
          `${w.sentence(people(current, g))} were searched ${w.counted(f.numerator, 'time')} (${perThousand(rate)}); ${people(current, 'white')} ${w.counted(white?.numerator ?? 0, 'time')} (${perThousand(white)}). ` +
          `Rate ratio ${w.ratio(f.value as number)}, ${interval(f.ci95 as [number, number], w.ratioLimit)}.`,
        figures: [f, rate, white].filter((x): x is Figure => x !== undefined),
        unusualDays: []
      };
    });
}

const outcomeWords = {
  arrest_rate: { ended: 'end in arrest', what: 'arrest rate' },
  find_rate: { ended: 'find what officers were looking for', what: 'find rate' }
} as const;

export function lowerOutcomeRate({ borough, month, current }: QuestionInput, metric: 'arrest_rate' | 'find_rate'): SuggestedQuestion[] {
  const white = find(current, metric, 'white');
  if (!white || !shown(white)) return [];
  const words = outcomeWords[metric];
  return current.figures
    .filter((f) => f.metric === metric && groupOf(f) !== 'white' && groupOf(f) !== null && shown(f))
    .filter((f) => f.comparison?.difference != null && f.comparison.ci95 !== null && f.comparison.ci95[1] < 0)
    .sort((a, b) => (a.comparison?.difference ?? 0) - (b.comparison?.difference ?? 0))
    .map((f) => {
      const g = groupOf(f) as string;
      const d = f.comparison as { difference: number; ci95: [number, number] };
      return {
        rule: metric === 'arrest_rate' ? ('lower_arrest_rate' as const) : ('lower_find_rate' as const),
        text:
          `Why did searches of ${people(current, g)} in ${borough.name} in ${w.monthName(month)} ${words.ended} less often than searches of ${people(current, 'white')} ` +
          `(${w.percent(f.value as number)} against ${w.percent(white.value as number)})? What does this say about the grounds for searching ${people(current, g)}?`,
        because:
          `${w.sentence(people(current, g))}: ${w.count(f.numerator)} of ${w.count(f.denominator ?? 0)} searches with a known outcome; ${people(current, 'white')}: ${w.count(white.numerator)} of ${w.count(white.denominator ?? 0)}. ` +
          `Difference ${w.points(d.difference)}, ${interval(d.ci95, w.points)}.`,
        figures: [f, white],
        unusualDays: []
      };
    });
}

export function riseOnPreviousMonths({ borough, month, current, earlier }: QuestionInput): SuggestedQuestion[] {
  const now = find(current, 'searches', null);
  const before = earlier
    .filter((e) => e.role === 'previous' && e.set)
    .map((e) => ({ month: e.month, set: e.set as FigureSet, searches: find(e.set as FigureSet, 'searches', null) }))
    .filter((e): e is { month: string; set: FigureSet; searches: Figure } => e.searches !== undefined)
    .sort((a, b) => a.month.localeCompare(b.month));
  if (!now || before.length === 0) return [];
  const total = before.reduce((s, e) => s + e.searches.numerator, 0);
  const days = before.reduce((s, e) => s + lengthInDays(e.set.context.period), 0);
  const r = poissonRateRatioExact(now.numerator, total, lengthInDays(current.context.period), days);
  if (!r || r.ci[0] <= 1) return [];
  const months = before.map((e) => e.month);
  const span = months.length === 1 ? w.monthName(months[0]) : listOrSpan(months);
  const missing = earlier.filter((e) => e.role === 'previous' && !e.set).map((e) => w.monthName(e.month));
  const average = Math.round(total / months.length);
  return [
    {
      rule: 'rise_on_previous_months',
      text:
        `Searches in ${borough.name} rose to ${w.count(now.numerator)} in ${w.monthName(month)}, from ` +
        `${months.length === 1 ? w.count(total) : `an average of ${w.count(average)} a month`} in ${span}. What explains the rise?`,
      because:
        `Per day, ${w.ratio(r.value)} times as many searches as in ${span} (${interval([r.ci[0], r.ci[1]], w.ratioLimit)}): more than chance variation would explain.` +
        (missing.length ? ` ${w.listOf(missing)} ${missing.length === 1 ? 'is' : 'are'} not loaded, so not compared.` : ''),
      figures: [now, ...before.map((e) => e.searches)],
      unusualDays: [],
      comparison: { now: now.numerator, before: total, months, ratio: r.value, ci95: [r.ci[0], r.ci[1]] }
    }
  ];
}

/** Consecutive months as a span ("April to June 2023"), others as a list. */
function listOrSpan(months: string[]): string {
  const consecutive = months.every((m, i) => i === 0 || monthIndex(m) === monthIndex(months[i - 1]) + 1);
  return consecutive ? w.monthSpan(months[0], months[months.length - 1]) : w.listOf(months.map(w.monthName));
}

const monthIndex = (m: string) => Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7));

export function riseOnYearBefore({ borough, month, current }: QuestionInput): SuggestedQuestion[] {
  const f = find(current, 'change_vs_last_year', null);
  if (!f || !above1(f) || !f.comparedWith) return [];
  const then = f.comparedWith.from.slice(0, 7);
  return [
    {
      rule: 'rise_on_year_before',
      text: `Searches in ${borough.name} rose to ${w.count(f.numerator)} in ${w.monthName(month)}, from ${w.count(f.denominator ?? 0)} in ${w.monthName(then)}. What explains the rise over the year?`,
      because: `Per day, ${w.ratio(f.value as number)} times as many searches as a year before (${interval(f.ci95 as [number, number], w.ratioLimit)}): more than chance variation would explain.`,
      figures: [f],
      unusualDays: []
    }
  ];
}

/** The main part of a make-up: "mostly under Misuse of Drugs Act section 23". */
function mostly(makeup: Record<string, number> | undefined, name: (code: string) => string): string | null {
  const entries = Object.entries(makeup ?? {}).filter(([k]) => k !== 'unknown');
  const total = Object.values(makeup ?? {}).reduce((s, n) => s + n, 0);
  if (entries.length === 0 || total === 0) return null;
  const [code, n] = entries.sort((a, b) => b[1] - a[1])[0];
  return `${name(code)} (${n} of ${total})`;
}

export function unusualDays({ borough, unusualDays: days }: QuestionInput): SuggestedQuestion[] {
  const dates = [...new Set(days.map((d) => d.date))].sort();
  return dates.map((date) => {
    const onDate = days.filter((d) => d.date === date).sort((a, b) => (a.area.level === b.area.level ? a.area.name.localeCompare(b.area.name) : a.area.level === 'ward' ? -1 : 1));
    const wards = onDate.filter((d) => d.area.level === 'ward');
    const place = wards.length > 0 ? w.listOf(wards.map((d) => d.area.name)) : borough.name;
    const main = wards[0] ?? onDate[0];
    const power = mostly(main.makeup.legislation, (c) => w.codeName('legislation', c));
    const object = mostly(main.makeup.object_of_search, (c) => w.codeName('object', c));
    const counts = onDate.map((d) => `${w.counted(d.count, 'search', 'searches')} in ${d.area.name}${d.area.level === 'borough' ? ' as a whole' : ''} against a usual ${d.baseline.toFixed(1)} a day`);
    const makeup = [power && `most common power: ${power}`, object && `most common object: ${object}`].filter(Boolean).join('; ');
    return {
      rule: 'unusual_day' as const,
      text: `Was there a planned operation in ${place} on ${w.dayName(date)}? Please share its community impact assessment.`,
      because: `${w.sentence(w.listOf(counts))}.${makeup ? ` In ${main.area.name}, ${makeup}.` : ''}`,
      figures: [],
      unusualDays: onDate
    };
  });
}

export function stripSearches({ borough, month, current }: QuestionInput): SuggestedQuestion[] {
  const f = find(current, 'strip_search_share', null);
  if (!f || f.flags.includes('not_recorded') || f.numerator === 0) return [];
  const byGroup = current.figures.filter((g) => g.metric === 'strip_search_share' && g.group?.dimension === current.context.ethnicity && g.numerator > 0);
  const share = f.value !== null ? ` (${w.percent(f.value)})` : '';
  return [
    {
      rule: 'strip_searches',
      text:
        `Please explain the ${w.counted(f.numerator, 'search', 'searches')} in ${borough.name} in ${w.monthName(month)} that involved removing more than outer clothing: ` +
        `who authorised ${f.numerator === 1 ? 'it' : 'them'}, where ${f.numerator === 1 ? 'it' : 'they'} took place, and how many were of children?`,
      because: `${w.count(f.numerator)} of ${w.count(f.denominator ?? 0)} person searches with this recorded${share} involved removal of more than outer clothing.`,
      figures: [f, ...byGroup],
      unusualDays: []
    }
  ];
}

export function section60({ borough, month, current }: QuestionInput): SuggestedQuestion[] {
  const f = find(current, 's60_count', null);
  if (!f || !f.numerator) return [];
  return [
    {
      rule: 'section_60',
      text:
        `Section 60 was used for ${w.counted(f.numerator, 'search', 'searches')} in ${borough.name} in ${w.monthName(month)}. ` +
        `Please share each authorisation: who authorised it, for which area and hours, on what intelligence, and what the searches found.`,
      because: 'A section 60 authorisation lets officers search people in an area without suspicion, so each one should be justified.',
      figures: [f],
      unusualDays: []
    }
  ];
}

export function searchesWithoutLocation({ borough, month, current }: QuestionInput): SuggestedQuestion[] {
  const { force, placement } = current.context;
  if (!force || placement.forceRecords === 0) return [];
  const share = placement.unlocated / placement.forceRecords;
  if (share < UNLOCATED_SHARE || placement.unlocated < UNLOCATED_MIN) return [];
  return [
    {
      rule: 'searches_without_location',
      text:
        `${w.count(placement.unlocated)} of the ${w.forceLabel(force)}'s ${w.count(placement.forceRecords)} searches in ${w.monthName(month)} (${w.percent(share)}) ` +
        `had no location, so they cannot be counted in ${borough.name} or any other borough. Why are locations missing, and how many of these searches took place in ${borough.name}?`,
      because: `Every figure for ${borough.name} counts only searches with a location inside it, so missing locations make its figures too low by an unknown amount.`,
      figures: [],
      unusualDays: [],
      placement: { force, forceRecords: placement.forceRecords, unlocated: placement.unlocated }
    }
  ];
}

export function thinMonth({ month, current }: QuestionInput): SuggestedQuestion[] {
  const { force, thinMonths } = current.context;
  const thin = thinMonths.find((t) => t.month === month);
  if (!force || !thin) return [];
  return [
    {
      rule: 'thin_month',
      text:
        `data.police.uk holds ${w.count(thin.records)} ${w.forceLabel(force)} searches for ${w.monthName(month)}` +
        `${thin.stopsOn ? `, none after ${w.dateName(thin.stopsOn)}` : ''}: fewer than half of a usual month ` +
        `(about ${w.count(Math.round(thin.usual))} in the months before). Were all of the month's searches published, or did the use of stop and search fall this much? If it fell, why?`,
      because: 'If records are missing, every figure for the month is too low by an unknown amount and its shares may be biased; if searching fell, the panel will want to know why.',
      figures: [],
      unusualDays: []
    }
  ];
}
