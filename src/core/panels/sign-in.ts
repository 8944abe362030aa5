import { z } from 'zod';
import { anonymous, type Actor } from '../access/actor.ts';
import { loadActor } from '../access/load-actor.ts';
import { requireAccess } from '../access/require-access.ts';
import { write, type WorkflowContext } from '../audit/write.ts';
import { Invalid } from '../errors.ts';
import { clientAddressHeader, type Auth } from './auth.ts';
import { emailAddress, parse } from './input.ts';

/** A workflow context that can also sign people in and out. */
export type AuthContext = WorkflowContext & { auth: Auth };

/** Too many sign-in attempts from one address: the form says how long to wait. */
export class TooManyAttempts extends Invalid {
  constructor(readonly retryAfterSeconds: number) {
    super(`Too many sign-in attempts from your address. Wait ${retryAfterSeconds} seconds, then try again.`, { retryAfterSeconds });
  }
}

export const signInInput = z.object({
  email: emailAddress,
  password: z.string().min(1, 'Enter your password.').max(1024),
  /** The client's network address, for the rate limit. */
  clientAddress: z.string(),
  userAgent: z.string().optional()
});

export interface SignedInResult {
  actor: Actor;
  /** Set-Cookie header values to send back: the session cookie. */
  setCookies: string[];
}

/**
 * Signs in with email and password through better-auth's own endpoint, so that its rate limit
 * (signInLimit, per client address) applies. Wrong email and wrong password get the same answer.
 */
export async function signIn(ctx: AuthContext, actor: Actor, raw: z.input<typeof signInInput>): Promise<SignedInResult> {
  requireAccess(actor, 'account.sign-in');
  const input = parse(signInInput, raw);
  const origin = ctx.auth.options.baseURL as string;
  const res = await ctx.auth.handler(
    new Request(`${origin}/api/auth/sign-in/email`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        origin,
        [clientAddressHeader]: input.clientAddress,
        ...(input.userAgent ? { 'user-agent': input.userAgent } : {})
      },
      body: JSON.stringify({ email: input.email, password: input.password, rememberMe: true })
    })
  );
  if (res.status === 429) throw new TooManyAttempts(Number(res.headers.get('x-retry-after')) || 60);
  if (res.status === 401 || res.status === 400) throw new Invalid('That email address and password do not match an account.', { field: 'password' });
  if (!res.ok) throw new Error(`Signing in failed: better-auth answered ${res.status} ${await res.text()}`);
  const body = (await res.json()) as { user: { id: string } };
  const signedIn = await loadActor(ctx.db.db, body.user.id);
  await write(ctx, signedIn, (_tx, audit) => audit({ action: 'account.sign-in', entity: { type: 'user', id: body.user.id } }));
  return { actor: signedIn, setCookies: res.headers.getSetCookie() };
}

/** Ends the session named by the request's cookie; returns the Set-Cookie values that clear it. */
export async function signOut(ctx: AuthContext, actor: Actor, headers: Headers): Promise<string[]> {
  requireAccess(actor, 'account.sign-out');
  const { headers: out } = await ctx.auth.api.signOut({ headers, returnHeaders: true });
  if (actor.kind === 'user') await write(ctx, actor, (_tx, audit) => audit({ action: 'account.sign-out', entity: { type: 'user', id: actor.id } }));
  return out.getSetCookie();
}

/**
 * The actor a request's session cookie stands for (anonymous without a live session), and any
 * Set-Cookie values to send back (better-auth renews the cookie when it renews the session).
 */
export async function sessionActor(ctx: AuthContext, headers: Headers): Promise<SignedInResult> {
  const { headers: out, response } = await ctx.auth.api.getSession({ headers, returnHeaders: true });
  const actor = response ? await loadActor(ctx.db.db, response.user.id) : anonymous;
  return { actor, setCookies: out.getSetCookie() };
}
