/** A calendar date ('2025-06-30') as people read it: "30 June 2025". Null or empty stays a dash. */
export function day(iso: string | null | undefined): string {
  if (!iso) return '—';
  return new Date(`${iso}T12:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}

/** A moment as people in London read it: "22 July 2023, 10:00". */
export function dateTime(d: Date | string): string {
  return new Date(d).toLocaleString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'Europe/London' });
}

/**
 * A capture time as a device wrote it ('2023-07-21T11:05:30', perhaps with '+01:00'): "21 July 2023,
 * 11:05:30", with the offset when there is one. It is the device's clock, not checked against anything.
 */
export function capturedAt(s: string | null): string {
  if (!s) return 'not known';
  const m = s.match(/^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}:\d{2})(.*)$/);
  return m ? `${day(m[1])}, ${m[2]}${m[3] ? ` (UTC${m[3]})` : ''}` : s;
}
