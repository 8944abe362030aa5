/**
 * Meetings are scheduled in London time: a date and a time as typed, turned into an instant and
 * back, whatever the server's own time zone (British Summer Time included).
 */
const londonParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit'
});

function parts(at: Date): Record<string, number> {
  return Object.fromEntries(londonParts.formatToParts(at).filter((p) => p.type !== 'literal').map((p) => [p.type, Number(p.value)]));
}

/** How far London is ahead of UTC at an instant, in milliseconds. */
function offset(ms: number): number {
  const p = parts(new Date(ms));
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - Math.floor(ms / 1000) * 1000;
}

/** The instant of a London date ('2025-06-30') and time ('18:30'). */
export function londonInstant(day: string, time: string): Date {
  const naive = Date.parse(`${day}T${time}:00Z`);
  const first = naive - offset(naive);
  return new Date(naive - offset(first));
}

/** The London date and time of an instant, as a form shows them. */
export function londonDayAndTime(at: Date): { day: string; time: string } {
  const p = parts(at);
  const two = (n: number) => String(n).padStart(2, '0');
  return { day: `${p.year}-${two(p.month)}-${two(p.day)}`, time: `${two(p.hour)}:${two(p.minute)}` };
}

/** "Tuesday 3 June 2025, 18:30" in London time. */
export function meetingTime(at: Date): string {
  const weekday = at.toLocaleDateString('en-GB', { weekday: 'long', timeZone: 'Europe/London' });
  const { day, time } = londonDayAndTime(at);
  return `${weekday} ${longDay(day)}, ${time}`;
}

/** "30 June 2025" for a calendar date. */
export function longDay(day: string): string {
  return new Date(`${day}T12:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}
