ALTER TABLE "interactions" ADD COLUMN "opportunities" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "metrics_daily" ADD COLUMN "opportunities" integer DEFAULT 0 NOT NULL;