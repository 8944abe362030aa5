/**
 * Virtual time for tests: `sleep` returns at once and moves the clock forward, so code that
 * waits (rate limits, backoff) runs instantly while still seeing time pass consistently.
 */
export function fakeClock(startMs = Date.UTC(2025, 5, 1)) {
  let t = startMs;
  const sleeps: number[] = [];
  return {
    nowMs: () => t,
    now: () => new Date(t),
    sleep: async (ms: number) => {
      sleeps.push(ms);
      t += Math.max(0, ms);
    },
    /** Every sleep asked for, in order. */
    sleeps
  };
}
