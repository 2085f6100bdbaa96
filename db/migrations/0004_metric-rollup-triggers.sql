-- Keeps metrics_daily and defect_category_daily exact in the transaction of every write.
-- Statement-level triggers with transition tables add the new rows' contributions and subtract
-- the old ones', so a batch of 1,000 interactions costs one upsert per day × touchpoint × segment,
-- not one per row. Upserts run in key order so concurrent writers lock rollup rows in one order.
--> statement-breakpoint
CREATE FUNCTION interactions_rollup_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO metrics_daily AS r (day, touchpoint_id, segment_id, units, defective_units, csat_responses, csat_satisfied, nps_responses, promoters, detractors, effort_responses, effort_sum, gap_responses, gap_sum)
  SELECT (x.occurred_at AT TIME ZONE 'UTC')::date, x.touchpoint_id, c.segment_id,
    sum(x.s),
    sum(x.s * (x.open_defect_count > 0)::int),
    sum(x.s * (x.csat IS NOT NULL)::int),
    sum(x.s * coalesce((x.csat >= 4)::int, 0)),
    sum(x.s * (x.nps IS NOT NULL)::int),
    sum(x.s * coalesce((x.nps >= 9)::int, 0)),
    sum(x.s * coalesce((x.nps <= 6)::int, 0)),
    sum(x.s * (x.effort IS NOT NULL)::int),
    sum(x.s * coalesce(x.effort, 0)),
    sum(x.s * (x.experience - x.expectation IS NOT NULL)::int),
    sum(x.s * coalesce(x.experience - x.expectation, 0))
  FROM (SELECT 1 AS s, n.* FROM new_rows n) x LEFT JOIN customers c ON c.id = x.customer_id
  GROUP BY 1, 2, 3
  HAVING sum(x.s) <> 0 OR sum(x.s * (x.open_defect_count > 0)::int) <> 0 OR sum(x.s * (x.csat IS NOT NULL)::int) <> 0 OR sum(x.s * coalesce((x.csat >= 4)::int, 0)) <> 0 OR sum(x.s * (x.nps IS NOT NULL)::int) <> 0 OR sum(x.s * coalesce((x.nps >= 9)::int, 0)) <> 0 OR sum(x.s * coalesce((x.nps <= 6)::int, 0)) <> 0 OR sum(x.s * (x.effort IS NOT NULL)::int) <> 0 OR sum(x.s * coalesce(x.effort, 0)) <> 0 OR sum(x.s * (x.experience - x.expectation IS NOT NULL)::int) <> 0 OR sum(x.s * coalesce(x.experience - x.expectation, 0)) <> 0
  ORDER BY 1, 2, 3
  ON CONFLICT ON CONSTRAINT metrics_daily_key DO UPDATE SET
    units = r.units + excluded.units,
    defective_units = r.defective_units + excluded.defective_units,
    csat_responses = r.csat_responses + excluded.csat_responses,
    csat_satisfied = r.csat_satisfied + excluded.csat_satisfied,
    nps_responses = r.nps_responses + excluded.nps_responses,
    promoters = r.promoters + excluded.promoters,
    detractors = r.detractors + excluded.detractors,
    effort_responses = r.effort_responses + excluded.effort_responses,
    effort_sum = r.effort_sum + excluded.effort_sum,
    gap_responses = r.gap_responses + excluded.gap_responses,
    gap_sum = r.gap_sum + excluded.gap_sum;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION interactions_rollup_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO metrics_daily AS r (day, touchpoint_id, segment_id, units, defective_units, csat_responses, csat_satisfied, nps_responses, promoters, detractors, effort_responses, effort_sum, gap_responses, gap_sum)
  SELECT (x.occurred_at AT TIME ZONE 'UTC')::date, x.touchpoint_id, c.segment_id,
    sum(x.s),
    sum(x.s * (x.open_defect_count > 0)::int),
    sum(x.s * (x.csat IS NOT NULL)::int),
    sum(x.s * coalesce((x.csat >= 4)::int, 0)),
    sum(x.s * (x.nps IS NOT NULL)::int),
    sum(x.s * coalesce((x.nps >= 9)::int, 0)),
    sum(x.s * coalesce((x.nps <= 6)::int, 0)),
    sum(x.s * (x.effort IS NOT NULL)::int),
    sum(x.s * coalesce(x.effort, 0)),
    sum(x.s * (x.experience - x.expectation IS NOT NULL)::int),
    sum(x.s * coalesce(x.experience - x.expectation, 0))
  FROM (SELECT -1 AS s, o.* FROM old_rows o UNION ALL SELECT 1 AS s, n.* FROM new_rows n) x LEFT JOIN customers c ON c.id = x.customer_id
  GROUP BY 1, 2, 3
  HAVING sum(x.s) <> 0 OR sum(x.s * (x.open_defect_count > 0)::int) <> 0 OR sum(x.s * (x.csat IS NOT NULL)::int) <> 0 OR sum(x.s * coalesce((x.csat >= 4)::int, 0)) <> 0 OR sum(x.s * (x.nps IS NOT NULL)::int) <> 0 OR sum(x.s * coalesce((x.nps >= 9)::int, 0)) <> 0 OR sum(x.s * coalesce((x.nps <= 6)::int, 0)) <> 0 OR sum(x.s * (x.effort IS NOT NULL)::int) <> 0 OR sum(x.s * coalesce(x.effort, 0)) <> 0 OR sum(x.s * (x.experience - x.expectation IS NOT NULL)::int) <> 0 OR sum(x.s * coalesce(x.experience - x.expectation, 0)) <> 0
  ORDER BY 1, 2, 3
  ON CONFLICT ON CONSTRAINT metrics_daily_key DO UPDATE SET
    units = r.units + excluded.units,
    defective_units = r.defective_units + excluded.defective_units,
    csat_responses = r.csat_responses + excluded.csat_responses,
    csat_satisfied = r.csat_satisfied + excluded.csat_satisfied,
    nps_responses = r.nps_responses + excluded.nps_responses,
    promoters = r.promoters + excluded.promoters,
    detractors = r.detractors + excluded.detractors,
    effort_responses = r.effort_responses + excluded.effort_responses,
    effort_sum = r.effort_sum + excluded.effort_sum,
    gap_responses = r.gap_responses + excluded.gap_responses,
    gap_sum = r.gap_sum + excluded.gap_sum;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION interactions_rollup_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO metrics_daily AS r (day, touchpoint_id, segment_id, units, defective_units, csat_responses, csat_satisfied, nps_responses, promoters, detractors, effort_responses, effort_sum, gap_responses, gap_sum)
  SELECT (x.occurred_at AT TIME ZONE 'UTC')::date, x.touchpoint_id, c.segment_id,
    sum(x.s),
    sum(x.s * (x.open_defect_count > 0)::int),
    sum(x.s * (x.csat IS NOT NULL)::int),
    sum(x.s * coalesce((x.csat >= 4)::int, 0)),
    sum(x.s * (x.nps IS NOT NULL)::int),
    sum(x.s * coalesce((x.nps >= 9)::int, 0)),
    sum(x.s * coalesce((x.nps <= 6)::int, 0)),
    sum(x.s * (x.effort IS NOT NULL)::int),
    sum(x.s * coalesce(x.effort, 0)),
    sum(x.s * (x.experience - x.expectation IS NOT NULL)::int),
    sum(x.s * coalesce(x.experience - x.expectation, 0))
  FROM (SELECT -1 AS s, o.* FROM old_rows o) x LEFT JOIN customers c ON c.id = x.customer_id
  GROUP BY 1, 2, 3
  HAVING sum(x.s) <> 0 OR sum(x.s * (x.open_defect_count > 0)::int) <> 0 OR sum(x.s * (x.csat IS NOT NULL)::int) <> 0 OR sum(x.s * coalesce((x.csat >= 4)::int, 0)) <> 0 OR sum(x.s * (x.nps IS NOT NULL)::int) <> 0 OR sum(x.s * coalesce((x.nps >= 9)::int, 0)) <> 0 OR sum(x.s * coalesce((x.nps <= 6)::int, 0)) <> 0 OR sum(x.s * (x.effort IS NOT NULL)::int) <> 0 OR sum(x.s * coalesce(x.effort, 0)) <> 0 OR sum(x.s * (x.experience - x.expectation IS NOT NULL)::int) <> 0 OR sum(x.s * coalesce(x.experience - x.expectation, 0)) <> 0
  ORDER BY 1, 2, 3
  ON CONFLICT ON CONSTRAINT metrics_daily_key DO UPDATE SET
    units = r.units + excluded.units,
    defective_units = r.defective_units + excluded.defective_units,
    csat_responses = r.csat_responses + excluded.csat_responses,
    csat_satisfied = r.csat_satisfied + excluded.csat_satisfied,
    nps_responses = r.nps_responses + excluded.nps_responses,
    promoters = r.promoters + excluded.promoters,
    detractors = r.detractors + excluded.detractors,
    effort_responses = r.effort_responses + excluded.effort_responses,
    effort_sum = r.effort_sum + excluded.effort_sum,
    gap_responses = r.gap_responses + excluded.gap_responses,
    gap_sum = r.gap_sum + excluded.gap_sum;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER interactions_rollup_insert AFTER INSERT ON interactions REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION interactions_rollup_insert();
