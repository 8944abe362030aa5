import { betterAuth } from 'better-auth';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import { systemClock, type Clock, type Log } from '../context.ts';
import type { Db } from '../db/client.ts';
import { accounts, rateLimits, sessions, users, verifications } from '../db/schema.ts';
import { passwordReset } from '../notifications/messages.ts';
import { enqueue } from '../notifications/outbox.ts';
import { hashPassword, passwordLength, verifyPassword } from './passwords.ts';

/** A session lasts this long after it was last used (it is renewed at most once an hour). */
export const sessionLifetimeSeconds = 12 * 60 * 60;
export const sessionRenewalSeconds = 60 * 60;

/** The window of the sign-in limit: SCRUTINEER_SIGN_IN_ATTEMPTS attempts per minute from one address. */
export const signInWindowSeconds = 60;

/** A password reset link works once, for this long. */
export const resetLinkMinutes = 60;
/** Password reset requests allowed from one network address per window (the same answer whether or not the account exists). */
export const resetRequestLimit = { window: 15 * 60, max: 5 };

/**
 * The header that carries the client's address to better-auth's rate limiter. better-auth's HTTP
 * handler is never exposed to the network (its endpoints are only called from our own server code,
 * which sets this header), so a client cannot choose its own address.
 */
export const clientAddressHeader = 'x-scrutineer-client-address';

export interface AuthOptions {
  db: Db;
  secret: string;
  /** The site's public origin (ORIGIN): cookies are Secure when it is https. */
  origin: string;
  log: Log;
  /** Sign-in attempts allowed per minute from one address, successful or not. */
  signInAttempts: number;
  /** Time of the outbox rows it writes (password reset email); the system clock by default. */
  clock?: Clock;
}

/**
 * better-auth for Scrutineer: email and password only (argon2id), no self sign-up (accounts come
 * from invitations), sessions in the database, sign-in attempts counted in the database so that
 * every app server shares the count.
 */
export function createAuth(opts: AuthOptions) {
  return betterAuth({
    appName: 'Scrutineer',
    baseURL: opts.origin,
    basePath: '/api/auth',
    secret: opts.secret,
    trustedOrigins: [opts.origin],
    database: drizzleAdapter(opts.db, {
      provider: 'pg',
      schema: { user: users, session: sessions, account: accounts, verification: verifications, rateLimit: rateLimits }
    }),
    emailAndPassword: {
      enabled: true,
      disableSignUp: true,
      minPasswordLength: passwordLength.min,
      maxPasswordLength: passwordLength.max,
      password: { hash: hashPassword, verify: verifyPassword },
      // The reset email goes through the outbox with our own link (/auth/reset/<token>); better-auth's
      // HTTP endpoints are not exposed. Setting a new password ends every session of the account.
      sendResetPassword: async ({ user, token }) => {
        await enqueue(opts.db, (opts.clock ?? systemClock).now(), [passwordReset(user, token, resetLinkMinutes)]);
      },
      resetPasswordTokenExpiresIn: resetLinkMinutes * 60,
      revokeSessionsOnPasswordReset: true
    },
    session: { expiresIn: sessionLifetimeSeconds, updateAge: sessionRenewalSeconds, cookieCache: { enabled: false } },
    rateLimit: {
      enabled: true,
      storage: 'database',
      window: 60,
      max: 100,
      customRules: { '/sign-in/email': { window: signInWindowSeconds, max: opts.signInAttempts }, '/request-password-reset': resetRequestLimit }
    },
    advanced: {
      cookiePrefix: 'scrutineer',
      ipAddress: { ipAddressHeaders: [clientAddressHeader] }
    },
    telemetry: { enabled: false },
    logger: {
      level: 'warn',
      log: (level, message) => opts.log[level](`better-auth: ${message}`)
    }
  });
}

export type Auth = ReturnType<typeof createAuth>;
