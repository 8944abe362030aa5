import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  check,
  doublePrecision,
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
    /**
     * The quorum rule of the panel's meetings (src/core/meetings/quorum.ts): at least one in every
     * `quorum_divisor` voting members present, rounded up, and never fewer than `quorum_minimum`.
     */
    quorumDivisor: integer('quorum_divisor').notNull().default(3),
    quorumMinimum: integer('quorum_minimum').notNull().default(3),
    createdAt: createdAt()
  },
  (t) => [
    uniqueIndex('panels_borough_code_unique').on(t.boroughCode),
    uniqueIndex('panels_slug_unique').on(t.slug),
    check('panels_quorum_check', sql`${t.quorumDivisor} between 1 and 10 and ${t.quorumMinimum} between 1 and 50`)
  ]
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
 * question, a figure (its finding, as for questions) or a meeting. done_on is set when it is complete.
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
    meetingId: integer('meeting_id').references(() => meetings.id, { onDelete: 'set null' }),
    finding: jsonb('finding').$type<Finding>(),
    createdAt: createdAt(),
    updatedAt: updatedAt()
  },
  (t) => [index('actions_panel_idx').on(t.panelId), check('actions_rag_check', sql`${t.rag} in ('red', 'amber', 'green')`)]
);

export type ActionItem = typeof actionItems.$inferSelect;

// ---- Reviews of sampled encounters (src/core/reviews; DOMAIN.md §4, docs/reviews.md)

export const strataDimensions = ['none', 'ethnicity', 'outcome', 'power'] as const;
/** GOWISELY answers. Section 60 searches need no grounds, so every item is "not applicable" for them. */
export const itemAnswers = ['yes', 'no', 'not_visible', 'not_applicable'] as const;
export type ItemAnswer = (typeof itemAnswers)[number];
export const qualityScores = ['good', 'adequate', 'poor', 'not_visible'] as const;
export type QualityScore = (typeof qualityScores)[number];
export const forceUsed = ['none', 'handcuffs', 'restraint', 'other', 'not_visible'] as const;
export type ForceUsed = (typeof forceUsed)[number];

/**
 * A sample of a month's records drawn for review: the seed and arguments reproduce it
 * (`scrutineer sample`). addressee_id is the police respondent it is sent to (who then sees it and
 * can respond per encounter).
 */
export const reviewSamples = pgTable(
  'review_samples',
  {
    id: serial('id').primaryKey(),
    panelId: integer('panel_id')
      .notNull()
      .references(() => panels.id, { onDelete: 'cascade' }),
    areaCode: text('area_code').notNull(),
    month: text('month').notNull(),
    seed: bigint('seed', { mode: 'number' }).notNull(),
    /** As asked: "20" or "10%". */
    size: text('size').notNull(),
    strata: text('strata').$type<(typeof strataDimensions)[number]>().notNull(),
    /** Records of the area and month when drawn. */
    population: integer('population').notNull(),
    addresseeId: text('addressee_id').references(() => users.id, { onDelete: 'set null' }),
    sentOn: text('sent_on'),
    createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt()
  },
  (t) => [
    index('review_samples_panel_idx').on(t.panelId),
    check('review_samples_strata_check', sql`${t.strata} in ('none', 'ethnicity', 'outcome', 'power')`)
  ]
);

export type ReviewSample = typeof reviewSamples.$inferSelect;

/**
 * One sampled record: its warehouse id (force:month:record) and a snapshot of what the police need
 * to find the footage, so the sample stands even if the warehouse is rebuilt. The police's
 * response to the panel's reviews of it is kept here too.
 */
export const sampleRecords = pgTable(
  'sample_records',
  {
    id: serial('id').primaryKey(),
    panelId: integer('panel_id')
      .notNull()
      .references(() => panels.id, { onDelete: 'cascade' }),
    sampleId: integer('sample_id')
      .notNull()
      .references(() => reviewSamples.id, { onDelete: 'cascade' }),
    /** Its place in the references list (1, 2, …), in time order. */
    position: integer('position').notNull(),
    recordId: text('record_id').notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    latitude: doublePrecision('latitude'),
    longitude: doublePrecision('longitude'),
    street: text('street'),
    legislation: text('legislation').notNull(),
    object: text('object').notNull(),
    outcome: text('outcome').notNull(),
    ethnicGroup: text('ethnic_group').notNull(),
    stratum: text('stratum').notNull(),
    policeResponse: text('police_response'),
    respondedAt: timestamp('responded_at', { withTimezone: true }),
    respondedBy: text('responded_by').references(() => users.id, { onDelete: 'set null' })
  },
  (t) => [uniqueIndex('sample_records_sample_record_unique').on(t.sampleId, t.recordId), index('sample_records_panel_idx').on(t.panelId)]
);

export type SampleRecord = typeof sampleRecords.$inferSelect;

/** Who reviews a sample's encounters. */
export const sampleReviewers = pgTable(
  'sample_reviewers',
  {
    id: serial('id').primaryKey(),
    panelId: integer('panel_id')
      .notNull()
      .references(() => panels.id, { onDelete: 'cascade' }),
    sampleId: integer('sample_id')
      .notNull()
      .references(() => reviewSamples.id, { onDelete: 'cascade' }),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' })
  },
  (t) => [uniqueIndex('sample_reviewers_sample_user_unique').on(t.sampleId, t.userId)]
);

