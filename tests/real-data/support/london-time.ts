/** Europe/London calendar date and hour of an instant, from the platform's time-zone database (Intl). */
const london = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  hourCycle: 'h23'
});

export function londonDateHour(epochMs: number): { date: string; hour: number } {
  const p = Object.fromEntries(london.formatToParts(new Date(epochMs)).map((x) => [x.type, x.value]));
  return { date: `${p.year}-${p.month}-${p.day}`, hour: Number(p.hour) };
}

export const utcDate = (epochMs: number) => new Date(epochMs).toISOString().slice(0, 10);

const HOUR = 3_600_000;
const byUtcHour = new Map<number, { date: string; hour: number }>();

/** The same, remembered per UTC hour (London is a whole number of hours from UTC): fast for a million rows. */
export function londonDateHourCached(epochMs: number): { date: string; hour: number } {
  const h = Math.floor(epochMs / HOUR);
  let found = byUtcHour.get(h);
  if (!found) byUtcHour.set(h, (found = londonDateHour(h * HOUR)));
  return found;
}
