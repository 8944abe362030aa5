import { createHash } from 'node:crypto';

/** The prev_hash of the first entry. */
export const genesisHash = '0'.repeat(64);

/** The fields of an entry that its hash covers (everything but its id and its own hash). */
export interface ChainedFields {
  at: Date;
  actorId: string | null;
  actorLabel: string;
  action: string;
  entityType: string;
  entityId: string;
  panelId: number | null;
  details: Record<string, unknown>;
  prevHash: string;
}

/**
 * SHA-256 over a canonical JSON array of the fields. Keys of `details` are sorted at every depth,
 * because PostgreSQL's jsonb does not keep the order they were written in.
 */
export function entryHash(e: ChainedFields): string {
  const fields = [e.at.toISOString(), e.actorId, e.actorLabel, e.action, e.entityType, e.entityId, e.panelId, e.details, e.prevHash];
  return createHash('sha256').update(canonicalJson(fields)).digest('hex');
}

export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v
  );
}
