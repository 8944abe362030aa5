import { eq } from 'drizzle-orm';
import { loadActor } from '../../src/core/access/load-actor.ts';
import { systemActor, type Actor } from '../../src/core/access/actor.ts';
import { createLog } from '../../src/core/context.ts';
import { users, type PanelRole } from '../../src/core/db/schema.ts';
import { createAuth, signInWindowSeconds } from '../../src/core/panels/auth.ts';
import { acceptWithNewAccount, inviteAdmin, inviteToPanel } from '../../src/core/panels/invitations.ts';
import { createPanel } from '../../src/core/panels/panels.ts';
import type { AuthContext } from '../../src/core/panels/sign-in.ts';
import type { DatabaseTarget } from './databases.ts';
import { fakeClock } from './fake-clock.ts';

export const testOrigin = 'http://127.0.0.1:3999';
export const testPassword = 'correct horse battery staple';
export const signInLimit = { max: 5, window: signInWindowSeconds };

export type TestWorkspace = AuthContext & {
  clock: ReturnType<typeof fakeClock>;
  cli: Actor;
  dispose(): Promise<void>;
};

/** A fresh workflow database with better-auth over it and a fake clock starting 1 June 2025. */
export async function openWorkspace(target: DatabaseTarget): Promise<TestWorkspace> {
  const db = await target.open();
  const ws = { db, clock: fakeClock(Date.now()), cli: systemActor('test'), dispose: () => db.dispose() };
  // better-auth writes the password reset email to the outbox by the workspace's clock, whichever it is now.
  const clock = { now: () => ws.clock.now() };
  const auth = createAuth({ db: db.db, secret: 'test-secret-of-at-least-thirty-two-characters', origin: testOrigin, log: createLog('silent'), signInAttempts: signInLimit.max, clock });
  return Object.assign(ws, { auth });
}

/** Makes an account through the real invitation flow and returns its actor. */
export async function person(ws: TestWorkspace, email: string, panel?: { id: number; role: PanelRole }): Promise<Actor> {
  const issued = panel
    ? await inviteToPanel(ws, ws.cli, { panelId: panel.id, email, role: panel.role })
    : await inviteAdmin(ws, ws.cli, { email });
  const accepted = await acceptWithNewAccount(ws, { kind: 'anonymous' }, { token: issued.token, name: email.split('@')[0], password: testPassword, confirm: testPassword });
  return loadActor(ws.db.db, accepted.userId);
}

/** Two panels (Hackney, Islington) and one person in each role, plus an admin and an outsider. */
export async function cast(ws: TestWorkspace) {
  const hackney = await createPanel(ws, ws.cli, { boroughCode: 'E09000012' });
  const islington = await createPanel(ws, ws.cli, { boroughCode: 'E09000019' });
  const people = {
    admin: await person(ws, 'admin@example.org'),
    member: await person(ws, 'member@example.org', { id: hackney.id, role: 'member' }),
    clerk: await person(ws, 'clerk@example.org', { id: hackney.id, role: 'clerk' }),
    chair: await person(ws, 'chair@example.org', { id: hackney.id, role: 'chair' }),
    police: await person(ws, 'police@example.org', { id: hackney.id, role: 'police' }),
    otherMember: await person(ws, 'islington@example.org', { id: islington.id, role: 'member' })
  };
  return { hackney, islington, ...people };
}

export async function userId(ws: TestWorkspace, email: string): Promise<string> {
  const [u] = await ws.db.db.select({ id: users.id }).from(users).where(eq(users.email, email));
  return u.id;
}