/**
 * One reviewer's review of one sampled encounter. Only the reviewer sees it until it is submitted;
 * submitted reviews are final and counted in the results. No footage is ever held:
 * footage_viewed_on_premises records that it was watched at the police's.
 */
export const encounterReviews = pgTable(
  'encounter_reviews',
  {
    id: serial('id').primaryKey(),
    panelId: integer('panel_id')
      .notNull()
      .references(() => panels.id, { onDelete: 'cascade' }),
    sampleRecordId: integer('sample_record_id')
      .notNull()
      .references(() => sampleRecords.id, { onDelete: 'cascade' }),
    reviewerId: text('reviewer_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    grounds: text('grounds').$type<ItemAnswer>().notNull(),
    object: text('object').$type<ItemAnswer>().notNull(),
    warrantCard: text('warrant_card').$type<ItemAnswer>().notNull(),
    identity: text('identity').$type<ItemAnswer>().notNull(),
    station: text('station').$type<ItemAnswer>().notNull(),
    entitlement: text('entitlement').$type<ItemAnswer>().notNull(),
    legalPower: text('legal_power').$type<ItemAnswer>().notNull(),
    detained: text('detained').$type<ItemAnswer>().notNull(),
    groundsQuality: text('grounds_quality').$type<QualityScore>().notNull(),
    conduct: text('conduct').$type<QualityScore>().notNull(),
    forceUsed: text('force_used').$type<ForceUsed>().notNull(),
    rag: text('rag').$type<Rag>().notNull(),
    comments: text('comments').notNull().default(''),
    footageViewedOnPremises: boolean('footage_viewed_on_premises').notNull().default(false),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt()
  },
  (t) => [
    uniqueIndex('encounter_reviews_record_reviewer_unique').on(t.sampleRecordId, t.reviewerId),
    index('encounter_reviews_panel_idx').on(t.panelId),
    check('encounter_reviews_rag_check', sql`${t.rag} in ('red', 'amber', 'green')`),
    check('encounter_reviews_quality_check', sql`${t.groundsQuality} in ('good', 'adequate', 'poor', 'not_visible') and ${t.conduct} in ('good', 'adequate', 'poor', 'not_visible')`),
    check('encounter_reviews_force_check', sql`${t.forceUsed} in ('none', 'handcuffs', 'restraint', 'other', 'not_visible')`)
  ]
);

export type EncounterReview = typeof encounterReviews.$inferSelect;

/** A published, anonymised summary of a sample's results: each publication is a new, immutable version. */
export const reviewPublications = pgTable(
  'review_publications',
  {
    id: serial('id').primaryKey(),
    panelId: integer('panel_id')
      .notNull()
      .references(() => panels.id, { onDelete: 'cascade' }),
    sampleId: integer('sample_id')
      .notNull()
      .references(() => reviewSamples.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    summary: jsonb('summary').$type<Record<string, unknown>>().notNull(),
    publishedAt: timestamp('published_at', { withTimezone: true }).notNull(),
    publishedBy: text('published_by').references(() => users.id, { onDelete: 'set null' })
  },
  (t) => [uniqueIndex('review_publications_sample_version_unique').on(t.sampleId, t.version), index('review_publications_panel_idx').on(t.panelId)]
);

export type ReviewPublication = typeof reviewPublications.$inferSelect;

// ---- Meetings (src/core/meetings; DOMAIN.md §3, §8)

export const attendanceStatuses = ['present', 'apologies', 'absent'] as const;
export type AttendanceStatus = (typeof attendanceStatuses)[number];
export const minutesStatuses = ['draft', 'approved', 'published'] as const;
export type MinutesStatus = (typeof minutesStatuses)[number];

/** A meeting of a panel: scheduled, then held (its time has come) or cancelled. */
export const meetings = pgTable(
  'meetings',
  {
    id: serial('id').primaryKey(),
    panelId: integer('panel_id')
      .notNull()
      .references(() => panels.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    /** Where it is held: a place, an online link, or both. */
    place: text('place').notNull().default(''),
    onlineLink: text('online_link').notNull().default(''),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    cancelReason: text('cancel_reason'),
    createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: updatedAt()
  },
  (t) => [index('meetings_panel_idx').on(t.panelId, t.startsAt)]
);

export type Meeting = typeof meetings.$inferSelect;

/**
 * One item of a meeting's agenda, in `position` order. Public or confidential: a confidential item
 * never leaves the workspace. "Matters arising" items are made from an overdue question or an open
 * action (kind 'matters-arising', with its question_id or action_id) and are rebuilt on request.
 */
export const agendaItems = pgTable(
  'agenda_items',
  {
    id: serial('id').primaryKey(),
    panelId: integer('panel_id')
      .notNull()
      .references(() => panels.id, { onDelete: 'cascade' }),
    meetingId: integer('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    kind: text('kind').$type<'item' | 'matters-arising'>().notNull().default('item'),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    confidential: boolean('confidential').notNull().default(false),
    questionId: integer('question_id').references(() => questions.id, { onDelete: 'set null' }),
    actionId: integer('action_id').references(() => actionItems.id, { onDelete: 'set null' }),
    createdAt: createdAt()
  },
  (t) => [index('agenda_items_meeting_idx').on(t.meetingId), check('agenda_items_kind_check', sql`${t.kind} in ('item', 'matters-arising')`)]
);

export type AgendaItem = typeof agendaItems.$inferSelect;

/** Who was at a meeting: a person of the panel (user_id) or a guest (guest_name), present, with apologies, or absent. */
export const attendance = pgTable(
  'attendance',
  {
    id: serial('id').primaryKey(),
    panelId: integer('panel_id')
      .notNull()
      .references(() => panels.id, { onDelete: 'cascade' }),
    meetingId: integer('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    userId: text('user_id').references(() => users.id, { onDelete: 'cascade' }),
    guestName: text('guest_name'),
    /** A guest's organisation or role, e.g. "Borough Commander". */
    guestRole: text('guest_role').notNull().default(''),
    status: text('status').$type<AttendanceStatus>().notNull(),
    /** A person's role on the panel when their attendance was recorded (null for a guest): the quorum of a past meeting stays as it was. */
    memberRole: text('member_role').$type<PanelRole>()
  },
  (t) => [
    uniqueIndex('attendance_meeting_user_unique').on(t.meetingId, t.userId),
    index('attendance_meeting_idx').on(t.meetingId),
    check('attendance_status_check', sql`${t.status} in ('present', 'apologies', 'absent')`),
    check('attendance_person_check', sql`(${t.userId} is null) <> (${t.guestName} is null)`)
  ]
);

export type Attendance = typeof attendance.$inferSelect;

/** An interest declared by someone at the meeting on one agenda item (one per person per item). */
export const declarations = pgTable(
  'declarations',
  {
    id: serial('id').primaryKey(),
    panelId: integer('panel_id')
      .notNull()
      .references(() => panels.id, { onDelete: 'cascade' }),
    meetingId: integer('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    agendaItemId: integer('agenda_item_id')
      .notNull()
      .references(() => agendaItems.id, { onDelete: 'cascade' }),
    attendanceId: integer('attendance_id')
      .notNull()
      .references(() => attendance.id, { onDelete: 'cascade' }),
    nature: text('nature').notNull(),
    createdAt: createdAt()
  },
  (t) => [uniqueIndex('declarations_item_person_unique').on(t.agendaItemId, t.attendanceId), index('declarations_meeting_idx').on(t.meetingId)]
);

export type Declaration = typeof declarations.$inferSelect;

/** The minutes of one agenda item in one version: what the public may read and what stays confidential. */
export interface MinutesEntry {
  itemId: number;
  /** The item's title when the version was saved, so an old version reads whole. */
  title: string;
  confidential: boolean;
  publicText: string;
  confidentialText: string;
}

/**
 * The minutes of a meeting: drafted and amended (each save a new version in minutes_versions),
 * approved at a later meeting (approved_at_meeting_id), then published. `published` is the public
 * snapshot made at publication, with confidential items and parts left out; the public pages read
 * only it.
 */
export const meetingMinutes = pgTable(
  'meeting_minutes',
  {
    meetingId: integer('meeting_id')
      .primaryKey()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    panelId: integer('panel_id')
      .notNull()
      .references(() => panels.id, { onDelete: 'cascade' }),
    status: text('status').$type<MinutesStatus>().notNull().default('draft'),
    currentVersion: integer('current_version').notNull(),
    approvedVersion: integer('approved_version'),
    approvedAtMeetingId: integer('approved_at_meeting_id').references(() => meetings.id, { onDelete: 'restrict' }),
    approvedAt: timestamp('approved_at', { withTimezone: true }),
    approvedBy: text('approved_by'),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    published: jsonb('published').$type<PublishedMinutes>()
  },
  (t) => [
    index('meeting_minutes_panel_idx').on(t.panelId),
    check('meeting_minutes_status_check', sql`${t.status} in ('draft', 'approved', 'published')`),
    check('meeting_minutes_not_self_approved', sql`${t.approvedAtMeetingId} is null or ${t.approvedAtMeetingId} <> ${t.meetingId}`)
  ]
);

export type MeetingMinutes = typeof meetingMinutes.$inferSelect;

/** What publication makes public: nothing confidential, no one's name. */
export interface PublishedMinutes {
  title: string;
  startsAt: string;
  place: string;
  approvedAtMeeting: { title: string; startsAt: string };
  version: number;
  attendance: { present: number; apologies: number; absent: number; guests: number };
  quorate: boolean;
  quorum: number;
  items: { number: number; title: string; description: string; minutes: string; declarations: string[] }[];
  /** How many confidential items were taken: their titles and minutes are not published. */
  confidentialItems: number;
}

/** Every saved version of a meeting's minutes, with who saved it and when: nothing is overwritten. */
export const minutesVersions = pgTable(
  'minutes_versions',
  {
    id: serial('id').primaryKey(),
    panelId: integer('panel_id')
      .notNull()
      .references(() => panels.id, { onDelete: 'cascade' }),
    meetingId: integer('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    entries: jsonb('entries').$type<MinutesEntry[]>().notNull(),
    /** What this version changed, in the author's words (optional for the first). */
    note: text('note').notNull().default(''),
    authorId: text('author_id').references(() => users.id, { onDelete: 'set null' }),
    authorLabel: text('author_label').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull()
  },
  (t) => [uniqueIndex('minutes_versions_meeting_version_unique').on(t.meetingId, t.version)]
);

export type MinutesVersion = typeof minutesVersions.$inferSelect;

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

// ---- Case files (src/core/cases; DOMAIN.md §7): incidents of community concern, their sources,
// claims, timeline, referrals and outcomes. Dates people give ('2023-07-21') are text, as for questions;
// times of day are 'HH:MM' in London.

export const incidentKinds = ['operation', 'protest', 'use of force', 'strip search', 'arrest', 'stop and search', 'death or serious injury', 'other'] as const;
export type IncidentKind = (typeof incidentKinds)[number];
export const sourceKinds = ['news article', 'police statement', 'official letter', 'witness account', 'social media post', 'footage'] as const;
export type SourceKind = (typeof sourceKinds)[number];
export const claimStatuses = ['unverified', 'supported', 'disputed', 'refuted', 'established'] as const;
export type ClaimStatus = (typeof claimStatuses)[number];
export const claimRelationKinds = ['supports', 'contradicts'] as const;
export type ClaimRelationKind = (typeof claimRelationKinds)[number];
export const referralBodies = ['professional standards', 'iopc'] as const;
export type ReferralBody = (typeof referralBodies)[number];
export const investigationModes = ['local', 'directed', 'independent', 'without investigation'] as const;
export type InvestigationMode = (typeof investigationModes)[number];
export const referralStatuses = ['referred', 'assessing', 'under investigation', 'concluded', 'under review', 'closed'] as const;
export type ReferralStatus = (typeof referralStatuses)[number];
export const referralOutcomes = ['case to answer: misconduct', 'case to answer: gross misconduct', 'no case to answer', 'reflective practice', 'referred to prosecutors', 'no further action'] as const;
export type ReferralOutcome = (typeof referralOutcomes)[number];
export const justiceOutcomeKinds = ['arrest', 'charge', 'conviction'] as const;
export type JusticeOutcomeKind = (typeof justiceOutcomeKinds)[number];

const inList = (column: unknown, values: readonly string[]) => sql.raw(`${(column as { name: string }).name} in (${values.map((v) => `'${v}'`).join(', ')})`);
const panelRef = () =>
  integer('panel_id')
    .notNull()
    .references(() => panels.id, { onDelete: 'cascade' });
const incidentRef = () =>
  integer('incident_id')
    .notNull()
    .references(() => incidents.id, { onDelete: 'cascade' });

/** An incident of community concern: the case file's root. */
export const incidents = pgTable(
  'incidents',
  {
    id: serial('id').primaryKey(),
    panelId: panelRef(),
    title: text('title').notNull(),
    summary: text('summary').notNull().default(''),
    startsOn: text('starts_on').notNull(),
    startsAt: text('starts_at'),
    endsOn: text('ends_on'),
    endsAt: text('ends_at'),
    kinds: jsonb('kinds').$type<IncidentKind[]>().notNull(),
    createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: updatedAt()
  },
  (t) => [index('incidents_panel_idx').on(t.panelId)]
);
export type Incident = typeof incidents.$inferSelect;

/** A place of an incident; ward and borough are assigned from the loaded boundaries when it is recorded. */
export const incidentPlaces = pgTable(
  'incident_places',
  {
    id: serial('id').primaryKey(),
    panelId: panelRef(),
    incidentId: incidentRef(),
    name: text('name').notNull(),
    latitude: doublePrecision('latitude'),
    longitude: doublePrecision('longitude'),
    wardCode: text('ward_code'),
    wardName: text('ward_name'),
    boroughCode: text('borough_code'),
    boroughName: text('borough_name')
  },
  (t) => [index('incident_places_incident_idx').on(t.incidentId)]
);
export type IncidentPlace = typeof incidentPlaces.$inferSelect;

/**
 * Where an account comes from. The archived copy (pasted text or an uploaded file) is in the
 * content-addressed file store under its SHA-256; the URL is only recorded, never fetched.
 */
export const caseSources = pgTable(
  'case_sources',
  {
    id: serial('id').primaryKey(),
    panelId: panelRef(),
    incidentId: incidentRef(),
    kind: text('kind').$type<SourceKind>().notNull(),
    title: text('title').notNull(),
    publisher: text('publisher').notNull().default(''),
    /** Who wrote or gave it. For a witness account, shown to the chair and clerk only. */
    author: text('author').notNull().default(''),
    url: text('url'),
    publishedOn: text('published_on'),
    retrievedAt: timestamp('retrieved_at', { withTimezone: true }).notNull(),
    text: text('text').notNull().default(''),
    sha256: text('sha256').notNull(),
    size: integer('size').notNull(),
    /** The uploaded file's name (its last part only), or null for pasted text. */
    fileName: text('file_name'),
    mediaType: text('media_type').notNull(),
    createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt()
  },
  (t) => [index('case_sources_incident_idx').on(t.incidentId), check('case_sources_kind_check', inList(t.kind, sourceKinds))]
);
export type CaseSource = typeof caseSources.$inferSelect;

/** A dated event of the incident's timeline. */
export const caseEvents = pgTable(
  'case_events',
  {
    id: serial('id').primaryKey(),
    panelId: panelRef(),
    incidentId: incidentRef(),
    occurredOn: text('occurred_on').notNull(),
    occurredAt: text('occurred_at'),
    description: text('description').notNull(),
    createdAt: createdAt()
  },
  (t) => [index('case_events_incident_idx').on(t.incidentId)]
);
export type CaseEvent = typeof caseEvents.$inferSelect;

/** The sources that support an event of the timeline. */
export const caseEventSources = pgTable(
  'case_event_sources',
  {
    eventId: integer('event_id')
      .notNull()
      .references(() => caseEvents.id, { onDelete: 'cascade' }),
    sourceId: integer('source_id')
      .notNull()
      .references(() => caseSources.id, { onDelete: 'cascade' })
  },
  (t) => [uniqueIndex('case_event_sources_unique').on(t.eventId, t.sourceId)]
);

/** Who claimed what, in which source (with the span of its text), and where the claim stands. */
export const claims = pgTable(
  'claims',
  {
    id: serial('id').primaryKey(),
    panelId: panelRef(),
    incidentId: incidentRef(),
    sourceId: integer('source_id')
      .notNull()
      .references(() => caseSources.id, { onDelete: 'cascade' }),
    claimant: text('claimant').notNull(),
    text: text('text').notNull(),
    /** Character offsets into the source's text (end exclusive), or null when the claim is not quoted. */
    spanStart: integer('span_start'),
    spanEnd: integer('span_end'),
    status: text('status').$type<ClaimStatus>().notNull().default('unverified'),
    decidedBy: text('decided_by').references(() => users.id, { onDelete: 'set null' }),
    decidedByLabel: text('decided_by_label'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    reason: text('reason'),
    createdAt: createdAt()
  },
  (t) => [index('claims_incident_idx').on(t.incidentId), check('claims_status_check', inList(t.status, claimStatuses))]
);
export type Claim = typeof claims.$inferSelect;

/** Each decision on a claim's status, with who made it and why. */
export const claimDecisions = pgTable(
  'claim_decisions',
  {
    id: serial('id').primaryKey(),
    panelId: panelRef(),
    claimId: integer('claim_id')
      .notNull()
      .references(() => claims.id, { onDelete: 'cascade' }),
    status: text('status').$type<ClaimStatus>().notNull(),
    reason: text('reason').notNull(),
    decidedBy: text('decided_by').references(() => users.id, { onDelete: 'set null' }),
    decidedByLabel: text('decided_by_label').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull()
  },
  (t) => [index('claim_decisions_claim_idx').on(t.claimId)]
);
export type ClaimDecision = typeof claimDecisions.$inferSelect;

/** One claim supports or contradicts another. */
export const claimRelations = pgTable(
  'claim_relations',
  {
    id: serial('id').primaryKey(),
    panelId: panelRef(),
    fromClaimId: integer('from_claim_id')
      .notNull()
      .references(() => claims.id, { onDelete: 'cascade' }),
    toClaimId: integer('to_claim_id')
      .notNull()
      .references(() => claims.id, { onDelete: 'cascade' }),
    kind: text('kind').$type<ClaimRelationKind>().notNull(),
    note: text('note').notNull().default(''),
    createdAt: createdAt()
  },
  (t) => [
    uniqueIndex('claim_relations_unique').on(t.fromClaimId, t.toClaimId),
    check('claim_relations_kind_check', inList(t.kind, claimRelationKinds)),
    check('claim_relations_not_self', sql`${t.fromClaimId} <> ${t.toClaimId}`)
  ]
);
export type ClaimRelation = typeof claimRelations.$inferSelect;

/** A complaint or conduct referral to professional standards or the IOPC (DOMAIN.md §7). */
export const referrals = pgTable(
  'referrals',
  {
    id: serial('id').primaryKey(),
    panelId: panelRef(),
    incidentId: incidentRef(),
    body: text('body').$type<ReferralBody>().notNull(),
    reference: text('reference').notNull().default(''),
    referredOn: text('referred_on').notNull(),
    mode: text('mode').$type<InvestigationMode>(),
    status: text('status').$type<ReferralStatus>().notNull(),
    outcome: text('outcome').$type<ReferralOutcome>(),
    outcomeOn: text('outcome_on'),
    reviewRequestedOn: text('review_requested_on'),
    reviewOutcome: text('review_outcome').notNull().default(''),
    notes: text('notes').notNull().default(''),
    createdAt: createdAt(),
    updatedAt: updatedAt()
  },
  (t) => [
    index('referrals_incident_idx').on(t.incidentId),
    check('referrals_body_check', inList(t.body, referralBodies)),
    check('referrals_status_check', inList(t.status, referralStatuses))
  ]
);
export type Referral = typeof referrals.$inferSelect;

/** Arrests, charges and convictions, each with its source. */
export const justiceOutcomes = pgTable(
  'justice_outcomes',
  {
    id: serial('id').primaryKey(),
    panelId: panelRef(),
    incidentId: incidentRef(),
    kind: text('kind').$type<JusticeOutcomeKind>().notNull(),
    occurredOn: text('occurred_on').notNull(),
    people: integer('people').notNull().default(1),
    description: text('description').notNull(),
    sourceId: integer('source_id')
      .notNull()
      .references(() => caseSources.id, { onDelete: 'restrict' }),
    createdAt: createdAt()
  },
  (t) => [index('justice_outcomes_incident_idx').on(t.incidentId), check('justice_outcomes_kind_check', inList(t.kind, justiceOutcomeKinds))]
);
export type JusticeOutcome = typeof justiceOutcomes.$inferSelect;

/** Questions to the police raised from a case. */
export const caseQuestions = pgTable(
  'case_questions',
  {
    panelId: panelRef(),
    incidentId: incidentRef(),
    questionId: integer('question_id')
      .notNull()
      .references(() => questions.id, { onDelete: 'cascade' })
  },
  (t) => [uniqueIndex('case_questions_unique').on(t.incidentId, t.questionId)]
);

// ---- Community impact assessments (DOMAIN.md §5; src/core/cia, docs/cia.md)

/** The rubric's items, in order (DOMAIN.md §5); each is scored 0, 1 or 2 with a comment. */
export const ciaItems = ['purpose', 'consultation', 'confidence', 'disproportionality', 'mitigations', 'communication', 'debrief'] as const;
export type CiaItem = (typeof ciaItems)[number];
/** Whether the police wrote the assessment before the operation or after it. */
export const ciaTimings = ['before', 'after'] as const;
export type CiaTiming = (typeof ciaTimings)[number];

/** A community impact assessment the police wrote, as the panel received it. */
export const cias = pgTable(
  'cias',
  {
    id: serial('id').primaryKey(),
    panelId: panelRef(),
    title: text('title').notNull(),
    operation: text('operation').notNull(),
    documentOn: text('document_on'),
    timing: text('timing').$type<CiaTiming>().notNull(),
    /** The pasted text of the document ('' when only a file was uploaded). */
    text: text('text').notNull().default(''),
    /** The uploaded copy in the content-addressed file store, if any. */
    sha256: text('sha256'),
    size: integer('size'),
    fileName: text('file_name'),
    mediaType: text('media_type'),
    incidentId: integer('incident_id').references(() => incidents.id, { onDelete: 'set null' }),
    /** An unusual day it concerns: a borough's GSS code and a London date, both or neither. */
    dayBorough: text('day_borough'),
    dayOn: text('day_on'),
    createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: updatedAt()
  },
  (t) => [
    index('cias_panel_idx').on(t.panelId),
    check('cias_timing_check', inList(t.timing, ciaTimings)),
    check('cias_day_check', sql`(${t.dayBorough} is null) = (${t.dayOn} is null)`),
    check('cias_document_check', sql`${t.text} <> '' or ${t.sha256} is not null`)
  ]
);
export type Cia = typeof cias.$inferSelect;

const ciaScore = (name: string) => integer(name);

/** One reviewer's review of a CIA against the rubric: a draft until submitted, then final. */
export const ciaReviews = pgTable(
  'cia_reviews',
  {
    id: serial('id').primaryKey(),
    panelId: panelRef(),
    ciaId: integer('cia_id')
      .notNull()
      .references(() => cias.id, { onDelete: 'cascade' }),
    reviewerId: text('reviewer_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    purposeScore: ciaScore('purpose_score'),
    consultationScore: ciaScore('consultation_score'),
    confidenceScore: ciaScore('confidence_score'),
    disproportionalityScore: ciaScore('disproportionality_score'),
    mitigationsScore: ciaScore('mitigations_score'),
    communicationScore: ciaScore('communication_score'),
    debriefScore: ciaScore('debrief_score'),
    /** Each item's comment, by item. */
    comments: jsonb('comments').$type<Partial<Record<CiaItem, string>>>().notNull().default({}),
    rag: text('rag').$type<Rag>(),
    summary: text('summary').notNull().default(''),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt()
  },
  (t) => [
    uniqueIndex('cia_reviews_cia_reviewer_unique').on(t.ciaId, t.reviewerId),
    check('cia_reviews_rag_check', sql`${t.rag} in ('red', 'amber', 'green')`),
    check(
      'cia_reviews_scores_check',
      sql.raw(ciaItems.map((i) => `coalesce(${i}_score between 0 and 2, true)`).join(' and '))
    ),
    check('cia_reviews_submitted_check', sql.raw(`submitted_at is null or (rag is not null and ${ciaItems.map((i) => `${i}_score is not null`).join(' and ')})`))
  ]
);
export type CiaReview = typeof ciaReviews.$inferSelect;

/** Questions to the police raised from a CIA review: from one rubric item, or the whole review (item null). */
export const ciaQuestions = pgTable(
  'cia_questions',
  {
    panelId: panelRef(),
    ciaId: integer('cia_id')
      .notNull()
      .references(() => cias.id, { onDelete: 'cascade' }),
    reviewId: integer('review_id')
      .notNull()
      .references(() => ciaReviews.id, { onDelete: 'cascade' }),
    item: text('item').$type<CiaItem>(),
    questionId: integer('question_id')
      .notNull()
      .references(() => questions.id, { onDelete: 'cascade' })
  },
  (t) => [uniqueIndex('cia_questions_question_unique').on(t.questionId), index('cia_questions_cia_idx').on(t.ciaId), check('cia_questions_item_check', sql`${t.item} is null or ${inList(t.item, ciaItems)}`)]
);

/** A published summary of the panel's reviews of a CIA: each publication is a new, immutable version. */
export const ciaPublications = pgTable(
  'cia_publications',
  {
    id: serial('id').primaryKey(),
    panelId: panelRef(),
    ciaId: integer('cia_id')
      .notNull()
      .references(() => cias.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    summary: jsonb('summary').$type<Record<string, unknown>>().notNull(),
    publishedAt: timestamp('published_at', { withTimezone: true }).notNull(),
    publishedBy: text('published_by').references(() => users.id, { onDelete: 'set null' })
  },
  (t) => [uniqueIndex('cia_publications_cia_version_unique').on(t.ciaId, t.version), index('cia_publications_panel_idx').on(t.panelId)]
);
export type CiaPublication = typeof ciaPublications.$inferSelect;

// ---- Evidence files of a case (issue #6 part 4; src/core/cases/evidence.ts, docs/cases.md "Evidence")

export const evidenceKinds = ['photo', 'video', 'audio', 'document', 'screenshot', 'other'] as const;
export type EvidenceKind = (typeof evidenceKinds)[number];
export const sensitivityTags = ['personal data', 'graphic', 'child visible'] as const;
export type SensitivityTag = (typeof sensitivityTags)[number];
export const custodyActions = ['upload', 'view', 'download', 'redact', 'tag', 'export'] as const;
export type CustodyAction = (typeof custodyActions)[number];

/** An uploaded evidence file: the original, kept unaltered in the file store under its SHA-256. */
export const evidenceItems = pgTable(
  'evidence_items',
  {
    id: serial('id').primaryKey(),
    panelId: panelRef(),
    incidentId: incidentRef(),
    kind: text('kind').$type<EvidenceKind>().notNull(),
    description: text('description').notNull().default(''),
    /** The uploaded name, its last part only (it may name a person: chair and clerk only). */
    fileName: text('file_name').notNull(),
    sha256: text('sha256').notNull(),
    size: integer('size').notNull(),
    /** Judged from the bytes, never the name. */
    mediaType: text('media_type').notNull(),
    /** From the file's metadata, as the device's clock wrote it (`YYYY-MM-DDTHH:MM:SS`, with its offset when the file gives one). */
    capturedAt: text('captured_at'),
    latitude: doublePrecision('latitude'),
    longitude: doublePrecision('longitude'),
    wardCode: text('ward_code'),
    wardName: text('ward_name'),
    boroughCode: text('borough_code'),
    boroughName: text('borough_name'),
    tags: jsonb('tags').$type<SensitivityTag[]>().notNull(),
    uploadedBy: text('uploaded_by').references(() => users.id, { onDelete: 'set null' }),
    uploadedByLabel: text('uploaded_by_label').notNull(),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull()
  },
  (t) => [index('evidence_items_incident_idx').on(t.incidentId), check('evidence_items_kind_check', inList(t.kind, evidenceKinds))]
);
export type EvidenceItem = typeof evidenceItems.$inferSelect;

/** A redacted copy of an evidence file: a new file in the store; the original is never altered. */
export const evidenceRedactions = pgTable(
  'evidence_redactions',
  {
    id: serial('id').primaryKey(),
    panelId: panelRef(),
    evidenceId: integer('evidence_id')
      .notNull()
      .references(() => evidenceItems.id, { onDelete: 'cascade' }),
    /** 'boxes': made here by blacking out rectangles; 'upload': made elsewhere and uploaded. */
    method: text('method').$type<'boxes' | 'upload'>().notNull(),
    /** The rectangles blacked out, in pixels of the upright image. */
    boxes: jsonb('boxes').$type<{ x: number; y: number; width: number; height: number }[]>().notNull(),
    reason: text('reason').notNull(),
    sha256: text('sha256').notNull(),
    size: integer('size').notNull(),
    mediaType: text('media_type').notNull(),
    createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdByLabel: text('created_by_label').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull()
  },
  (t) => [index('evidence_redactions_evidence_idx').on(t.evidenceId), check('evidence_redactions_method_check', inList(t.method, ['boxes', 'upload']))]
);
export type EvidenceRedaction = typeof evidenceRedactions.$inferSelect;

/**
 * The custody log: every upload, view, download, redaction, tag change and export of an evidence
 * file. Append-only: the code has no update or delete of it, and a trigger (migration 0008) refuses
 * UPDATE, DELETE and TRUNCATE. No cascade: a case with evidence cannot be deleted from under it.
 */
export const evidenceCustody = pgTable(
  'evidence_custody',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    panelId: integer('panel_id')
      .notNull()
      .references(() => panels.id),
    incidentId: integer('incident_id')
      .notNull()
      .references(() => incidents.id),
    evidenceId: integer('evidence_id')
      .notNull()
      .references(() => evidenceItems.id),
    action: text('action').$type<CustodyAction>().notNull(),
    /** The file concerned: the original's or a redacted copy's SHA-256. */
    sha256: text('sha256'),
    actorId: text('actor_id'),
    actorLabel: text('actor_label').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    details: jsonb('details').$type<Record<string, unknown>>().notNull()
  },
  (t) => [index('evidence_custody_evidence_idx').on(t.evidenceId), check('evidence_custody_action_check', inList(t.action, custodyActions))]
);
export type CustodyRow = typeof evidenceCustody.$inferSelect;

// ---- Section 60 register (src/core/section60; DOMAIN.md §6, docs/section60.md): the police's
// authorisations under the Criminal Justice and Public Order Act 1994 s60, as the panel records them.
// Times are instants (UTC), entered and shown in London time, like meetings.

/** Authorising ranks, lowest first: the order is what the legal checks compare (src/core/section60/rules.ts). */
export const policeRanks = [
  'constable',
  'sergeant',
  'inspector',
  'chief_inspector',
  'superintendent',
  'chief_superintendent',
  'commander',
  'deputy_assistant_commissioner',
  'assistant_commissioner',
  'deputy_commissioner',
  'commissioner'
] as const;
export type PoliceRank = (typeof policeRanks)[number];
/** Which limb of s60(1) the authorisation relies on. */
export const section60Grounds = ['violence_anticipated', 'violence_occurred', 'weapons_carried'] as const;
export type Section60Ground = (typeof section60Grounds)[number];
export const noticeMedia = ['social_media', 'website', 'leaflets', 'press', 'other'] as const;
export type NoticeMedium = (typeof noticeMedia)[number];

/** One authorisation: who gave it, where (wards of the borough, names kept as chosen), when, and why. */
export const section60Authorisations = pgTable(
  'section60_authorisations',
  {
    id: serial('id').primaryKey(),
    panelId: panelRef(),
    reference: text('reference').notNull(),
    officer: text('officer').notNull().default(''),
    rank: text('rank').$type<PoliceRank>().notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    /** The end first authorised (at most 24 hours after the start); an extension's new end is on its own row. */
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    wards: jsonb('wards').$type<{ code: string; name: string }[]>().notNull(),
    /** A pasted area (GeoJSON Polygon or MultiPolygon, WGS84), with or instead of wards; records are placed in it by point in polygon. */
    polygon: jsonb('polygon').$type<{ type: 'Polygon' | 'MultiPolygon'; coordinates: unknown }>(),
    groundsKind: text('grounds_kind').$type<Section60Ground>().notNull(),
    grounds: text('grounds').notNull(),
    createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt()
  },
  (t) => [
    uniqueIndex('section60_authorisations_reference_unique').on(t.panelId, t.reference),
    check('section60_authorisations_rank_check', inList(t.rank, policeRanks)),
    check('section60_authorisations_grounds_check', inList(t.groundsKind, section60Grounds)),
    check('section60_authorisations_period_check', sql`${t.endsAt} > ${t.startsAt}`)
  ]
);
export type Section60Authorisation = typeof section60Authorisations.$inferSelect;

/** The one extension the law allows (s60(3)): by a superintendent or above, by up to 24 hours. */
export const section60Extensions = pgTable(
  'section60_extensions',
  {
    id: serial('id').primaryKey(),
    panelId: panelRef(),
    authorisationId: integer('authorisation_id')
      .notNull()
      .references(() => section60Authorisations.id, { onDelete: 'cascade' }),
    officer: text('officer').notNull().default(''),
    rank: text('rank').$type<PoliceRank>().notNull(),
    newEndsAt: timestamp('new_ends_at', { withTimezone: true }).notNull(),
    reason: text('reason').notNull(),
    createdAt: createdAt()
  },
  (t) => [uniqueIndex('section60_extensions_one').on(t.authorisationId), check('section60_extensions_rank_check', inList(t.rank, policeRanks))]
);
export type Section60Extension = typeof section60Extensions.$inferSelect;

/** How the public was told: where, when and how, with a link where there is one. */
export const section60Notices = pgTable(
  'section60_notices',
  {
    id: serial('id').primaryKey(),
    panelId: panelRef(),
    authorisationId: integer('authorisation_id')
      .notNull()
      .references(() => section60Authorisations.id, { onDelete: 'cascade' }),
    medium: text('medium').$type<NoticeMedium>().notNull(),
    noticeAt: timestamp('notice_at', { withTimezone: true }).notNull(),
    place: text('place').notNull().default(''),
    url: text('url'),
    createdAt: createdAt()
  },
  (t) => [index('section60_notices_authorisation_idx').on(t.authorisationId), check('section60_notices_medium_check', inList(t.medium, noticeMedia))]
);
export type Section60Notice = typeof section60Notices.$inferSelect;

/** A published register: each publication is a new, immutable version of the whole public register. */
export const section60Publications = pgTable(
  'section60_publications',
  {
    id: serial('id').primaryKey(),
    panelId: panelRef(),
    version: integer('version').notNull(),
    register: jsonb('register').$type<Record<string, unknown>>().notNull(),
    publishedAt: timestamp('published_at', { withTimezone: true }).notNull(),
    publishedBy: text('published_by').references(() => users.id, { onDelete: 'set null' })
  },
  (t) => [uniqueIndex('section60_publications_version_unique').on(t.panelId, t.version)]
);
export type Section60Publication = typeof section60Publications.$inferSelect;

// ---- Published case summaries (src/core/cases/publish.ts; DOMAIN.md §8): each publication is a
// new, immutable version of a case's redacted public summary; `choices` is what the clerk chose,
// so the next version starts from it.

export const casePublications = pgTable(
  'case_publications',
  {
    id: serial('id').primaryKey(),
    panelId: panelRef(),
    incidentId: incidentRef(),
    version: integer('version').notNull(),
    summary: jsonb('summary').$type<Record<string, unknown>>().notNull(),
    choices: jsonb('choices').$type<Record<string, unknown>>().notNull(),
    publishedAt: timestamp('published_at', { withTimezone: true }).notNull(),
    publishedBy: text('published_by').references(() => users.id, { onDelete: 'set null' })
  },
  (t) => [uniqueIndex('case_publications_incident_version_unique').on(t.incidentId, t.version), index('case_publications_panel_idx').on(t.panelId)]
);
export type CasePublication = typeof casePublications.$inferSelect;
