import { Invalid } from '../errors.ts';
import type { Period } from './types.ts';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const MONTH = /^\d{4}-\d{2}$/;
const YEAR = /^\d{4}$/;
/** A calendar quarter: 2024-Q1 is January to March 2024. */
const QUARTER = /^(\d{4})-Q([1-4])$/i;

/** First and last month (YYYY-MM) of a quarter written YYYY-Qn. */
function quarterMonths(v: string): [string, string] {
  const [, y, q] = QUARTER.exec(v) as RegExpExecArray;
  const first = (Number(q) - 1) * 3 + 1;
  return [`${y}-${String(first).padStart(2, '0')}`, `${y}-${String(first + 2).padStart(2, '0')}`];
}

function isRealDate(d: string): boolean {
  const t = new Date(`${d}T00:00:00Z`);
  return !Number.isNaN(t.getTime()) && t.toISOString().slice(0, 10) === d;
}

/** Last day of a YYYY-MM month. */
export function monthEnd(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

/**
 * Reads a local period: `--from 2023-07 --to 2023-09` (whole months), days (`2023-07-21`), quarters
 * (`2023-Q3`) or years (`2023`). "to" defaults to the end of "from". Dates are London local calendar dates.
 */
export function parsePeriod(from: string | undefined, to?: string): Period {
  if (!from) throw new Invalid('Give a period: --from YYYY-MM[-DD] (and --to), e.g. --from 2023-07.', { field: 'from' });
  const start = startOf(from, 'from');
  const end = endOf(to ?? from, to ? 'to' : 'from');
  if (end < start) throw new Invalid(`The period ends (${end}) before it starts (${start}).`, { from: start, to: end });
  return { from: start, to: end };
}

function startOf(v: string, field: string): string {
  if (DAY.test(v) && isRealDate(v)) return v;
  if (MONTH.test(v) && isRealDate(`${v}-01`)) return `${v}-01`;
  if (YEAR.test(v)) return `${v}-01-01`;
  if (QUARTER.test(v)) return `${quarterMonths(v)[0]}-01`;
  throw new Invalid(`--${field} "${v}" is not a date: use YYYY, YYYY-Qn, YYYY-MM or YYYY-MM-DD.`, { field, value: v });
}

function endOf(v: string, field: string): string {
  if (DAY.test(v) && isRealDate(v)) return v;
  if (MONTH.test(v) && isRealDate(`${v}-01`)) return monthEnd(v);
  if (YEAR.test(v)) return `${v}-12-31`;
  if (QUARTER.test(v)) return monthEnd(quarterMonths(v)[1]);
  throw new Invalid(`--${field} "${v}" is not a date: use YYYY, YYYY-Qn, YYYY-MM or YYYY-MM-DD.`, { field, value: v });
}

const addDays = (d: string, n: number) => new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

export function lengthInDays(p: Period): number {
  return Math.round((Date.parse(`${p.to}T00:00:00Z`) - Date.parse(`${p.from}T00:00:00Z`)) / 86_400_000) + 1;
}

/** Whether a period is whole calendar months (so comparisons are month for month). */
function wholeMonths(p: Period): number | null {
  if (!p.from.endsWith('-01') || monthEnd(p.to.slice(0, 7)) !== p.to) return null;
  const [fy, fm] = p.from.split('-').map(Number);
  const [ty, tm] = p.to.split('-').map(Number);
  return (ty - fy) * 12 + (tm - fm) + 1;
}

function shiftMonths(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number);
  const d = new Date(Date.UTC(y, m - 1 + n, 1));
  return d.toISOString().slice(0, 7);
}

/** The period of the same length just before: the previous months for whole months, else days. */
export function previousPeriod(p: Period): Period {
  const months = wholeMonths(p);
  if (months) {
    const start = shiftMonths(p.from.slice(0, 7), -months);
    return { from: `${start}-01`, to: monthEnd(shiftMonths(start, months - 1)) };
  }
  const n = lengthInDays(p);
  return { from: addDays(p.from, -n), to: addDays(p.from, -1) };
}

/** The same period a year earlier (29 February falls back to 28 February). */
export function yearBefore(p: Period): Period {
  const back = (d: string) => {
    const [y, m, day] = d.split('-');
    const candidate = `${Number(y) - 1}-${m}-${day}`;
    return isRealDate(candidate) ? candidate : `${Number(y) - 1}-${m}-28`;
  };
  const months = wholeMonths(p);
  if (months) return { from: back(p.from), to: monthEnd(back(p.to).slice(0, 7)) };
  return { from: back(p.from), to: back(p.to) };
}

export function monthsOf(p: Period): string[] {
  const out: string[] = [];
  for (let m = p.from.slice(0, 7); m <= p.to.slice(0, 7); m = shiftMonths(m, 1)) out.push(m);
  return out;
}

export { addDays };
