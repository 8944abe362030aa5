import { systemActor, type Actor } from '../../src/core/access/actor.ts';
import type { WorkflowContext } from '../../src/core/audit/write.ts';
import type { PanelRole } from '../../src/core/db/schema.ts';
import { loadConfig } from '../../src/core/config.ts';
import { createContext, type Context } from '../../src/core/context.ts';
import { acceptWithNewAccount, inviteToPanel } from '../../src/core/panels/invitations.ts';
import { createPanel } from '../../src/core/panels/panels.ts';

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

/**
 * A scenario's seed, run on the server's data folder before it starts: Hackney's panel with
 * `people` (all with `password`), then `more` with the context, the CLI actor, the panel and each
 * person's user id by email, if the scenario needs more.
 */
export async function seedPanel(
  dataDir: string,
  people: Person[],
  password: string,
  more?: (seeded: { ctx: Context; cli: Actor; panelId: number; ids: Map<string, string> }) => Promise<void>
): Promise<void> {
  const ctx = await createContext(loadConfig({ SCRUTINEER_DATA_DIR: dataDir, SCRUTINEER_LOG_LEVEL: 'warn' }), { command: 'e2e seed' });
  try {
    const cli = systemActor('e2e seed');
    const panel = await createPanel(ctx, cli, { boroughCode: 'E09000012' });
    const ids = await addPeople(ctx, cli, panel.id, people, password);
    await more?.({ ctx, cli, panelId: panel.id, ids });
  } finally {
    await ctx.close();
  }
}
