import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { panelMembers, users } from '../db/schema.ts';
import { anonymous, type Actor } from './actor.ts';

/** The actor for a signed-in account, with its roles in every panel; anonymous if the account is gone. */
export async function loadActor(db: Db, userId: string): Promise<Actor> {
  const [user] = await db.select().from(users).where(eq(users.id, userId));
  if (!user) return anonymous;
  const memberships = await db.select({ panelId: panelMembers.panelId, role: panelMembers.role }).from(panelMembers).where(eq(panelMembers.userId, userId));
  return {
    kind: 'user',
    id: user.id,
    email: user.email,
    name: user.name,
    isAdmin: user.isAdmin,
    roles: new Map(memberships.map((m) => [m.panelId, m.role]))
  };
}