--> statement-breakpoint
CREATE TRIGGER interactions_rollup_update AFTER UPDATE ON interactions REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION interactions_rollup_update();
--> statement-breakpoint
CREATE TRIGGER interactions_rollup_delete AFTER DELETE ON interactions REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION interactions_rollup_delete();
--> statement-breakpoint
CREATE FUNCTION defects_rollup_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO metrics_daily AS r (day, touchpoint_id, segment_id, defects, lost_revenue)
  SELECT (x.occurred_at AT TIME ZONE 'UTC')::date, x.touchpoint_id, c.segment_id,
    sum(x.s),
    sum(x.s * x.lost_revenue)
  FROM (SELECT 1 AS s, n.* FROM new_rows n) x LEFT JOIN customers c ON c.id = x.customer_id
  WHERE x.status <> 'dismissed'
  GROUP BY 1, 2, 3
  HAVING sum(x.s) <> 0 OR sum(x.s * x.lost_revenue) <> 0
  ORDER BY 1, 2, 3
  ON CONFLICT ON CONSTRAINT metrics_daily_key DO UPDATE SET
    defects = r.defects + excluded.defects,
    lost_revenue = r.lost_revenue + excluded.lost_revenue;
  INSERT INTO defect_category_daily AS r (day, touchpoint_id, segment_id, category_id, defects, lost_revenue)
  SELECT (x.occurred_at AT TIME ZONE 'UTC')::date, x.touchpoint_id, c.segment_id, x.category_id,
    sum(x.s),
    sum(x.s * x.lost_revenue)
  FROM (SELECT 1 AS s, n.* FROM new_rows n) x LEFT JOIN customers c ON c.id = x.customer_id
  WHERE x.status <> 'dismissed'
  GROUP BY 1, 2, 3, 4
  HAVING sum(x.s) <> 0 OR sum(x.s * x.lost_revenue) <> 0
  ORDER BY 1, 2, 3, 4
  ON CONFLICT ON CONSTRAINT defect_category_daily_key DO UPDATE SET
    defects = r.defects + excluded.defects,
    lost_revenue = r.lost_revenue + excluded.lost_revenue;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION defects_rollup_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO metrics_daily AS r (day, touchpoint_id, segment_id, defects, lost_revenue)
  SELECT (x.occurred_at AT TIME ZONE 'UTC')::date, x.touchpoint_id, c.segment_id,
    sum(x.s),
    sum(x.s * x.lost_revenue)
  FROM (SELECT -1 AS s, o.* FROM old_rows o UNION ALL SELECT 1 AS s, n.* FROM new_rows n) x LEFT JOIN customers c ON c.id = x.customer_id
  WHERE x.status <> 'dismissed'
  GROUP BY 1, 2, 3
  HAVING sum(x.s) <> 0 OR sum(x.s * x.lost_revenue) <> 0
  ORDER BY 1, 2, 3
  ON CONFLICT ON CONSTRAINT metrics_daily_key DO UPDATE SET
    defects = r.defects + excluded.defects,
    lost_revenue = r.lost_revenue + excluded.lost_revenue;
  INSERT INTO defect_category_daily AS r (day, touchpoint_id, segment_id, category_id, defects, lost_revenue)
  SELECT (x.occurred_at AT TIME ZONE 'UTC')::date, x.touchpoint_id, c.segment_id, x.category_id,
    sum(x.s),
    sum(x.s * x.lost_revenue)
  FROM (SELECT -1 AS s, o.* FROM old_rows o UNION ALL SELECT 1 AS s, n.* FROM new_rows n) x LEFT JOIN customers c ON c.id = x.customer_id
  WHERE x.status <> 'dismissed'
  GROUP BY 1, 2, 3, 4
  HAVING sum(x.s) <> 0 OR sum(x.s * x.lost_revenue) <> 0
  ORDER BY 1, 2, 3, 4
  ON CONFLICT ON CONSTRAINT defect_category_daily_key DO UPDATE SET
    defects = r.defects + excluded.defects,
    lost_revenue = r.lost_revenue + excluded.lost_revenue;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION defects_rollup_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO metrics_daily AS r (day, touchpoint_id, segment_id, defects, lost_revenue)
  SELECT (x.occurred_at AT TIME ZONE 'UTC')::date, x.touchpoint_id, c.segment_id,
    sum(x.s),
    sum(x.s * x.lost_revenue)
  FROM (SELECT -1 AS s, o.* FROM old_rows o) x LEFT JOIN customers c ON c.id = x.customer_id
  WHERE x.status <> 'dismissed'
  GROUP BY 1, 2, 3
  HAVING sum(x.s) <> 0 OR sum(x.s * x.lost_revenue) <> 0
  ORDER BY 1, 2, 3
  ON CONFLICT ON CONSTRAINT metrics_daily_key DO UPDATE SET
    defects = r.defects + excluded.defects,
    lost_revenue = r.lost_revenue + excluded.lost_revenue;
  INSERT INTO defect_category_daily AS r (day, touchpoint_id, segment_id, category_id, defects, lost_revenue)
  SELECT (x.occurred_at AT TIME ZONE 'UTC')::date, x.touchpoint_id, c.segment_id, x.category_id,
    sum(x.s),
    sum(x.s * x.lost_revenue)
  FROM (SELECT -1 AS s, o.* FROM old_rows o) x LEFT JOIN customers c ON c.id = x.customer_id
  WHERE x.status <> 'dismissed'
  GROUP BY 1, 2, 3, 4
  HAVING sum(x.s) <> 0 OR sum(x.s * x.lost_revenue) <> 0
  ORDER BY 1, 2, 3, 4
  ON CONFLICT ON CONSTRAINT defect_category_daily_key DO UPDATE SET
    defects = r.defects + excluded.defects,
    lost_revenue = r.lost_revenue + excluded.lost_revenue;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER defects_rollup_insert AFTER INSERT ON defects REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION defects_rollup_insert();
