-- Search-as-you-type matches a prefix of a customer's name, email, company or external reference.
-- text_pattern_ops lets a btree serve `lower(col) like 'abc%'` whatever the database collation.
CREATE INDEX IF NOT EXISTS "customers_name_prefix_idx" ON "customers" (lower("name") text_pattern_ops);--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "customers_email_prefix_idx" ON "customers" (lower("email") text_pattern_ops);--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "customers_company_prefix_idx" ON "customers" (lower("company") text_pattern_ops);--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "customers_external_ref_prefix_idx" ON "customers" ("external_ref" text_pattern_ops);
