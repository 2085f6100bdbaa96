CREATE TABLE "defect_category_daily" (
	"day" date NOT NULL,
	"touchpoint_id" uuid NOT NULL,
	"segment_id" uuid,
	"category_id" uuid NOT NULL,
	"defects" integer DEFAULT 0 NOT NULL,
	"lost_revenue" numeric(14, 2) DEFAULT '0' NOT NULL,
	CONSTRAINT "defect_category_daily_key" UNIQUE NULLS NOT DISTINCT("day","touchpoint_id","segment_id","category_id")
);
--> statement-breakpoint
CREATE TABLE "metrics_daily" (
	"day" date NOT NULL,
	"touchpoint_id" uuid NOT NULL,
	"segment_id" uuid,
	"units" integer DEFAULT 0 NOT NULL,
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
	"lost_revenue" numeric(14, 2) DEFAULT '0' NOT NULL,
	CONSTRAINT "metrics_daily_key" UNIQUE NULLS NOT DISTINCT("day","touchpoint_id","segment_id")
);
