import type { Actor } from '../../src/core/access/actor.ts';
import type { WorkflowContext } from '../../src/core/audit/write.ts';
import type { PanelRole } from '../../src/core/db/schema.ts';
import { acceptWithNewAccount, inviteToPanel } from '../../src/core/panels/invitations.ts';

/** A person a scenario's seed puts in a panel: email, name, role. */
export type Person = [email: string, name: string, role: PanelRole];

/**
 * Invites each person to the panel and accepts the invitation as them with `password`, through the
 * same use cases as the pages. Returns each person's user id by email.
 */
export async function addPeople(ctx: WorkflowContext, by: Actor, panelId: number, people: Person[], password: string): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const [email, name, role] of people) {
    const issued = await inviteToPanel(ctx, by, { panelId, email, role });
    const accepted = await acceptWithNewAccount(ctx, { kind: 'anonymous' }, { token: issued.token, name, password, confirm: password });
    ids.set(email, accepted.userId);
  }
  return ids;
}
