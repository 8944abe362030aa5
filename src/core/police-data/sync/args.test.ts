import { describe, expect, it } from 'vitest';
import { fakeClock } from '../../../../tests/support/fake-clock.ts';
import { MAX_MONTHS, SyncError, validateRequest } from './args.ts';
import { syncStops, type SyncDeps } from './sync.ts';

describe('validateRequest', () => {
  it('expands a range to its months, across years', () => {
    expect(validateRequest({ force: 'metropolitan', from: '2024-11', to: '2025-02' })).toEqual({
      force: 'metropolitan',
      months: ['2024-11', '2024-12', '2025-01', '2025-02']
    });
    expect(validateRequest({ force: 'city-of-london', from: '2025-04', to: '2025-04' }).months).toEqual(['2025-04']);
  });

  it.each([
    [{ force: 'Metropolitan', from: '2025-01', to: '2025-02' }, "Force must be a lower-case id such as 'metropolitan', got 'Metropolitan'."],
    [{ force: '../etc', from: '2025-01', to: '2025-02' }, "Force must be a lower-case id such as 'metropolitan', got '../etc'."],
    [{ force: '', from: '2025-01', to: '2025-02' }, "Force must be a lower-case id such as 'metropolitan', got ''."],
    [{ force: 'metropolitan', from: '2025-1', to: '2025-02' }, "--from must be a month written YYYY-MM (e.g. 2025-04), got '2025-1'."],
    [{ force: 'metropolitan', from: '2025-01', to: '2025-13' }, "--to must be a month written YYYY-MM (e.g. 2025-04), got '2025-13'."],
    [{ force: 'metropolitan', from: '2025-01-01', to: '2025-02' }, "--from must be a month written YYYY-MM (e.g. 2025-04), got '2025-01-01'."],
    [{ force: 'metropolitan', from: '2025-03', to: '2025-02' }, '--from (2025-03) must not be after --to (2025-02).'],
    [{ force: 'metropolitan', from: '2010-01', to: '2020-01' }, `At most ${MAX_MONTHS} months can be synced at once, but 2010-01..2020-01 is 121 months.`]
  ])('rejects %j', (req, message) => {
    expect(() => validateRequest(req)).toThrow(SyncError);
    expect(() => validateRequest(req)).toThrow(expect.objectContaining({ message, code: 'invalid', name: 'SyncError' }));
  });

  it('accepts exactly the largest range', () => {
    expect(validateRequest({ force: 'kent', from: '2010-01', to: '2019-12' }).months).toHaveLength(MAX_MONTHS);
  });
});

describe('syncStops arguments', () => {
  const clock = fakeClock();
  // fetch that fails the test if called: bad arguments must be caught before any request.
  const deps: SyncDeps = {
    fetch: () => Promise.reject(new Error('no request expected')),
    baseUrl: 'https://data.police.uk/api',
    rawDir: '/nonexistent',
    requestsPerSecond: 15,
    maxRetries: 5,
    sleep: clock.sleep,
    now: clock.now
  };

  it('rejects a bad request before any request is made', async () => {
    await expect(syncStops(deps, { force: 'metropolitan', from: '2025-05', to: '2025-04' })).rejects.toThrow(
      '--from (2025-05) must not be after --to (2025-04).'
    );
  });

  it.each([
    [{ baseUrl: 'data.police.uk/api' }, "The API address must be an http(s) URL, got 'data.police.uk/api'."],
    [{ rawDir: '' }, 'A folder for raw responses (rawDir) is required.'],
    [{ requestsPerSecond: 0 }, 'requestsPerSecond must be a whole number of at least 1, got 0.'],
    [{ maxRetries: -1 }, 'maxRetries must be a whole number of at least 0, got -1.']
  ])('rejects bad settings %j', async (override, message) => {
    await expect(syncStops({ ...deps, ...override }, { force: 'metropolitan', from: '2025-01', to: '2025-01' })).rejects.toThrow(
      expect.objectContaining({ message, code: 'invalid', name: 'SyncError' })
    );
  });
});
