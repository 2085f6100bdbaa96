ALTER TABLE "defect_category_daily" ALTER COLUMN "lost_revenue" SET DATA TYPE numeric;--> statement-breakpoint
ALTER TABLE "defect_category_daily" ALTER COLUMN "lost_revenue" SET DEFAULT '0';--> statement-breakpoint
ALTER TABLE "metrics_daily" ALTER COLUMN "lost_revenue" SET DATA TYPE numeric;--> statement-breakpoint
ALTER TABLE "metrics_daily" ALTER COLUMN "lost_revenue" SET DEFAULT '0';