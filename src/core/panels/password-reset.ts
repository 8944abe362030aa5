import { and, eq, gt } from 'drizzle-orm';
import { z } from 'zod';
import type { Actor } from '../access/actor.ts';
import { loadActor } from '../access/load-actor.ts';
import { requireAccess } from '../access/require-access.ts';
import { write } from '../audit/write.ts';
import { users, verifications } from '../db/schema.ts';
import { Invalid, NotFound } from '../errors.ts';
import { clientAddressHeader } from './auth.ts';
import { emailAddress, newPassword, parse } from './input.ts';
import type { AuthContext } from './sign-in.ts';

/** Too many reset requests from one address: the form says how long to wait. */
export class TooManyResetRequests extends Invalid {
  constructor(readonly retryAfterSeconds: number) {
    super(`Too many requests from your address. Wait ${Math.ceil(retryAfterSeconds / 60)} minutes, then try again.`, { retryAfterSeconds });
  }
}

export const resetRequestInput = z.object({ email: emailAddress, clientAddress: z.string() });

/**
 * "Forgotten your password?": asks better-auth (through its own endpoint, so that its rate limit
 * per address applies) to make a one-time link, which it hands to the outbox (src/core/panels/auth.ts).
 * The answer is the same whether or not the account exists.
 */
export async function requestPasswordReset(ctx: AuthContext, actor: Actor, raw: z.input<typeof resetRequestInput>): Promise<void> {
  requireAccess(actor, 'account.reset-password');
  const input = parse(resetRequestInput, raw);
  const origin = ctx.auth.options.baseURL as string;
  const res = await ctx.auth.handler(
    new Request(`${origin}/api/auth/request-password-reset`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin, [clientAddressHeader]: input.clientAddress },
      body: JSON.stringify({ email: input.email })
    })
  );
  if (res.status === 429) throw new TooManyResetRequests(Number(res.headers.get('x-retry-after')) || 60);
  if (!res.ok) throw new Error(`Requesting a password reset failed: better-auth answered ${res.status} ${await res.text()}`);
}

const expired = () => new NotFound('This password reset link has expired or has been used. Ask for a new one.');

/**
 * The account a reset link is for, while it works: whose password the page offers to change. The
 * expiry is read by the system clock, as better-auth reads it when the link is used.
 */
export async function describeReset(ctx: AuthContext, actor: Actor, token: string): Promise<{ email: string }> {
  requireAccess(actor, 'account.reset-password');
  const [row] = await ctx.db.db
    .select({ email: users.email })
    .from(verifications)
    .innerJoin(users, eq(users.id, verifications.value))
    .where(and(eq(verifications.identifier, `reset-password:${token}`), gt(verifications.expiresAt, new Date())));
  if (!row) throw expired();
  return row;
}

export const resetInput = z
  .object({ token: z.string().min(1).max(200), password: newPassword, confirm: z.string() })
  .refine((v) => v.password === v.confirm, { message: 'The two passwords are not the same.', path: ['confirm'] });

/** Sets a new password with a reset link; the link is used up and every session of the account ends. */
export async function resetPassword(ctx: AuthContext, actor: Actor, raw: z.input<typeof resetInput>): Promise<{ email: string }> {
  requireAccess(actor, 'account.reset-password');
  const input = parse(resetInput, raw);
  const [link] = await ctx.db.db.select({ userId: verifications.value }).from(verifications).where(eq(verifications.identifier, `reset-password:${input.token}`));
  if (!link) throw expired();
  try {
    await ctx.auth.api.resetPassword({ body: { token: input.token, newPassword: input.password } });
  } catch (err) {
    if ((err as { statusCode?: number }).statusCode === 400) throw expired();
    throw err;
  }
  const person = await loadActor(ctx.db.db, link.userId);
  if (person.kind !== 'user') throw expired();
  await write(ctx, person, (_tx, audit) => audit({ action: 'account.reset-password', entity: { type: 'user', id: person.id } }));
  return { email: person.email };
}
