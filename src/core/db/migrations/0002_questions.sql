CREATE TABLE "question_events" (
	"id" serial PRIMARY KEY NOT NULL,
	"panel_id" integer NOT NULL,
	"question_id" integer NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor_label" text NOT NULL,
	"action" text NOT NULL,
	"details" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "questions" (
	"id" serial PRIMARY KEY NOT NULL,
	"panel_id" integer NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"finding" jsonb,
	"status" text DEFAULT 'draft' NOT NULL,
	"addressee_id" text,
	"allowed_working_days" integer,
	"sent_on" text,
	"due_on" text,
	"paused_on" text,
	"clarification_request" text,
	"extension_reason" text,
	"acknowledged_on" text,
	"answer" text,
	"answered_on" text,
	"assessment" text,
	"assessment_note" text,
	"escalated_to" text,
	"published_at" timestamp with time zone,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "questions_status_check" CHECK ("questions"."status" in ('draft', 'sent', 'acknowledged', 'answered', 'assessed', 'closed', 'escalated')),
	CONSTRAINT "questions_assessment_check" CHECK ("questions"."assessment" is null or "questions"."assessment" in ('satisfactory', 'partly', 'unsatisfactory')),
	CONSTRAINT "questions_escalated_to_check" CHECK ("questions"."escalated_to" is null or "questions"."escalated_to" in ('commander', 'mopac', 'iopc'))
);
--> statement-breakpoint
ALTER TABLE "panels" ADD COLUMN "answer_working_days" integer DEFAULT 20 NOT NULL;--> statement-breakpoint
ALTER TABLE "question_events" ADD CONSTRAINT "question_events_panel_id_panels_id_fk" FOREIGN KEY ("panel_id") REFERENCES "public"."panels"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "question_events" ADD CONSTRAINT "question_events_question_id_questions_id_fk" FOREIGN KEY ("question_id") REFERENCES "public"."questions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "questions" ADD CONSTRAINT "questions_panel_id_panels_id_fk" FOREIGN KEY ("panel_id") REFERENCES "public"."panels"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "questions" ADD CONSTRAINT "questions_addressee_id_users_id_fk" FOREIGN KEY ("addressee_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "questions" ADD CONSTRAINT "questions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "question_events_question_idx" ON "question_events" USING btree ("question_id");--> statement-breakpoint
CREATE INDEX "questions_panel_idx" ON "questions" USING btree ("panel_id");--> statement-breakpoint
CREATE INDEX "questions_addressee_idx" ON "questions" USING btree ("addressee_id");