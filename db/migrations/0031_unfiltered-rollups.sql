CREATE TABLE "category_total_daily" (
	"day" date NOT NULL,
	"category_id" uuid NOT NULL,
	"defects" integer DEFAULT 0 NOT NULL,
	"lost_revenue" numeric DEFAULT '0' NOT NULL,
	"delta" boolean DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE TABLE "category_total_monthly" (
	"month" date NOT NULL,
	"category_id" uuid NOT NULL,
	"defects" integer DEFAULT 0 NOT NULL,
	"lost_revenue" numeric DEFAULT '0' NOT NULL,
	"delta" boolean DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE TABLE "trend_total_daily" (
	"day" date NOT NULL,
	"units" integer DEFAULT 0 NOT NULL,
	"opportunities" integer DEFAULT 0 NOT NULL,
	"defective_units" integer DEFAULT 0 NOT NULL,
	"defects" integer DEFAULT 0 NOT NULL,
	"delta" boolean DEFAULT true NOT NULL
);
--> statement-breakpoint
DROP INDEX "trend_daily_day_idx";--> statement-breakpoint
CREATE INDEX "category_total_daily_day_idx" ON "category_total_daily" USING btree ("day","category_id");--> statement-breakpoint
CREATE INDEX "category_total_monthly_month_idx" ON "category_total_monthly" USING btree ("month","category_id");--> statement-breakpoint
CREATE INDEX "trend_total_daily_day_idx" ON "trend_total_daily" USING btree ("day");--> statement-breakpoint
CREATE INDEX "trend_daily_covering_idx" ON "trend_daily" USING btree ("day","touchpoint_id","units","opportunities","defective_units","defects");