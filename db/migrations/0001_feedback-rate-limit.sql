CREATE TABLE "feedback_rate_hits" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"address_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "feedback_rate_hits_address_created_idx" ON "feedback_rate_hits" USING btree ("address_hash","created_at");--> statement-breakpoint
CREATE INDEX "feedback_rate_hits_created_at_idx" ON "feedback_rate_hits" USING btree ("created_at");