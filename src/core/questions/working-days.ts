import Holidays from 'date-holidays';

/**
 * The working-day calendar of a question's clock: Monday to Friday, less the bank holidays of
 * England and Wales (from date-holidays, which keeps one-off days such as the 2023 coronation and
 * substitute days). Dates are London calendar dates as 'YYYY-MM-DD'.
 */
const england = new Holidays('GB', 'ENG');
const holidayCache = new Map<number, Set<string>>();

export function bankHolidays(year: number): Set<string> {
  let days = holidayCache.get(year);
  if (!days) {
    days = new Set(england.getHolidays(year).filter((h) => h.type === 'public' || h.type === 'bank').map((h) => h.date.slice(0, 10)));
    holidayCache.set(year, days);
  }
  return days;
}

const parseDay = (day: string) => new Date(`${day}T00:00:00Z`);
const formatDay = (d: Date) => d.toISOString().slice(0, 10);

export function isWorkingDay(day: string): boolean {
  const d = parseDay(day);
  const weekday = d.getUTCDay();
  return weekday !== 0 && weekday !== 6 && !bankHolidays(d.getUTCFullYear()).has(day);
}

export function nextDay(day: string, step = 1): string {
  const d = parseDay(day);
  d.setUTCDate(d.getUTCDate() + step);
  return formatDay(d);
}

/** The date `n` working days after `day` (the day itself does not count). */
export function addWorkingDays(day: string, n: number): string {
  let d = day;
  for (let left = n; left > 0; ) {
    d = nextDay(d);
    if (isWorkingDay(d)) left--;
  }
  return d;
}

/** Working days after `from` up to and including `to` (0 when `to` is not after `from`). */
export function workingDaysBetween(from: string, to: string): number {
  let n = 0;
  for (let d = nextDay(from); d <= to; d = nextDay(d)) if (isWorkingDay(d)) n++;
  return n;
}

/** Today's date in London, by the context's clock. */
export function londonDay(at: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}
