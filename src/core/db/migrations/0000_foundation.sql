CREATE TABLE "panels" (
	"id" serial PRIMARY KEY NOT NULL,
	"borough_code" text NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "panels_borough_code_unique" ON "panels" USING btree ("borough_code");