import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Unavailable } from '../../src/core/errors.ts';
import { Warehouse } from '../../src/core/warehouse/warehouse.ts';

/** Issue 3 item 5: every warehouse query is time-boxed, so a public page can never hang the server. */
describe('warehouse queries are time-boxed', () => {
  let wh: Warehouse;
  beforeAll(async () => {
    wh = await Warehouse.open({ path: ':memory:', memoryLimit: '256MB', threads: 1, queryTimeoutMs: 200 });
  });
  afterAll(async () => {
    await wh.close();
  });

  // A cross join of 10^5 × 10^5 rows takes far longer than 200 ms on any machine.
  const slow = 'SELECT count(*) AS n FROM range(100000) a, range(100000) b WHERE a.range * b.range % 7 = 3';

  it('a query past its limit is stopped with Unavailable, naming the limit', async () => {
    const started = performance.now();
    const err = await wh.query(slow).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Unavailable);
    expect((err as Error).message).toBe('The query took longer than 200 ms and was stopped.');
    expect(performance.now() - started).toBeLessThan(5000);
  });

  it('the connection answers the next query after a stopped one', async () => {
    expect(await wh.query<{ n: number }>('SELECT 42 AS n')).toEqual([{ n: 42 }]);
  });

  it('a caller may give one query a longer limit', async () => {
    expect(await wh.query<{ n: string }>('SELECT count(*) AS n FROM range(1000)', undefined, 5000)).toEqual([{ n: '1000' }]);
  });
});
