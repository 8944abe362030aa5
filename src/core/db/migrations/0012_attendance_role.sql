ALTER TABLE "attendance" ADD COLUMN "member_role" text;--> statement-breakpoint
-- Hand-written: attendance recorded before this migration takes the role its person has now.
UPDATE "attendance" SET "member_role" = "panel_members"."role" FROM "panel_members" WHERE "panel_members"."panel_id" = "attendance"."panel_id" AND "panel_members"."user_id" = "attendance"."user_id";
