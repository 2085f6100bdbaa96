DROP INDEX "customer_lifecycle_changes_customer_idx";--> statement-breakpoint
ALTER TABLE "customer_lifecycle_changes" ADD COLUMN "occurred_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
-- Rows written before this column: the best known time of the change is when it was written.
UPDATE "customer_lifecycle_changes" SET "occurred_at" = "created_at";--> statement-breakpoint
CREATE INDEX "customer_lifecycle_changes_customer_idx" ON "customer_lifecycle_changes" USING btree ("customer_id","occurred_at");