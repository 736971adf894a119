ALTER TABLE "organisations" ADD COLUMN "setup_completed_at" timestamp with time zone;--> statement-breakpoint
-- Organisations that exist already are in use: they are not sent through the first-run setup.
UPDATE "organisations" SET "setup_completed_at" = "created_at";
