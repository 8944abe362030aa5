import path from 'node:path';
import { z } from 'zod';
import { Invalid } from './errors.ts';

/**
 * Every setting Scrutineer reads from the environment, with its default beside it.
 * docs/settings.md is checked against this list by a test, so a new setting must be documented.
 */
export const settings = {
  SCRUTINEER_DATA_DIR: z.string().min(1).default('./data')
    .describe('The data folder: PGlite database, DuckDB warehouse, evidence files and raw imports.'),
  DATABASE_URL: z.string().url().optional()
    .describe('A PostgreSQL connection string. When set, the workflow database lives there instead of PGlite.'),
  HOST: z.string().min(1).default('127.0.0.1').describe('Address the web server listens on.'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000).describe('Port the web server listens on.'),
  ORIGIN: z.string().url().optional()
    .describe('Public origin of the site (scheme, host, port), used to check form posts. Default http://HOST:PORT.'),
  SCRUTINEER_DUCKDB_MEMORY_LIMIT: z.string().regex(/^\d+(\.\d+)?\s*(KB|MB|GB|KiB|MiB|GiB)$/i).default('1GB')
    .describe('Memory the DuckDB warehouse may use, e.g. 1GB.'),
  SCRUTINEER_DUCKDB_THREADS: z.coerce.number().int().min(1).max(64).default(2)
    .describe('Threads the DuckDB warehouse may use.'),
  SCRUTINEER_QUERY_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(10_000)
    .describe('Longest a warehouse query for a page or API call may run before it is cancelled.'),
  SCRUTINEER_POLICE_API_URL: z.string().url().default('https://data.police.uk/api')
    .describe('Base URL of the data.police.uk API (or an offline mirror) used by `scrutineer sync`.'),
  SCRUTINEER_SYNC_RATE: z.coerce.number().min(0.1).max(15).default(15)
    .describe('Most requests per second `scrutineer sync` makes (data.police.uk allows 15).'),
  SCRUTINEER_AUTH_SECRET: z.string().min(32, 'must be at least 32 characters').optional()
    .describe('Secret that signs session cookies. Default: made at first start and kept in the data folder (auth-secret).'),
  SCRUTINEER_SIGN_IN_ATTEMPTS: z.coerce.number().int().min(1).max(1000).default(10)
    .describe('Sign-in attempts allowed per minute from one network address, successful or not.'),
  SCRUTINEER_SMTP_URL: z
    .string()
    .url()
    .refine((u) => /^smtps?:\/\//.test(u), 'must start with smtp:// or smtps://')
    .optional()
    .describe('SMTP server that delivers notifications, e.g. smtp://user:pass@host:587. Unset: mail stays in the outbox, shown at /admin/mail.'),
  SCRUTINEER_MAIL_FROM: z.string().min(3).optional()
    .describe('The From address of notifications. Default: Scrutineer <scrutineer@the host of ORIGIN>.'),
  SCRUTINEER_NOTIFY_INTERVAL_SECONDS: z.coerce.number().int().min(1).max(86_400).default(60)
    .describe('How often the server writes due-date notices and sends the outbox.'),
  SCRUTINEER_CHROMIUM: z.string().min(1).default('/usr/bin/chromium')
    .describe('The Chromium program that prints data packs to PDF.'),
  SCRUTINEER_PDF_TIMEOUT_MS: z.coerce.number().int().min(1000).max(300_000).default(30_000)
    .describe('Longest the printing of one PDF may take before it is stopped.'),
  SCRUTINEER_LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info')
    .describe('How much the server and CLI log to standard error.')
} as const;

const schema = z.object(settings);
type Parsed = z.infer<typeof schema>;

export interface AppConfig {
  dataDir: string;
  databaseUrl: string | null;
  host: string;
  port: number;
  origin: string;
  duckdb: { memoryLimit: string; threads: number; queryTimeoutMs: number };
  policeApiUrl: string;
  syncRate: number;
  logLevel: Parsed['SCRUTINEER_LOG_LEVEL'];
  pdf: { chromium: string; timeoutMs: number };
  /** null: read from (or made in) the data folder by authSecret() in src/core/panels/secret.ts. */
  authSecret: string | null;
  /** Sign-in attempts per minute from one address. */
  signInAttempts: number;
  /** Email delivery of notifications; smtpUrl null: nothing is sent, mail waits in the outbox. */
  mail: { smtpUrl: string | null; from: string };
  /** Seconds between the server's notification rounds (sweep, then delivery). */
  notifyIntervalSeconds: number;
}

/** Reads the environment once into a strict, typed config; a bad value names the variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env, cwd = process.cwd()): AppConfig {
  const present = Object.fromEntries(Object.keys(settings).map((k) => [k, env[k] === '' ? undefined : env[k]]));
  const result = schema.safeParse(present);
  if (!result.success) {
    const issue = result.error.issues[0];
    const name = String(issue.path[0]);
    throw new Invalid(`Setting ${name} is not valid: ${issue.message} (got ${JSON.stringify(env[name])}).`, {
      setting: name
    });
  }
  const v = result.data;
  const origin = v.ORIGIN ?? `http://${v.HOST.includes(':') ? `[${v.HOST}]` : v.HOST}:${v.PORT}`;
  return {
    dataDir: path.resolve(cwd, v.SCRUTINEER_DATA_DIR),
    databaseUrl: v.DATABASE_URL ?? null,
    host: v.HOST,
    port: v.PORT,
    origin,
    duckdb: {
      memoryLimit: v.SCRUTINEER_DUCKDB_MEMORY_LIMIT,
      threads: v.SCRUTINEER_DUCKDB_THREADS,
      queryTimeoutMs: v.SCRUTINEER_QUERY_TIMEOUT_MS
    },
    policeApiUrl: v.SCRUTINEER_POLICE_API_URL.replace(/\/+$/, ''),
    syncRate: v.SCRUTINEER_SYNC_RATE,
    logLevel: v.SCRUTINEER_LOG_LEVEL,
    pdf: { chromium: v.SCRUTINEER_CHROMIUM, timeoutMs: v.SCRUTINEER_PDF_TIMEOUT_MS },
    authSecret: v.SCRUTINEER_AUTH_SECRET ?? null,
    signInAttempts: v.SCRUTINEER_SIGN_IN_ATTEMPTS,
    mail: { smtpUrl: v.SCRUTINEER_SMTP_URL ?? null, from: v.SCRUTINEER_MAIL_FROM ?? `Scrutineer <scrutineer@${new URL(origin).hostname}>` },
    notifyIntervalSeconds: v.SCRUTINEER_NOTIFY_INTERVAL_SECONDS
  };
}
