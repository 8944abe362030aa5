import { describe, expect, it } from 'vitest';
import { BACKOFF_CAP_MS, backoffDelay, retryAfterMs } from './backoff.ts';

describe('backoffDelay', () => {
  it('doubles with each retry, between half and all of the ceiling', () => {
    expect([1, 2, 3, 4].map((n) => backoffDelay(n, () => 0))).toEqual([500, 1000, 2000, 4000]);
    expect([1, 2, 3, 4].map((n) => backoffDelay(n, () => 1))).toEqual([1000, 2000, 4000, 8000]);
  });

  it('stops growing at the cap', () => {
    expect(backoffDelay(20, () => 1)).toBe(BACKOFF_CAP_MS);
  });
});

describe('retryAfterMs', () => {
  const now = new Date('2025-06-01T12:00:00Z');

  it('reads seconds', () => {
    expect(retryAfterMs('0', now)).toBe(0);
    expect(retryAfterMs(' 3 ', now)).toBe(3000);
  });

  it('reads an HTTP date relative to now', () => {
    expect(retryAfterMs('Sun, 01 Jun 2025 12:00:10 GMT', now)).toBe(10_000);
    expect(retryAfterMs('Sun, 01 Jun 2025 11:00:00 GMT', now)).toBe(0);
  });

  it('ignores a missing or unreadable header', () => {
    expect(retryAfterMs(null, now)).toBeNull();
    expect(retryAfterMs('', now)).toBeNull();
    expect(retryAfterMs('soon', now)).toBeNull();
  });
});
