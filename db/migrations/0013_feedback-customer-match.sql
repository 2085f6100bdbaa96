CREATE TYPE "public"."customer_match" AS ENUM('signed_link', 'unverified', 'confirmed', 'rejected');--> statement-breakpoint
ALTER TABLE "interactions" ADD COLUMN "contact_email" text;--> statement-breakpoint
ALTER TABLE "interactions" ADD COLUMN "customer_match" "customer_match";--> statement-breakpoint
ALTER TABLE "interactions" ADD COLUMN "suggested_customer_id" uuid;--> statement-breakpoint
ALTER TABLE "interactions" ADD CONSTRAINT "interactions_suggested_customer_id_customers_id_fk" FOREIGN KEY ("suggested_customer_id") REFERENCES "public"."customers"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "interactions_suggested_customer_idx" ON "interactions" USING btree ("suggested_customer_id") WHERE "interactions"."customer_match" = 'unverified';--> statement-breakpoint
ALTER TABLE "interactions" ADD CONSTRAINT "interactions_customer_match_consistent" CHECK (("interactions"."customer_match" is distinct from 'unverified' or "interactions"."customer_id" is null) and ("interactions"."customer_match" not in ('signed_link', 'confirmed') or "interactions"."customer_id" is not null));