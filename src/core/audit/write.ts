import type { Actor } from '../access/actor.ts';
import type { Context } from '../context.ts';
import type { AuditRow } from '../db/schema.ts';
import { appendAudit, type AuditEntry, type Tx } from './append.ts';

/** What a workflow use case needs of the Context; tests build one over a test database and a fake clock. */
export type WorkflowContext = Pick<Context, 'db' | 'clock'>;

/** Records one audit entry inside the current write. */
export type Audit = (entry: AuditEntry) => Promise<AuditRow>;

/**
 * Runs a use case's writes in one transaction with an audit recorder bound to it: every write
 * appends its entry, and a failure leaves neither the write nor the entry.
 *
 *     return write(ctx, actor, async (tx, audit) => {
 *       const [panel] = await tx.insert(panels).values(row).returning();
 *       await audit({ action: 'panel.create', entity: { type: 'panel', id: panel.id }, panelId: panel.id });
 *       return panel;
 *     });
 */
export function write<T>(ctx: WorkflowContext, actor: Actor, work: (tx: Tx, audit: Audit) => Promise<T>): Promise<T> {
  return ctx.db.db.transaction((tx) => work(tx, (entry) => appendAudit(tx, ctx.clock, actor, entry)));
}