--> statement-breakpoint
CREATE TRIGGER defects_rollup_update AFTER UPDATE ON defects REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION defects_rollup_update();
--> statement-breakpoint
CREATE TRIGGER defects_rollup_delete AFTER DELETE ON defects REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION defects_rollup_delete();
--> statement-breakpoint
CREATE FUNCTION metrics_rollup_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  TRUNCATE metrics_daily, defect_category_daily;
  IF TG_TABLE_NAME = 'defects' THEN
    -- Interactions stay: put their part back.
    INSERT INTO metrics_daily AS r (day, touchpoint_id, segment_id, units, defective_units, csat_responses, csat_satisfied, nps_responses, promoters, detractors, effort_responses, effort_sum, gap_responses, gap_sum)
  SELECT (x.occurred_at AT TIME ZONE 'UTC')::date, x.touchpoint_id, c.segment_id,
    sum(x.s),
    sum(x.s * (x.open_defect_count > 0)::int),
    sum(x.s * (x.csat IS NOT NULL)::int),
    sum(x.s * coalesce((x.csat >= 4)::int, 0)),
    sum(x.s * (x.nps IS NOT NULL)::int),
    sum(x.s * coalesce((x.nps >= 9)::int, 0)),
    sum(x.s * coalesce((x.nps <= 6)::int, 0)),
    sum(x.s * (x.effort IS NOT NULL)::int),
    sum(x.s * coalesce(x.effort, 0)),
    sum(x.s * (x.experience - x.expectation IS NOT NULL)::int),
    sum(x.s * coalesce(x.experience - x.expectation, 0))
  FROM (SELECT 1 AS s, i.* FROM interactions i) x LEFT JOIN customers c ON c.id = x.customer_id
  GROUP BY 1, 2, 3
  ORDER BY 1, 2, 3;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER interactions_rollup_truncate AFTER TRUNCATE ON interactions FOR EACH STATEMENT EXECUTE FUNCTION metrics_rollup_truncate();
