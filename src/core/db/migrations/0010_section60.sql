CREATE TABLE "section60_authorisations" (
	"id" serial PRIMARY KEY NOT NULL,
	"panel_id" integer NOT NULL,
	"reference" text NOT NULL,
	"officer" text DEFAULT '' NOT NULL,
	"rank" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"wards" jsonb NOT NULL,
	"polygon" jsonb,
	"grounds_kind" text NOT NULL,
	"grounds" text NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "section60_authorisations_rank_check" CHECK (rank in ('constable', 'sergeant', 'inspector', 'chief_inspector', 'superintendent', 'chief_superintendent', 'commander', 'deputy_assistant_commissioner', 'assistant_commissioner', 'deputy_commissioner', 'commissioner')),
	CONSTRAINT "section60_authorisations_grounds_check" CHECK (grounds_kind in ('violence_anticipated', 'violence_occurred', 'weapons_carried')),
	CONSTRAINT "section60_authorisations_period_check" CHECK ("section60_authorisations"."ends_at" > "section60_authorisations"."starts_at")
);
--> statement-breakpoint
CREATE TABLE "section60_extensions" (
	"id" serial PRIMARY KEY NOT NULL,
	"panel_id" integer NOT NULL,
	"authorisation_id" integer NOT NULL,
	"officer" text DEFAULT '' NOT NULL,
	"rank" text NOT NULL,
	"new_ends_at" timestamp with time zone NOT NULL,
	"reason" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "section60_extensions_rank_check" CHECK (rank in ('constable', 'sergeant', 'inspector', 'chief_inspector', 'superintendent', 'chief_superintendent', 'commander', 'deputy_assistant_commissioner', 'assistant_commissioner', 'deputy_commissioner', 'commissioner'))
);
--> statement-breakpoint
CREATE TABLE "section60_notices" (
	"id" serial PRIMARY KEY NOT NULL,
	"panel_id" integer NOT NULL,
	"authorisation_id" integer NOT NULL,
	"medium" text NOT NULL,
	"notice_at" timestamp with time zone NOT NULL,
	"place" text DEFAULT '' NOT NULL,
	"url" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "section60_notices_medium_check" CHECK (medium in ('social_media', 'website', 'leaflets', 'press', 'other'))
);
--> statement-breakpoint
CREATE TABLE "section60_publications" (
	"id" serial PRIMARY KEY NOT NULL,
	"panel_id" integer NOT NULL,
	"version" integer NOT NULL,
	"register" jsonb NOT NULL,
	"published_at" timestamp with time zone NOT NULL,
	"published_by" text
);
--> statement-breakpoint
ALTER TABLE "section60_authorisations" ADD CONSTRAINT "section60_authorisations_panel_id_panels_id_fk" FOREIGN KEY ("panel_id") REFERENCES "public"."panels"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "section60_authorisations" ADD CONSTRAINT "section60_authorisations_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "section60_extensions" ADD CONSTRAINT "section60_extensions_panel_id_panels_id_fk" FOREIGN KEY ("panel_id") REFERENCES "public"."panels"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "section60_extensions" ADD CONSTRAINT "section60_extensions_authorisation_id_section60_authorisations_id_fk" FOREIGN KEY ("authorisation_id") REFERENCES "public"."section60_authorisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "section60_notices" ADD CONSTRAINT "section60_notices_panel_id_panels_id_fk" FOREIGN KEY ("panel_id") REFERENCES "public"."panels"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "section60_notices" ADD CONSTRAINT "section60_notices_authorisation_id_section60_authorisations_id_fk" FOREIGN KEY ("authorisation_id") REFERENCES "public"."section60_authorisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "section60_publications" ADD CONSTRAINT "section60_publications_panel_id_panels_id_fk" FOREIGN KEY ("panel_id") REFERENCES "public"."panels"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "section60_publications" ADD CONSTRAINT "section60_publications_published_by_users_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "section60_authorisations_reference_unique" ON "section60_authorisations" USING btree ("panel_id","reference");--> statement-breakpoint
CREATE UNIQUE INDEX "section60_extensions_one" ON "section60_extensions" USING btree ("authorisation_id");--> statement-breakpoint
CREATE INDEX "section60_notices_authorisation_idx" ON "section60_notices" USING btree ("authorisation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "section60_publications_version_unique" ON "section60_publications" USING btree ("panel_id","version");