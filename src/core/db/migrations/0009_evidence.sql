CREATE TABLE "evidence_custody" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"panel_id" integer NOT NULL,
	"incident_id" integer NOT NULL,
	"evidence_id" integer NOT NULL,
	"action" text NOT NULL,
	"sha256" text,
	"actor_id" text,
	"actor_label" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"details" jsonb NOT NULL,
	CONSTRAINT "evidence_custody_action_check" CHECK (action in ('upload', 'view', 'download', 'redact', 'tag', 'export'))
);
--> statement-breakpoint
CREATE TABLE "evidence_items" (
	"id" serial PRIMARY KEY NOT NULL,
	"panel_id" integer NOT NULL,
	"incident_id" integer NOT NULL,
	"kind" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"file_name" text NOT NULL,
	"sha256" text NOT NULL,
	"size" integer NOT NULL,
	"media_type" text NOT NULL,
	"captured_at" text,
	"latitude" double precision,
	"longitude" double precision,
	"ward_code" text,
	"ward_name" text,
	"borough_code" text,
	"borough_name" text,
	"tags" jsonb NOT NULL,
	"uploaded_by" text,
	"uploaded_by_label" text NOT NULL,
	"uploaded_at" timestamp with time zone NOT NULL,
	CONSTRAINT "evidence_items_kind_check" CHECK (kind in ('photo', 'video', 'audio', 'document', 'screenshot', 'other'))
);
--> statement-breakpoint
CREATE TABLE "evidence_redactions" (
	"id" serial PRIMARY KEY NOT NULL,
	"panel_id" integer NOT NULL,
	"evidence_id" integer NOT NULL,
	"method" text NOT NULL,
	"boxes" jsonb NOT NULL,
	"reason" text NOT NULL,
	"sha256" text NOT NULL,
	"size" integer NOT NULL,
	"media_type" text NOT NULL,
	"created_by" text,
	"created_by_label" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "evidence_redactions_method_check" CHECK (method in ('boxes', 'upload'))
);
--> statement-breakpoint
ALTER TABLE "evidence_custody" ADD CONSTRAINT "evidence_custody_panel_id_panels_id_fk" FOREIGN KEY ("panel_id") REFERENCES "public"."panels"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence_custody" ADD CONSTRAINT "evidence_custody_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incidents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence_custody" ADD CONSTRAINT "evidence_custody_evidence_id_evidence_items_id_fk" FOREIGN KEY ("evidence_id") REFERENCES "public"."evidence_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence_items" ADD CONSTRAINT "evidence_items_panel_id_panels_id_fk" FOREIGN KEY ("panel_id") REFERENCES "public"."panels"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence_items" ADD CONSTRAINT "evidence_items_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incidents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence_items" ADD CONSTRAINT "evidence_items_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence_redactions" ADD CONSTRAINT "evidence_redactions_panel_id_panels_id_fk" FOREIGN KEY ("panel_id") REFERENCES "public"."panels"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence_redactions" ADD CONSTRAINT "evidence_redactions_evidence_id_evidence_items_id_fk" FOREIGN KEY ("evidence_id") REFERENCES "public"."evidence_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence_redactions" ADD CONSTRAINT "evidence_redactions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "evidence_custody_evidence_idx" ON "evidence_custody" USING btree ("evidence_id");--> statement-breakpoint
CREATE INDEX "evidence_items_incident_idx" ON "evidence_items" USING btree ("incident_id");--> statement-breakpoint
CREATE INDEX "evidence_redactions_evidence_idx" ON "evidence_redactions" USING btree ("evidence_id");--> statement-breakpoint
CREATE FUNCTION "evidence_custody_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'The custody log is append-only: its rows cannot be changed or removed.';
END;
$$;--> statement-breakpoint
CREATE TRIGGER "evidence_custody_no_change" BEFORE UPDATE OR DELETE ON "evidence_custody" FOR EACH ROW EXECUTE FUNCTION "evidence_custody_append_only"();--> statement-breakpoint
CREATE TRIGGER "evidence_custody_no_truncate" BEFORE TRUNCATE ON "evidence_custody" FOR EACH STATEMENT EXECUTE FUNCTION "evidence_custody_append_only"();
