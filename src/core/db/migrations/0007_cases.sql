CREATE TABLE "case_event_sources" (
	"event_id" integer NOT NULL,
	"source_id" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_events" (
	"id" serial PRIMARY KEY NOT NULL,
	"panel_id" integer NOT NULL,
	"incident_id" integer NOT NULL,
	"occurred_on" text NOT NULL,
	"occurred_at" text,
	"description" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_questions" (
	"panel_id" integer NOT NULL,
	"incident_id" integer NOT NULL,
	"question_id" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_sources" (
	"id" serial PRIMARY KEY NOT NULL,
	"panel_id" integer NOT NULL,
	"incident_id" integer NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"publisher" text DEFAULT '' NOT NULL,
	"author" text DEFAULT '' NOT NULL,
	"url" text,
	"published_on" text,
	"retrieved_at" timestamp with time zone NOT NULL,
	"text" text DEFAULT '' NOT NULL,
	"sha256" text NOT NULL,
	"size" integer NOT NULL,
	"file_name" text,
	"media_type" text NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "case_sources_kind_check" CHECK (kind in ('news article', 'police statement', 'official letter', 'witness account', 'social media post', 'footage'))
);
--> statement-breakpoint
CREATE TABLE "claim_decisions" (
	"id" serial PRIMARY KEY NOT NULL,
	"panel_id" integer NOT NULL,
	"claim_id" integer NOT NULL,
	"status" text NOT NULL,
	"reason" text NOT NULL,
	"decided_by" text,
	"decided_by_label" text NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "claim_relations" (
	"id" serial PRIMARY KEY NOT NULL,
	"panel_id" integer NOT NULL,
	"from_claim_id" integer NOT NULL,
	"to_claim_id" integer NOT NULL,
	"kind" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "claim_relations_kind_check" CHECK (kind in ('supports', 'contradicts')),
	CONSTRAINT "claim_relations_not_self" CHECK ("claim_relations"."from_claim_id" <> "claim_relations"."to_claim_id")
);
--> statement-breakpoint
CREATE TABLE "claims" (
	"id" serial PRIMARY KEY NOT NULL,
	"panel_id" integer NOT NULL,
	"incident_id" integer NOT NULL,
	"source_id" integer NOT NULL,
	"claimant" text NOT NULL,
	"text" text NOT NULL,
	"span_start" integer,
	"span_end" integer,
	"status" text DEFAULT 'unverified' NOT NULL,
	"decided_by" text,
	"decided_by_label" text,
	"decided_at" timestamp with time zone,
	"reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "claims_status_check" CHECK (status in ('unverified', 'supported', 'disputed', 'refuted', 'established'))
);
--> statement-breakpoint
CREATE TABLE "incident_places" (
	"id" serial PRIMARY KEY NOT NULL,
	"panel_id" integer NOT NULL,
	"incident_id" integer NOT NULL,
	"name" text NOT NULL,
	"latitude" double precision,
	"longitude" double precision,
	"ward_code" text,
	"ward_name" text,
	"borough_code" text,
	"borough_name" text
);
--> statement-breakpoint
CREATE TABLE "incidents" (
	"id" serial PRIMARY KEY NOT NULL,
	"panel_id" integer NOT NULL,
	"title" text NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"starts_on" text NOT NULL,
	"starts_at" text,
	"ends_on" text,
	"ends_at" text,
	"kinds" jsonb NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "justice_outcomes" (
	"id" serial PRIMARY KEY NOT NULL,
	"panel_id" integer NOT NULL,
	"incident_id" integer NOT NULL,
	"kind" text NOT NULL,
	"occurred_on" text NOT NULL,
	"people" integer DEFAULT 1 NOT NULL,
	"description" text NOT NULL,
	"source_id" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "justice_outcomes_kind_check" CHECK (kind in ('arrest', 'charge', 'conviction'))
);
--> statement-breakpoint
CREATE TABLE "referrals" (
	"id" serial PRIMARY KEY NOT NULL,
	"panel_id" integer NOT NULL,
	"incident_id" integer NOT NULL,
	"body" text NOT NULL,
	"reference" text DEFAULT '' NOT NULL,
	"referred_on" text NOT NULL,
	"mode" text,
	"status" text NOT NULL,
	"outcome" text,
	"outcome_on" text,
	"review_requested_on" text,
	"review_outcome" text DEFAULT '' NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "referrals_body_check" CHECK (body in ('professional standards', 'iopc')),
	CONSTRAINT "referrals_status_check" CHECK (status in ('referred', 'assessing', 'under investigation', 'concluded', 'under review', 'closed'))
);
--> statement-breakpoint
ALTER TABLE "case_event_sources" ADD CONSTRAINT "case_event_sources_event_id_case_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."case_events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_event_sources" ADD CONSTRAINT "case_event_sources_source_id_case_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."case_sources"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_events" ADD CONSTRAINT "case_events_panel_id_panels_id_fk" FOREIGN KEY ("panel_id") REFERENCES "public"."panels"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_events" ADD CONSTRAINT "case_events_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incidents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_questions" ADD CONSTRAINT "case_questions_panel_id_panels_id_fk" FOREIGN KEY ("panel_id") REFERENCES "public"."panels"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_questions" ADD CONSTRAINT "case_questions_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incidents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_questions" ADD CONSTRAINT "case_questions_question_id_questions_id_fk" FOREIGN KEY ("question_id") REFERENCES "public"."questions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_sources" ADD CONSTRAINT "case_sources_panel_id_panels_id_fk" FOREIGN KEY ("panel_id") REFERENCES "public"."panels"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_sources" ADD CONSTRAINT "case_sources_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incidents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_sources" ADD CONSTRAINT "case_sources_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claim_decisions" ADD CONSTRAINT "claim_decisions_panel_id_panels_id_fk" FOREIGN KEY ("panel_id") REFERENCES "public"."panels"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claim_decisions" ADD CONSTRAINT "claim_decisions_claim_id_claims_id_fk" FOREIGN KEY ("claim_id") REFERENCES "public"."claims"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claim_decisions" ADD CONSTRAINT "claim_decisions_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claim_relations" ADD CONSTRAINT "claim_relations_panel_id_panels_id_fk" FOREIGN KEY ("panel_id") REFERENCES "public"."panels"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claim_relations" ADD CONSTRAINT "claim_relations_from_claim_id_claims_id_fk" FOREIGN KEY ("from_claim_id") REFERENCES "public"."claims"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claim_relations" ADD CONSTRAINT "claim_relations_to_claim_id_claims_id_fk" FOREIGN KEY ("to_claim_id") REFERENCES "public"."claims"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claims" ADD CONSTRAINT "claims_panel_id_panels_id_fk" FOREIGN KEY ("panel_id") REFERENCES "public"."panels"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claims" ADD CONSTRAINT "claims_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incidents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claims" ADD CONSTRAINT "claims_source_id_case_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."case_sources"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claims" ADD CONSTRAINT "claims_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_places" ADD CONSTRAINT "incident_places_panel_id_panels_id_fk" FOREIGN KEY ("panel_id") REFERENCES "public"."panels"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_places" ADD CONSTRAINT "incident_places_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incidents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_panel_id_panels_id_fk" FOREIGN KEY ("panel_id") REFERENCES "public"."panels"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "justice_outcomes" ADD CONSTRAINT "justice_outcomes_panel_id_panels_id_fk" FOREIGN KEY ("panel_id") REFERENCES "public"."panels"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "justice_outcomes" ADD CONSTRAINT "justice_outcomes_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incidents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "justice_outcomes" ADD CONSTRAINT "justice_outcomes_source_id_case_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."case_sources"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_panel_id_panels_id_fk" FOREIGN KEY ("panel_id") REFERENCES "public"."panels"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incidents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "case_event_sources_unique" ON "case_event_sources" USING btree ("event_id","source_id");--> statement-breakpoint
CREATE INDEX "case_events_incident_idx" ON "case_events" USING btree ("incident_id");--> statement-breakpoint
CREATE UNIQUE INDEX "case_questions_unique" ON "case_questions" USING btree ("incident_id","question_id");--> statement-breakpoint
CREATE INDEX "case_sources_incident_idx" ON "case_sources" USING btree ("incident_id");--> statement-breakpoint
CREATE INDEX "claim_decisions_claim_idx" ON "claim_decisions" USING btree ("claim_id");--> statement-breakpoint
CREATE UNIQUE INDEX "claim_relations_unique" ON "claim_relations" USING btree ("from_claim_id","to_claim_id");--> statement-breakpoint
CREATE INDEX "claims_incident_idx" ON "claims" USING btree ("incident_id");--> statement-breakpoint
CREATE INDEX "incident_places_incident_idx" ON "incident_places" USING btree ("incident_id");--> statement-breakpoint
CREATE INDEX "incidents_panel_idx" ON "incidents" USING btree ("panel_id");--> statement-breakpoint
CREATE INDEX "justice_outcomes_incident_idx" ON "justice_outcomes" USING btree ("incident_id");--> statement-breakpoint
CREATE INDEX "referrals_incident_idx" ON "referrals" USING btree ("incident_id");