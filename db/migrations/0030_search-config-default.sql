-- Comment search follows the company locale (docs/voice-of-customer.md, "Full-text search").
-- A new interaction takes the locale's configuration from the column default, evaluated in the
-- INSERT itself, instead of a row-level BEFORE INSERT trigger (a PL/pgSQL call per row of every
-- import chunk). The app never writes search_config, so the values stored are the same. A change of
-- the notes still moves the row to the company's configuration, by the trigger, now on UPDATE only.
ALTER TABLE "interactions" ALTER COLUMN "search_config" SET DEFAULT company_search_config();--> statement-breakpoint
DROP TRIGGER IF EXISTS interactions_search_config ON interactions;--> statement-breakpoint
CREATE TRIGGER interactions_search_config BEFORE UPDATE OF notes ON interactions
  FOR EACH ROW EXECUTE FUNCTION interactions_search_config();
