ALTER TABLE "company_settings" ADD COLUMN "pending_time_zone" text;--> statement-breakpoint
ALTER TABLE "company_settings" ADD COLUMN "rebuild_time_zone" text;--> statement-breakpoint
ALTER TABLE "company_settings" ADD COLUMN "rebuild_done" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "company_settings" ADD COLUMN "rebuild_total" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "company_settings" ADD COLUMN "rebuild_error" text;