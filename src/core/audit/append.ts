import { desc, sql } from 'drizzle-orm';
import { actorId, actorLabel, type Actor } from '../access/actor.ts';
import type { Action } from '../access/policy.ts';
import type { Clock } from '../context.ts';
import type { Db } from '../db/client.ts';
import { auditLog, type AuditRow } from '../db/schema.ts';
import { entryHash, genesisHash } from './chain.ts';

/** What a use case says about one write. */
export interface AuditEntry {
  action: Action;
  entity: { type: string; id: string | number };
  panelId?: number | null;
  /** What changed, in plain values: never a password, a token or a hash of one. */
  details?: Record<string, unknown>;
}

/** Any query runner: the database or a transaction. */
export type Tx = Pick<Db, 'select' | 'insert' | 'update' | 'delete' | 'execute'>;

/**
 * A number no other part of Scrutineer uses for pg_advisory_xact_lock: the lock makes concurrent
 * writers (several app servers on one PostgreSQL) append one after another, so the chain never forks.
 */
const auditLockKey = 7_231_864_019;

/**
 * Appends one entry, chained to the newest. Call it inside the transaction of the write it records
 * (use `write()` in write.ts), so that the write and its entry stand or fall together.
 */
export async function appendAudit(tx: Tx, clock: Clock, actor: Actor, entry: AuditEntry): Promise<AuditRow> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(${auditLockKey})`);
  const [last] = await tx.select({ hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.id)).limit(1);
  const fields = {
    at: clock.now(),
    actorId: actorId(actor),
    actorLabel: actorLabel(actor),
    action: entry.action,
    entityType: entry.entity.type,
    entityId: String(entry.entity.id),
    panelId: entry.panelId ?? null,
    details: entry.details ?? {},
    prevHash: last?.hash ?? genesisHash
  };
  const [row] = await tx.insert(auditLog).values({ ...fields, hash: entryHash(fields) }).returning();
  return row;
}
