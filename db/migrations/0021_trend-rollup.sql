CREATE TABLE "trend_daily" (
	"day" date NOT NULL,
	"touchpoint_id" uuid NOT NULL,
	"units" integer DEFAULT 0 NOT NULL,
	"opportunities" integer DEFAULT 0 NOT NULL,
	"defective_units" integer DEFAULT 0 NOT NULL,
	"defects" integer DEFAULT 0 NOT NULL,
	"delta" boolean DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE INDEX "trend_daily_day_idx" ON "trend_daily" USING btree ("day","touchpoint_id");