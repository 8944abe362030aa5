CREATE TABLE "encounter_reviews" (
	"id" serial PRIMARY KEY NOT NULL,
	"panel_id" integer NOT NULL,
	"sample_record_id" integer NOT NULL,
	"reviewer_id" text NOT NULL,
	"grounds" text NOT NULL,
	"object" text NOT NULL,
	"warrant_card" text NOT NULL,
	"identity" text NOT NULL,
	"station" text NOT NULL,
	"entitlement" text NOT NULL,
	"legal_power" text NOT NULL,
	"detained" text NOT NULL,
	"grounds_quality" text NOT NULL,
	"conduct" text NOT NULL,
	"force_used" text NOT NULL,
	"rag" text NOT NULL,
	"comments" text DEFAULT '' NOT NULL,
	"footage_viewed_on_premises" boolean DEFAULT false NOT NULL,
	"submitted_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "encounter_reviews_rag_check" CHECK ("encounter_reviews"."rag" in ('red', 'amber', 'green')),
	CONSTRAINT "encounter_reviews_quality_check" CHECK ("encounter_reviews"."grounds_quality" in ('good', 'adequate', 'poor', 'not_visible') and "encounter_reviews"."conduct" in ('good', 'adequate', 'poor', 'not_visible')),
	CONSTRAINT "encounter_reviews_force_check" CHECK ("encounter_reviews"."force_used" in ('none', 'handcuffs', 'restraint', 'other', 'not_visible'))
);
--> statement-breakpoint
CREATE TABLE "review_publications" (
	"id" serial PRIMARY KEY NOT NULL,
	"panel_id" integer NOT NULL,
	"sample_id" integer NOT NULL,
	"version" integer NOT NULL,
	"summary" jsonb NOT NULL,
	"published_at" timestamp with time zone NOT NULL,
	"published_by" text
);
--> statement-breakpoint
CREATE TABLE "review_samples" (
	"id" serial PRIMARY KEY NOT NULL,
	"panel_id" integer NOT NULL,
	"area_code" text NOT NULL,
	"month" text NOT NULL,
	"seed" bigint NOT NULL,
	"size" text NOT NULL,
	"strata" text NOT NULL,
	"population" integer NOT NULL,
	"addressee_id" text,
	"sent_on" text,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "review_samples_strata_check" CHECK ("review_samples"."strata" in ('none', 'ethnicity', 'outcome', 'power'))
);
--> statement-breakpoint
CREATE TABLE "sample_records" (
	"id" serial PRIMARY KEY NOT NULL,
	"panel_id" integer NOT NULL,
	"sample_id" integer NOT NULL,
	"position" integer NOT NULL,
	"record_id" text NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"latitude" double precision,
	"longitude" double precision,
	"street" text,
	"legislation" text NOT NULL,
	"object" text NOT NULL,
	"outcome" text NOT NULL,
	"ethnic_group" text NOT NULL,
	"stratum" text NOT NULL,
	"police_response" text,
	"responded_at" timestamp with time zone,
	"responded_by" text
);
--> statement-breakpoint
CREATE TABLE "sample_reviewers" (
	"id" serial PRIMARY KEY NOT NULL,
	"panel_id" integer NOT NULL,
	"sample_id" integer NOT NULL,
	"user_id" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "encounter_reviews" ADD CONSTRAINT "encounter_reviews_panel_id_panels_id_fk" FOREIGN KEY ("panel_id") REFERENCES "public"."panels"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "encounter_reviews" ADD CONSTRAINT "encounter_reviews_sample_record_id_sample_records_id_fk" FOREIGN KEY ("sample_record_id") REFERENCES "public"."sample_records"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "encounter_reviews" ADD CONSTRAINT "encounter_reviews_reviewer_id_users_id_fk" FOREIGN KEY ("reviewer_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_publications" ADD CONSTRAINT "review_publications_panel_id_panels_id_fk" FOREIGN KEY ("panel_id") REFERENCES "public"."panels"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_publications" ADD CONSTRAINT "review_publications_sample_id_review_samples_id_fk" FOREIGN KEY ("sample_id") REFERENCES "public"."review_samples"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_publications" ADD CONSTRAINT "review_publications_published_by_users_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_samples" ADD CONSTRAINT "review_samples_panel_id_panels_id_fk" FOREIGN KEY ("panel_id") REFERENCES "public"."panels"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_samples" ADD CONSTRAINT "review_samples_addressee_id_users_id_fk" FOREIGN KEY ("addressee_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_samples" ADD CONSTRAINT "review_samples_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sample_records" ADD CONSTRAINT "sample_records_panel_id_panels_id_fk" FOREIGN KEY ("panel_id") REFERENCES "public"."panels"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sample_records" ADD CONSTRAINT "sample_records_sample_id_review_samples_id_fk" FOREIGN KEY ("sample_id") REFERENCES "public"."review_samples"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sample_records" ADD CONSTRAINT "sample_records_responded_by_users_id_fk" FOREIGN KEY ("responded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sample_reviewers" ADD CONSTRAINT "sample_reviewers_panel_id_panels_id_fk" FOREIGN KEY ("panel_id") REFERENCES "public"."panels"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sample_reviewers" ADD CONSTRAINT "sample_reviewers_sample_id_review_samples_id_fk" FOREIGN KEY ("sample_id") REFERENCES "public"."review_samples"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sample_reviewers" ADD CONSTRAINT "sample_reviewers_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "encounter_reviews_record_reviewer_unique" ON "encounter_reviews" USING btree ("sample_record_id","reviewer_id");--> statement-breakpoint
CREATE INDEX "encounter_reviews_panel_idx" ON "encounter_reviews" USING btree ("panel_id");--> statement-breakpoint
CREATE UNIQUE INDEX "review_publications_sample_version_unique" ON "review_publications" USING btree ("sample_id","version");--> statement-breakpoint
CREATE INDEX "review_publications_panel_idx" ON "review_publications" USING btree ("panel_id");--> statement-breakpoint
CREATE INDEX "review_samples_panel_idx" ON "review_samples" USING btree ("panel_id");--> statement-breakpoint
CREATE UNIQUE INDEX "sample_records_sample_record_unique" ON "sample_records" USING btree ("sample_id","record_id");--> statement-breakpoint
CREATE INDEX "sample_records_panel_idx" ON "sample_records" USING btree ("panel_id");--> statement-breakpoint
CREATE UNIQUE INDEX "sample_reviewers_sample_user_unique" ON "sample_reviewers" USING btree ("sample_id","user_id");