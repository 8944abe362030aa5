import { describe, expect, it } from 'vitest';
import { fakeClock } from '../../../../tests/support/fake-clock.ts';
import { createRateLimiter } from './rate-limit.ts';

/** The largest number of times falling in any half-open window [t, t + windowMs). */
function busiestWindow(times: number[], windowMs: number): number {
  return Math.max(0, ...times.map((t) => times.filter((u) => u >= t && u < t + windowMs).length));
}

function limiter(limit: number) {
  const clock = fakeClock(0);
  const acquire = createRateLimiter({ limit, windowMs: 1000, now: clock.nowMs, sleep: clock.sleep });
  return { clock, acquire };
}

describe('createRateLimiter', () => {
  it('lets a burst up to the limit through without waiting', async () => {
    const { clock, acquire } = limiter(5);
    for (let i = 0; i < 5; i++) (await acquire())();
    expect(clock.sleeps).toEqual([]);
  });

  it('keeps every window at or under the limit, sequential callers', async () => {
    const { clock, acquire } = limiter(5);
    const starts: number[] = [];
    for (let i = 0; i < 12; i++) {
      const release = await acquire();
      starts.push(clock.nowMs());
      release();
    }
    expect(busiestWindow(starts, 1000)).toBe(5);
    // ...and no slower than needed: 12 requests at 5 a second need two full windows.
    expect(starts.at(-1)).toBe(2000);
  });

  it('keeps every window at or under the limit, concurrent callers', async () => {
    const { clock, acquire } = limiter(3);
    const starts: number[] = [];
    await Promise.all(
      Array.from({ length: 10 }, async () => {
        const release = await acquire();
        starts.push(clock.nowMs());
        release();
      })
    );
    expect(starts).toHaveLength(10);
    expect(busiestWindow(starts, 1000)).toBe(3);
  });

  it('counts each request until a window after it was answered', async () => {
    const { clock, acquire } = limiter(2);
    (await acquire())();
    const slow = await acquire();
    await clock.sleep(600); // the second request takes 600 ms to be answered
    slow();
    clock.sleeps.length = 0;
    (await acquire())(); // the first slot is free at 1000
    expect(clock.nowMs()).toBe(1000);
    (await acquire())(); // the slow one's slot is free at 600 + 1000
    expect(clock.nowMs()).toBe(1600);
    expect(clock.sleeps).toEqual([400, 600]);
  });

  it('waits for an in-flight request to be answered when all slots are in flight', async () => {
    const { clock, acquire } = limiter(1);
    const first = await acquire();
    let second = false;
    const waiting = acquire().then((release) => {
      second = true;
      release();
    });
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(second).toBe(false);
    await clock.sleep(300);
    first();
    await waiting;
    expect(clock.nowMs()).toBe(1300);
  });

  it('ignores a second release of the same request', async () => {
    const { clock, acquire } = limiter(1);
    const release = await acquire();
    release();
    await clock.sleep(500);
    release(); // must not move the slot's end to 500
    await acquire();
    expect(clock.nowMs()).toBe(1000);
  });

  it('rejects a limit that could never let anything through', () => {
    const clock = fakeClock(0);
    expect(() => createRateLimiter({ limit: 0, windowMs: 1000, now: clock.nowMs, sleep: clock.sleep })).toThrow(/limit/);
  });
});
