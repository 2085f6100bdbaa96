CREATE TABLE "comment_phrase_daily" (
	"day" date NOT NULL,
	"touchpoint_id" uuid NOT NULL,
	"segment_id" uuid,
	"phrase" text NOT NULL,
	"comments" integer NOT NULL,
	"delta" boolean DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE TABLE "comment_phrase_daily_total" (
	"day" date NOT NULL,
	"phrase" text NOT NULL,
	"comments" integer NOT NULL,
	"delta" boolean DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE TABLE "comment_phrase_monthly" (
	"month" date NOT NULL,
	"phrase" text NOT NULL,
	"comments" integer NOT NULL,
	"delta" boolean DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE TABLE "comment_phrase_monthly_detail" (
	"month" date NOT NULL,
	"touchpoint_id" uuid NOT NULL,
	"segment_id" uuid,
	"phrase" text NOT NULL,
	"comments" integer NOT NULL,
	"delta" boolean DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE TABLE "comment_phrase_monthly_segment" (
	"month" date NOT NULL,
	"segment_id" uuid,
	"phrase" text NOT NULL,
	"comments" integer NOT NULL,
	"delta" boolean DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE TABLE "comment_phrase_monthly_touchpoint" (
	"month" date NOT NULL,
	"touchpoint_id" uuid NOT NULL,
	"phrase" text NOT NULL,
	"comments" integer NOT NULL,
	"delta" boolean DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE TABLE "defection_base_steps" (
	"month" date NOT NULL,
	"customers" integer NOT NULL,
	"delta" boolean DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE TABLE "portfolio_daily" (
	"day" date NOT NULL,
	"segment_id" uuid,
	"lifecycle" "lifecycle" NOT NULL,
	"revenue_won" numeric DEFAULT '0' NOT NULL,
	"nps_responses" integer DEFAULT 0 NOT NULL,
	"promoters" integer DEFAULT 0 NOT NULL,
	"detractors" integer DEFAULT 0 NOT NULL,
	"lost_revenue" numeric DEFAULT '0' NOT NULL,
	"delta" boolean DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE TABLE "retention_monthly" (
	"cohort" date NOT NULL,
	"month" date NOT NULL,
	"customers" integer NOT NULL,
	"delta" boolean DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE INDEX "comment_phrase_daily_day_idx" ON "comment_phrase_daily" USING btree ("day");--> statement-breakpoint
CREATE INDEX "comment_phrase_daily_phrase_idx" ON "comment_phrase_daily" USING btree ("phrase","day");--> statement-breakpoint
CREATE INDEX "comment_phrase_daily_total_day_idx" ON "comment_phrase_daily_total" USING btree ("day");--> statement-breakpoint
CREATE INDEX "comment_phrase_monthly_month_idx" ON "comment_phrase_monthly" USING btree ("month");--> statement-breakpoint
CREATE INDEX "comment_phrase_monthly_detail_month_idx" ON "comment_phrase_monthly_detail" USING btree ("month");--> statement-breakpoint
CREATE INDEX "comment_phrase_monthly_detail_phrase_idx" ON "comment_phrase_monthly_detail" USING btree ("phrase","month");--> statement-breakpoint
CREATE INDEX "comment_phrase_monthly_segment_month_idx" ON "comment_phrase_monthly_segment" USING btree ("month");--> statement-breakpoint
CREATE INDEX "comment_phrase_monthly_touchpoint_month_idx" ON "comment_phrase_monthly_touchpoint" USING btree ("month");--> statement-breakpoint
CREATE INDEX "comment_phrase_monthly_touchpoint_phrase_idx" ON "comment_phrase_monthly_touchpoint" USING btree ("phrase","month");--> statement-breakpoint
CREATE INDEX "defection_base_steps_month_idx" ON "defection_base_steps" USING btree ("month");--> statement-breakpoint
CREATE INDEX "portfolio_daily_day_idx" ON "portfolio_daily" USING btree ("day");--> statement-breakpoint
CREATE INDEX "retention_monthly_cohort_idx" ON "retention_monthly" USING btree ("cohort","month");--> statement-breakpoint
-- Comment search follows the company locale (docs/voice-of-customer.md, "Full-text search").
-- Each interaction stores the text search configuration its notes are indexed in (search_config),
-- set on every insert and every change of the notes from company_settings.locale; the generated
-- notes_search reads it. After a change of locale the reindex-comment-search job moves the stored
-- rows to the new configuration in batches, which re-indexes them.
CREATE FUNCTION search_config_of(locale text) RETURNS regconfig LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE lower(split_part(replace(locale, '_', '-'), '-', 1))
    WHEN 'en' THEN 'english'::regconfig
    WHEN 'de' THEN 'german'::regconfig
    WHEN 'fr' THEN 'french'::regconfig
    WHEN 'es' THEN 'spanish'::regconfig
    ELSE 'simple'::regconfig
  END
$$;--> statement-breakpoint
CREATE FUNCTION company_search_config() RETURNS regconfig LANGUAGE sql STABLE AS $$
  SELECT search_config_of(coalesce((SELECT locale FROM company_settings WHERE id = 1), 'en-GB'))
$$;--> statement-breakpoint
ALTER TABLE "interactions" ADD COLUMN "search_config" "regconfig" DEFAULT 'english'::regconfig NOT NULL;--> statement-breakpoint
UPDATE "interactions" SET "search_config" = company_search_config() WHERE company_search_config() <> 'english'::regconfig;--> statement-breakpoint
ALTER TABLE "interactions" DROP COLUMN "notes_search";--> statement-breakpoint
ALTER TABLE "interactions" ADD COLUMN "notes_search" "tsvector" GENERATED ALWAYS AS (to_tsvector(search_config, coalesce(notes, ''))) STORED;--> statement-breakpoint
CREATE INDEX "interactions_notes_search_idx" ON "interactions" USING gin ("notes_search");--> statement-breakpoint
CREATE FUNCTION interactions_search_config() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.search_config := company_search_config();
  RETURN NEW;
END $$;--> statement-breakpoint
CREATE TRIGGER interactions_search_config BEFORE INSERT OR UPDATE OF notes ON interactions
  FOR EACH ROW EXECUTE FUNCTION interactions_search_config();
