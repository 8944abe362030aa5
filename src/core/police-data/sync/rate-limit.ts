export type RateLimiterOptions = {
  /** Most requests allowed in any window. */
  limit: number;
  /** Window length in milliseconds. */
  windowMs: number;
  /** A monotonic clock in milliseconds. */
  now: () => number;
  sleep: (ms: number) => Promise<void>;
};

/** Call when the request has been answered (or has failed); calling again does nothing. */
export type Release = () => void;

/**
 * A sliding-window limiter. `acquire()` resolves when one more request may start, with a
 * `release` to call once the server has answered. Each request holds its slot from its start
 * until `windowMs` after its release. Counting to the answer rather than from the start is
 * what makes the limit hold where it matters, at the server: a request may arrive there any
 * time between its start and its answer (the first one waits for DNS, TLS, a cold fetch),
 * and so two requests started a window apart could otherwise arrive within one window.
 * Unlike a token bucket, bursts up to `limit` go out at once and the count is exact.
 */
export function createRateLimiter(opts: RateLimiterOptions): () => Promise<Release> {
  if (!(opts.limit >= 1) || !(opts.windowMs > 0)) throw new RangeError('limit must be >= 1 and windowMs > 0');
  /** When each slot's request was answered; Infinity while it is in flight. */
  const slots: Array<{ answeredAt: number }> = [];
  let wake: (() => void) | null = null;
  // Callers are served one at a time in call order, so concurrent callers cannot both see
  // room for one more request and both take it.
  let queue: Promise<unknown> = Promise.resolve();

  function release(slot: { answeredAt: number }): void {
    if (slot.answeredAt !== Infinity) return;
    slot.answeredAt = opts.now();
    wake?.();
  }

  async function waitForRoom(): Promise<Release> {
    for (;;) {
      const t = opts.now();
      for (let i = slots.length - 1; i >= 0; i--) if (slots[i].answeredAt <= t - opts.windowMs) slots.splice(i, 1);
      if (slots.length < opts.limit) {
        const slot = { answeredAt: Infinity };
        slots.push(slot);
        return () => release(slot);
      }
      const earliest = Math.min(...slots.map((s) => s.answeredAt));
      // Loop rather than trust the timer: timers may fire a little early or late.
      if (earliest === Infinity) await new Promise<void>((resolve) => (wake = resolve));
      else await opts.sleep(earliest + opts.windowMs - t);
      wake = null;
    }
  }

  return () => {
    const turn = queue.then(waitForRoom);
    queue = turn.catch(() => undefined);
    return turn;
  };
}
