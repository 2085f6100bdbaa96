CREATE TYPE "public"."auto_rule" AS ENUM('lost_sale', 'below_expectation', 'low_csat', 'low_nps');--> statement-breakpoint
CREATE TYPE "public"."channel" AS ENUM('in_person', 'phone', 'email', 'web', 'chat', 'social', 'mail', 'advertising', 'other');--> statement-breakpoint
CREATE TYPE "public"."defect_kind" AS ENUM('lost_sale', 'below_expectation', 'low_satisfaction', 'complaint', 'process');--> statement-breakpoint
CREATE TYPE "public"."defect_status" AS ENUM('open', 'investigating', 'action', 'verified', 'closed', 'dismissed');--> statement-breakpoint
CREATE TYPE "public"."lifecycle" AS ENUM('prospect', 'active', 'at_risk', 'churned', 'advocate');--> statement-breakpoint
CREATE TYPE "public"."outcome" AS ENUM('none', 'resolved', 'unresolved', 'sale_won', 'sale_lost', 'escalated');--> statement-breakpoint
CREATE TYPE "public"."role" AS ENUM('admin', 'manager', 'staff');--> statement-breakpoint
CREATE TYPE "public"."severity" AS ENUM('minor', 'major', 'critical');--> statement-breakpoint
CREATE TYPE "public"."interaction_source" AS ENUM('staff', 'feedback', 'import', 'api');--> statement-breakpoint
CREATE TABLE "api_keys" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"prefix" text NOT NULL,
	"secret_hash" text NOT NULL,
	"scopes" text[] NOT NULL,
	"created_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "audit_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"actor_id" uuid,
	"actor_label" text,
	"action" text NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" text,
	"before" jsonb,
	"after" jsonb,
	"ip" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "customers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"email" text,
	"phone" text,
	"company" text,
	"segment_id" uuid,
	"lifecycle" "lifecycle" DEFAULT 'prospect' NOT NULL,
	"owner_id" uuid,
	"external_ref" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "defect_categories" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "defect_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"defect_id" uuid NOT NULL,
	"actor_id" uuid,
	"type" text NOT NULL,
	"changes" jsonb,
	"comment" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "defects" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"touchpoint_id" uuid NOT NULL,
	"interaction_id" uuid,
	"customer_id" uuid,
	"category_id" uuid NOT NULL,
	"kind" "defect_kind" NOT NULL,
	"severity" "severity" DEFAULT 'minor' NOT NULL,
	"lost_revenue" numeric(14, 2) DEFAULT '0' NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"status" "defect_status" DEFAULT 'open' NOT NULL,
	"owner_id" uuid,
	"due_on" date,
	"title" text,
	"description" text,
	"root_cause" text,
	"corrective_action" text,
	"dismiss_reason" text,
	"auto_rule" "auto_rule",
	"touched" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "defects_lost_revenue_nonnegative" CHECK ("defects"."lost_revenue" >= 0),
	CONSTRAINT "defects_version_positive" CHECK ("defects"."version" >= 1)
);
--> statement-breakpoint
CREATE TABLE "interactions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"customer_id" uuid,
	"touchpoint_id" uuid NOT NULL,
	"logged_by_id" uuid,
	"occurred_at" timestamp with time zone NOT NULL,
	"source" "interaction_source" DEFAULT 'staff' NOT NULL,
	"outcome" "outcome" DEFAULT 'none' NOT NULL,
	"sale_value" numeric(14, 2),
	"expectation" smallint,
	"experience" smallint,
	"csat" smallint,
	"nps" smallint,
	"effort" smallint,
	"notes" text,
	"open_defect_count" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "interactions_expectation_range" CHECK ("interactions"."expectation" between 1 and 5),
	CONSTRAINT "interactions_experience_range" CHECK ("interactions"."experience" between 1 and 5),
	CONSTRAINT "interactions_csat_range" CHECK ("interactions"."csat" between 1 and 5),
	CONSTRAINT "interactions_nps_range" CHECK ("interactions"."nps" between 0 and 10),
	CONSTRAINT "interactions_effort_range" CHECK ("interactions"."effort" between 1 and 7),
	CONSTRAINT "interactions_sale_value_nonnegative" CHECK ("interactions"."sale_value" >= 0),
	CONSTRAINT "interactions_open_defect_count_nonnegative" CHECK ("interactions"."open_defect_count" >= 0)
);
--> statement-breakpoint
CREATE TABLE "journey_stages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"position" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "segments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "touchpoints" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"stage_id" uuid NOT NULL,
	"channel" "channel" NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"opportunities" integer DEFAULT 1 NOT NULL,
	"expectation_target" smallint DEFAULT 4 NOT NULL,
	"rule_lost_sale" boolean DEFAULT true NOT NULL,
	"rule_below_expectation" boolean DEFAULT true NOT NULL,
	"rule_below_expectation_gap" smallint DEFAULT 1 NOT NULL,
	"rule_low_csat" boolean DEFAULT true NOT NULL,
	"rule_low_csat_max" smallint DEFAULT 2 NOT NULL,
	"rule_low_nps" boolean DEFAULT false NOT NULL,
	"rule_low_nps_max" smallint DEFAULT 6 NOT NULL,
	"feedback_token" text,
	"feedback_enabled" boolean DEFAULT false NOT NULL,
	"feedback_question" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "touchpoints_opportunities_range" CHECK ("touchpoints"."opportunities" between 1 and 1000),
	CONSTRAINT "touchpoints_expectation_target_range" CHECK ("touchpoints"."expectation_target" between 1 and 5),
	CONSTRAINT "touchpoints_below_expectation_gap_range" CHECK ("touchpoints"."rule_below_expectation_gap" between 1 and 4),
	CONSTRAINT "touchpoints_low_csat_max_range" CHECK ("touchpoints"."rule_low_csat_max" between 1 and 4),
	CONSTRAINT "touchpoints_low_nps_max_range" CHECK ("touchpoints"."rule_low_nps_max" between 0 and 9)
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"role" "role" DEFAULT 'staff' NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"password_hash" text NOT NULL,
	"must_change_password" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customers" ADD CONSTRAINT "customers_segment_id_segments_id_fk" FOREIGN KEY ("segment_id") REFERENCES "public"."segments"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customers" ADD CONSTRAINT "customers_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "defect_events" ADD CONSTRAINT "defect_events_defect_id_defects_id_fk" FOREIGN KEY ("defect_id") REFERENCES "public"."defects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "defect_events" ADD CONSTRAINT "defect_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "defects" ADD CONSTRAINT "defects_touchpoint_id_touchpoints_id_fk" FOREIGN KEY ("touchpoint_id") REFERENCES "public"."touchpoints"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "defects" ADD CONSTRAINT "defects_interaction_id_interactions_id_fk" FOREIGN KEY ("interaction_id") REFERENCES "public"."interactions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "defects" ADD CONSTRAINT "defects_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "defects" ADD CONSTRAINT "defects_category_id_defect_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."defect_categories"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "defects" ADD CONSTRAINT "defects_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "defects" ADD CONSTRAINT "defects_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interactions" ADD CONSTRAINT "interactions_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interactions" ADD CONSTRAINT "interactions_touchpoint_id_touchpoints_id_fk" FOREIGN KEY ("touchpoint_id") REFERENCES "public"."touchpoints"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interactions" ADD CONSTRAINT "interactions_logged_by_id_users_id_fk" FOREIGN KEY ("logged_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "touchpoints" ADD CONSTRAINT "touchpoints_stage_id_journey_stages_id_fk" FOREIGN KEY ("stage_id") REFERENCES "public"."journey_stages"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "api_keys_secret_hash_key" ON "api_keys" USING btree ("secret_hash");--> statement-breakpoint
CREATE INDEX "audit_events_created_at_idx" ON "audit_events" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "audit_events_action_created_idx" ON "audit_events" USING btree ("action","created_at");--> statement-breakpoint
CREATE INDEX "audit_events_entity_idx" ON "audit_events" USING btree ("entity_type","entity_id");--> statement-breakpoint
CREATE UNIQUE INDEX "customers_external_ref_key" ON "customers" USING btree ("external_ref");--> statement-breakpoint
CREATE INDEX "customers_email_lower_idx" ON "customers" USING btree (lower("email"));--> statement-breakpoint
CREATE INDEX "customers_name_lower_idx" ON "customers" USING btree (lower("name"));--> statement-breakpoint
CREATE INDEX "customers_segment_idx" ON "customers" USING btree ("segment_id");--> statement-breakpoint
CREATE INDEX "customers_owner_idx" ON "customers" USING btree ("owner_id");--> statement-breakpoint
CREATE UNIQUE INDEX "defect_categories_name_key" ON "defect_categories" USING btree (lower("name"));--> statement-breakpoint
CREATE INDEX "defect_events_defect_idx" ON "defect_events" USING btree ("defect_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "defects_interaction_rule_key" ON "defects" USING btree ("interaction_id","auto_rule");--> statement-breakpoint
CREATE INDEX "defects_occurred_at_idx" ON "defects" USING btree ("occurred_at");--> statement-breakpoint
CREATE INDEX "defects_touchpoint_occurred_idx" ON "defects" USING btree ("touchpoint_id","occurred_at");--> statement-breakpoint
CREATE INDEX "defects_status_idx" ON "defects" USING btree ("status");--> statement-breakpoint
CREATE INDEX "defects_owner_status_idx" ON "defects" USING btree ("owner_id","status");--> statement-breakpoint
CREATE INDEX "defects_category_idx" ON "defects" USING btree ("category_id");--> statement-breakpoint
CREATE INDEX "defects_customer_idx" ON "defects" USING btree ("customer_id");--> statement-breakpoint
CREATE INDEX "interactions_occurred_at_idx" ON "interactions" USING btree ("occurred_at");--> statement-breakpoint
CREATE INDEX "interactions_touchpoint_occurred_idx" ON "interactions" USING btree ("touchpoint_id","occurred_at");--> statement-breakpoint
CREATE INDEX "interactions_customer_occurred_idx" ON "interactions" USING btree ("customer_id","occurred_at");--> statement-breakpoint
CREATE INDEX "interactions_logged_by_occurred_idx" ON "interactions" USING btree ("logged_by_id","occurred_at");--> statement-breakpoint
CREATE UNIQUE INDEX "journey_stages_name_key" ON "journey_stages" USING btree (lower("name"));--> statement-breakpoint
CREATE INDEX "journey_stages_position_idx" ON "journey_stages" USING btree ("position");--> statement-breakpoint
CREATE UNIQUE INDEX "segments_name_key" ON "segments" USING btree (lower("name"));--> statement-breakpoint
CREATE UNIQUE INDEX "touchpoints_stage_name_key" ON "touchpoints" USING btree ("stage_id",lower("name"));--> statement-breakpoint
CREATE UNIQUE INDEX "touchpoints_feedback_token_key" ON "touchpoints" USING btree ("feedback_token");--> statement-breakpoint
CREATE UNIQUE INDEX "users_email_lower_key" ON "users" USING btree (lower("email"));