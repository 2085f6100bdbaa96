CREATE TABLE "defect_backlog_daily" (
	"raised_on" date NOT NULL,
	"status" "defect_status" NOT NULL,
	"due_on" date,
	"assigned" boolean NOT NULL,
	"defects" integer DEFAULT 0 NOT NULL,
	"delta" boolean DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE INDEX "defect_events_closed_idx" ON "defect_events" USING btree ("created_at") WHERE ("defect_events"."changes" -> 'status' ->> 'to') = 'closed';--> statement-breakpoint
CREATE INDEX "defects_created_at_idx" ON "defects" USING btree ("created_at");