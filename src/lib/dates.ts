/** A calendar date ('2025-06-30') as people read it: "30 June 2025". Null or empty stays a dash. */
export function day(iso: string | null | undefined): string {
  if (!iso) return '—';
  return new Date(`${iso}T12:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}
