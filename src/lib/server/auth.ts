import type { Cookies } from '@sveltejs/kit';
import { parseSetCookieHeader, toCookieOptions } from 'better-auth/cookies';
import { anonymous, type Actor } from '$core/access/actor.ts';
import { createAuth, type Auth } from '$core/panels/auth.ts';
import { authSecret } from '$core/panels/secret.ts';
import { sessionActor, type AuthContext } from '$core/panels/sign-in.ts';
import { serverContext } from './context.ts';

let auth: Auth | null = null;

/** The server's Context with better-auth over its database, made on first use. */
export async function authContext(): Promise<AuthContext> {
  const ctx = await serverContext();
  auth ??= createAuth({ db: ctx.db.db, secret: authSecret(ctx.config), origin: ctx.config.origin, log: ctx.log, signInAttempts: ctx.config.signInAttempts, clock: ctx.clock });
  return { db: ctx.db, clock: ctx.clock, auth };
}

/** better-auth's session cookie: "scrutineer.session_token", "__Secure-" in front over https. */
const isSessionCookie = (name: string) => /^(__Secure-)?scrutineer\.session_token$/.test(name);
const hasSessionCookie = (cookies: Cookies) => cookies.getAll().some((c) => isSessionCookie(c.name));

/** The request's session cookie(s) and none of its others: what a page printed on its behalf needs. */
export const sessionCookies = (cookies: Cookies) => cookies.getAll().filter((c) => isSessionCookie(c.name));

/** The actor of a request: anonymous without a live session. Renewed session cookies are sent back. */
export async function requestActor(request: Request, cookies: Cookies): Promise<Actor> {
  if (!hasSessionCookie(cookies)) return anonymous;
  const { actor, setCookies } = await sessionActor(await authContext(), request.headers);
  applyCookies(cookies, setCookies);
  return actor;
}

/** Copies better-auth's Set-Cookie values into SvelteKit's cookies, keeping its attributes. */
export function applyCookies(cookies: Cookies, setCookies: string[]): void {
  if (setCookies.length === 0) return;
  for (const [name, attributes] of parseSetCookieHeader(setCookies.join(', '))) {
    const options = toCookieOptions(attributes);
    cookies.set(name, attributes.value, {
      ...options,
      path: options.path ?? '/',
      secure: options.secure ?? false,
      httpOnly: options.httpOnly ?? true,
      sameSite: (options.sameSite as 'lax' | 'strict' | 'none' | undefined) ?? 'lax'
    });
  }
}
