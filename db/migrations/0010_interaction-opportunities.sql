-- Numbers you can trust, second version (docs/metrics-second-version.md).
-- 1. Every enabled auto-defect rule is an opportunity for a defect: raise each touchpoint whose
--    opportunities per interaction are fewer than its enabled rules, with an audit event each.
WITH raised AS (
  UPDATE touchpoints t
  SET opportunities = r.enabled, updated_at = now()
  FROM (
    SELECT id, opportunities AS before,
           rule_lost_sale::int + rule_below_expectation::int + rule_low_csat::int + rule_low_nps::int AS enabled
    FROM touchpoints
  ) r
  WHERE r.id = t.id AND t.opportunities < r.enabled
  RETURNING t.id, r.before, r.enabled
)
INSERT INTO audit_events (actor_label, action, entity_type, entity_id, before, after)
SELECT 'migration interaction-opportunities', 'touchpoint.opportunities_raised', 'touchpoint', id::text,
       jsonb_build_object('opportunities', before),
       jsonb_build_object('opportunities', enabled, 'reason', 'At least one opportunity per enabled auto-defect rule.')
FROM raised;
--> statement-breakpoint
-- 2. Each interaction keeps the opportunities its touchpoint has today. The rollups are counted
--    again from scratch by the next migration, so their triggers sit this update out.
ALTER TABLE interactions DISABLE TRIGGER interactions_rollup_update;
--> statement-breakpoint
UPDATE interactions i SET opportunities = t.opportunities FROM touchpoints t WHERE t.id = i.touchpoint_id;
--> statement-breakpoint
ALTER TABLE interactions ENABLE TRIGGER interactions_rollup_update;
--> statement-breakpoint
-- 3. From now on an interaction stored without opportunities (0, the default) takes its
--    touchpoint's value at that moment; one corrected to another touchpoint takes that one's.
CREATE FUNCTION interactions_fill_opportunities() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF (TG_OP = 'INSERT' AND NEW.opportunities = 0)
     OR (TG_OP = 'UPDATE' AND NEW.touchpoint_id IS DISTINCT FROM OLD.touchpoint_id AND NEW.opportunities = OLD.opportunities) THEN
    -- An unknown touchpoint leaves the value as it is: the foreign key then refuses the row.
    NEW.opportunities := coalesce((SELECT t.opportunities FROM touchpoints t WHERE t.id = NEW.touchpoint_id), NEW.opportunities);
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER interactions_fill_opportunities BEFORE INSERT OR UPDATE OF touchpoint_id ON interactions FOR EACH ROW EXECUTE FUNCTION interactions_fill_opportunities();