--> statement-breakpoint
CREATE TRIGGER defects_rollup_truncate AFTER TRUNCATE ON defects FOR EACH STATEMENT EXECUTE FUNCTION metrics_rollup_truncate();
--> statement-breakpoint
CREATE FUNCTION customers_rollup_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  WITH moved AS (SELECT o.id, o.segment_id AS old_segment, n.segment_id AS new_segment FROM old_rows o JOIN new_rows n ON n.id = o.id WHERE o.segment_id IS DISTINCT FROM n.segment_id)
  INSERT INTO metrics_daily AS r (day, touchpoint_id, segment_id, units, defective_units, csat_responses, csat_satisfied, nps_responses, promoters, detractors, effort_responses, effort_sum, gap_responses, gap_sum)
  SELECT (x.occurred_at AT TIME ZONE 'UTC')::date, x.touchpoint_id, x.seg,
    sum(x.s),
    sum(x.s * (x.open_defect_count > 0)::int),
    sum(x.s * (x.csat IS NOT NULL)::int),
    sum(x.s * coalesce((x.csat >= 4)::int, 0)),
    sum(x.s * (x.nps IS NOT NULL)::int),
    sum(x.s * coalesce((x.nps >= 9)::int, 0)),
    sum(x.s * coalesce((x.nps <= 6)::int, 0)),
    sum(x.s * (x.effort IS NOT NULL)::int),
    sum(x.s * coalesce(x.effort, 0)),
    sum(x.s * (x.experience - x.expectation IS NOT NULL)::int),
    sum(x.s * coalesce(x.experience - x.expectation, 0))
  FROM (SELECT -1 AS s, m.old_segment AS seg, i.* FROM interactions i JOIN moved m ON m.id = i.customer_id UNION ALL SELECT 1, m.new_segment, i.* FROM interactions i JOIN moved m ON m.id = i.customer_id) x 
  GROUP BY 1, 2, 3
  HAVING sum(x.s) <> 0 OR sum(x.s * (x.open_defect_count > 0)::int) <> 0 OR sum(x.s * (x.csat IS NOT NULL)::int) <> 0 OR sum(x.s * coalesce((x.csat >= 4)::int, 0)) <> 0 OR sum(x.s * (x.nps IS NOT NULL)::int) <> 0 OR sum(x.s * coalesce((x.nps >= 9)::int, 0)) <> 0 OR sum(x.s * coalesce((x.nps <= 6)::int, 0)) <> 0 OR sum(x.s * (x.effort IS NOT NULL)::int) <> 0 OR sum(x.s * coalesce(x.effort, 0)) <> 0 OR sum(x.s * (x.experience - x.expectation IS NOT NULL)::int) <> 0 OR sum(x.s * coalesce(x.experience - x.expectation, 0)) <> 0
  ORDER BY 1, 2, 3
  ON CONFLICT ON CONSTRAINT metrics_daily_key DO UPDATE SET
    units = r.units + excluded.units,
    defective_units = r.defective_units + excluded.defective_units,
    csat_responses = r.csat_responses + excluded.csat_responses,
    csat_satisfied = r.csat_satisfied + excluded.csat_satisfied,
    nps_responses = r.nps_responses + excluded.nps_responses,
    promoters = r.promoters + excluded.promoters,
    detractors = r.detractors + excluded.detractors,
    effort_responses = r.effort_responses + excluded.effort_responses,
    effort_sum = r.effort_sum + excluded.effort_sum,
    gap_responses = r.gap_responses + excluded.gap_responses,
    gap_sum = r.gap_sum + excluded.gap_sum;
  WITH moved AS (SELECT o.id, o.segment_id AS old_segment, n.segment_id AS new_segment FROM old_rows o JOIN new_rows n ON n.id = o.id WHERE o.segment_id IS DISTINCT FROM n.segment_id)
  INSERT INTO metrics_daily AS r (day, touchpoint_id, segment_id, defects, lost_revenue)
  SELECT (x.occurred_at AT TIME ZONE 'UTC')::date, x.touchpoint_id, x.seg,
    sum(x.s),
    sum(x.s * x.lost_revenue)
  FROM (SELECT -1 AS s, m.old_segment AS seg, i.* FROM defects i JOIN moved m ON m.id = i.customer_id UNION ALL SELECT 1, m.new_segment, i.* FROM defects i JOIN moved m ON m.id = i.customer_id) x 
  WHERE x.status <> 'dismissed'
  GROUP BY 1, 2, 3
  HAVING sum(x.s) <> 0 OR sum(x.s * x.lost_revenue) <> 0
  ORDER BY 1, 2, 3
  ON CONFLICT ON CONSTRAINT metrics_daily_key DO UPDATE SET
    defects = r.defects + excluded.defects,
    lost_revenue = r.lost_revenue + excluded.lost_revenue;
  WITH moved AS (SELECT o.id, o.segment_id AS old_segment, n.segment_id AS new_segment FROM old_rows o JOIN new_rows n ON n.id = o.id WHERE o.segment_id IS DISTINCT FROM n.segment_id)
  INSERT INTO defect_category_daily AS r (day, touchpoint_id, segment_id, category_id, defects, lost_revenue)
  SELECT (x.occurred_at AT TIME ZONE 'UTC')::date, x.touchpoint_id, x.seg, x.category_id,
    sum(x.s),
    sum(x.s * x.lost_revenue)
  FROM (SELECT -1 AS s, m.old_segment AS seg, i.* FROM defects i JOIN moved m ON m.id = i.customer_id UNION ALL SELECT 1, m.new_segment, i.* FROM defects i JOIN moved m ON m.id = i.customer_id) x 
  WHERE x.status <> 'dismissed'
  GROUP BY 1, 2, 3, 4
  HAVING sum(x.s) <> 0 OR sum(x.s * x.lost_revenue) <> 0
  ORDER BY 1, 2, 3, 4
  ON CONFLICT ON CONSTRAINT defect_category_daily_key DO UPDATE SET
    defects = r.defects + excluded.defects,
    lost_revenue = r.lost_revenue + excluded.lost_revenue;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER customers_rollup_update AFTER UPDATE ON customers REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION customers_rollup_update();
