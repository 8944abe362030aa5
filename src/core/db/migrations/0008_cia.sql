CREATE TABLE "cia_publications" (
	"id" serial PRIMARY KEY NOT NULL,
	"panel_id" integer NOT NULL,
	"cia_id" integer NOT NULL,
	"version" integer NOT NULL,
	"summary" jsonb NOT NULL,
	"published_at" timestamp with time zone NOT NULL,
	"published_by" text
);
--> statement-breakpoint
CREATE TABLE "cia_questions" (
	"panel_id" integer NOT NULL,
	"cia_id" integer NOT NULL,
	"review_id" integer NOT NULL,
	"item" text,
	"question_id" integer NOT NULL,
	CONSTRAINT "cia_questions_item_check" CHECK ("cia_questions"."item" is null or item in ('purpose', 'consultation', 'confidence', 'disproportionality', 'mitigations', 'communication', 'debrief'))
);
--> statement-breakpoint
CREATE TABLE "cia_reviews" (
	"id" serial PRIMARY KEY NOT NULL,
	"panel_id" integer NOT NULL,
	"cia_id" integer NOT NULL,
	"reviewer_id" text NOT NULL,
	"purpose_score" integer,
	"consultation_score" integer,
	"confidence_score" integer,
	"disproportionality_score" integer,
	"mitigations_score" integer,
	"communication_score" integer,
	"debrief_score" integer,
	"comments" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"rag" text,
	"summary" text DEFAULT '' NOT NULL,
	"submitted_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cia_reviews_rag_check" CHECK ("cia_reviews"."rag" in ('red', 'amber', 'green')),
	CONSTRAINT "cia_reviews_scores_check" CHECK (coalesce(purpose_score between 0 and 2, true) and coalesce(consultation_score between 0 and 2, true) and coalesce(confidence_score between 0 and 2, true) and coalesce(disproportionality_score between 0 and 2, true) and coalesce(mitigations_score between 0 and 2, true) and coalesce(communication_score between 0 and 2, true) and coalesce(debrief_score between 0 and 2, true)),
	CONSTRAINT "cia_reviews_submitted_check" CHECK (submitted_at is null or (rag is not null and purpose_score is not null and consultation_score is not null and confidence_score is not null and disproportionality_score is not null and mitigations_score is not null and communication_score is not null and debrief_score is not null))
);
--> statement-breakpoint
CREATE TABLE "cias" (
	"id" serial PRIMARY KEY NOT NULL,
	"panel_id" integer NOT NULL,
	"title" text NOT NULL,
	"operation" text NOT NULL,
	"document_on" text,
	"timing" text NOT NULL,
	"text" text DEFAULT '' NOT NULL,
	"sha256" text,
	"size" integer,
	"file_name" text,
	"media_type" text,
	"incident_id" integer,
	"day_borough" text,
	"day_on" text,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cias_timing_check" CHECK (timing in ('before', 'after')),
	CONSTRAINT "cias_day_check" CHECK (("cias"."day_borough" is null) = ("cias"."day_on" is null)),
	CONSTRAINT "cias_document_check" CHECK ("cias"."text" <> '' or "cias"."sha256" is not null)
);
--> statement-breakpoint
ALTER TABLE "cia_publications" ADD CONSTRAINT "cia_publications_panel_id_panels_id_fk" FOREIGN KEY ("panel_id") REFERENCES "public"."panels"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cia_publications" ADD CONSTRAINT "cia_publications_cia_id_cias_id_fk" FOREIGN KEY ("cia_id") REFERENCES "public"."cias"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cia_publications" ADD CONSTRAINT "cia_publications_published_by_users_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cia_questions" ADD CONSTRAINT "cia_questions_panel_id_panels_id_fk" FOREIGN KEY ("panel_id") REFERENCES "public"."panels"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cia_questions" ADD CONSTRAINT "cia_questions_cia_id_cias_id_fk" FOREIGN KEY ("cia_id") REFERENCES "public"."cias"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cia_questions" ADD CONSTRAINT "cia_questions_review_id_cia_reviews_id_fk" FOREIGN KEY ("review_id") REFERENCES "public"."cia_reviews"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cia_questions" ADD CONSTRAINT "cia_questions_question_id_questions_id_fk" FOREIGN KEY ("question_id") REFERENCES "public"."questions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cia_reviews" ADD CONSTRAINT "cia_reviews_panel_id_panels_id_fk" FOREIGN KEY ("panel_id") REFERENCES "public"."panels"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cia_reviews" ADD CONSTRAINT "cia_reviews_cia_id_cias_id_fk" FOREIGN KEY ("cia_id") REFERENCES "public"."cias"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cia_reviews" ADD CONSTRAINT "cia_reviews_reviewer_id_users_id_fk" FOREIGN KEY ("reviewer_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cias" ADD CONSTRAINT "cias_panel_id_panels_id_fk" FOREIGN KEY ("panel_id") REFERENCES "public"."panels"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cias" ADD CONSTRAINT "cias_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incidents"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cias" ADD CONSTRAINT "cias_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "cia_publications_cia_version_unique" ON "cia_publications" USING btree ("cia_id","version");--> statement-breakpoint
CREATE INDEX "cia_publications_panel_idx" ON "cia_publications" USING btree ("panel_id");--> statement-breakpoint
CREATE UNIQUE INDEX "cia_questions_question_unique" ON "cia_questions" USING btree ("question_id");--> statement-breakpoint
CREATE INDEX "cia_questions_cia_idx" ON "cia_questions" USING btree ("cia_id");--> statement-breakpoint
CREATE UNIQUE INDEX "cia_reviews_cia_reviewer_unique" ON "cia_reviews" USING btree ("cia_id","reviewer_id");--> statement-breakpoint
CREATE INDEX "cias_panel_idx" ON "cias" USING btree ("panel_id");