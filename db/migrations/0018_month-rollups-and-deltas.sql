CREATE TABLE "defect_category_monthly" (
	"month" date NOT NULL,
	"touchpoint_id" uuid NOT NULL,
	"segment_id" uuid,
	"category_id" uuid NOT NULL,
	"defects" integer DEFAULT 0 NOT NULL,
	"lost_revenue" numeric DEFAULT '0' NOT NULL,
	"delta" boolean DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE TABLE "metrics_monthly" (
	"month" date NOT NULL,
	"touchpoint_id" uuid NOT NULL,
	"segment_id" uuid,
	"units" integer DEFAULT 0 NOT NULL,
	"opportunities" integer DEFAULT 0 NOT NULL,
	"defective_units" integer DEFAULT 0 NOT NULL,
	"csat_responses" integer DEFAULT 0 NOT NULL,
	"csat_satisfied" integer DEFAULT 0 NOT NULL,
	"nps_responses" integer DEFAULT 0 NOT NULL,
	"promoters" integer DEFAULT 0 NOT NULL,
	"detractors" integer DEFAULT 0 NOT NULL,
	"effort_responses" integer DEFAULT 0 NOT NULL,
	"effort_sum" integer DEFAULT 0 NOT NULL,
	"gap_responses" integer DEFAULT 0 NOT NULL,
	"gap_sum" integer DEFAULT 0 NOT NULL,
	"defects" integer DEFAULT 0 NOT NULL,
	"lost_revenue" numeric DEFAULT '0' NOT NULL,
	"delta" boolean DEFAULT true NOT NULL
);
--> statement-breakpoint
ALTER TABLE "defect_category_daily" DROP CONSTRAINT "defect_category_daily_key";--> statement-breakpoint
ALTER TABLE "metrics_daily" DROP CONSTRAINT "metrics_daily_key";--> statement-breakpoint
ALTER TABLE "defect_category_daily" ADD COLUMN "delta" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "metrics_daily" ADD COLUMN "delta" boolean DEFAULT true NOT NULL;--> statement-breakpoint
CREATE INDEX "defect_category_monthly_month_idx" ON "defect_category_monthly" USING btree ("month","touchpoint_id","segment_id","category_id");--> statement-breakpoint
CREATE INDEX "metrics_monthly_month_idx" ON "metrics_monthly" USING btree ("month","touchpoint_id","segment_id");--> statement-breakpoint
CREATE INDEX "defect_category_daily_day_idx" ON "defect_category_daily" USING btree ("day","touchpoint_id","segment_id","category_id");--> statement-breakpoint
CREATE INDEX "metrics_daily_day_idx" ON "metrics_daily" USING btree ("day","touchpoint_id","segment_id");