import type { PanelRole } from '../db/schema.ts';

/**
 * Who is asking. Every use case takes one as its second argument and passes it to requireAccess
 * first. The web tier makes it from the session (src/lib/server/auth.ts); the CLI acts as `system`.
 */
export type Actor = Anonymous | SignedIn | System;

export interface Anonymous {
  kind: 'anonymous';
}

export interface SignedIn {
  kind: 'user';
  id: string;
  email: string;
  name: string;
  isAdmin: boolean;
  /** The person's role in each panel they belong to, by panel id. */
  roles: ReadonlyMap<number, PanelRole>;
}

/** The installation itself: a CLI command run by whoever owns the data folder. Allowed what an admin is. */
export interface System {
  kind: 'system';
  /** What acted, for the audit log, e.g. "scrutineer admin invite". */
  label: string;
}

export const anonymous: Anonymous = { kind: 'anonymous' };

export const systemActor = (label: string): System => ({ kind: 'system', label });

/** The words the audit log keeps for an actor. */
export function actorLabel(actor: Actor): string {
  if (actor.kind === 'user') return actor.email;
  if (actor.kind === 'system') return actor.label;
  return 'anonymous';
}

export const actorId = (actor: Actor): string | null => (actor.kind === 'user' ? actor.id : null);

export const isAdmin = (actor: Actor): boolean => actor.kind === 'system' || (actor.kind === 'user' && actor.isAdmin);

export const roleIn = (actor: Actor, panelId: number): PanelRole | null =>
  actor.kind === 'user' ? (actor.roles.get(panelId) ?? null) : null;
