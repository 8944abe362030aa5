import type { Warehouse } from '$core/warehouse/warehouse.ts';

/**
 * A small least-recently-used cache of rendered page data (figures and SVG), so a busy page is
 * computed once, not once per visitor. Entries are promises, so concurrent first requests share one
 * computation. Everything is dropped when the warehouse's data changes: `wh.memo` is cleared by
 * every import, so a token kept there tells us.
 */
export class PageCache {
  private entries = new Map<string, Promise<unknown>>();
  private token: object | null = null;

  constructor(private readonly max = 200) {}

  async get<T>(wh: Warehouse, key: string, make: () => Promise<T>): Promise<T> {
    const token = await wh.memo('page-cache-token', async () => ({}));
    if (token !== this.token) {
      this.entries.clear();
      this.token = token;
    }
    let hit = this.entries.get(key) as Promise<T> | undefined;
    if (hit) {
      this.entries.delete(key); // re-insert: Map order is the recency order
      this.entries.set(key, hit);
      return hit;
    }
    hit = make();
    this.entries.set(key, hit);
    hit.catch(() => this.entries.delete(key)); // failures (bad period, no data) are not kept
    while (this.entries.size > this.max) this.entries.delete(this.entries.keys().next().value as string);
    return hit;
  }
}
