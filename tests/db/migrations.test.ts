import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { panels } from '../../src/core/db/schema.ts';
import { databaseTargets } from '../support/databases.ts';

describe.each(databaseTargets())('workflow database on $name', (target) => {
  let db: Awaited<ReturnType<typeof target.open>>;
  beforeAll(async () => {
    db = await target.open();
  });
  afterAll(async () => {
    await db?.dispose();
  });

  it('reports which engine it is', () => {
    expect(db.kind).toBe(target.name);
  });

  it('has every migration applied', async () => {
    const result = (await db.db.execute(sql`SELECT count(*)::int AS n FROM drizzle.__drizzle_migrations`)) as unknown;
    const rows = (result as { rows?: Array<{ n: number }> }).rows ?? (result as Array<{ n: number }>);
    expect(rows[0].n).toBeGreaterThanOrEqual(1);
  });

  it('stores a panel and refuses a second panel for the same borough', async () => {
    const [created] = await db.db.insert(panels).values({ boroughCode: 'E09000012', slug: 'hackney', name: 'Hackney' }).returning();
    expect(created.id).toBeGreaterThan(0);
    expect(created.createdAt).toBeInstanceOf(Date);
    await expect(db.db.insert(panels).values({ boroughCode: 'E09000012', slug: 'hackney-2', name: 'Again' })).rejects.toThrow();
    const found = await db.db.select().from(panels).where(eq(panels.boroughCode, 'E09000012'));
    expect(found.map((p) => p.name)).toEqual(['Hackney']);
  });

  it('rolls back a failed transaction completely', async () => {
    await expect(
      db.db.transaction(async (tx) => {
        await tx.insert(panels).values({ boroughCode: 'E09000001', slug: 'city-of-london', name: 'City' });
        throw new Error('stop here');
      })
    ).rejects.toThrow('stop here');
    const found = await db.db.select().from(panels).where(eq(panels.boroughCode, 'E09000001'));
    expect(found).toEqual([]);
  });
});
