/**
 * Plain words for the data pack. Names of codes and numbers come from the dashboard's shared
 * labels and wording (src/core/dashboard), so the pack and the dashboard say things the same way;
 * this file adds only what the pack needs beyond them.
 */
import type { Grouping } from '../police-data/ethnicity.ts';
import { codeName, ethnicGroupName, residentsOf, type Ethnicity } from '../dashboard/labels.ts';
import { count, counted, dateName, listOf, monthName, percent, periodName, rate, ratio } from '../dashboard/wording.ts';
import { monthEnd } from '../figures/period.ts';

export { codeName, count, counted, dateName, ethnicGroupName, listOf, monthName, percent, rate, ratio, residentsOf };

const shortMonthFormat = new Intl.DateTimeFormat('en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' });
const dayFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const utc = (day: string) => new Date(`${day}T00:00:00Z`);

/** "2023-07" -> "Jul 2023", for table headings. */
export const shortMonthName = (month: string) => shortMonthFormat.format(utc(`${month}-01`));

/** "2023-07-21" -> "21 July 2023" (the dashboard's dayName adds the weekday). */
export const dayName = (day: string) => dayFormat.format(utc(day));

/** "April to June 2023", "November 2022 to January 2023", or one month's name. */
export const monthSpan = (first: string, last: string) => periodName({ from: `${first}-01`, to: monthEnd(last) });

/** A ratio's interval limits keep two decimals, so a limit of 1.02 does not read as 1.0. */
export const ratioLimit = (x: number) => x.toFixed(2);

/** A difference of two shares in percentage points, signed: -0.123 -> "−12.3 points". */
export const points = (x: number) => `${x < 0 ? '−' : '+'}${Math.abs(x * 100).toFixed(1)} points`;

/** The people of a group in a sentence: "Black people", "people of other ethnic groups". */
export const peopleOf = (code: string, ethnicity: Ethnicity, grouping: Grouping) => residentsOf(code, ethnicity, grouping).replace('residents', 'people');

/** Capitalises a phrase's first letter, for the start of a sentence. */
export const sentence = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** "Metropolitan Police", "City of London Police". */
export function forceLabel(id: string): string {
  if (id === 'metropolitan') return 'Metropolitan Police';
  if (id === 'btp') return 'British Transport Police';
  const words = id.split('-').map((w) => (w === 'and' || w === 'of' ? w : w.charAt(0).toUpperCase() + w.slice(1)));
  return `${words.join(' ')} Police`;
}

/** The comparison area of a force: "London" for the Metropolitan Police. */
export const forceAreaName = (id: string) => (id === 'metropolitan' ? 'London' : `${forceLabel(id)} area`);
