import { day } from './dates.ts';

/** An incident's time span in words: "21 July 2023, 11:00 to 14:30" or "21 to 23 July 2023". */
export function span(i: { startsOn: string; startsAt: string | null; endsOn: string | null; endsAt: string | null }): string {
  const start = `${day(i.startsOn)}${i.startsAt ? `, ${i.startsAt}` : ''}`;
  if (!i.endsOn && !i.endsAt) return start;
  if (!i.endsOn || i.endsOn === i.startsOn) return `${start} to ${i.endsAt ?? ''}`.trim();
  return `${start} to ${day(i.endsOn)}${i.endsAt ? `, ${i.endsAt}` : ''}`;
}

export const bodyNames: Record<string, string> = { 'professional standards': 'Professional standards (the force)', iopc: 'IOPC' };
