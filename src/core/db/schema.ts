import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  serial,
  text,
  timestamp,
  uniqueIndex
} from 'drizzle-orm/pg-core';

/**
 * The workflow database (PGlite by default, PostgreSQL by DATABASE_URL). Police records live in the
 * DuckDB warehouse instead; this holds what panels create. Every panel-owned row carries panel_id.
 * docs/workspace.md describes the tables and how to add a panel-owned one.
 */

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().default(sql`now()`);
const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().default(sql`now()`);

/** The roles a person can hold in one panel; installation admin is a flag on the account instead. */
export const panelRoles = ['member', 'clerk', 'chair', 'police'] as const;
export type PanelRole = (typeof panelRoles)[number];

/** A role that an invitation can grant: a panel role, or installation admin. */
export type InvitedRole = PanelRole | 'admin';

export const panels = pgTable(
  'panels',
  {
    id: serial('id').primaryKey(),
    /** GSS code of the borough the panel serves, e.g. E09000012 for Hackney. */
    boroughCode: text('borough_code').notNull(),
    /** The borough in URLs: /w/hackney, /w/tower-hamlets. */
    slug: text('slug').notNull(),
    name: text('name').notNull(),
    /** Working days the police have to answer a question (England and Wales bank holidays excluded). */
    answerWorkingDays: integer('answer_working_days').notNull().default(20),
    createdAt: createdAt()
  },
  (t) => [uniqueIndex('panels_borough_code_unique').on(t.boroughCode), uniqueIndex('panels_slug_unique').on(t.slug)]
);

export type Panel = typeof panels.$inferSelect;

// ---- Accounts: the tables better-auth reads and writes (its models user, session, account,
// verification, rateLimit; see src/core/panels/auth.ts). Column names are ours; the property names
// are the field names better-auth expects.

export const users = pgTable('users', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  /** Always lower case: better-auth lower-cases the address given at sign-in. */
  email: text('email').notNull().unique(),
  emailVerified: boolean('email_verified').notNull().default(false),
  image: text('image'),
  /** Runs the installation: creates panels, invites anyone. Not a member of any panel by right. */
  isAdmin: boolean('is_admin').notNull().default(false),
  createdAt: createdAt(),
  updatedAt: updatedAt()
});

export type User = typeof users.$inferSelect;

export const sessions = pgTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    token: text('token').notNull().unique(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    ipAddress: text('ip_address'),
    userAgent: text('user_agent'),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' })
  },
  (t) => [index('sessions_user_id_idx').on(t.userId)]
);

/** Sign-in methods of an account; for email and password, provider "credential" holds the argon2id hash. */
export const accounts = pgTable(
  'accounts',
  {
    id: text('id').primaryKey(),
    accountId: text('account_id').notNull(),
    providerId: text('provider_id').notNull(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    accessToken: text('access_token'),
    refreshToken: text('refresh_token'),
    idToken: text('id_token'),
    accessTokenExpiresAt: timestamp('access_token_expires_at', { withTimezone: true }),
    refreshTokenExpiresAt: timestamp('refresh_token_expires_at', { withTimezone: true }),
    scope: text('scope'),
    password: text('password'),
    createdAt: createdAt(),
    updatedAt: updatedAt()
  },
  (t) => [index('accounts_user_id_idx').on(t.userId)]
);

export const verifications = pgTable(
  'verifications',
  {
    id: text('id').primaryKey(),
    identifier: text('identifier').notNull(),
    value: text('value').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt()
  },
  (t) => [index('verifications_identifier_idx').on(t.identifier)]
);

/** better-auth's sign-in attempt counters, in the database so that every app server shares them. */
export const rateLimits = pgTable('rate_limits', {
  id: text('id').primaryKey(),
  key: text('key').notNull().unique(),
  count: integer('count').notNull(),
  lastRequest: bigint('last_request', { mode: 'number' }).notNull()
});

// ---- Panels' people

/** Who belongs to which panel, in which role: one role per person per panel. */
export const panelMembers = pgTable(
  'panel_members',
  {
    id: serial('id').primaryKey(),
    panelId: integer('panel_id')
      .notNull()
      .references(() => panels.id, { onDelete: 'cascade' }),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text('role').$type<PanelRole>().notNull(),
    createdAt: createdAt()
  },
  (t) => [
    uniqueIndex('panel_members_panel_user_unique').on(t.panelId, t.userId),
    index('panel_members_user_idx').on(t.userId),
    check('panel_members_role_check', sql`${t.role} in ('member', 'clerk', 'chair', 'police')`)
  ]
);

export type PanelMember = typeof panelMembers.$inferSelect;

/**
 * An offer of a role, sent as a link. Only the SHA-256 of the link's token is kept, so a copy of the
 * database cannot be used to accept one. panel_id is null exactly when the role is 'admin'.
 */
export const invitations = pgTable(
  'invitations',
  {
    id: serial('id').primaryKey(),
    panelId: integer('panel_id').references(() => panels.id, { onDelete: 'cascade' }),
    email: text('email').notNull(),
    role: text('role').$type<InvitedRole>().notNull(),
    tokenHash: text('token_hash').notNull(),
    invitedBy: text('invited_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    acceptedBy: text('accepted_by').references(() => users.id, { onDelete: 'set null' }),
    revokedAt: timestamp('revoked_at', { withTimezone: true })
  },
  (t) => [
    uniqueIndex('invitations_token_hash_unique').on(t.tokenHash),
    index('invitations_panel_idx').on(t.panelId),
    check('invitations_role_check', sql`${t.role} in ('member', 'clerk', 'chair', 'police', 'admin')`),
    check('invitations_admin_has_no_panel', sql`(${t.role} = 'admin') = (${t.panelId} is null)`)
  ]
);

export type Invitation = typeof invitations.$inferSelect;

// ---- Audit

/**
 * Append-only, hash-chained log of every write (src/core/audit). `hash` is SHA-256 over this row's
 * fields and `prev_hash`, the hash of the row before it (by id), so altering, removing or reordering
 * a row breaks the chain at that row. Ids may skip numbers (a rolled-back transaction uses one).
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    /** The account that acted, or null for the installation itself (a CLI command). */
    actorId: text('actor_id'),
    /** Who acted, in words kept even if the account is later removed: an email or "scrutineer admin invite". */
    actorLabel: text('actor_label').notNull(),
    /** A policy action, e.g. "panel.create" (src/core/access/policy.ts). */
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id').notNull(),
    panelId: integer('panel_id'),
    details: jsonb('details').$type<Record<string, unknown>>().notNull(),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull()
  },
  (t) => [index('audit_log_entity_idx').on(t.entityType, t.entityId), index('audit_log_panel_idx').on(t.panelId)]
);

