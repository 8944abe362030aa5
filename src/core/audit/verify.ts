import { asc, gt } from 'drizzle-orm';
import type { Actor } from '../access/actor.ts';
import { requireAccess } from '../access/require-access.ts';
import type { Db } from '../db/client.ts';
import { auditLog, type AuditRow } from '../db/schema.ts';
import { entryHash, genesisHash } from './chain.ts';
import type { WorkflowContext } from './write.ts';

export interface BrokenLink {
  /** The first entry that does not follow from the ones before it. */
  id: number;
  at: string;
  action: string;
  reason: 'altered' | 'not-linked';
  /** In words, for a person. */
  message: string;
}

export interface AuditVerification {
  ok: boolean;
  /** Entries read, up to and including the broken one. */
  entries: number;
  /** The newest entry's hash: keep it elsewhere to detect later removal of the newest entries. */
  head: string;
  broken: BrokenLink | null;
}

const pageSize = 1000;

/**
 * Walks the audit log in id order and recomputes every hash. An entry whose hash does not match its
 * own fields was altered; one whose prev_hash is not the previous entry's hash follows a removed,
 * inserted or altered entry. Removing the newest entries leaves a valid, shorter chain: compare
 * `head` with a copy kept elsewhere for that.
 */
export async function verifyAudit(ctx: Pick<WorkflowContext, 'db'>, actor: Actor): Promise<AuditVerification> {
  requireAccess(actor, 'audit.verify');
  return verifyChain(ctx.db.db);
}

export async function verifyChain(db: Db): Promise<AuditVerification> {
  let prev = genesisHash;
  let entries = 0;
  let after = 0;
  for (;;) {
    const page: AuditRow[] = await db.select().from(auditLog).where(gt(auditLog.id, after)).orderBy(asc(auditLog.id)).limit(pageSize);
    for (const row of page) {
      entries++;
      const broken = check(row, prev);
      if (broken) return { ok: false, entries, head: prev, broken };
      prev = row.hash;
    }
    if (page.length < pageSize) return { ok: true, entries, head: prev, broken: null };
    after = page[page.length - 1].id;
  }
}

function check(row: AuditRow, prev: string): BrokenLink | null {
  const where = { id: row.id, at: row.at.toISOString(), action: row.action };
  if (row.prevHash !== prev)
    return { ...where, reason: 'not-linked', message: `Entry ${row.id} does not follow the entry before it: an entry was removed, inserted or altered just before it.` };
  if (entryHash(row) !== row.hash) return { ...where, reason: 'altered', message: `Entry ${row.id} was altered after it was written.` };
  return null;
}