--> statement-breakpoint
CREATE FUNCTION customers_rollup_before_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.segment_id IS NOT NULL THEN
    INSERT INTO metrics_daily AS r (day, touchpoint_id, segment_id, defects, lost_revenue)
  SELECT (x.occurred_at AT TIME ZONE 'UTC')::date, x.touchpoint_id, x.seg,
    sum(x.s),
    sum(x.s * x.lost_revenue)
  FROM (SELECT -1 AS s, OLD.segment_id AS seg, i.* FROM defects i WHERE i.customer_id = OLD.id UNION ALL SELECT 1, NULL::uuid, i.* FROM defects i WHERE i.customer_id = OLD.id) x 
  WHERE x.status <> 'dismissed'
  GROUP BY 1, 2, 3
  HAVING sum(x.s) <> 0 OR sum(x.s * x.lost_revenue) <> 0
  ORDER BY 1, 2, 3
  ON CONFLICT ON CONSTRAINT metrics_daily_key DO UPDATE SET
    defects = r.defects + excluded.defects,
    lost_revenue = r.lost_revenue + excluded.lost_revenue;
  INSERT INTO defect_category_daily AS r (day, touchpoint_id, segment_id, category_id, defects, lost_revenue)
  SELECT (x.occurred_at AT TIME ZONE 'UTC')::date, x.touchpoint_id, x.seg, x.category_id,
    sum(x.s),
    sum(x.s * x.lost_revenue)
  FROM (SELECT -1 AS s, OLD.segment_id AS seg, i.* FROM defects i WHERE i.customer_id = OLD.id UNION ALL SELECT 1, NULL::uuid, i.* FROM defects i WHERE i.customer_id = OLD.id) x 
  WHERE x.status <> 'dismissed'
  GROUP BY 1, 2, 3, 4
  HAVING sum(x.s) <> 0 OR sum(x.s * x.lost_revenue) <> 0
  ORDER BY 1, 2, 3, 4
  ON CONFLICT ON CONSTRAINT defect_category_daily_key DO UPDATE SET
    defects = r.defects + excluded.defects,
    lost_revenue = r.lost_revenue + excluded.lost_revenue;
  END IF;
  RETURN OLD;
