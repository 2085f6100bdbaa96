CREATE TYPE "public"."sentiment" AS ENUM('negative', 'neutral', 'positive');--> statement-breakpoint
ALTER TABLE "interactions" ADD COLUMN "notes_search" "tsvector" GENERATED ALWAYS AS (to_tsvector('english', coalesce(notes, ''))) STORED;--> statement-breakpoint
ALTER TABLE "interactions" ADD COLUMN "sentiment" "sentiment";--> statement-breakpoint
ALTER TABLE "interactions" ADD COLUMN "sentiment_score" real;--> statement-breakpoint
ALTER TABLE "interactions" ADD COLUMN "comment_phrases" text[];--> statement-breakpoint
CREATE INDEX "interactions_notes_search_idx" ON "interactions" USING gin ("notes_search");--> statement-breakpoint
CREATE INDEX "interactions_comment_phrases_idx" ON "interactions" USING gin ("comment_phrases");