export type AuditRow = typeof auditLog.$inferSelect;

// ---- Questions to the police (src/core/questions; DOMAIN.md §2)

export const questionStatuses = ['draft', 'sent', 'acknowledged', 'answered', 'assessed', 'closed', 'escalated'] as const;
export type QuestionStatus = (typeof questionStatuses)[number];
export const assessments = ['satisfactory', 'partly', 'unsatisfactory'] as const;
export type Assessment = (typeof assessments)[number];
export const escalationTargets = ['commander', 'mopac', 'iopc'] as const;
export type EscalationTarget = (typeof escalationTargets)[number];

/** The figure a question comes from, as it stood when the question was drafted. */
export interface Finding {
  metric: string;
  area: string;
  period: string;
  value: string;
}

/**
 * A question a panel puts to its police respondent. Dates of the clock (sent_on, due_on, paused_on,
 * answered_on) are calendar dates in London, as 'YYYY-MM-DD'.
 */
export const questions = pgTable(
  'questions',
  {
    id: serial('id').primaryKey(),
    panelId: integer('panel_id')
      .notNull()
      .references(() => panels.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    body: text('body').notNull(),
    finding: jsonb('finding').$type<Finding>(),
    status: text('status').$type<QuestionStatus>().notNull().default('draft'),
    /** The police respondent it is addressed to (a panel member with role 'police'), set when sent. */
    addresseeId: text('addressee_id').references(() => users.id, { onDelete: 'set null' }),
    /** Working days allowed, fixed when sent from the panel's setting. */
    allowedWorkingDays: integer('allowed_working_days'),
    sentOn: text('sent_on'),
    dueOn: text('due_on'),
    /** Set while the police's request for clarification is open: the clock is paused. */
    pausedOn: text('paused_on'),
    clarificationRequest: text('clarification_request'),
    extensionReason: text('extension_reason'),
    acknowledgedOn: text('acknowledged_on'),
    answer: text('answer'),
    answeredOn: text('answered_on'),
    assessment: text('assessment').$type<Assessment>(),
    assessmentNote: text('assessment_note'),
    escalatedTo: text('escalated_to').$type<EscalationTarget>(),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: updatedAt()
  },
  (t) => [
    index('questions_panel_idx').on(t.panelId),
    index('questions_addressee_idx').on(t.addresseeId),
    check('questions_status_check', sql`${t.status} in ('draft', 'sent', 'acknowledged', 'answered', 'assessed', 'closed', 'escalated')`),
    check('questions_assessment_check', sql`${t.assessment} is null or ${t.assessment} in ('satisfactory', 'partly', 'unsatisfactory')`),
    check('questions_escalated_to_check', sql`${t.escalatedTo} is null or ${t.escalatedTo} in ('commander', 'mopac', 'iopc')`)
  ]
);

export type Question = typeof questions.$inferSelect;

/** Each change to a question, in words for its page (the audit log holds the same, hash-chained). */
export const questionEvents = pgTable(
  'question_events',
  {
    id: serial('id').primaryKey(),
    panelId: integer('panel_id')
      .notNull()
      .references(() => panels.id, { onDelete: 'cascade' }),
    questionId: integer('question_id')
      .notNull()
      .references(() => questions.id, { onDelete: 'cascade' }),
    at: timestamp('at', { withTimezone: true }).notNull(),
    actorLabel: text('actor_label').notNull(),
    /** The policy action, e.g. "question.send". */
    action: text('action').notNull(),
    details: jsonb('details').$type<Record<string, unknown>>().notNull()
  },
  (t) => [index('question_events_question_idx').on(t.questionId)]
);

export type QuestionEvent = typeof questionEvents.$inferSelect;

// ---- Actions (src/core/actions; DOMAIN.md §3): what the panel or the police agreed to do

export const ragStatuses = ['red', 'amber', 'green'] as const;
export type Rag = (typeof ragStatuses)[number];

/**
 * An action with its owner, due date and red/amber/green status, linked to what it came from: a
 * question, a figure (its finding, as for questions) or a meeting (meeting_id: meetings come later,
 * so no foreign key yet). done_on is set when it is complete.
 */
export const actionItems = pgTable(
  'actions',
  {
    id: serial('id').primaryKey(),
    panelId: integer('panel_id')
      .notNull()
      .references(() => panels.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    ownerId: text('owner_id').references(() => users.id, { onDelete: 'set null' }),
    dueOn: text('due_on').notNull(),
    rag: text('rag').$type<Rag>().notNull(),
    notes: text('notes').notNull().default(''),
    doneOn: text('done_on'),
    questionId: integer('question_id').references(() => questions.id, { onDelete: 'set null' }),
    meetingId: integer('meeting_id'),
    finding: jsonb('finding').$type<Finding>(),
    createdAt: createdAt(),
    updatedAt: updatedAt()
  },
  (t) => [index('actions_panel_idx').on(t.panelId), check('actions_rag_check', sql`${t.rag} in ('red', 'amber', 'green')`)]
);

export type ActionItem = typeof actionItems.$inferSelect;

// ---- Notifications (src/core/notifications): the outbox of email to send

export const notificationKinds = ['question-sent', 'answer-received', 'due-soon', 'overdue', 'invitation', 'password-reset'] as const;
export type NotificationKind = (typeof notificationKinds)[number];
export const notificationStates = ['pending', 'sending', 'sent', 'failed'] as const;
export type NotificationState = (typeof notificationStates)[number];

/**
 * One email to send, written in the same transaction as the change it tells of, and delivered
 * later by SMTP (src/core/notifications/deliver.ts). `path` is the link to the item, without the
 * origin (added when sent, from ORIGIN); for a link that carries a secret (invitation, password
 * reset) it is removed once the message is sent. `dedupe_key` makes the due-date sweep idempotent:
 * one notice per question, due date and recipient.
 */
export const notifications = pgTable(
  'notifications',
  {
    id: serial('id').primaryKey(),
    kind: text('kind').$type<NotificationKind>().notNull(),
    panelId: integer('panel_id').references(() => panels.id, { onDelete: 'cascade' }),
    questionId: integer('question_id').references(() => questions.id, { onDelete: 'cascade' }),
    recipientId: text('recipient_id').references(() => users.id, { onDelete: 'cascade' }),
    toAddress: text('to_address').notNull(),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    path: text('path'),
    dedupeKey: text('dedupe_key'),
    state: text('state').$type<NotificationState>().notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    /** A pending message is not tried before this; after a failure it moves later (backoff). */
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull(),
    /** When a deliverer claimed it ('sending'): a claim older than a few minutes is taken over. */
    claimedAt: timestamp('claimed_at', { withTimezone: true }),
    lastError: text('last_error'),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    createdAt: createdAt()
  },
  (t) => [
    uniqueIndex('notifications_dedupe_key_unique').on(t.dedupeKey),
    index('notifications_state_next_idx').on(t.state, t.nextAttemptAt),
    index('notifications_recipient_idx').on(t.recipientId),
    check('notifications_state_check', sql`${t.state} in ('pending', 'sending', 'sent', 'failed')`),
    check('notifications_kind_check', sql`${t.kind} in ('question-sent', 'answer-received', 'due-soon', 'overdue', 'invitation', 'password-reset')`)
  ]
);

export type Notification = typeof notifications.$inferSelect;
export type NewNotification = typeof notifications.$inferInsert;