END $$;
--> statement-breakpoint
CREATE TRIGGER customers_rollup_before_delete BEFORE DELETE ON customers FOR EACH ROW EXECUTE FUNCTION customers_rollup_before_delete();
--> statement-breakpoint
-- The rows already stored (a database migrated from before the rollups).
INSERT INTO metrics_daily AS r (day, touchpoint_id, segment_id, units, defective_units, csat_responses, csat_satisfied, nps_responses, promoters, detractors, effort_responses, effort_sum, gap_responses, gap_sum)
  SELECT (x.occurred_at AT TIME ZONE 'UTC')::date, x.touchpoint_id, c.segment_id,
    sum(x.s),
    sum(x.s * (x.open_defect_count > 0)::int),
    sum(x.s * (x.csat IS NOT NULL)::int),
    sum(x.s * coalesce((x.csat >= 4)::int, 0)),
    sum(x.s * (x.nps IS NOT NULL)::int),
    sum(x.s * coalesce((x.nps >= 9)::int, 0)),
    sum(x.s * coalesce((x.nps <= 6)::int, 0)),
    sum(x.s * (x.effort IS NOT NULL)::int),
    sum(x.s * coalesce(x.effort, 0)),
    sum(x.s * (x.experience - x.expectation IS NOT NULL)::int),
    sum(x.s * coalesce(x.experience - x.expectation, 0))
  FROM (SELECT 1 AS s, i.* FROM interactions i) x LEFT JOIN customers c ON c.id = x.customer_id
  GROUP BY 1, 2, 3
  ORDER BY 1, 2, 3;
