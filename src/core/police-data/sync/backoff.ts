/** First retry waits about this long; each later one doubles it. */
export const BACKOFF_BASE_MS = 1000;
/** No single backoff wait grows past this. */
export const BACKOFF_CAP_MS = 30_000;

/**
 * Wait before retry number `retry` (1 for the first retry): exponential, with "equal jitter"
 * (half fixed, half random) so that several clients failing together do not retry in step,
 * while every wait still has a floor.
 */
export function backoffDelay(retry: number, random: () => number): number {
  const ceiling = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** (retry - 1));
  return ceiling / 2 + random() * (ceiling / 2);
}

/**
 * Milliseconds a `Retry-After` header asks for, or null if it is absent or unreadable.
 * It may be whole seconds or an HTTP date (RFC 9110 section 10.2.3).
 */
export function retryAfterMs(header: string | null, now: Date): number | null {
  if (header === null || header.trim() === '') return null;
  const value = header.trim();
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, date - now.getTime());
}
