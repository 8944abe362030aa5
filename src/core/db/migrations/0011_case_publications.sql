CREATE TABLE "case_publications" (
	"id" serial PRIMARY KEY NOT NULL,
	"panel_id" integer NOT NULL,
	"incident_id" integer NOT NULL,
	"version" integer NOT NULL,
	"summary" jsonb NOT NULL,
	"choices" jsonb NOT NULL,
	"published_at" timestamp with time zone NOT NULL,
	"published_by" text
);
--> statement-breakpoint
ALTER TABLE "case_publications" ADD CONSTRAINT "case_publications_panel_id_panels_id_fk" FOREIGN KEY ("panel_id") REFERENCES "public"."panels"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_publications" ADD CONSTRAINT "case_publications_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incidents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_publications" ADD CONSTRAINT "case_publications_published_by_users_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "case_publications_incident_version_unique" ON "case_publications" USING btree ("incident_id","version");--> statement-breakpoint
CREATE INDEX "case_publications_panel_idx" ON "case_publications" USING btree ("panel_id");--> statement-breakpoint
CREATE FUNCTION "case_publications_immutable"() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'A published case summary cannot be changed: publish a new version.'; END $$;--> statement-breakpoint
CREATE TRIGGER "case_publications_no_update" BEFORE UPDATE ON "case_publications" FOR EACH ROW EXECUTE FUNCTION "case_publications_immutable"();
