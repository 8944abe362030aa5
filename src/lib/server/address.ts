import { NotFound } from '$core/errors.ts';

/**
 * The number of a record in a page's address (/w/hackney/questions/12): anything but a plain
 * number of at most nine digits is not found, before any use case runs.
 */
export function idFromAddress(raw: string): number {
  if (!/^\d{1,9}$/.test(raw)) throw new NotFound('There is nothing at this address.');
  return Number(raw);
}
