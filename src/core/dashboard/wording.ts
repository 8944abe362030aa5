import type { Period } from '../figures/types.ts';

/** Numbers and periods as they are written in sentences (en-GB). */

const whole = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });

/** 1234 -> "1,234". */
export function count(n: number): string {
  return whole.format(n);
}

/** A count with its noun: "1 search", "465 searches". */
export function counted(n: number, one: string, many = `${one}s`): string {
  return `${count(n)} ${n === 1 ? one : many}`;
}

/** 0.1849 -> "18.5%", always one decimal place; a part never rounds to 0% or 100%. */
export function percent(x: number): string {
  const p = x * 100;
  if (p > 0 && p < 0.05) return 'under 0.1%';
  if (p < 100 && p > 99.95) return 'over 99.9%';
  return `${p.toFixed(1)}%`;
}

/** A ratio to one decimal place, two below 0.1: 3.412 -> "3.4", 0.07 -> "0.07". */
export function ratio(x: number): string {
  return x > 0 && x < 0.1 ? x.toFixed(2) : x.toFixed(1);
}

/** A rate to one decimal place, two below 1: 2.7999 -> "2.8", 0.58 -> "0.58". */
export function rate(x: number): string {
  return x > 0 && x < 1 ? x.toFixed(2) : x.toFixed(1);
}

const monthFormat = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });
const monthOnly = new Intl.DateTimeFormat('en-GB', { month: 'long', timeZone: 'UTC' });
const dayFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC', weekday: 'long' });
const dateFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

const utc = (d: string) => new Date(`${d}T00:00:00Z`);

/** "2023-07" -> "July 2023". */
export function monthName(month: string): string {
  return monthFormat.format(utc(`${month}-01`));
}

/** "2023-07-21" -> "Friday 21 July 2023". */
export function dayName(day: string): string {
  return dayFormat.format(utc(day)).replace(',', '');
}

/** "2023-07-21" -> "21 July 2023". */
export function dateName(day: string): string {
  return dateFormat.format(utc(day));
}

const lastDay = (month: string) => {
  const [y, m] = month.split('-').map(Number);
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
};

/**
 * A period as people say it: "July 2023", "July to September 2023", "December 2022 to
 * February 2023"; days where it is not whole months: "1 to 14 July 2023".
 */
export function periodName(p: Period): string {
  const fromMonth = p.from.slice(0, 7);
  const toMonth = p.to.slice(0, 7);
  const wholeMonths = p.from.endsWith('-01') && p.to === lastDay(toMonth);
  if (!wholeMonths) return p.from === p.to ? dateName(p.from) : `${dateName(p.from)} to ${dateName(p.to)}`;
  if (fromMonth === toMonth) return monthName(fromMonth);
  if (fromMonth.slice(0, 4) === toMonth.slice(0, 4)) return `${monthOnly.format(utc(`${fromMonth}-01`))} to ${monthName(toMonth)}`;
  return `${monthName(fromMonth)} to ${monthName(toMonth)}`;
}

/** Months as runs: ["2021-08", …, "2023-02", "2023-05"] -> "August 2021 to February 2023 and May 2023". */
export function monthRuns(months: string[]): string {
  const sorted = [...new Set(months)].sort();
  const runs: Array<[string, string]> = [];
  for (const m of sorted) {
    const last = runs[runs.length - 1];
    const [y, mo] = (last?.[1] ?? '').split('-').map(Number);
    const next = last ? new Date(Date.UTC(y, mo, 1)).toISOString().slice(0, 7) : null;
    if (last && next === m) last[1] = m;
    else runs.push([m, m]);
  }
  const parts = runs.map(([a, b]) => (a === b ? monthName(a) : `${monthName(a)} to ${monthName(b)}`));
  return parts.length <= 1 ? parts.join('') : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

/** "a", "a and b", "a, b and c". */
export function listOf(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
