import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymous } from '../../src/core/access/actor.ts';
import { sessions } from '../../src/core/db/schema.ts';
import { Invalid } from '../../src/core/errors.ts';
import { sessionLifetimeSeconds } from '../../src/core/panels/auth.ts';
import { sessionActor, signIn, signOut, TooManyAttempts } from '../../src/core/panels/sign-in.ts';
import { databaseTargets } from '../support/databases.ts';
import { openWorkspace, person, signInLimit, testPassword, userId, type TestWorkspace } from '../support/workspace.ts';

/** The request headers a browser would send back with the cookies it was given. */
const cookieHeaders = (setCookies: string[]) => new Headers({ cookie: setCookies.map((c) => c.split(';')[0]).join('; ') });

describe.each(databaseTargets())('signing in on $name', (target) => {
  let ws: TestWorkspace;
  beforeAll(async () => {
    ws = await openWorkspace(target);
    await person(ws, 'clerk@example.org');
  });
  afterAll(async () => ws?.dispose());

  let address = 0;
  /** Each test signs in from its own address, so that the rate limit of one does not touch another. */
  const from = () => `198.51.100.${++address}`;

  it('gives a session cookie that stands for the person, HttpOnly and SameSite=Lax', async () => {
    const { actor, setCookies } = await signIn(ws, anonymous, { email: 'CLERK@example.org', password: testPassword, clientAddress: from() });
    expect(actor).toMatchObject({ kind: 'user', email: 'clerk@example.org' });
    const cookie = setCookies.find((c) => c.startsWith('scrutineer.session_token='));
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect((await sessionActor(ws, cookieHeaders(setCookies))).actor).toMatchObject({ kind: 'user', email: 'clerk@example.org' });
  });

  it('gives the same answer for a wrong password and an unknown email', async () => {
    const wrong = (await signIn(ws, anonymous, { email: 'clerk@example.org', password: 'not the password', clientAddress: from() }).catch((e: unknown) => e)) as Error;
    const unknown = (await signIn(ws, anonymous, { email: 'nobody@example.org', password: testPassword, clientAddress: from() }).catch((e: unknown) => e)) as Error;
    expect(wrong).toBeInstanceOf(Invalid);
    expect(wrong.message).toBe('That email address and password do not match an account.');
    expect(unknown.message).toBe(wrong.message);
  });

  it(`allows ${signInLimit.max} attempts a minute from one address, then refuses even the right password`, async () => {
    const clientAddress = from();
    for (let i = 0; i < signInLimit.max; i++)
      await expect(signIn(ws, anonymous, { email: 'clerk@example.org', password: `guess ${i}`, clientAddress })).rejects.toThrow(Invalid);
    const refused = await signIn(ws, anonymous, { email: 'clerk@example.org', password: testPassword, clientAddress }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(TooManyAttempts);
    expect((refused as TooManyAttempts).retryAfterSeconds).toBeGreaterThan(0);
    expect((refused as TooManyAttempts).retryAfterSeconds).toBeLessThanOrEqual(signInLimit.window);
    // Another address is not affected.
    await expect(signIn(ws, anonymous, { email: 'clerk@example.org', password: testPassword, clientAddress: from() })).resolves.toBeTruthy();
  });

  it('ends a session that has expired', async () => {
    const { setCookies } = await signIn(ws, anonymous, { email: 'clerk@example.org', password: testPassword, clientAddress: from() });
    const [session] = await ws.db.db.select().from(sessions).where(eq(sessions.userId, await userId(ws, 'clerk@example.org'))).orderBy(sessions.createdAt);
    const lifetime = (session.expiresAt.getTime() - session.createdAt.getTime()) / 1000;
    expect(Math.abs(lifetime - sessionLifetimeSeconds)).toBeLessThan(5);
    await ws.db.db.update(sessions).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(sessions.userId, session.userId));
    expect((await sessionActor(ws, cookieHeaders(setCookies))).actor).toEqual(anonymous);
  });

  it('ends the session at sign-out, and a forged or missing cookie is nobody', async () => {
    const { actor, setCookies } = await signIn(ws, anonymous, { email: 'clerk@example.org', password: testPassword, clientAddress: from() });
    const cleared = await signOut(ws, actor, cookieHeaders(setCookies));
    expect(cleared.some((c) => /^scrutineer\.session_token=;/.test(c) || /Max-Age=0/i.test(c))).toBe(true);
    expect((await sessionActor(ws, cookieHeaders(setCookies))).actor).toEqual(anonymous);
    expect((await sessionActor(ws, new Headers({ cookie: 'scrutineer.session_token=forged.value' }))).actor).toEqual(anonymous);
    expect((await sessionActor(ws, new Headers())).actor).toEqual(anonymous);
  });
});
