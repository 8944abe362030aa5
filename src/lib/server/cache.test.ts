import { describe, expect, it } from 'vitest';
import type { Warehouse } from '$core/warehouse/warehouse.ts';
import { PageCache } from './cache.ts';

/** Just the memo of a warehouse: cleared by every import, which empties the cache. */
function fakeWarehouse() {
  let memos = new Map<string, Promise<unknown>>();
  const wh = {
    memo<T>(key: string, fn: () => Promise<T>): Promise<T> {
      if (!memos.has(key)) memos.set(key, fn());
      return memos.get(key) as Promise<T>;
    }
  } as unknown as Warehouse;
  return { wh, imported: () => (memos = new Map()) };
}

describe('page cache', () => {
  it('computes a view once for concurrent requests, and again after an import', async () => {
    const { wh, imported } = fakeWarehouse();
    const cache = new PageCache(10);
    let made = 0;
    const make = async () => ++made;
    expect(await Promise.all([cache.get(wh, 'a', make), cache.get(wh, 'a', make), cache.get(wh, 'a', make)])).toEqual([1, 1, 1]);
    imported();
    expect(await cache.get(wh, 'a', make)).toBe(2);
  });

  it('keeps no failure and forgets the least recently used view', async () => {
    const { wh } = fakeWarehouse();
    const cache = new PageCache(2);
    await expect(cache.get(wh, 'bad', async () => Promise.reject(new Error('no data')))).rejects.toThrow('no data');
    expect(await cache.get(wh, 'bad', async () => 'now fine')).toBe('now fine');
    await cache.get(wh, 'a', async () => 'a1');
    await cache.get(wh, 'bad', async () => 'unused'); // used: now the most recent
    await cache.get(wh, 'b', async () => 'b1'); // pushes out 'a'
    expect(await cache.get(wh, 'a', async () => 'a2')).toBe('a2');
    expect(await cache.get(wh, 'b', async () => 'b2')).toBe('b1');
  });
});
