CREATE TYPE "public"."sentiment" AS ENUM('negative', 'neutral', 'positive');--> statement-breakpoint
CREATE TABLE "comment_reviews" (
	"interaction_id" uuid PRIMARY KEY NOT NULL,
	"assignee_id" uuid,
	"handled_at" timestamp with time zone,
	"handled_by_id" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "customer_lifecycle_changes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"customer_id" uuid NOT NULL,
	"from_lifecycle" "lifecycle",
	"to_lifecycle" "lifecycle" NOT NULL,
	"rule" text,
	"reason" text NOT NULL,
	"actor_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "lifecycle_settings" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"active_on_sale" boolean DEFAULT true NOT NULL,
	"at_risk_on_detractor" boolean DEFAULT true NOT NULL,
	"at_risk_on_severe_defect" boolean DEFAULT true NOT NULL,
	"at_risk_after_days" integer DEFAULT 90,
	"advocate_after_promoters" integer DEFAULT 2,
	"churned_after_days" integer DEFAULT 365,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "lifecycle_settings_one_row" CHECK ("lifecycle_settings"."id" = 1)
);
--> statement-breakpoint
ALTER TABLE "interactions" ADD COLUMN "notes_search" "tsvector" GENERATED ALWAYS AS (to_tsvector('english', coalesce(notes, ''))) STORED;--> statement-breakpoint
ALTER TABLE "interactions" ADD COLUMN "sentiment" "sentiment";--> statement-breakpoint
ALTER TABLE "interactions" ADD COLUMN "sentiment_score" real;--> statement-breakpoint
ALTER TABLE "interactions" ADD COLUMN "comment_phrases" text[];--> statement-breakpoint
ALTER TABLE "comment_reviews" ADD CONSTRAINT "comment_reviews_interaction_id_interactions_id_fk" FOREIGN KEY ("interaction_id") REFERENCES "public"."interactions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comment_reviews" ADD CONSTRAINT "comment_reviews_assignee_id_users_id_fk" FOREIGN KEY ("assignee_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comment_reviews" ADD CONSTRAINT "comment_reviews_handled_by_id_users_id_fk" FOREIGN KEY ("handled_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_lifecycle_changes" ADD CONSTRAINT "customer_lifecycle_changes_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_lifecycle_changes" ADD CONSTRAINT "customer_lifecycle_changes_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "comment_reviews_assignee_idx" ON "comment_reviews" USING btree ("assignee_id");--> statement-breakpoint
CREATE INDEX "customer_lifecycle_changes_customer_idx" ON "customer_lifecycle_changes" USING btree ("customer_id","created_at");--> statement-breakpoint
CREATE INDEX "interactions_notes_search_idx" ON "interactions" USING gin ("notes_search");--> statement-breakpoint
CREATE INDEX "interactions_comment_phrases_idx" ON "interactions" USING gin ("comment_phrases");--> statement-breakpoint
-- The one lifecycle settings row, with DESIGN.md's defaults (hand-written: keep it when regenerating).
INSERT INTO "lifecycle_settings" ("id") VALUES (1) ON CONFLICT DO NOTHING;
