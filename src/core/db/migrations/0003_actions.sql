CREATE TABLE "actions" (
	"id" serial PRIMARY KEY NOT NULL,
	"panel_id" integer NOT NULL,
	"title" text NOT NULL,
	"owner_id" text,
	"due_on" text NOT NULL,
	"rag" text NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"done_on" text,
	"question_id" integer,
	"meeting_id" integer,
	"finding" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "actions_rag_check" CHECK ("actions"."rag" in ('red', 'amber', 'green'))
);
--> statement-breakpoint
ALTER TABLE "actions" ADD CONSTRAINT "actions_panel_id_panels_id_fk" FOREIGN KEY ("panel_id") REFERENCES "public"."panels"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "actions" ADD CONSTRAINT "actions_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "actions" ADD CONSTRAINT "actions_question_id_questions_id_fk" FOREIGN KEY ("question_id") REFERENCES "public"."questions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "actions_panel_idx" ON "actions" USING btree ("panel_id");