--> statement-breakpoint
INSERT INTO metrics_daily AS r (day, touchpoint_id, segment_id, defects, lost_revenue)
  SELECT (x.occurred_at AT TIME ZONE 'UTC')::date, x.touchpoint_id, c.segment_id,
    sum(x.s),
    sum(x.s * x.lost_revenue)
  FROM (SELECT 1 AS s, d.* FROM defects d) x LEFT JOIN customers c ON c.id = x.customer_id
  WHERE x.status <> 'dismissed'
  GROUP BY 1, 2, 3
  HAVING sum(x.s) <> 0 OR sum(x.s * x.lost_revenue) <> 0
  ORDER BY 1, 2, 3
  ON CONFLICT ON CONSTRAINT metrics_daily_key DO UPDATE SET
    defects = r.defects + excluded.defects,
    lost_revenue = r.lost_revenue + excluded.lost_revenue;
--> statement-breakpoint
INSERT INTO defect_category_daily AS r (day, touchpoint_id, segment_id, category_id, defects, lost_revenue)
  SELECT (x.occurred_at AT TIME ZONE 'UTC')::date, x.touchpoint_id, c.segment_id, x.category_id,
    sum(x.s),
    sum(x.s * x.lost_revenue)
  FROM (SELECT 1 AS s, d.* FROM defects d) x LEFT JOIN customers c ON c.id = x.customer_id
  WHERE x.status <> 'dismissed'
  GROUP BY 1, 2, 3, 4
  HAVING sum(x.s) <> 0 OR sum(x.s * x.lost_revenue) <> 0
  ORDER BY 1, 2, 3, 4
  ON CONFLICT ON CONSTRAINT defect_category_daily_key DO UPDATE SET
    defects = r.defects + excluded.defects,
    lost_revenue = r.lost_revenue + excluded.lost_revenue;
